/**
 * The safeguarding queue: `GET /api/safeguarding/flags`, one flag, and recording a review.
 * The list comes a page at a time (`Link: <…>; rel="next"`), oldest open flags first, so none is lost.
 * Only safeguarding leads (and admins, who see redacted text only) may look; every look and every
 * review is in the audit log (server/services/flags.ts, shared with the staff pages).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { authorize } from '../access/authorize';
import type { AppDeps } from '../deps';
import { notFound } from '../errors';
import { decodeCursor, FlagReview, QUEUE_PAGE } from '../services/flags';
import { apiRoutes, body, errors, json, SIGNED_IN_ERRORS, signedIn } from './api';

const Status = z.enum(['open', 'in_review', 'closed']);
export const Flag = z
  .object({
    id: z.string(),
    /** The response holding the words; null when they are a meeting's notes or quotes. */
    responseId: z.string().nullable(),
    categories: z.array(z.string()),
    urgency: z.enum(['immediate', 'priority']),
    status: Status,
    createdAt: z.iso.datetime(),
    notifiedAt: z.iso.datetime().nullable(),
    reviewedAt: z.iso.datetime().nullable(),
    actionTaken: z.string().nullable(),
    /** The reviewer's email. */
    reviewedBy: z.string().nullable(),
    site: z.object({ code: z.string(), name: z.string() }),
    /** The form the family answered: the survey and the version. */
    form: z.object({ survey: z.string(), version: z.number().int() }).nullable(),
    /** The meeting whose notes or quotes hold the words (a focus group, forum or consultation), when it was one. */
    meeting: z.object({ id: z.string(), kind: z.string(), title: z.string(), heldOn: z.string() }).nullable().optional(),
    /** The service point whose code the family used, if any. */
    servicePoint: z.object({ code: z.string().nullable(), name: z.string().nullable() }).nullable(),
    /** Whether the caller reads the family's own words here (safeguarding leads of this site); else only the redacted form. */
    readsOriginalText: z.boolean(),
    comments: z.array(
      z.object({
        questionId: z.string(),
        /** The question as the family read it (English). */
        question: z.string().nullable(),
        redacted: z.string(),
        /** The family's own words: only when `readsOriginalText`; null once the retention period has erased them. */
        text: z.string().nullable().optional(),
      }),
    ),
  })
  .openapi('SafeguardingFlag');

/** One flag as opened or reviewed: with every review, oldest first. */
export const FlagWithReviews = Flag.extend({
  reviews: z.array(z.object({ status: Status, actionTaken: z.string(), reviewedAt: z.iso.datetime(), reviewedBy: z.string().nullable() })),
}).openapi('SafeguardingFlagWithReviews');

const Id = z.object({ id: z.string() });
const tags = ['Safeguarding'];

/** `?status=&cursor=&limit=`: one status (all unless given), where the last page ended, and how many (50, at most 200). */
const QueueQuery = z.object({
  status: z.enum(['open', 'in_review', 'closed']).optional(),
  cursor: z
    .string()
    .transform((text, ctx) => decodeCursor(text) ?? (ctx.addIssue({ code: 'custom', message: 'not a cursor this API gave' }), z.NEVER))
    .optional(),
  limit: z.coerce.number().int().min(1).max(QUEUE_PAGE.max).optional(),
});

export function safeguardingRoutes(deps: AppDeps) {
  const flags = deps.services.flags;
  const queue = createRoute({
    method: 'get',
    path: '/api/safeguarding/flags',
    tags,
    security: signedIn,
    middleware: [authorize(deps, 'flags.list')],
    summary: 'Possible disclosures of harm, present risks first (safeguarding leads and admins)',
    request: { query: QueueQuery },
    responses: {
      200: {
        ...json(
          z.array(Flag),
          'One page of flags (open and in review first, present risks first, then the oldest), each with its answers; original words only where the caller is a safeguarding lead',
        ),
        headers: z.object({ link: z.string().optional().openapi({ description: 'The next page: `<…?cursor=…>; rel="next"`, absent on the last page' }) }),
      },
      ...errors({ ...SIGNED_IN_ERRORS, 422: 'An unknown status, a cursor this API did not give, or a limit over 200' }),
    },
  });
  const one = createRoute({
    method: 'get',
    path: '/api/safeguarding/flags/{id}',
    tags,
    security: signedIn,
    middleware: [authorize(deps, 'flags.list')],
    summary: 'One flag (the look is audited)',
    request: { params: Id },
    responses: { 200: json(FlagWithReviews, 'The flag, with every review'), ...errors({ ...SIGNED_IN_ERRORS, 404: 'No such flag you can see' }) },
  });
  const review = createRoute({
    method: 'post',
    path: '/api/safeguarding/flags/{id}/review',
    tags,
    security: signedIn,
    middleware: [authorize(deps, 'flags.review')],
    summary: 'Record what was done about a flag',
    request: { params: Id, body: body(FlagReview, 'The review') },
    responses: {
      200: json(FlagWithReviews, 'The flag, reviewed'),
      ...errors({ ...SIGNED_IN_ERRORS, 404: 'No such flag you can review', 422: 'A field is invalid' }),
    },
  });

  return apiRoutes()
    .openapi(queue, async (c) => {
      const { status, cursor, limit } = c.req.valid('query');
      const page = await flags.queue(c.var.principal, { status, after: cursor, limit });
      // The body stays the array it always was; the next page is a standard `Link` (RFC 8288).
      if (page.next) {
        const next = new URL(c.req.url);
        next.searchParams.set('cursor', page.next);
        c.header('link', `<${next.pathname}${next.search}>; rel="next"`);
      }
      return c.json(page.flags, 200);
    })
    .openapi(one, async (c) => {
      const flag = await flags.open(c.var.principal, c.req.valid('param').id);
      if (!flag) throw notFound('That safeguarding flag');
      return c.json(flag, 200);
    })
    .openapi(review, async (c) => {
      const updated = await flags.review(c.var.principal, c.req.valid('param').id, c.req.valid('json'));
      if (!updated) throw notFound('That safeguarding flag');
      return c.json(updated, 200);
    });
}
