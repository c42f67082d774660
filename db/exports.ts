/**
 * The row-level reads behind exports: responses and comments a page at a time by keyset (the
 * table's rowid, so each page is one seek and a short walk, however deep into a million rows),
 * each under the same scope and filters as the reports, and the per-site counts small-number
 * suppression is decided from. Nothing here holds more than one page.
 */
import { sql, type SQL } from 'drizzle-orm';
import { commentFilters, underOpenFlag } from './comments';
import type { ReportFilters } from './reports';
import { comments, responses, sites, surveys, surveyVersions } from './schema';
import { siteFilters, siteIn, type Scope } from './scope';
import type { Db } from './store';

/** Rows per page: large enough that a page's query cost is small beside its rows, small enough to hold. */
export const EXPORT_PAGE_SIZE = 2000;

function responseWhere(scope: Scope, filters: ReportFilters): SQL[] {
  const where = siteFilters(responses.siteId, scope, filters);
  if (filters.from !== undefined) where.push(sql`${responses.submittedAt} >= ${filters.from}`);
  if (filters.to !== undefined) where.push(sql`${responses.submittedAt} < ${filters.to}`);
  if (filters.servicePointId) where.push(sql`${responses.servicePointId} = ${filters.servicePointId}`);
  if (filters.surveyId) where.push(sql`${responses.surveyVersionId} IN (SELECT id FROM survey_versions WHERE survey_id = ${filters.surveyId})`);
  return where;
}

const and = (parts: SQL[]) => (parts.length ? sql.join(parts, sql` AND `) : sql`1`);

