/**
 * The reports as functions of (who is asking, what they asked): satisfaction, equity, trends and
 * themes. The JSON APIs (routes/reports.ts) and the staff dashboard both call these, so a page can
 * never show a provider more than the API would. Each fetches counts with one GROUP BY
 * (db/reports.ts) and hands them to analysis/ for meaning.
 */
import { z } from 'zod';
import { emptyFftCounts, FFT_OPTIONS, type FftCounts } from '../analysis/fft';
import { equityReport } from '../analysis/equity';
import { periodKey, periodRange, previousPeriod, samePeriodLastYear } from '../analysis/periods';
import { satisfactionReport } from '../analysis/satisfaction';
import { trendReport } from '../analysis/trends';
import { summariseThemes, type Sentiment } from '../analysis/text';
import {
  countResponses,
  DEMOGRAPHIC_DIMENSIONS,
  DIMENSIONS,
  countThemes,
  entityLabels,
  listComments,
  organisationsOf,
  resolveEntity,
  type CommentRow,
  type CountRow,
  type Dimension,
  type ReportFilters,
} from '../db/reports';
import { COMMENT_SOURCES } from '../db/comments';
import type { Principal } from '../db/scope';
import { scopeFor } from './access/policy';
import { createTranslator } from '../survey/translate';
import type { AppDeps } from './deps';
import { validationFailed } from './errors';
import { heldOnInWords, meetingKindPhrase } from './meeting-labels';
import { reportLabel } from './report-labels';

const DAY = 86_400_000;
/**
 * A calendar date that exists (2026-02-30 does not, and is refused rather than read as 2 March)
 * in the years hubvoice can hold answers for: the year 0 made the trends report's periods
 * arithmetic fail (a 500).
 */
export function isRealDate(date: string): boolean {
  const time = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(date);
}

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date like 2026-04-01')
  .refine(isRealDate, 'not a real date')
  .refine((d) => d >= '2000-01-01' && d <= '2099-12-31', 'use a date between 2000 and 2099');
const dimension = z.enum(Object.keys(DIMENSIONS) as [Dimension, ...Dimension[]]);

export const Filters = z.object({
  from: isoDate.optional(),
  /** Inclusive: `to=2026-03-31` includes the whole of 31 March. */
  to: isoDate.optional(),
  site: z.string().max(64).optional(),
  provider: z.string().max(64).optional(),
  servicePoint: z.string().max(64).optional(),
  survey: z.string().max(64).optional(),
});

export const SatisfactionQuery = Filters.extend({ groupBy: dimension.default('site') });
export const EQUITY_DIMENSIONS = ['language', 'role', 'channel', ...DEMOGRAPHIC_DIMENSIONS] as [Dimension, ...Dimension[]];
export const EquityQuery = Filters.extend({
  dimension: z.enum(EQUITY_DIMENSIONS),
  minGroupSize: z.coerce.number().int().min(5).max(10_000).optional(),
});
export const TrendsQuery = Filters.omit({ from: true }).extend({
  groupBy: dimension.default('organisation'),
  period: z.enum(['month', 'quarter']).default('month'),
});
export const ThemesQuery = Filters.extend({
  minScore: z.coerce.number().min(0).max(1).optional(),
  /** Whose words: everyone's (the default), families' own comments, or the notes and quotes of meetings held with families. */
  source: z.enum(COMMENT_SOURCES).optional(),
});

export type SatisfactionRequest = z.infer<typeof SatisfactionQuery>;
export type EquityRequest = z.infer<typeof EquityQuery>;
export type TrendsRequest = z.infer<typeof TrendsQuery>;
export type ThemesRequest = z.infer<typeof ThemesQuery>;

export type Reports = ReturnType<typeof createReports>;

const NAMED_BY_ID: readonly Dimension[] = ['organisation', 'provider', 'site', 'servicePoint'];

/**
 * Comments per period whose text the themes report reads for quotes and emerging terms (the
 * newest); its counts, shares, sentiment and change cover every comment.
 */
const TEXT_SAMPLE = 10_000;

/** Reports read the sites where the principal's report-reading assignments reach, and no further. */
const reportScope = (principal: Principal) => scopeFor(principal, 'reports.read');

