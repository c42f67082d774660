/**
 * Reports for commissioners and providers: `/api/reports/satisfaction`, `/equity`, `/trends`,
 * `/themes`. The work is in server/reports.ts (the reports service), which the staff dashboard
 * shares; everything is scoped to where the caller may read reports.
 */
import { createRoute, type z } from '@hono/zod-openapi';
import { authorize } from '../access/authorize';
import type { AppDeps } from '../deps';
import { EquityQuery, SatisfactionQuery, ThemesQuery, TrendsQuery } from '../reports';
import { apiRoutes, errors, json, SIGNED_IN_ERRORS, signedIn } from './api';
import { EquityReport, QuarterlyReportSchema, SatisfactionReport, ThemesReport, TrendsReport } from './reports.schemas';
import { QuarterlyQuery } from '../quarterly';

export function reportRoutes(deps: AppDeps) {
  const { reports } = deps.services;
  const report = <Path extends string, Query extends z.ZodObject, Report extends z.ZodType>(
    path: Path,
    query: Query,
    schema: Report,
    summary: string,
    description: string,
  ) =>
    createRoute({
      method: 'get',
      path,
      tags: ['Reports'],
      security: signedIn,
      middleware: [authorize(deps, 'reports.read')],
      summary,
      description,
      request: { query },
      responses: {
        200: json(schema, 'The report'),
        ...errors({ ...SIGNED_IN_ERRORS, 422: 'A parameter is invalid, or names a site or provider you cannot see; `details[].field` names it' }),
      },
    });
  const satisfaction = report(
    '/api/reports/satisfaction',
    SatisfactionQuery,
    SatisfactionReport,
    'Satisfaction (FFT % positive and negative with Wilson 95% intervals, mean rating), grouped',
    'Cells of 1-4 responses are suppressed, with secondary suppression (NHS England FFT rule).',
  );
  const equity = report(
    '/api/reports/equity',
    EquityQuery,
    EquityReport,
    'Each group’s % positive against everyone else, with the gap and a flag',
    'Service Access Equity (contract KPI 5).',
  );
  const trends = report(
    '/api/reports/trends',
    TrendsQuery,
    TrendsReport,
    'This period against the previous one and the same period last year',
    'Changes are flagged only when a two-proportion test says they are significant (p < 0.05).',
  );
  const themes = report(
    '/api/reports/themes',
    ThemesQuery,
    ThemesReport,
    'Free-text themes with sentiment, change, redacted quotes and emerging terms',
    'The period is `from`..`to` (default: the last 90 days), compared with the same length before it. Counts, shares, sentiment and change cover every comment; quotes and emerging terms are read from the newest 10,000 comments of each period (`textSample` gives how many).',
  );

  const quarterlyReport = report(
    '/api/reports/quarterly',
    QuarterlyQuery,
    QuarterlyReportSchema,
    'The quarterly report: FFT against last quarter and last year, channels, languages, equity, themes with quotes, actions, who we hear from',
    'For one quarter (`2026-Q3`; default the last whole quarter) and everything you can see, a `provider` or a `site`. The staff page `/reports/quarterly` prints it on A4; `/reports/quarterly.pdf` is a PDF on the Node server.',
  );

  return apiRoutes()
    .openapi(quarterlyReport, async (c) => c.json(await deps.services.quarterly(c.var.principal, c.req.valid('query')), 200))
    .openapi(satisfaction, async (c) => c.json(await reports.satisfaction(c.var.principal, c.req.valid('query')), 200))
    .openapi(equity, async (c) => c.json(await reports.equity(c.var.principal, c.req.valid('query')), 200))
    .openapi(trends, async (c) => c.json(await reports.trends(c.var.principal, c.req.valid('query')), 200))
    .openapi(themes, async (c) => c.json(await reports.themes(c.var.principal, c.req.valid('query')), 200));
}
