/**
 * Reports for commissioners and providers: `/api/reports/satisfaction`, `/equity`, `/trends`,
 * `/themes`. The work is in server/reports.ts, which the staff dashboard shares; everything is
 * scoped to what the caller may see.
 */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../deps';
import { requireUser } from '../middleware/require-user';
import { createReports, EquityQuery, SatisfactionQuery, ThemesQuery, TrendsQuery } from '../reports';
import { valid } from '../validate';

export function reportRoutes(deps: AppDeps) {
  const reports = createReports(deps);
  return new Hono<AppEnv>()
    .use('/api/reports/*', requireUser(deps))
    .get('/api/reports/satisfaction', valid('query', SatisfactionQuery), async (c) => c.json(await reports.satisfaction(c.var.principal, c.req.valid('query'))))
    .get('/api/reports/equity', valid('query', EquityQuery), async (c) => c.json(await reports.equity(c.var.principal, c.req.valid('query'))))
    .get('/api/reports/trends', valid('query', TrendsQuery), async (c) => c.json(await reports.trends(c.var.principal, c.req.valid('query'))))
    .get('/api/reports/themes', valid('query', ThemesQuery), async (c) => c.json(await reports.themes(c.var.principal, c.req.valid('query'))));
}
