/**
 * `GET /dashboard` and `GET /dashboard/comments` for commissioners and providers. Every figure
 * comes from server/reports.ts, the functions behind the JSON reports, so the page is scoped to
 * exactly what the API would show the same person; comments come from findComments, as
 * `/api/comments` does.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { COMMENT_SOURCES } from '../../db/comments';
import { countOpenFlags } from '../../db/safeguarding';
import { listSites } from '../../db/sites';
import type { Principal } from '../../db/scope';
import type { AppDeps, AppEnv } from '../deps';
import { ApiError, type FieldError } from '../errors';
import { authorizePage } from '../access/authorize';
import { can, scopeFor } from '../access/policy';
import { renderDocument } from '../pages/render';
import { CommentsPage } from '../pages/staff/comments-page';
import {
  BREAKDOWNS,
  DashboardPage,
  EQUITY_CHOICES,
  type Breakdown,
  type DashboardData,
  type DashboardFilters,
  type EquityChoice,
} from '../pages/staff/dashboard-page';
import { changeText, figureText } from '../quarterly-figures';
import { LANGUAGES } from '../../survey/translate';
import { monthLabel, monthsBetween } from '../pages/staff/format';
import { Filters } from '../reports';
import { staffCompress, staffPageHeaders, staffUser } from './staff-common';
import { staffMessage } from './staff-message';

const COMMENTS_PER_PAGE = 20;
const TOP_THEMES = 8;
/** Comments per period read for the dashboard's one quote a theme and its emerging words (the themes report reads 10,000). */
const DASHBOARD_TEXT_SAMPLE = 3_000;
const LABELS: Record<string, string> = { from: 'From', to: 'To', site: 'Site', provider: 'Provider' };

