/**
 * The quarterly report (issue 15): for one quarter and one scope (everything the reader sees, a
 * provider, or a site), one document a commissioner can print or send: FFT % positive with its
 * interval against last quarter and the same quarter last year (with significance), responses by
 * channel and language, equity gaps, top themes with representative redacted quotes, emerging
 * terms, "You said, we did" published in the quarter, meetings held with families, and who we are
 * and are not hearing from. Built from the same reports as the dashboard and `/api/reports/*`, so
 * small-number suppression and the reader's scope apply throughout.
 */
import { z } from 'zod';
import { publishedActionsBetween } from '../db/actions';
import { meetingsHeld, type MeetingFilters } from '../db/meetings';
import { meetingKindLabel } from './meeting-labels';
import { entityLabels, organisationsOf } from '../db/reports';
import { listSites } from '../db/sites';
import type { Principal } from '../db/scope';
import { periodRange, previousPeriod, samePeriodLastYear } from '../analysis/periods';
import { scopeFor } from './access/policy';
import type { AppDeps } from './deps';
import { validationFailed } from './errors';
import type { Reports } from './reports';
import type { PopulationRow } from './services/population';
import { compareWithPopulation } from '../analysis/hearing-from';

export const QuarterlyQuery = z.object({
  quarter: z
    .string()
    .regex(/^(20\d\d)-Q[1-4]$/, 'use a quarter like 2026-Q3')
    .optional(),
  provider: z.string().max(64).optional(),
  site: z.string().max(64).optional(),
});
export type QuarterlyRequest = z.infer<typeof QuarterlyQuery>;

/** The dimensions "who we are hearing from" and the equity section read, in the order shown. */
export const HEARING_FROM = ['ethnicGroup', 'firstLanguage', 'disability', 'relationship', 'childAgeBand'] as const;
const EQUITY_SHOWN = ['ethnicGroup', 'language', 'disability', 'channel'] as const;

/** The quarter a date falls in: `2026-Q3`. */
export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** The last whole quarter before `now`: what a quarterly report is usually about. */
export function lastWholeQuarter(now: Date): string {
  return previousPeriod(quarterOf(now));
}

const DAY = 86_400_000;

