/**
 * Meetings held with families: `GET /api/meetings` (newest first, `from`/`to`/`site`/`provider`),
 * `POST /api/meetings` (record one with its notes and quotes, read through the text pipeline), and
 * `GET /api/meetings/{id}` (one, with its redacted notes and quotes).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { authorize } from '../access/authorize';
import type { AppDeps } from '../deps';
import { isoDate } from '../reports';
import { MeetingInput } from '../services/meetings';
import { apiRoutes, body, errors, json, SIGNED_IN_ERRORS, signedIn } from './api';

const Site = z.object({ code: z.string(), name: z.string(), locality: z.string() });
/** What every view of a meeting says. */
const MeetingFacts = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  heldOn: z.string(),
  area: z.enum(['site', 'locality']),
  participants: z.number().int(),
  site: Site,
});
const MeetingSummary = MeetingFacts.extend({
  quotes: z.number().int(),
  /** Whether anything noted raised a safeguarding flag. */
  flagged: z.boolean(),
}).openapi('MeetingSummary');
const Words = z.object({
  id: z.string(),
  kind: z.string(),
  /** Redacted; `withheld: under safeguarding review` while a flag on the meeting is open, unless you are its safeguarding lead. */
  redacted: z.string(),
  withheld: z.boolean(),
  sentiment: z.number().int(),
  themes: z.array(z.object({ theme: z.string(), score: z.number(), sentiment: z.number().optional() })),
});
const Meeting = MeetingFacts.extend({
  demographics: z.record(z.string(), z.number()).nullable(),
  language: z.string(),
  notes: z.array(Words),
  quotes: z.array(Words),
  flag: z.object({ id: z.string(), status: z.string() }).nullable(),
}).openapi('Meeting');
const Query = z.object({ from: isoDate.optional(), to: isoDate.optional(), site: z.string().max(64).optional(), provider: z.string().max(64).optional() });

export function meetingRoutes(deps: AppDeps) {
  const { meetings } = deps.services;
  const tags = ['Meetings'];
  const list = createRoute({
    method: 'get',
    path: '/api/meetings',
    tags,
    security: signedIn,
    middleware: [authorize(deps, 'meetings.read')],
    summary: 'Meetings held with families at the sites you can see, newest first',
    request: { query: Query },
    responses: { 200: json(z.array(MeetingSummary), 'The meetings'), ...errors({ ...SIGNED_IN_ERRORS, 422: 'Bad filter' }) },
  });
  const record = createRoute({
    method: 'post',
    path: '/api/meetings',
    tags,
    security: signedIn,
    middleware: [authorize(deps, 'meetings.record')],
    summary: 'Record a meeting held with families: its notes and quotes are redacted, themed and checked for possible disclosures of harm',
    request: { body: body(MeetingInput, 'The meeting') },
    responses: {
      201: json(
        z.object({ id: z.string(), flagged: z.boolean(), notes: z.number().int(), quotes: z.number().int() }),
        'Stored; `flagged` when something noted may disclose harm (the safeguarding leads are alerted)',
      ),
      ...errors({ ...SIGNED_IN_ERRORS, 422: 'Bad input; `details[].field` names it' }),
    },
  });
  const one = createRoute({
    method: 'get',
    path: '/api/meetings/{id}',
    tags,
    security: signedIn,
    middleware: [authorize(deps, 'meetings.read')],
    summary: 'One meeting with its redacted notes and quotes',
    request: { params: z.object({ id: z.string().max(64) }) },
    responses: { 200: json(Meeting, 'The meeting'), ...errors({ ...SIGNED_IN_ERRORS, 404: 'No such meeting that you can see' }) },
  });
  return apiRoutes()
    .openapi(list, async (c) => {
      const query = c.req.valid('query');
      const rows = await meetings.list(c.var.principal, await meetings.filters(c.var.principal, query));
      return c.json(rows, 200);
    })
    .openapi(record, async (c) => c.json(await meetings.record(c.var.principal, c.req.valid('json')), 201))
    .openapi(one, async (c) => {
      const meeting = await meetings.get(c.var.principal, c.req.valid('param').id);
      const { organisationId: _organisation, createdAt: _created, ...shown } = meeting;
      return c.json(shown, 200);
    });
}
