/**
 * The quarterly report's page (`/reports/quarterly`) and its PDF (`/reports/quarterly.pdf`, on the
 * Node server). Both read server/quarterly.ts, as `GET /api/reports/quarterly` does.
 */
import { Hono, type Context } from 'hono';
import { listSites } from '../../db/sites';
import { authorizePage } from '../access/authorize';
import { scopeFor } from '../access/policy';
import type { AppDeps, AppEnv } from '../deps';
import { ApiError, errorBody, type FieldError } from '../errors';
import { renderDocument } from '../pages/render';
import { QuarterlyPage } from '../pages/staff/quarterly-page';
import { lastWholeQuarter, QuarterlyQuery, quarterOf } from '../quarterly';
import { previousPeriod } from '../../analysis/periods';
import { staffCompress, staffPageHeaders, staffUser } from './staff-common';
import { staffMessage } from './staff-message';

/** `scope=provider:north` or `scope=site:ash` as the API's `provider` / `site`. */
function queryOf(c: Context) {
  const scope = c.req.query('scope') ?? '';
  const [kind, code] = scope.split(':');
  return {
    asked: { quarter: c.req.query('quarter') ?? '', scope },
    query: QuarterlyQuery.safeParse({
      quarter: c.req.query('quarter') || undefined,
      ...(kind === 'provider' && code ? { provider: code } : {}),
      ...(kind === 'site' && code ? { site: code } : {}),
      ...(c.req.query('provider') ? { provider: c.req.query('provider') } : {}),
      ...(c.req.query('site') ? { site: c.req.query('site') } : {}),
    }),
  };
}

export function quarterlyPageRoutes(deps: AppDeps) {
  const { quarterly } = deps.services;
  const refused = (c: Context<AppEnv>) =>
    staffMessage(c, 403, {
      title: 'You cannot see reports',
      paragraphs: ['Your account does not read figures. Ask an administrator if you need to.'],
      links: [{ href: '/', text: 'Go to the start page' }],
    });
  const may = authorizePage(deps, 'reports.read', refused);

  return new Hono<AppEnv>()
    .use('/reports/*', staffPageHeaders, staffCompress)
    .get('/reports/quarterly', may, async (c) => {
      const principal = c.var.principal;
      const { asked, query } = queryOf(c);
      const sites = await listSites(deps.store.db, scopeFor(principal, 'reports.read'));
      const providers = [...new Map(sites.map((s) => [s.provider.code, { code: s.provider.code, name: s.provider.name }])).values()];
      const quarters = [quarterOf(deps.now())];
      for (let i = 0; i < 8; i++) quarters.push(previousPeriod(quarters[quarters.length - 1]!));
      const chosen = query.success ? (query.data.quarter ?? lastWholeQuarter(deps.now())) : lastWholeQuarter(deps.now());
      const page = (status: 200 | 422, report: Awaited<ReturnType<typeof quarterly>> | null, errors: FieldError[]) =>
        c.html(
          renderDocument(
            <QuarterlyPage
              user={staffUser(principal)}
              report={report}
              errors={errors}
              choices={{
                quarters: quarters.includes(chosen) ? quarters : [chosen, ...quarters],
                providers,
                sites: sites.map((s) => ({ code: s.code, name: s.name })),
              }}
              asked={{ quarter: chosen, scope: asked.scope }}
              pdfHref={deps.quarterlyPdf && report ? `/reports/quarterly.pdf?${new URL(c.req.url).searchParams.toString() || `quarter=${chosen}`}` : null}
            />,
          ),
          status,
        );
      if (!query.success)
        return page(
          422,
          null,
          query.error.issues.map((issue) => ({
            field: String(issue.path[0] ?? 'quarter'),
            message: `Choose a ${String(issue.path[0] ?? 'quarter')} from the list`,
          })),
        );
      try {
        return page(200, await quarterly(principal, query.data), []);
      } catch (error) {
        if (error instanceof ApiError && error.status === 422) return page(422, null, error.details ?? [{ field: 'scope', message: error.message }]);
        throw error;
      }
    })
    .get('/reports/quarterly.pdf', may, async (c) => {
      const { query } = queryOf(c);
      if (!query.success) return c.json(errorBody('validation_failed', 'Choose a quarter like 2026-Q3 and a provider or site you can see.'), 422);
      if (!deps.quarterlyPdf) {
        return c.json(errorBody('unavailable', 'This server cannot write PDFs: print the report page instead, which is laid out for A4.'), 501);
      }
      const report = await quarterly(c.var.principal, query.data);
      const bytes = await deps.quarterlyPdf(report);
      const name = `hubvoice-${report.quarter}-${(report.scope.code ?? 'all').replace(/[^a-z0-9-]/gi, '')}.pdf`;
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${name}"`,
        'cache-control': 'private, no-store',
      });
    });
}
