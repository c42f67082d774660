/**
 * The safeguarding queue: `GET /api/safeguarding/flags`, one flag, and recording a review.
 * Only safeguarding leads (and admins, who see redacted text only) may look; every look and every
 * review is in the audit log.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { auditLog } from '../../db/schema';
import { listFlags, reviewFlag } from '../../db/safeguarding';
import { hasRole } from '../../db/scope';
import type { AppDeps, AppEnv } from '../deps';
import { forbidden, notFound } from '../errors';
import { requireUser } from '../middleware/require-user';
import { valid } from '../validate';

export const FlagReview = z.object({
  status: z.enum(['in_review', 'closed']),
  actionTaken: z.string().trim().min(3, 'say what was done, e.g. "Called the family; referred to MASH"').max(2000),
});

export function safeguardingRoutes(deps: AppDeps) {
  const { db } = deps.store;
  return new Hono<AppEnv>()
    .use('/api/safeguarding/*', requireUser(deps), async (c, next) => {
      if (!hasRole(c.var.principal, 'safeguarding_lead', 'admin')) throw forbidden();
      await next();
    })
    .get('/api/safeguarding/flags', valid('query', z.object({ status: z.enum(['open', 'in_review', 'closed']).optional() })), async (c) => {
      const { status } = c.req.valid('query');
      const withText = hasRole(c.var.principal, 'safeguarding_lead');
      return c.json(await listFlags(db, c.var.principal, { ...(status ? { status } : {}), withText }));
    })
    .get('/api/safeguarding/flags/:id', async (c) => {
      const withText = hasRole(c.var.principal, 'safeguarding_lead');
      const [flag] = await listFlags(db, c.var.principal, { id: c.req.param('id'), withText });
      if (!flag) throw notFound('That safeguarding flag');
      await db.insert(auditLog).values({ at: deps.now(), userId: c.var.principal.userId, action: 'safeguarding_flag_viewed', targetType: 'safeguarding_flag', targetId: flag.id });
      return c.json(flag);
    })
    .post('/api/safeguarding/flags/:id/review', valid('json', FlagReview), async (c) => {
      const id = c.req.param('id');
      const [flag] = await listFlags(db, c.var.principal, { id, withText: false });
      if (!flag) throw notFound('That safeguarding flag');
      const review = c.req.valid('json');
      const at = deps.now();
      await reviewFlag(db, id, { ...review, reviewerId: c.var.principal.userId, at });
      await db.insert(auditLog).values({ at, userId: c.var.principal.userId, action: 'safeguarding_flag_reviewed', targetType: 'safeguarding_flag', targetId: id, details: review });
      const [updated] = await listFlags(db, c.var.principal, { id, withText: hasRole(c.var.principal, 'safeguarding_lead') });
      return c.json(updated);
    });
}
