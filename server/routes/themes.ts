/**
 * Free text for commissioners: drill down to redacted comments, correct their themes, and adopt a
 * council's own framework — upload a model trained with `hubvoice themes train`, or teach the
 * current one from the corrections made so far. The rules are in server/services/themes.ts.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { authorize } from '../access/authorize';
import type { AppDeps } from '../deps';
import { Filters } from '../reports';
import { COMMENT_SOURCES } from '../../db/comments';
import { Correction } from '../services/themes';
import { apiRoutes, body, errors, json, SIGNED_IN_ERRORS, signedIn } from './api';

/** The report filters (same dates, same site and provider checks) plus theme, sentiment and paging. */
export const CommentsQuery = Filters.pick({ from: true, to: true, site: true, provider: true }).extend({
  theme: z.string().max(64).optional(),
  sentiment: z.enum(['-1', '0', '1']).transform(Number).optional(),
  /** Whose words: everyone's (the default), families' own comments, or meetings' notes and quotes. */
  source: z.enum(COMMENT_SOURCES).optional(),
  /** The language the comment was written in. */
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'a language code, like pl')
    .optional(),
  /** Only comments whose redacted words hold this, any case. */
  q: z.string().trim().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export { Correction };

const OrganisationQuery = z.object({ organisation: z.string().max(64).optional() });
const Sentiment = z.union([z.literal(-1), z.literal(0), z.literal(1)]);

export const Comment = z
  .object({
    id: z.string(),
    /** Names, places, phone numbers and the like taken out; "withheld: under safeguarding review" while `withheld`. */
    redacted: z.string(),
    /** True while the response is under an open safeguarding flag and the caller is not its lead: the words are withheld. */
    withheld: z.boolean(),
    sentiment: z.number().int(),
    themes: z.array(z.object({ theme: z.string(), score: z.number(), sentiment: z.number().optional() })),
    language: z.string(),
    questionId: z.string(),
    submittedAt: z.iso.datetime(),
    site: z.object({ code: z.string(), name: z.string() }),
    /** The meeting these are notes or a quote from (a focus group, forum or consultation); null for a family's own comment. */
    meeting: z.object({ id: z.string(), kind: z.string(), title: z.string(), heldOn: z.string() }).nullable(),
  })
  .openapi('Comment');
export const ThemeFramework = z
  .object({
    /** 'default', or 'v{n}' of the organisation's saved models. */
    version: z.string(),
    multiLabel: z.boolean(),
    trainedOn: z.object({ comments: z.number().int(), source: z.string().optional() }).nullable(),
    themes: z.array(z.object({ id: z.string(), name: z.string(), description: z.string(), seedTerms: z.array(z.string()) })).readonly(),
  })
  .openapi('ThemeFramework');

const tags = ['Themes'];
const ORGANISATION_ERRORS = { ...SIGNED_IN_ERRORS, 422: '`organisation` is needed (the caller has several) or is not one the caller may use' } as const;

export function themeRoutes(deps: AppDeps) {
  const { themes, reports } = deps.services;
  const signedInAs = (action: Parameters<typeof authorize>[1]) => ({ tags, security: signedIn, middleware: [authorize(deps, action)] });
  const comments = createRoute({
    ...signedInAs('comments.read'),
    method: 'get',
    path: '/api/comments',
    summary: 'Redacted comments, newest first, by theme, sentiment, site or provider',
    request: { query: CommentsQuery },
    responses: {
      200: json(z.object({ comments: z.array(Comment), limit: z.number().int(), offset: z.number().int() }), 'A page of comments'),
      ...errors({ ...SIGNED_IN_ERRORS, 422: 'A parameter is invalid; `details[].field` names it' }),
    },
  });
  const correct = createRoute({
    ...signedInAs('comments.correct'),
    method: 'post',
    path: '/api/comments/{id}/themes',
    summary: 'Correct a comment’s themes (commissioners and admins); the council’s model learns from corrections',
    request: { params: z.object({ id: z.string() }), body: body(Correction, 'The themes it should carry') },
    responses: {
      200: json(z.object({ id: z.string(), themes: z.array(z.string()), sentiment: Sentiment.optional() }), 'The correction'),
      ...errors({ ...SIGNED_IN_ERRORS, 404: 'No such comment you can see', 422: 'A theme id is malformed' }),
    },
  });
  const framework = createRoute({
    ...signedInAs('themes.read'),
    method: 'get',
    path: '/api/themes',
    summary: 'The council’s theme framework: each theme’s name, description and seed terms',
    request: { query: OrganisationQuery },
    responses: { 200: json(ThemeFramework, 'The framework in use'), ...errors(ORGANISATION_ERRORS) },
  });
  const upload = createRoute({
    ...signedInAs('themes.manage'),
    method: 'post',
    path: '/api/themes/model',
    summary: 'Adopt a theme model trained with `hubvoice themes train` (organisation-wide roles only)',
    request: {
      query: OrganisationQuery,
      // Described, not validated here: the model's own loader checks it and names what is wrong (a 422 `invalid_model`).
      body: {
        required: true,
        description: 'The model file, as `hubvoice themes train` writes it',
        content: { 'application/json': { schema: { type: 'object' } } },
      },
    },
    responses: {
      201: json(z.object({ version: z.string(), themes: z.number().int() }), 'Saved as the organisation’s new version'),
      ...errors({ ...ORGANISATION_ERRORS, 422: 'Not a hubvoice theme model (`invalid_model`), or `organisation` is needed or not yours' }),
    },
  });
  const applyCorrections = createRoute({
    ...signedInAs('themes.manage'),
    method: 'post',
    path: '/api/themes/model/apply-corrections',
    summary: 'Teach the current model from the corrections made so far',
    request: { query: OrganisationQuery },
    responses: {
      201: json(z.object({ version: z.string(), corrections: z.number().int(), themes: z.number().int() }), 'Saved as the organisation’s new version'),
      ...errors({ ...ORGANISATION_ERRORS, 422: 'No corrections yet, or `organisation` is needed or not yours' }),
    },
  });

  return apiRoutes()
    .openapi(comments, async (c) => {
      const query = c.req.valid('query');
      const rows = await themes.comments(c.var.principal, {
        ...(await reports.filtersFor(c.var.principal, query)),
        ...(query.theme ? { theme: query.theme } : {}),
        ...(query.sentiment !== undefined ? { sentiment: query.sentiment } : {}),
        ...(query.source ? { source: query.source } : {}),
        ...(query.language ? { language: query.language } : {}),
        ...(query.q ? { q: query.q } : {}),
        limit: query.limit,
        offset: query.offset,
      });
      return c.json({ comments: rows, limit: query.limit, offset: query.offset }, 200);
    })
    .openapi(correct, async (c) => c.json(await themes.correct(c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(framework, async (c) => c.json(await themes.model(c.var.principal, c.req.valid('query').organisation), 200))
    .openapi(upload, async (c) => c.json(await themes.upload(c.var.principal, c.req.valid('query').organisation, await c.req.text()), 201))
    .openapi(applyCorrections, async (c) => c.json(await themes.applyCorrections(c.var.principal, c.req.valid('query').organisation), 201));
}