const DashboardQuery = Filters.pick({ from: true, to: true, site: true, provider: true }).extend({
  dimension: z
    .enum(EQUITY_CHOICES.map((c) => c.value) as [EquityChoice, ...EquityChoice[]])
    .catch('ethnicGroup')
    .default('ethnicGroup'),
  source: z.enum(COMMENT_SOURCES).catch('all').default('all'),
  by: z
    .enum(BREAKDOWNS.map((b) => b.value) as [Breakdown, ...Breakdown[]])
    .catch('site')
    .default('site'),
});
const CommentsQuery = Filters.pick({ from: true, to: true, site: true, provider: true }).extend({
  theme: z.string().max(64).optional(),
  source: z.enum(COMMENT_SOURCES).catch('all').default('all'),
  sentiment: z.enum(['-1', '0', '1']).optional().catch(undefined),
  language: z
    .enum(LANGUAGES.map((l) => l.code) as [string, ...string[]])
    .optional()
    .catch(undefined),
  q: z.string().trim().max(64).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

/** A GET form sends empty fields as `name=`; they mean "not filtered". */
const present = (query: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(query).filter(([, value]) => value.trim() !== ''));
const pick = (query: Record<string, string>, names: string[]) => Object.fromEntries(names.flatMap((name) => (query[name] ? [[name, query[name]]] : [])));

export function dashboardRoutes(deps: AppDeps) {
  const { reports, themes } = deps.services;
  const { db } = deps.store;

  const forbiddenPage = (c: Context<AppEnv>) =>
    staffMessage(c, 403, {
      title: 'You cannot see reports',
      paragraphs: ['Your roles do not include reading feedback reports. If you need them, ask your hubvoice administrator.'],
      links: can(c.var.principal, 'flags.list') ? [{ href: '/safeguarding', text: 'Go to safeguarding flags' }] : [],
    });

  /** The last 12 months to today unless the form says otherwise: enough for a trend, recent enough to act on. */
  function defaultRange(): { from: string; to: string } {
    const now = deps.now();
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
    return { from: from.toISOString().slice(0, 10), to: now.toISOString().slice(0, 10) };
  }

  async function scopeOf(principal: Principal) {
    const sites = await listSites(db, scopeFor(principal, 'reports.read'));
    const providers = [...new Map(sites.map((s) => [s.provider.code, { code: s.provider.code, name: s.provider.name }])).values()].sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    const scope =
      providers.length === 1
        ? `The ${sites.length === 1 ? 'site' : `${sites.length} sites`} run by ${providers[0]!.name}`
        : `All ${sites.length} sites you can see`;
    return { sites: sites.map((s) => ({ code: s.code, name: s.name, provider: s.provider.code })), providers, scope };
  }

  const errorsFrom = (issues: readonly { path: readonly PropertyKey[] }[]): FieldError[] =>
    [...new Set(issues.map((i) => String(i.path[0])))].map((field) => ({
      field,
      message: field === 'from' || field === 'to' ? `${LABELS[field]} must be a real date, like 2026-04-01` : `Choose a ${field} from the list`,
    }));

  const hrefWith = (filters: Partial<Record<string, string>>) => (extra: Record<string, string>) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...filters, ...extra })) if (value) params.set(key, value);
    const search = params.toString();
    return search ? `?${search}` : '';
  };

  return new Hono<AppEnv>()
    .use('/dashboard/*', staffPageHeaders, staffCompress)
    .get('/dashboard', authorizePage(deps, 'reports.read', forbiddenPage), async (c) => {
      const principal = c.var.principal;
      // A council with no sites yet has nothing to chart: whoever can set it up is led to do so.
      if (can(principal, 'sites.manage') && (await deps.services.places.needsSetup(principal))) {
        return c.redirect('/admin/sites', 303);
      }
      const asked = present(c.req.query());
      const parsed = DashboardQuery.safeParse(asked);
      const { sites, providers, scope } = await scopeOf(principal);
      // What was typed is shown back as typed, so a mistyped date can be corrected in place.
      const filters: DashboardFilters = {
        ...defaultRange(),
        provider: '',
        site: '',
        ...pick(asked, ['from', 'to', 'provider', 'site']),
        dimension: parsed.success ? parsed.data.dimension : 'ethnicGroup',
        source: parsed.success ? parsed.data.source : 'all',
        by: parsed.success ? parsed.data.by : 'site',
      };
      const page = (errors: FieldError[], data: DashboardData | null) =>
        c.html(
          renderDocument(
            <DashboardPage
              user={staffUser(principal)}
              scope={
                filters.site
                  ? (sites.find((s) => s.code === filters.site)?.name ?? filters.site)
                  : filters.provider
                    ? `The sites run by ${providers.find((p) => p.code === filters.provider)?.name ?? filters.provider}`
                    : scope
              }
              posters={filters.site ? `/sites/${encodeURIComponent(filters.site)}/posters` : null}
              filters={filters}
              providers={providers}
              sites={filters.provider ? sites.filter((s) => s.provider === filters.provider || s.code === filters.site) : sites}
              errors={errors}
              data={data}
              query={hrefWith({
                from: filters.from,
                to: filters.to,
                provider: filters.provider,
                site: filters.site,
                ...(filters.source !== 'all' ? { source: filters.source } : {}),
                ...(filters.by !== 'site' ? { by: filters.by } : {}),
                ...(filters.dimension !== 'ethnicGroup' ? { dimension: filters.dimension } : {}),
              })}
            />,
          ),
          errors.length ? 400 : 200,
        );
      if (!parsed.success) return page(errorsFrom(parsed.error.issues), null);
      if (filters.from > filters.to) return page([{ field: 'from', message: 'From must be on or before To' }], null);
      const query = {
        from: filters.from,
        to: filters.to,
        ...(filters.site ? { site: filters.site } : {}),
        ...(filters.provider ? { provider: filters.provider } : {}),
      };
      try {
        const [breakdown, byMonth, equity, themes, openFlags] = await Promise.all([
          reports.satisfaction(principal, { ...query, groupBy: filters.by }),
          reports.monthly(principal, query),
          reports.equity(principal, { ...query, dimension: filters.dimension }),
          reports.themes(principal, { ...query, ...(filters.source !== 'all' ? { source: filters.source } : {}) }, { textSample: DASHBOARD_TEXT_SAMPLE }),
          countOpenFlags(db, scopeFor(principal, 'flags.list')),
        ]);
        // The latest month and quarter against the one before and a year before, with significance.
        const inWords = ({ periods, row }: typeof byMonth.month, name: (key: string) => string) =>
          `${name(periods.current)}: ${figureText(row.current)}; ${changeText(row.vsPrevious, name(periods.previous))} Against a year before: ${changeText(row.vsLastYear, name(periods.lastYear))}`;
        const months = new Map(byMonth.rows.map((row) => [row.key, row]));
        return page([], {
          total: breakdown.total,
          breakdown: breakdown.rows,
          trend: { month: inWords(byMonth.month, (key) => monthLabel(key).long), quarter: inWords(byMonth.quarter, (key) => key.replace('-', ' ')) },
          emergingTerms: themes.emergingTerms.slice(0, 8),
          byMonth: monthsBetween(filters.from, filters.to).map((key) => ({ key, ...monthLabel(key), row: months.get(key) ?? null })),
          equity: equity.rows,
          themes: themes.themes.filter((theme) => theme.count > 0).slice(0, TOP_THEMES),
          comments: themes.comments,
          openFlags,
        });
      } catch (error) {
        if (error instanceof ApiError && error.details) return page(errorsFrom(error.details.map((d) => ({ path: [d.field] }))), null);
        throw error;
      }
    })
    .get('/dashboard/comments', authorizePage(deps, 'comments.read', forbiddenPage), async (c) => {
      const principal = c.var.principal;
      const parsed = CommentsQuery.safeParse(present(c.req.query()));
      const query: z.infer<typeof CommentsQuery> = parsed.success ? parsed.data : { page: 1, source: 'all' };
      // A site or provider this person cannot see finds nothing, as the API's 422 would.
      const filters = await reports.filtersFor(principal, query).catch(() => null);
      const rows = filters
        ? await themes.comments(principal, {
            ...filters,
            ...(query.theme ? { theme: query.theme } : {}),
            ...(query.source !== 'all' ? { source: query.source } : {}),
            ...(query.sentiment ? { sentiment: Number(query.sentiment) } : {}),
            ...(query.language ? { language: query.language } : {}),
            ...(query.q ? { q: query.q } : {}),
            limit: COMMENTS_PER_PAGE + 1,
            offset: (query.page - 1) * COMMENTS_PER_PAGE,
          })
        : [];
      const names = await reports.themeNamesFor(principal);
      const keep = { from: query.from, to: query.to, site: query.site, provider: query.provider, ...(query.source !== 'all' ? { source: query.source } : {}) };
      const chosen = { ...keep, theme: query.theme, sentiment: query.sentiment, language: query.language, q: query.q };
      const href = hrefWith(chosen);
      const { sites } = await scopeOf(principal);
      return c.html(
        renderDocument(
          <CommentsPage
            user={staffUser(principal)}
            themeName={query.theme ? ((Object.hasOwn(names, query.theme) ? names[query.theme] : undefined) ?? query.theme) : null}
            filters={chosen}
            sites={sites}
            comments={rows.slice(0, COMMENTS_PER_PAGE)}
            page={query.page}
            hasNext={rows.length > COMMENTS_PER_PAGE}
            pageHref={(page) => `/dashboard/comments${href({ page: String(page) })}`}
            backHref={`/dashboard${hrefWith(keep)({})}`}
          />,
        ),
      );
    });
}
