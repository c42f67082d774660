/**
 * The report queries: GROUP BYs over integers in covering indexes, returning counts only. The meaning
 * (shares, intervals, suppression, gaps, trends) is computed from these counts in analysis/, so no
 * report ever loads individual responses into memory.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { PeriodCounts, SentimentSplit } from '../analysis/text';
import { commentFilters, underOpenFlag, type CommentSource } from './comments';
import { periodKey } from '../analysis/periods';
import { DAY_MS } from './theme-days';
import { COUNT_COLUMNS, RESPONSE_DAY_DIMS, type ResponseDayDim } from './response-days';
import { scopeOrAll, siteFilters, siteIn, type Scope } from './scope';
import type { Db } from './store';

/** The ONS high-level group of a detailed ethnic group answer ('' when not answered). */
function ethnicGroupOf(column: string): string {
  return `CASE WHEN ${column} IS NULL THEN '' WHEN ${column} = 'prefer_not_to_say' THEN 'prefer_not_to_say' ELSE substr(${column}, 1, instr(${column}, '_') - 1) END`;
}

/** What a report can be broken down by, as SQL over `responses` (+ `sites`, `response_demographics`). */
export const DIMENSIONS = {
  // From the site, not the response: the site is in every covering index, the organisation in none
  // (grouping a year by responses.organisation_id read each wide row: 4 s on 1,000,000 responses).
  organisation: { expr: 'sites.organisation_id', sites: true },
  provider: { expr: 'sites.provider_id', sites: true },
  site: { expr: 'responses.site_id' },
  servicePoint: { expr: "coalesce(responses.service_point_id, '')" },
  locality: { expr: 'sites.locality', sites: true },
  ward: { expr: "coalesce(sites.ward, '')", sites: true },
  channel: { expr: 'responses.channel' },
  language: { expr: 'responses.language' },
  role: { expr: "coalesce(responses.respondent_role, '')" },
  week: { expr: "date(responses.submitted_at / 1000, 'unixepoch', 'weekday 0', '-6 days')" },
  month: { expr: "strftime('%Y-%m', responses.submitted_at / 1000, 'unixepoch')" },
  quarter: {
    expr: "strftime('%Y', responses.submitted_at / 1000, 'unixepoch') || '-Q' || ((CAST(strftime('%m', responses.submitted_at / 1000, 'unixepoch') AS INTEGER) + 2) / 3)",
  },
  relationship: { expr: "coalesce(response_demographics.relationship, '')", demographics: true },
  childAgeBand: { expr: "coalesce(response_demographics.child_age_band, '')", demographics: true },
  ethnicity: { expr: "coalesce(response_demographics.ethnicity, '')", demographics: true },
  /** The five ONS high-level groups: small detailed groups are often all suppressed on their own. */
  ethnicGroup: {
    expr: ethnicGroupOf('response_demographics.ethnicity'),
    demographics: true,
  },
  disability: { expr: "coalesce(response_demographics.disability, '')", demographics: true },
  firstLanguage: { expr: "coalesce(response_demographics.first_language, '')", demographics: true },
  postcodeDistrict: { expr: "coalesce(response_demographics.postcode_district, '')", demographics: true },
} as const satisfies Record<string, { expr: string; sites?: boolean; demographics?: boolean }>;

export type Dimension = keyof typeof DIMENSIONS;
export const DEMOGRAPHIC_DIMENSIONS = (Object.keys(DIMENSIONS) as Dimension[]).filter((d) => 'demographics' in DIMENSIONS[d]);

export interface ReportFilters {
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, exclusive. */
  to?: number;
  siteId?: string;
  providerId?: string;
  servicePointId?: string;
  surveyId?: string;
}

export interface CountRow {
  key: string;
  /** A second grouping key (a period) when asked for, else ''. */
  period: string;
  n: number;
  /** Answers per FFT code: index 0 = code 1 (Very good) … index 5 = code 6 (Don't know). */
  fft: [number, number, number, number, number, number];
  ratingSum: number;
  ratingCount: number;
  /** Answers per rating: index 0 = 1 star … index 4 = 5 stars. */
  ratingCounts: number[];
  /** Answers per NPS score: index = score 0..10. */
  npsCounts: number[];
}

