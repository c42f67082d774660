/**
 * The safeguarding queue: `GET /api/safeguarding/flags`, one flag, and recording a review.
 * Only safeguarding leads (and admins, who see redacted text only) may look; every look and every
 * review is in the audit log (server/flag-reviews.ts, shared with the staff pages).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../deps';
import { forbidden, notFound } from '../errors';
import { FlagReview, flagReviews, mayReviewFlags } from '../flag-reviews';
import { requireUser } from '../middleware/require-user';
import { valid } from '../validate';


export function safeguardingRoutes(deps: AppDeps) {
  const flags = flagReviews(deps);
  return new Hono<AppEnv>()
    .use('/api/safeguarding/*', requireUser(deps), async (c, next) => {
      if (!mayReviewFlags(c.var.principal)) throw forbidden();
      await next();
    })
    .get('/api/safeguarding/flags', valid('query', z.object({ status: z.enum(['open', 'in_review', 'closed']).optional() })), async (c) => {
      return c.json(await flags.queue(c.var.principal, c.req.valid('query').status));
    })
    .get('/api/safeguarding/flags/:id', async (c) => {
      const flag = await flags.open(c.var.principal, c.req.param('id'));
      if (!flag) throw notFound('That safeguarding flag');
      return c.json(flag);
    })
    .post('/api/safeguarding/flags/:id/review', valid('json', FlagReview), async (c) => {
      const updated = await flags.review(c.var.principal, c.req.param('id'), c.req.valid('json'));
      if (!updated) throw notFound('That safeguarding flag');
      return c.json(updated);
    });
}
