/**
 * The safeguarding queue: `GET /api/safeguarding/flags`, one flag, and recording a review.
 * Only safeguarding leads (and admins, who see redacted text only) may look; every look and every
 * review is in the audit log (server/services/flags.ts, shared with the staff pages).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { authorize } from '../access/authorize';
import type { AppDeps } from '../deps';
import { notFound } from '../errors';
import { FlagReview } from '../services/flags';
import { apiRoutes, body, errors, json, SIGNED_IN_ERRORS, signedIn } from './api';

const Status = z.enum(['open', 'in_review', 'closed']);
export const Flag = z.object({
  id: z.string(),
  responseId: z.string(),
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
  /** Whether the caller reads the family's own words here (safeguarding leads of this site); else only the redacted form. */
  readsOriginalText: z.boolean(),
  comments: z.array(z.object({
    questionId: z.string(),
    /** The question as the family read it (English). */
    question: z.string().nullable(),
    redacted: z.string(),
    /** The family's own words: only when `readsOriginalText`; null once the retention period has erased them. */
    text: z.string().nullable().optional(),
  })),
}).openapi('SafeguardingFlag');

const Id = z.object({ id: z.string() });
const tags = ['Safeguarding'];

export function safeguardingRoutes(deps: AppDeps) {
  const flags = deps.services.flags;
  const queue = createRoute({
    method: 'get', path: '/api/safeguarding/flags', tags, security: signedIn, middleware: [authorize(deps, 'flags.list')],
    summary: 'Possible disclosures of harm, present risks first (safeguarding leads and admins)',
    request: { query: z.object({ status: Status.optional() }) },
    responses: {
      200: json(z.array(Flag), 'Flags, each with its answers; original words only where the caller is a safeguarding lead'),
      ...errors({ ...SIGNED_IN_ERRORS, 422: 'An unknown status' }),
    },
  });
  const one = createRoute({
    method: 'get', path: '/api/safeguarding/flags/{id}', tags, security: signedIn, middleware: [authorize(deps, 'flags.list')],
    summary: 'One flag (the look is audited)',
    request: { params: Id },
    responses: { 200: json(Flag, 'The flag'), ...errors({ ...SIGNED_IN_ERRORS, 404: 'No such flag you can see' }) },
  });
  const review = createRoute({
    method: 'post', path: '/api/safeguarding/flags/{id}/review', tags, security: signedIn, middleware: [authorize(deps, 'flags.review')],
    summary: 'Record what was done about a flag',
    request: { params: Id, body: body(FlagReview, 'The review') },
    responses: { 200: json(Flag, 'The flag, reviewed'), ...errors({ ...SIGNED_IN_ERRORS, 404: 'No such flag you can review', 422: 'A field is invalid' }) },
  });

  return apiRoutes()
    .openapi(queue, async (c) => c.json(await flags.queue(c.var.principal, c.req.valid('query').status), 200))
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