const RATING_COLUMNS = [1, 2, 3, 4, 5].map((r) => `sum(responses.rating = ${r}) AS r${r}`).join(', ');
const NPS_COLUMNS = Array.from({ length: 11 }, (_, score) => `sum(responses.nps = ${score}) AS p${score}`).join(', ');

/** Calendar groupings, counted by UTC day in SQL (an integer division) and rolled up here: formatting a date for every row cost more than the rest of the scan. */
const CALENDAR: Partial<Record<Dimension, (day: number) => string>> = {
  month: (day) => periodKey(day * DAY_MS, 'month'),
  quarter: (day) => periodKey(day * DAY_MS, 'quarter'),
  // Weeks start on Monday, as SQLite's date(…, 'weekday 0', '-6 days') has them.
  week: (day) => new Date((day - ((new Date(day * DAY_MS).getUTCDay() + 6) % 7)) * DAY_MS).toISOString().slice(0, 10),
};
const BY_DAY = `responses.submitted_at / ${DAY_MS}`;

/** Counts per group (and optionally per period) for one organisation-scoped, filtered slice. */
export async function countResponses(
  db: Db,
  scope: Scope,
  dimension: Dimension,
  filters: ReportFilters,
  period?: Dimension,
  how: { scan?: boolean } = {},
): Promise<CountRow[]> {
  const counted = how.scan ? null : await countFromDays(db, scope, dimension, filters, period);
  if (counted) return counted;
  const keyDay = CALENDAR[dimension];
  const periodDay = period ? CALENDAR[period] : undefined;
  if (keyDay || periodDay) {
    const byDay = await countResponsesBy(db, scope, dimension, filters, period, { key: keyDay !== undefined, period: periodDay !== undefined });
    return rollUp(
      byDay.map((row) => ({
        key: keyDay ? keyDay(Number(row.key)) : row.key,
        period: periodDay ? periodDay(Number(row.period)) : row.period,
        counts: countsOf(row),
      })),
    );
  }
  return countResponsesBy(db, scope, dimension, filters, period);
}

/** Groupings answered from response_days' '' rows (every response, by site and day), as SQL over `rd` joined to `sites`. */
const bySite = (dimension: Dimension): string | undefined =>
  dimension === 'site' ? 'rd.site_id' : 'sites' in DIMENSIONS[dimension] ? DIMENSIONS[dimension].expr : undefined;
/** Groupings answered from their own rows of response_days: the dim counted, and the key as SQL over `rd.key`. */
const BY_KEY: Partial<Record<Dimension, { dim: ResponseDayDim; key: string }>> = {
  ...Object.fromEntries(RESPONSE_DAY_DIMS.map((dim) => [dim, { dim, key: 'rd.key' }])),
  ethnicGroup: { dim: 'ethnicity', key: ethnicGroupOf('rd.key') },
};
const SUMS = COUNT_COLUMNS.map((column) => `sum(rd.${column}) AS ${column}`).join(', ');

/**
 * A range of whole UTC days, [from, to) (either end open), as the whole calendar months inside it
 * and the days left at either end: a year's report reads twelve rows of a month table and a few
 * days' rows, not 365 days'. `days` only, where the grouping needs days (weeks).
 */
export function monthSpans(
  from: number | undefined,
  to: number | undefined,
  days = false,
): { months: [number | undefined, number | undefined] | null; days: [number | undefined, number | undefined][] } {
  if (days) return { months: null, days: [[from, to]] };
  const firstWhole = from === undefined ? undefined : monthStart(from) === from ? from : nextMonth(from);
  const lastWhole = to === undefined ? undefined : monthStart(to);
  if (firstWhole !== undefined && lastWhole !== undefined && firstWhole >= lastWhole) return { months: null, days: [[from, to]] };
  const edges: [number | undefined, number | undefined][] = [];
  if (from !== undefined && firstWhole! > from) edges.push([from, firstWhole]);
  if (to !== undefined && lastWhole! < to) edges.push([lastWhole, to]);
  return { months: [firstWhole, lastWhole], days: edges };
}