/** Responses per site under the filters, for deciding which sites' rows are too few to export. */
export async function responsesPerSite(db: Db, scope: Scope, filters: ReportFilters) {
  const rows = await db.all<{ siteId: string; providerId: string; n: number }>(sql`
    SELECT responses.site_id AS siteId, sites.provider_id AS providerId, count(*) AS n
    FROM responses JOIN sites ON sites.id = responses.site_id
    WHERE ${and(responseWhere(scope, filters))} GROUP BY responses.site_id`);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** Comments per site under the filters. */
export async function commentsPerSite(db: Db, scope: Scope, filters: ReportFilters) {
  const rows = await db.all<{ siteId: string; providerId: string; n: number }>(sql`
    SELECT comments.site_id AS siteId, sites.provider_id AS providerId, count(*) AS n
    FROM comments JOIN sites ON sites.id = comments.site_id
    WHERE ${and(commentFilters(scope, filters))} GROUP BY comments.site_id`);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** The survey versions answered under the filters (leaving out withheld sites), with how many responses each. */
export async function versionsAnswered(db: Db, scope: Scope, filters: ReportFilters, withheld: string[]) {
  const where = responseWhere(scope, filters);
  if (withheld.length) where.push(sql`${responses.siteId} NOT IN ${withheld}`);
  const counts = await db.all<{ versionId: string; n: number }>(sql`
    SELECT survey_version_id AS versionId, count(*) AS n FROM responses WHERE ${and(where)} GROUP BY survey_version_id`);
  if (counts.length === 0) return [];
  const ids = counts.map((c) => c.versionId);
  const versions = await db.all<{ id: string; version: number; definition: string; survey: string }>(sql`
    SELECT ${surveyVersions.id} AS id, ${surveyVersions.version} AS version, ${surveyVersions.definition} AS definition, ${surveys.name} AS survey
    FROM ${surveyVersions} JOIN ${surveys} ON ${surveys.id} = ${surveyVersions.surveyId} WHERE ${surveyVersions.id} IN ${ids}`);
  return versions
    .map((v) => ({ ...v, n: Number(counts.find((c) => c.versionId === v.id)!.n) }))
    .sort((a, b) => a.survey.localeCompare(b.survey) || a.version - b.version);
}

export interface ResponseExportRow {
  rid: number;
  id: string;
  submittedAt: number;
  siteId: string;
  servicePointId: string | null;
  channel: string;
  language: string;
  role: string | null;
  answers: string;
}

/**
 * How to reach `expected` rows of a table a page at a time. Through an index on the filters (a
 * date range, a site), each page finds every matching row after the last and sorts them by rowid:
 * about expected² / pageSize rows read in all. Walking the table in rowid order (NOT INDEXED) reads
 * each row once: the table's size. Whichever reads fewer; `max(rowid)` stands for the size.
 */
async function walkOrSeek(db: Db, table: 'responses' | 'comments', expected: number, pageSize: number): Promise<SQL> {
  const [row] = await db.all<{ size: number | null }>(sql.raw(`SELECT max(rowid) AS size FROM ${table}`));
  const walk = (expected * expected) / pageSize > Number(row?.size ?? 0);
  return sql.raw(walk ? `${table} NOT INDEXED` : table);
}

/** One survey version's responses, oldest row first, a page at a time (`expected`: how many, to choose how to read them). */
export async function* responsePages(
  db: Db,
  scope: Scope,
  filters: ReportFilters,
  versionId: string,
  withheld: string[],
  expected: number,
  pageSize = EXPORT_PAGE_SIZE,
) {
  const from = await walkOrSeek(db, 'responses', expected, pageSize);
  const where = responseWhere(scope, filters);
  where.push(sql`${responses.surveyVersionId} = ${versionId}`);
  if (withheld.length) where.push(sql`${responses.siteId} NOT IN ${withheld}`);
  let after = 0;
  for (;;) {
    const page = await db.all<ResponseExportRow>(sql`
      SELECT rowid AS rid, id, submitted_at AS submittedAt, site_id AS siteId, service_point_id AS servicePointId, channel, language,
        respondent_role AS role, answers
      FROM ${from} WHERE rowid > ${after} AND ${and(where)} ORDER BY rowid LIMIT ${pageSize}`);
    if (page.length === 0) return;
    yield page;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.rid;
  }
}

export interface CommentExportRow {
  rid: number;
  id: string;
  responseId: string;
  submittedAt: number;
  siteId: string;
  questionId: string;
  language: string;
  redacted: string;
  /** The family's own words: only where the caller may read them (else null), and never under an open flag they may not read. */
  original: string | null;
  withheld: number;
  sentiment: number;
  themes: string;
}

/**
 * Comments a page at a time. A comment under an open safeguarding flag says only `withheldText`
 * unless its site is in `originalScope`; originals are read only when `withOriginals`, and only
 * inside `originalScope`.
 */
export async function* commentPages(
  db: Db,
  scope: Scope,
  originalScope: Scope,
  filters: ReportFilters,
  options: { withOriginals: boolean; withheld: string[]; withheldText: string; expected: number },
  pageSize = EXPORT_PAGE_SIZE,
) {
  const from = await walkOrSeek(db, 'comments', options.expected, pageSize);
  const readable = siteIn(comments.siteId, originalScope) ?? sql`1`;
  const hidden = sql`(${underOpenFlag} AND NOT ${readable})`;
  const where = commentFilters(scope, filters);
  if (options.withheld.length) where.push(sql`${comments.siteId} NOT IN ${options.withheld}`);
  const original = options.withOriginals ? sql`CASE WHEN ${readable} THEN ${comments.text} END` : sql`NULL`;
  let after = 0;
  for (;;) {
    const page = await db.all<CommentExportRow>(sql`
      SELECT comments.rowid AS rid, comments.id AS id, comments.response_id AS responseId, comments.submitted_at AS submittedAt,
        comments.site_id AS siteId, comments.question_id AS questionId, comments.language AS language,
        CASE WHEN ${hidden} THEN ${options.withheldText} ELSE comments.redacted END AS redacted,
        CASE WHEN ${hidden} THEN NULL ELSE ${original} END AS original,
        ${hidden} AS withheld, comments.sentiment AS sentiment, comments.themes AS themes
      FROM ${from} WHERE comments.rowid > ${after} AND ${and(where)} ORDER BY comments.rowid LIMIT ${pageSize}`);
    if (page.length === 0) return;
    yield page;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.rid;
  }
}

/** Names and codes of sites and service points in scope, to label rows without a join per row. */
export async function placeLabels(db: Db, scope: Scope) {
  const rows = await db.all<{ id: string; code: string; name: string; kind: 'site' | 'point' }>(sql`
    SELECT id, code, name, 'site' AS kind FROM ${sites} WHERE ${siteIn(sites.id, scope) ?? sql`1`}
    UNION ALL
    SELECT service_points.id, service_points.code, service_points.name, 'point' FROM service_points
    WHERE ${siteIn(sql`service_points.site_id`, scope) ?? sql`1`}`);
  return new Map(rows.map((r) => [r.id, r]));
}