export function createQuarterly(
  deps: Pick<AppDeps, 'store' | 'now'>,
  reports: Reports,
  populationOf: (organisationIds: string[] | 'all') => Promise<PopulationRow[]> = async () => [],
) {
  const held = (principal: Principal, filters: MeetingFilters) => meetingsHeld(deps.store.db, scopeFor(principal, 'reports.read'), filters);
  const { db } = deps.store;

  return async function quarterlyReport(principal: Principal, query: QuarterlyRequest) {
    if (query.site && query.provider) throw validationFailed([{ field: 'site', message: 'choose a provider or a site, not both' }]);
    const quarter = query.quarter ?? lastWholeQuarter(deps.now());
    const range = periodRange(quarter);
    // The reports' `to` is inclusive: the quarter's last day.
    const lastDay = new Date(Date.parse(range.to) - DAY).toISOString().slice(0, 10);
    const filters = { from: range.from, to: lastDay, ...(query.site ? { site: query.site } : {}), ...(query.provider ? { provider: query.provider } : {}) };

    const sites = await listSites(db, scopeFor(principal, 'reports.read'));
    const inScope = sites.filter((site) =>
      query.site ? site.code === query.site.toLowerCase() : query.provider ? site.provider.code === query.provider : true,
    );
    const scope = query.site
      ? { kind: 'site' as const, code: query.site, name: inScope[0]?.name ?? query.site }
      : query.provider
        ? { kind: 'provider' as const, code: query.provider, name: inScope[0]?.provider.name ?? query.provider }
        : { kind: 'all' as const, code: null, name: `All ${sites.length} sites you can see` };

    const trends = await reports.trends(principal, { ...filters, groupBy: 'organisation', period: 'quarter' });
    const fft = trends.rows[0] ?? null;
    const byChannel = await reports.satisfaction(principal, { ...filters, groupBy: 'channel' });
    const byLanguage = await reports.satisfaction(principal, { ...filters, groupBy: 'language' });
    const equity = [];
    for (const dimension of EQUITY_SHOWN) equity.push(await reports.equity(principal, { ...filters, dimension }));
    const organisationIds = await organisationsOf(db, scopeFor(principal, 'reports.read'));
    const population = await populationOf(organisationIds);
    // A site's own locality's figures where the council gave them, else the whole area's.
    const locality = query.site ? (inScope[0]?.locality ?? '') : '';
    const hearingFrom = [];
    for (const dimension of HEARING_FROM) {
      const report = await reports.satisfaction(principal, { ...filters, groupBy: dimension });
      const answered = report.rows.filter((row) => row.key !== '');
      const total = report.total.n ?? 0;
      const figures = population.filter((p) => p.dimension === dimension);
      const area = figures.some((p) => p.locality === locality && locality !== '') ? locality : '';
      const here = figures.filter((p) => p.locality === area);
      const counts = here.length ? await reports.groupCounts(principal, filters, dimension) : null;
      hearingFrom.push({
        dimension,
        /** Each group's share of responses against its share of the population, when the council gave figures. */
        population: counts
          ? {
              area: area || 'the whole area',
              source: here.find((p) => p.source)?.source ?? null,
              rows: compareWithPopulation(
                counts.rows.filter((row) => row.key !== '' && row.key !== 'prefer_not_to_say'),
                here.map((p) => ({ key: p.group, count: p.count })),
                counts.label,
              ),
            }
          : null,
        responses: total,
        notAnswered: report.rows.find((row) => row.key === '')?.n ?? null,
        groups: answered.map((row) => ({
          key: row.key,
          label: row.label,
          n: row.n,
          share: row.n !== null && total > 0 ? row.n / total : null,
          suppressed: row.suppressed,
        })),
      });
    }
    const themes = await reports.themes(principal, filters);

    // "You said, we did" published in the quarter at the sites in scope.
    const siteIds = inScope.map((site) => site.id);
    const actions = [];
    for (const organisationId of organisationIds) {
      for (const action of await publishedActionsBetween(db, { organisationId, siteIds, from: new Date(range.from), to: new Date(range.to) })) {
        actions.push({ id: action.id, youSaid: action.youSaid.en ?? '', weDid: action.weDid.en ?? '', publishedAt: action.publishedAt?.toISOString() ?? null });
      }
    }
    const names = await entityLabels(db, scopeFor(principal, 'reports.read'));
    const meetingFilters: MeetingFilters = { from: range.from, to: lastDay, ...(siteIds.length === 1 && query.site ? { siteId: siteIds[0]! } : {}) };
    if (query.provider && inScope[0]) meetingFilters.providerId = inScope[0].provider.id;
    const byKind = (await held(principal, meetingFilters)).map((row) => ({
      kind: row.kind,
      label: meetingKindLabel(row.kind),
      meetings: row.meetings,
      participants: row.participants,
    }));
    const meetings = {
      total: byKind.reduce((sum, row) => sum + row.meetings, 0),
      participants: byKind.reduce((sum, row) => sum + row.participants, 0),
      byKind,
    };

    return {
      quarter,
      range: { from: range.from, to: lastDay },
      periods: { previous: previousPeriod(quarter), lastYear: samePeriodLastYear(quarter) },
      scope,
      /** FFT % positive this quarter, and its change against last quarter and the same quarter last year. */
      fft: fft && { current: fft.current, vsPrevious: fft.vsPrevious, vsLastYear: fft.vsLastYear },
      responses: byChannel.total.n,
      byChannel: byChannel.rows,
      byLanguage: byLanguage.rows,
      equity: equity.map((report) => ({ dimension: report.dimension, rows: report.rows })),
      themes: { comments: themes.comments, top: themes.themes.slice(0, 6), emerging: themes.emergingTerms.slice(0, 8) },
      actions,
      /** Meetings held with families in the quarter (focus groups, panels, forums, consultations), per kind. */
      meetings,
      hearingFrom,
      siteNames: inScope.map((site) => names.get(site.id) ?? site.name),
    };
  };
}

export type QuarterlyReport = Awaited<ReturnType<ReturnType<typeof createQuarterly>>>;