/** The first day of a day's month, and of the month after, as days since 1970-01-01. */
const monthStart = (day: number) => {
  const date = new Date(day * DAY_MS);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY_MS;
};
const nextMonth = (day: number) => {
  const date = new Date(day * DAY_MS);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / DAY_MS;
};

/** The day tables and their month tables, as monthSpans splits a range between them. */
const SPAN_TABLES = {
  days: { responses: 'response_days', themes: 'theme_days', day: 'day' },
  months: { responses: 'response_months', themes: 'theme_months', day: 'month' },
} as const;

/** Each part of a range as [table, its day column, from, to]: the month tables' part first. */
function spanParts(kind: 'responses' | 'themes', from: number | undefined, to: number | undefined, days = false) {
  const spans = monthSpans(from, to, days);
  return [
    ...(spans.months ? [{ table: SPAN_TABLES.months[kind], day: SPAN_TABLES.months.day, from: spans.months[0], to: spans.months[1] }] : []),
    ...spans.days.map(([lo, hi]) => ({ table: SPAN_TABLES.days[kind], day: SPAN_TABLES.days.day, from: lo, to: hi })),
  ];
}

/**
 * Counts from response_days and response_months, where they can answer: whole UTC days, no service point filter, a grouping they hold and a calendar period or none. Null where they cannot (the caller then
 * scans the responses). A dim's '' (not answered) is the '' rows less the dim's own.
 */
async function countFromDays(db: Db, scope: Scope, dimension: Dimension, filters: ReportFilters, period?: Dimension): Promise<CountRow[] | null> {
  if (filters.servicePointId) return null;
  if ((filters.from !== undefined && filters.from % DAY_MS !== 0) || (filters.to !== undefined && filters.to % DAY_MS !== 0)) return null;
  if (period && !CALENDAR[period]) return null;
  const keyDay = CALENDAR[dimension];
  const byKey = BY_KEY[dimension];
  const keyOf = (day: string) => (keyDay ? day : (bySite(dimension) ?? byKey?.key));
  if (!keyOf('rd.day')) return null;
  // Weeks need days; months, quarters and everything else read whole months from the month table.
  const parts = spanParts(
    'responses',
    filters.from === undefined ? undefined : filters.from / DAY_MS,
    filters.to === undefined ? undefined : filters.to / DAY_MS,
    dimension === 'week' || period === 'week',
  );
  const read = async (dim: string, key: ((day: string) => string | undefined) | string) => {
    const rows: Record<string, string | number | null>[] = [];
    for (const part of parts) {
      const day = `rd.${part.day}`;
      const where: SQL[] = [];
      if (part.from !== undefined) where.push(sql`${sql.raw(day)} >= ${part.from}`);
      if (part.to !== undefined) where.push(sql`${sql.raw(day)} < ${part.to}`);
      if (filters.siteId) where.push(sql`rd.site_id = ${filters.siteId}`);
      if (filters.providerId) where.push(sql`sites.provider_id = ${filters.providerId}`);
      if (filters.surveyId) where.push(sql`rd.survey_version_id IN (SELECT id FROM survey_versions WHERE survey_id = ${filters.surveyId})`);
      const inScope = siteIn(sql`rd.site_id`, scope);
      if (inScope) where.push(inScope);
      // Sites first: the key (dim, site_id, day, ...) then reads only the range's rows of each site.
      rows.push(
        ...(await db.all<Record<string, string | number | null>>(sql`
          SELECT ${sql.raw(typeof key === 'string' ? key : key(day)!)} AS key, ${sql.raw(period ? day : "''")} AS period, ${sql.raw(SUMS)}
          FROM sites CROSS JOIN ${sql.raw(part.table)} rd ON rd.site_id = sites.id
          WHERE rd.dim = ${dim}${where.length ? sql` AND ${sql.join(where, sql` AND `)}` : sql``}
          GROUP BY 1, 2`)),
      );
    }
    return rollUp(
      rows.map((row) => ({
        key: keyDay ? keyDay(Number(row.key)) : String(row.key ?? ''),
        period: period ? CALENDAR[period]!(Number(row.period)) : '',
        counts: COUNT_COLUMNS.map((column) => Number(row[column] ?? 0)),
      })),
    );
  };
  if (!byKey) return read('', keyOf);
  const [answered, totals] = await Promise.all([read(byKey.dim, byKey.key), read('', "''")]);
  // Not answered: every response of the period less those counted under a key.
  for (const total of totals) {
    const rest = emptyCountRow('', total.period);
    addCounts(rest, countsOf(total), 1);
    for (const row of answered) if (row.period === total.period && row.key !== '') addCounts(rest, countsOf(row), -1);
    const blank = answered.find((row) => row.period === total.period && row.key === '');
    if (blank) addCounts(blank, countsOf(rest), 1);
    else if (rest.n > 0) answered.push(rest);
  }
  return answered;
}

