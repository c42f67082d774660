/**
 * The safeguarding queue: `GET /api/safeguarding/flags`, one flag, and recording a review.
 * The list comes a page at a time (`Link: <…>; rel="next"`), oldest open flags first, so none is lost.
 * Only safeguarding leads (and admins, who see redacted text only) may look; every look and every
 * review is in the audit log (server/flag-reviews.ts, shared with the staff pages).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../deps';
import { authorize } from '../access/authorize';
import { notFound } from '../errors';
import { decodeCursor, FlagReview, QUEUE_PAGE } from '../services/flags';
import { valid } from '../validate';

/** `?status=&cursor=&limit=`: one status (all unless given), where the last page ended, and how many (50, at most 200). */
const QueueQuery = z.object({
  status: z.enum(['open', 'in_review', 'closed']).optional(),
  cursor: z.string().transform((text, ctx) => decodeCursor(text) ?? (ctx.addIssue({ code: 'custom', message: 'not a cursor this API gave' }), z.NEVER)).optional(),
  limit: z.coerce.number().int().min(1).max(QUEUE_PAGE.max).optional(),
});

export function safeguardingRoutes(deps: AppDeps) {
  const flags = deps.services.flags;
  return new Hono<AppEnv>()
    .get('/api/safeguarding/flags', authorize(deps, 'flags.list'), valid('query', QueueQuery), async (c) => {
      const { status, cursor, limit } = c.req.valid('query');
      const page = await flags.queue(c.var.principal, { status, after: cursor, limit });
      // The body stays the array it always was; the next page is a standard `Link` (RFC 8288).
      if (page.next) {
        const next = new URL(c.req.url);
        next.searchParams.set('cursor', page.next);
        c.header('link', `<${next.pathname}${next.search}>; rel="next"`);
      }
      return c.json(page.flags);
    })
    .get('/api/safeguarding/flags/:id', authorize(deps, 'flags.list'), async (c) => {
      const flag = await flags.open(c.var.principal, c.req.param('id'));
      if (!flag) throw notFound('That safeguarding flag');
      return c.json(flag);
    })
    .post('/api/safeguarding/flags/:id/review', authorize(deps, 'flags.review'), valid('json', FlagReview), async (c) => {
      const updated = await flags.review(c.var.principal, c.req.param('id'), c.req.valid('json'));
      if (!updated) throw notFound('That safeguarding flag');
      return c.json(updated);
    });
}
