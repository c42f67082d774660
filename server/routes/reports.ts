/**
 * Reports for commissioners and providers: `/api/reports/satisfaction`, `/equity`, `/trends`,
 * `/themes`. The work is in server/reports.ts (the reports service), which the staff dashboard
 * shares; everything is scoped to where the caller may read reports.
 */
import { Hono } from 'hono';
import { authorize } from '../access/authorize';
import type { AppDeps, AppEnv } from '../deps';
import { EquityQuery, SatisfactionQuery, ThemesQuery, TrendsQuery } from '../reports';
import { valid } from '../validate';

export function reportRoutes(deps: AppDeps) {
  const { reports } = deps.services;
  const read = authorize(deps, 'reports.read');
  return new Hono<AppEnv>()
    .get('/api/reports/satisfaction', read, valid('query', SatisfactionQuery), async (c) => c.json(await reports.satisfaction(c.var.principal, c.req.valid('query'))))
    .get('/api/reports/equity', read, valid('query', EquityQuery), async (c) => c.json(await reports.equity(c.var.principal, c.req.valid('query'))))
    .get('/api/reports/trends', read, valid('query', TrendsQuery), async (c) => c.json(await reports.trends(c.var.principal, c.req.valid('query'))))
    .get('/api/reports/themes', read, valid('query', ThemesQuery), async (c) => c.json(await reports.themes(c.var.principal, c.req.valid('query'))));
}