const emptyCountRow = (key: string, period: string): CountRow => ({
  key,
  period,
  n: 0,
  fft: [0, 0, 0, 0, 0, 0],
  ratingSum: 0,
  ratingCount: 0,
  ratingCounts: [0, 0, 0, 0, 0],
  npsCounts: Array.from({ length: 11 }, () => 0),
});

/** Counts summed per key and period (days into months, say): one CountRow each. */
function rollUp(rows: { key: string; period: string; counts: number[] }[]): CountRow[] {
  const merged = new Map<string, CountRow>();
  for (const { key, period, counts } of rows) {
    const id = `${key}\u0000${period}`;
    let into = merged.get(id);
    if (!into) merged.set(id, (into = emptyCountRow(key, period)));
    addCounts(into, counts, 1);
  }
  return [...merged.values()];
}

/** A row's counts in COUNT_COLUMNS' order. */
const countsOf = (row: CountRow): number[] => [row.n, ...row.fft, row.ratingSum, row.ratingCount, ...row.ratingCounts, ...row.npsCounts];

function addCounts(row: CountRow, counts: readonly number[], sign: 1 | -1): void {
  row.n += sign * counts[0]!;
  for (let i = 0; i < 6; i++) row.fft[i]! += sign * counts[1 + i]!;
  row.ratingSum += sign * counts[7]!;
  row.ratingCount += sign * counts[8]!;
  for (let i = 0; i < 5; i++) row.ratingCounts[i]! += sign * counts[9 + i]!;
  for (let i = 0; i < 11; i++) row.npsCounts[i]! += sign * counts[14 + i]!;
}

