/**
 * The safeguarding queue: `GET /api/safeguarding/flags`, one flag, and recording a review.
 * Only safeguarding leads (and admins, who see redacted text only) may look; every look and every
 * review is in the audit log (server/flag-reviews.ts, shared with the staff pages).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../deps';
import { authorize } from '../access/authorize';
import { notFound } from '../errors';
import { FlagReview } from '../services/flags';
import { valid } from '../validate';

export function safeguardingRoutes(deps: AppDeps) {
  const flags = deps.services.flags;
  return new Hono<AppEnv>()
    .get('/api/safeguarding/flags', authorize(deps, 'flags.list'), valid('query', z.object({ status: z.enum(['open', 'in_review', 'closed']).optional() })), async (c) => {
      return c.json(await flags.queue(c.var.principal, c.req.valid('query').status));
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