export function createReports(deps: Pick<AppDeps, 'store' | 'catalogues' | 'themeModels' | 'now'>) {
  const { db } = deps.store;
  const t = createTranslator(deps.catalogues, 'en');

  /** The query's filters as ids and epoch ms; a site or provider the caller cannot see is a 422 naming the field. */
  async function filtersFor(principal: Principal, query: z.infer<typeof Filters>): Promise<ReportFilters> {
    const filters: ReportFilters = {};
    if (query.from) filters.from = Date.parse(query.from);
    if (query.to) filters.to = Date.parse(query.to) + DAY;
    if (query.survey) filters.surveyId = query.survey;
    for (const [kind, given, set] of [
      ['site', query.site, (id: string) => (filters.siteId = id)],
      ['provider', query.provider, (id: string) => (filters.providerId = id)],
      ['servicePoint', query.servicePoint, (id: string) => (filters.servicePointId = id)],
    ] as const) {
      if (!given) continue;
      const id = await resolveEntity(db, reportScope(principal), kind, given);
      if (!id) throw validationFailed([{ field: kind, message: `no ${kind} "${given}" that you can see` }]);
      set(id);
    }
    return filters;
  }

  /** Names from every model the caller's organisations use, so corrected themes are named too. */
  async function themeNamesFor(principal: Principal): Promise<Record<string, string>> {
    const names: Record<string, string> = Object.fromEntries(deps.themeModels.fallback.themes.map((t) => [t.id, t.name]));
    for (const organisationId of await organisationsOf(db, reportScope(principal))) {
      for (const theme of (await deps.themeModels.forOrganisation(organisationId)).model.themes) names[theme.id] = theme.name;
    }
    return names;
  }

  /** Names are only looked up for groupings by id; the rest are labelled from the catalogue. */
  async function labelled(principal: Principal, groupBy: Dimension) {
    const names = NAMED_BY_ID.includes(groupBy) ? await entityLabels(db, reportScope(principal)) : new Map<string, string>();
    return (key: string) => reportLabel(groupBy, key, names, t);
  }

  return {
    filtersFor,
    themeNamesFor,

    /** Responses per group, unsuppressed, with the labeller: for comparisons that apply their own suppression. */
    async groupCounts(principal: Principal, query: z.infer<typeof Filters>, dimension: Dimension) {
      const filters = await filtersFor(principal, query);
      const counts = await countResponses(db, reportScope(principal), dimension, filters);
      const label = await labelled(principal, dimension);
      return { rows: counts.map((row) => ({ key: row.key, label: label(row.key), n: row.n })), label };
    },

    async satisfaction(principal: Principal, query: SatisfactionRequest) {
      const filters = await filtersFor(principal, query);
      const counts = await countResponses(db, reportScope(principal), query.groupBy, filters);
      const groups = sortGroups(query.groupBy, satisfactionGroups(counts, await labelled(principal, query.groupBy)));
      return { groupBy: query.groupBy, filters: describeFilters(query), ...satisfactionReport(groups) };
    },

    /**
     * Satisfaction per month of `from`..`to`, and the latest month and quarter (those holding `to`)
     * against the one before and the same one a year before, with significance: all from one scan
     * by month, reaching back as far as the quarter a year before, so the dashboard pays for one
     * pass over the responses rather than three.
     */
    async monthly(principal: Principal, query: z.infer<typeof Filters> & { from: string; to: string }) {
      const filters = await filtersFor(principal, query);
      const month = periodKey(query.to, 'month');
      const quarter = periodKey(query.to, 'quarter');
      const earliest = [query.from, periodRange(samePeriodLastYear(quarter)).from, periodRange(samePeriodLastYear(month)).from].sort()[0]!;
      filters.from = Date.parse(earliest);
      const counts = await countResponses(db, reportScope(principal), 'month', filters);
      const byMonth = new Map(counts.map((row) => [row.key, row]));
      const shown = counts.filter((row) => row.key >= query.from.slice(0, 7));
      const rows = satisfactionReport(sortGroups('month', satisfactionGroups(shown, await labelled(principal, 'month')))).rows;
      /** The FFT counts of a month ('2026-10') or a quarter ('2026-Q4'), summed from the months. */
      const fftOf = (period: string): FftCounts => {
        const months = /Q\d$/.test(period)
          ? [0, 1, 2].map((i) => `${period.slice(0, 4)}-${String((Number(period.slice(-1)) - 1) * 3 + i + 1).padStart(2, '0')}`)
          : [period];
        const sum = emptyFftCounts();
        for (const key of months) {
          const row = byMonth.get(key);
          if (row) FFT_OPTIONS.forEach((option) => (sum[option.key] += row.fft[option.code - 1] ?? 0));
        }
        return sum;
      };
      const trend = (current: string) => {
        const [row] = trendReport([
          { key: current, label: current, current: fftOf(current), previous: fftOf(previousPeriod(current)), lastYear: fftOf(samePeriodLastYear(current)) },
        ]);
        return { periods: { current, previous: previousPeriod(current), lastYear: samePeriodLastYear(current) }, row: row! };
      };
      return { rows, month: trend(month), quarter: trend(quarter) };
    },

    async equity(principal: Principal, query: EquityRequest) {
      const filters = await filtersFor(principal, query);
      const counts = await countResponses(db, reportScope(principal), query.dimension, filters);
      const label = await labelled(principal, query.dimension);
      const rows = equityReport(
        counts.map((row) => ({ key: row.key, label: label(row.key), fft: toFftCounts(row.fft) })),
        query.minGroupSize ? { minGroupSize: query.minGroupSize } : {},
      );
      return { dimension: query.dimension, filters: describeFilters(query), rows };
    },

    async trends(principal: Principal, query: TrendsRequest) {
      const current = periodKey(query.to ?? deps.now().toISOString().slice(0, 10), query.period);
      const previous = previousPeriod(current);
      const lastYear = samePeriodLastYear(current);
      const filters = await filtersFor(principal, query);
      filters.from = Date.parse(periodRange(lastYear).from);
      filters.to = Date.parse(periodRange(current).to);
      const counts = await countResponses(db, reportScope(principal), query.groupBy, filters, query.period);
      const label = await labelled(principal, query.groupBy);
      const byKey = new Map<string, { current?: FftCounts; previous?: FftCounts; lastYear?: FftCounts }>();
      for (const row of counts) {
        const slot = row.period === current ? 'current' : row.period === previous ? 'previous' : row.period === lastYear ? 'lastYear' : null;
        if (!slot) continue;
        byKey.set(row.key, { ...byKey.get(row.key), [slot]: toFftCounts(row.fft) });
      }
      const groups = [...byKey].map(([key, periods]) => ({
        key,
        label: label(key),
        current: periods.current ?? emptyFftCounts(),
        previous: periods.previous ?? emptyFftCounts(),
        lastYear: periods.lastYear ?? emptyFftCounts(),
      }));
      return {
        groupBy: query.groupBy,
        period: query.period,
        periods: { current, previous, lastYear },
        rows: trendReport(sortGroups(query.groupBy, groups)),
      };
    },

    /** `textSample`: how many of each period's newest comments give the quotes and emerging terms (the dashboard, showing one quote a theme, reads fewer). */
    async themes(principal: Principal, query: ThemesRequest, { textSample = TEXT_SAMPLE }: { textSample?: number } = {}) {
      // The period is the date range asked for (the last 90 days unless told); the previous period
      // is the same length just before it, so "change" compares like with like.
      const filters = { ...(await filtersFor(principal, query)), ...(query.source ? { source: query.source } : {}) };
      const to = filters.to ?? deps.now().getTime();
      const from = filters.from ?? to - 90 * DAY;
      const previousFrom = from - (to - from);
      // Counts cover every comment; only the text read for quotes and emerging terms is sampled.
      const counts = await countThemes(db, reportScope(principal), { ...filters, from: previousFrom, to }, from, query.minScore ?? 0);
      const current = await listComments(db, reportScope(principal), { ...filters, from, to }, textSample);
      const previous = await listComments(db, reportScope(principal), { ...filters, from: previousFrom, to: from }, textSample);
      const themeNames = await themeNamesFor(principal);
      const asRows = (comments: CommentRow[], period: string) =>
        comments.map((comment) => ({
          text: comment.redacted,
          redacted: comment.redacted,
          period,
          themes: comment.themes,
          sentiment: comment.sentiment as Sentiment,
          source: comment.meeting ? `${meetingKindPhrase(comment.meeting.kind)} on ${heldOnInWords(comment.meeting.heldOn)}` : null,
        }));
      const summary = summariseThemes([...asRows(current, 'current'), ...asRows(previous, 'previous')], {
        period: 'current',
        previousPeriod: 'previous',
        themeNames,
        counts,
        ...(query.minScore !== undefined ? { minScore: query.minScore } : {}),
      });
      return {
        filters: describeFilters(query),
        range: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
        previousRange: { from: new Date(previousFrom).toISOString(), to: new Date(from).toISOString() },
        ...summary,
        /** How many comments of each period the quotes and emerging terms were read from (the newest). */
        textSample: { current: current.length, previous: previous.length },
      };
    },
  };
}