async function countResponsesBy(
  db: Db,
  scope: Scope,
  dimension: Dimension,
  filters: ReportFilters,
  period: Dimension | undefined,
  byDay: { key: boolean; period: boolean } = { key: false, period: false },
): Promise<CountRow[]> {
  const keyExpr = byDay.key ? BY_DAY : DIMENSIONS[dimension].expr;
  const periodExpr = period ? (byDay.period ? BY_DAY : DIMENSIONS[period].expr) : "''";
  const needs = (flag: 'sites' | 'demographics') =>
    flag in DIMENSIONS[dimension] || (period !== undefined && flag in DIMENSIONS[period]) || (flag === 'sites' && filters.providerId !== undefined);
  const where: SQL[] = [];
  if (filters.from !== undefined) where.push(sql`responses.submitted_at >= ${filters.from}`);
  if (filters.to !== undefined) where.push(sql`responses.submitted_at < ${filters.to}`);
  if (filters.siteId) where.push(sql`responses.site_id = ${filters.siteId}`);
  if (filters.servicePointId) where.push(sql`responses.service_point_id = ${filters.servicePointId}`);
  if (filters.providerId) where.push(sql`sites.provider_id = ${filters.providerId}`);
  if (filters.surveyId) where.push(sql`responses.survey_version_id IN (SELECT id FROM survey_versions WHERE survey_id = ${filters.surveyId})`);
  const inScope = siteIn(sql`responses.site_id`, scope);
  if (inScope) where.push(inScope);
  // The covering index is named: without fresh statistics the planner reads each row instead.
  const joins = sql`${needs('sites') ? sql`JOIN sites ON sites.id = responses.site_id` : sql``}
    ${needs('demographics') ? sql`LEFT JOIN response_demographics INDEXED BY response_demographics_report ON response_demographics.response_id = responses.id` : sql``}`;
  const groupBy = period ? sql.raw('1, 2') : sql.raw('1');
  const whereAll = (extra?: SQL) => {
    const parts = extra ? [...where, extra] : where;
    return parts.length ? sql`WHERE ${sql.join(parts, sql` AND `)}` : sql``;
  };
  const head = sql`SELECT ${sql.raw(keyExpr)} AS key, ${sql.raw(periodExpr)} AS period`;
  const [main, scored] = await Promise.all([
    db.all<Record<string, string | number | null>>(sql`${head}, count(*) AS n,
      sum(responses.fft = 1) AS f1, sum(responses.fft = 2) AS f2, sum(responses.fft = 3) AS f3,
      sum(responses.fft = 4) AS f4, sum(responses.fft = 5) AS f5, sum(responses.fft = 6) AS f6,
      coalesce(sum(responses.rating), 0) AS rating_sum, count(responses.rating) AS rating_count
      FROM responses ${joins} ${whereAll()} GROUP BY ${groupBy}`),
    // Distributions only over responses that carry a rating or NPS (the partial index
    // responses_scored): most surveys ask neither, and 16 sums over every row tripled the cost.
    // Named, because where no response is scored ANALYZE keeps no statistics for the empty index
    // and the planner then walked every response in the range through another index (1.4 s
    // instead of 0 ms on a year of 750,000 FFT-only responses).
    db.all<Record<string, string | number | null>>(sql`${head}, ${sql.raw(RATING_COLUMNS)}, ${sql.raw(NPS_COLUMNS)}
      FROM responses INDEXED BY responses_scored ${joins} ${whereAll(sql`(responses.rating IS NOT NULL OR responses.nps IS NOT NULL)`)} GROUP BY ${groupBy}`),
  ]);
  const distributions = new Map(scored.map((row) => [`${row.key ?? ''}\u0000${row.period ?? ''}`, row]));
  return main.map((row) => {
    const spread = distributions.get(`${row.key ?? ''}\u0000${row.period ?? ''}`) ?? {};
    return {
      key: String(row.key ?? ''),
      period: String(row.period ?? ''),
      n: Number(row.n),
      fft: [Number(row.f1 ?? 0), Number(row.f2 ?? 0), Number(row.f3 ?? 0), Number(row.f4 ?? 0), Number(row.f5 ?? 0), Number(row.f6 ?? 0)],
      ratingSum: Number(row.rating_sum ?? 0),
      ratingCount: Number(row.rating_count ?? 0),
      ratingCounts: [1, 2, 3, 4, 5].map((r) => Number(spread[`r${r}`] ?? 0)),
      npsCounts: Array.from({ length: 11 }, (_, score) => Number(spread[`p${score}`] ?? 0)),
    };
  });
}

