/**
 * One person's own words, found by the contact details they wrote (administrators): search,
 * export for the person, erase. POST throughout, so a contact never sits in a URL or a log.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { authorize } from '../access/authorize';
import type { AppDeps } from '../deps';
import { ContactInput } from '../services/respondents';
import { apiRoutes, body, errors, json, SIGNED_IN_ERRORS, signedIn } from './api';

const tags = ['People who wrote'];
const Found = z
  .object({
    contact: z.string(),
    comments: z.array(
      z.object({
        /** The response it was written in; null for a meeting's notes or quote. */
        responseId: z.string().nullable(),
        /** The meeting whose notes or quote hold the contact, when it is one. */
        meetingId: z.string().nullable(),
        question: z.string(),
        site: z.string(),
        submittedAt: z.iso.datetime(),
        redacted: z.string(),
        underReview: z.boolean().openapi({ description: 'Under an open safeguarding flag: kept until it is closed' }),
      }),
    ),
  })
  .openapi('RespondentComments');

export function respondentRoutes(deps: AppDeps) {
  const { respondents } = deps.services;
  const common = { tags, security: signedIn, middleware: [authorize(deps, 'respondents.manage')] };
  const request = { body: body(ContactInput, 'The email address or UK phone number the person wrote') };
  const invalid = {
    ...SIGNED_IN_ERRORS,
    422: 'Not an email address or UK phone number (`invalid_contact`), or words under review (`under_safeguarding_review`)',
  };
  const search = createRoute({
    ...common,
    method: 'post',
    path: '/api/respondents/search',
    summary: 'Comments whose writer gave this contact (redacted text, as staff read it)',
    request,
    responses: { 200: json(Found, 'What was found'), ...errors(invalid) },
  });
  const exported = createRoute({
    ...common,
    method: 'post',
    path: '/api/respondents/export',
    summary: 'Everything held that the person wrote, their own words included (subject access); audited',
    request,
    responses: { 200: json(z.object({ about: z.string(), madeAt: z.iso.datetime(), responses: z.array(z.unknown()) }), 'The export'), ...errors(invalid) },
  });
  const erase = createRoute({
    ...common,
    method: 'post',
    path: '/api/respondents/erase',
    summary: 'Erase the person’s words from every response holding their contact (from the file and its log too); audited',
    request,
    responses: { 200: json(z.object({ erased: z.number().int() }), 'How many responses were erased'), ...errors(invalid) },
  });
  return apiRoutes()
    .openapi(search, async (c) => c.json(await respondents.find(c.var.principal, c.req.valid('json').contact), 200))
    .openapi(exported, async (c) => c.json(await respondents.export(c.var.principal, c.req.valid('json').contact), 200))
    .openapi(erase, async (c) => c.json(await respondents.erase(c.var.principal, c.req.valid('json').contact), 200));
}