/** Counted rows as the satisfaction report's groups, each labelled. */
function satisfactionGroups(counts: CountRow[], label: (key: string) => string) {
  return counts.map((row) => ({
    key: row.key,
    label: label(row.key),
    fft: toFftCounts(row.fft),
    ratingSum: row.ratingSum,
    ratingCount: row.ratingCount,
    ratingCounts: row.ratingCounts,
    npsCounts: row.npsCounts,
    n: row.n,
  }));
}

function toFftCounts(codes: CountRow['fft']): FftCounts {
  return Object.fromEntries(FFT_OPTIONS.map((option) => [option.key, codes[option.code - 1] ?? 0])) as FftCounts;
}

/** Periods in time order; everything else by label, with "not answered" last. */
function sortGroups<G extends { key: string; label: string }>(groupBy: Dimension, groups: G[]): G[] {
  const chronological = groupBy === 'week' || groupBy === 'month' || groupBy === 'quarter';
  return groups.sort((a, b) => (chronological ? a.key.localeCompare(b.key) : Number(a.key === '') - Number(b.key === '') || a.label.localeCompare(b.label)));
}

function describeFilters(query: z.infer<typeof Filters>) {
  return Object.fromEntries(Object.entries(query).filter(([key, value]) => value !== undefined && key in Filters.shape));
}