/** Names for ids that reports group by, limited to what in scope. */
export async function entityLabels(db: Db, scope: Scope): Promise<Map<string, string>> {
  const visible = scopeOrAll(scope);
  const rows = await db.all<{ id: string; name: string }>(sql`
    SELECT sites.id AS id, sites.name AS name FROM sites WHERE ${visible}
    UNION ALL SELECT providers.id, providers.name FROM providers WHERE providers.id IN (SELECT sites.provider_id FROM sites WHERE ${visible})
    UNION ALL SELECT service_points.id, service_points.name FROM service_points WHERE service_points.site_id IN (SELECT sites.id FROM sites WHERE ${visible})
    UNION ALL SELECT organisations.id, organisations.name FROM organisations WHERE organisations.id IN (SELECT sites.organisation_id FROM sites WHERE ${visible})`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Resolves a site, provider or service point given by id or code, within scope. */
export async function resolveEntity(db: Db, scope: Scope, kind: 'site' | 'provider' | 'servicePoint', idOrCode: string): Promise<string | null> {
  const visible = scopeOrAll(scope);
  const lower = idOrCode.toLowerCase();
  const query =
    kind === 'site'
      ? sql`SELECT sites.id AS id FROM sites WHERE (sites.id = ${idOrCode} OR sites.code = ${lower}) AND ${visible}`
      : kind === 'provider'
        ? sql`SELECT providers.id AS id FROM providers WHERE (providers.id = ${idOrCode} OR providers.code = ${lower}) AND providers.id IN (SELECT sites.provider_id FROM sites WHERE ${visible})`
        : sql`SELECT service_points.id AS id FROM service_points JOIN sites ON sites.id = service_points.site_id WHERE (service_points.id = ${idOrCode} OR service_points.code = ${lower}) AND ${visible}`;
  const [row] = await db.all<{ id: string }>(query);
  return row?.id ?? null;
}

export interface CommentRow {
  redacted: string;
  submittedAt: number;
  siteId: string;
  sentiment: number;
  themes: { theme: string; score: number }[];
  /** The meeting the words were noted at; null for a family's own comment. */
  meeting: { kind: string; heldOn: string } | null;
}

/** The themes report's filters: the reports' own, and whose words (everyone's unless told). */
export type ThemeFilters = ReportFilters & { source?: CommentSource };

/** The themes report's filters as SQL over `comments`. */
function themeCommentFilters(scope: Scope, filters: ThemeFilters): SQL[] {
  const where = commentFilters(scope, filters);
  if (filters.servicePointId) where.push(sql`comments.response_id IN (SELECT id FROM responses WHERE service_point_id = ${filters.servicePointId})`);
  if (filters.surveyId)
    where.push(
      sql`comments.response_id IN (SELECT id FROM responses WHERE survey_version_id IN (SELECT id FROM survey_versions WHERE survey_id = ${filters.surveyId}))`,
    );
  return where;
}

const whereClause = (where: SQL[]) => (where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``);

/**
 * Redacted comments in a date range, newest first and capped: the themes report reads their text
 * for quotes and emerging words. Its counts come from `countThemes`, over every comment. A comment
 * under a safeguarding flag not yet closed is never read for quotes, by anyone: a report is no
 * place for a disclosure, and until a person has reviewed it not even its redacted words go there.
 */
export async function listComments(db: Db, scope: Scope, filters: ThemeFilters, limit: number): Promise<CommentRow[]> {
  // The newest `limit` first, then those under an open flag left out: checking the flags of every
  // comment in the range before the limit (229,106 for 90 days on the bench) took a second.
  const rows = await db.all<{
    redacted: string;
    submitted_at: number;
    site_id: string;
    sentiment: number;
    themes: string;
    meeting_kind: string | null;
    held_on: string | null;
  }>(sql`
    SELECT comments.redacted, comments.submitted_at, comments.site_id, comments.sentiment, comments.themes,
      meetings.kind AS meeting_kind, meetings.held_on AS held_on FROM (
      SELECT redacted, submitted_at, site_id, sentiment, themes, response_id, meeting_id FROM comments
      ${whereClause(themeCommentFilters(scope, filters))}
      ORDER BY submitted_at DESC LIMIT ${limit}
    ) AS comments
    LEFT JOIN meetings ON meetings.id = comments.meeting_id
    WHERE NOT ${underOpenFlag}
    ORDER BY comments.submitted_at DESC`);
  return rows.map((r) => ({
    redacted: r.redacted,
    submittedAt: Number(r.submitted_at),
    siteId: r.site_id,
    sentiment: Number(r.sentiment),
    themes: JSON.parse(r.themes),
    meeting: r.meeting_kind && r.held_on ? { kind: r.meeting_kind, heldOn: r.held_on } : null,
  }));
}

/**
 * Exact counts for the themes report, for the period [split, to) and the one before it,
 * [from, split): comments per period, and per theme its mentions and their sentiment (the
 * mention's own, else its comment's). Whole UTC days come from theme_days; the part days at a
 * period's ends, and any filter theme_days cannot answer (a minimum score, a service point, a
 * survey), are counted from the comments themselves.
 */
export async function countThemes(
  db: Db,
  scope: Scope,
  filters: ThemeFilters & { from: number; to: number },
  split: number,
  minScore: number,
): Promise<{ current: PeriodCounts; previous: PeriodCounts }> {
  const source = filters.source ?? 'all';
  // theme_days counts families' comments only; meetings' notes, being few, are always counted from comments.
  const fromComments = minScore > 0 || filters.servicePointId !== undefined || filters.surveyId !== undefined || source === 'meetings';
  const period = async (from: number, to: number): Promise<PeriodCounts> => {
    const firstDay = Math.ceil(from / DAY_MS);
    const endDay = Math.floor(to / DAY_MS);
    if (fromComments || firstDay >= endDay) return counts(await commentThemeRows(db, scope, { ...filters, from, to }, minScore));
    return counts([
      ...(from < firstDay * DAY_MS ? await commentThemeRows(db, scope, { ...filters, from, to: firstDay * DAY_MS }, 0) : []),
      ...(await dailyThemeRows(db, scope, filters, firstDay, endDay)),
      ...(source === 'all' ? await commentThemeRows(db, scope, { ...filters, source: 'meetings', from: firstDay * DAY_MS, to: endDay * DAY_MS }, 0) : []),
      ...(endDay * DAY_MS < to ? await commentThemeRows(db, scope, { ...filters, from: endDay * DAY_MS, to }, 0) : []),
    ]);
  };
  return { current: await period(split, filters.to), previous: await period(filters.from, split) };
}

/** Per theme (and '' for the comments themselves): mentions, and how many were negative and positive. */
interface ThemeRow {
  theme: string;
  mentions: number;
  negative: number;
  positive: number;
}

/** Counted from every comment in the filters' range, reading each one's themes. */
function commentThemeRows(db: Db, scope: Scope, filters: ThemeFilters, minScore: number): Promise<ThemeRow[]> {
  const where = themeCommentFilters(scope, filters);
  // Meetings' words through their own small index, named: by date alone the planner would walk a year of families' comments.
  const from = filters.source === 'meetings' ? sql`comments INDEXED BY comments_meeting` : sql`comments`;
  return db.all<ThemeRow>(sql`
    SELECT theme, count(*) AS mentions, sum(sentiment < 0) AS negative, sum(sentiment > 0) AS positive FROM (
      SELECT '' AS theme, comments.sentiment AS sentiment FROM ${from} ${whereClause(where)}
      UNION ALL
      SELECT json_extract(mention.value, '$.theme'), coalesce(json_extract(mention.value, '$.sentiment'), comments.sentiment)
      FROM ${from}, json_each(comments.themes) AS mention
      ${whereClause(minScore > 0 ? [...where, sql`json_extract(mention.value, '$.score') >= ${minScore}`] : where)}
    ) GROUP BY theme`);
}

/** Summed from theme_months and theme_days over whole UTC days [firstDay, endDay), for the sites the filters allow. */
async function dailyThemeRows(db: Db, scope: Scope, filters: ReportFilters, firstDay: number, endDay: number): Promise<ThemeRow[]> {
  const rows: ThemeRow[] = [];
  for (const part of spanParts('themes', firstDay, endDay)) {
    const day = sql.raw(`${part.table}.${part.day}`);
    const where = [sql`${day} >= ${part.from}`, sql`${day} < ${part.to}`, ...siteFilters(sql.raw(`${part.table}.site_id`), scope, filters)];
    rows.push(
      ...(await db.all<ThemeRow>(sql`
        SELECT theme, sum(mentions) AS mentions, sum(negative) AS negative, sum(positive) AS positive
        FROM ${sql.raw(part.table)} ${whereClause(where)} GROUP BY 1 HAVING sum(mentions) > 0`)),
    );
  }
  return rows;
}

/** Rows of the same period (from either source) as one period's counts. */
function counts(rows: ThemeRow[]): PeriodCounts {
  let comments = 0;
  const themes = new Map<string, { count: number; sentiment: SentimentSplit }>();
  for (const row of rows) {
    const count = Number(row.mentions);
    if (row.theme === '') {
      comments += count;
      continue;
    }
    const sum = themes.get(row.theme) ?? { count: 0, sentiment: { negative: 0, neutral: 0, positive: 0 } };
    const negative = Number(row.negative);
    const positive = Number(row.positive);
    sum.count += count;
    sum.sentiment.negative += negative;
    sum.sentiment.positive += positive;
    sum.sentiment.neutral += count - negative - positive;
    themes.set(row.theme, sum);
  }
  return { comments, themes };
}

/** The organisations whose sites in scope. */
export async function organisationsOf(db: Db, scope: Scope): Promise<string[]> {
  const visible = scopeOrAll(scope);
  const rows = await db.all<{ id: string }>(sql`SELECT DISTINCT sites.organisation_id AS id FROM sites WHERE ${visible}`);
  return rows.map((r) => r.id);
}
