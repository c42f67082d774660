/**
 * Keeps `response_days` in step with `responses` (see its note in db/schema.ts). Both writers add
 * the counts of the responses they store in the same transaction: the ingestion thread a batch at
 * a time, the client writer each response's, guarded by that response being stored, so a repeated
 * submission counts nothing. Migration 0023 counted the responses already stored, in SQL that
 * counts as responseDayRows does (test/response-days.test.ts holds both to a scan).
 */
import type { NewResponse } from './response-rows';
import { DAY_MS } from './theme-days';

/** The dimensions counted under their own keys; '' (every response) is counted by site and day alone. */
export const RESPONSE_DAY_DIMS = [
  'servicePoint',
  'channel',
  'language',
  'role',
  'relationship',
  'childAgeBand',
  'ethnicity',
  'disability',
  'firstLanguage',
] as const;
export type ResponseDayDim = (typeof RESPONSE_DAY_DIMS)[number];

/** The counted columns, after dim, site_id, day, key and survey_version_id. */
export const COUNT_COLUMNS = [
  'n',
  'f1',
  'f2',
  'f3',
  'f4',
  'f5',
  'f6',
  'rating_sum',
  'rating_count',
  'r1',
  'r2',
  'r3',
  'r4',
  'r5',
  ...Array.from({ length: 11 }, (_, score) => `p${score}`),
] as const;

const ADD = COUNT_COLUMNS.map((column) => `${column} = ${column} + excluded.${column}`).join(', ');

const KEY_COLUMNS = 'dim, site_id, day, key, survey_version_id';

/** Adds one row of counts: dim, site_id, day, key, survey_version_id, then COUNT_COLUMNS. */
export const RESPONSE_DAYS_UPSERT_SQL = `INSERT INTO response_days (${KEY_COLUMNS}, ${COUNT_COLUMNS.join(', ')})
  VALUES (${Array.from({ length: 5 + COUNT_COLUMNS.length }, () => '?').join(', ')})
  ON CONFLICT (${KEY_COLUMNS}) DO UPDATE SET ${ADD}`;

/** The same, from a VALUES list whose first column is the response id, only where that response was stored just now (the client writer). */
export function guardedUpsertSql(rows: number): string {
  const width = 6 + COUNT_COLUMNS.length;
  const values = Array.from({ length: rows }, () => `(${Array.from({ length: width }, () => '?').join(',')})`).join(',');
  const columns = Array.from({ length: width - 1 }, (_, i) => `column${i + 2}`).join(', ');
  return `INSERT INTO response_days (${KEY_COLUMNS}, ${COUNT_COLUMNS.join(', ')})
    SELECT ${columns} FROM (VALUES ${values}) AS v WHERE EXISTS (SELECT 1 FROM responses r WHERE r.id = v.column1)
    ON CONFLICT (${KEY_COLUMNS}) DO UPDATE SET ${ADD}`;
}

/** A response's key in each counted dimension (undefined: not answered, counted as the rest). */
function keysOf(r: NewResponse): Record<ResponseDayDim, string | null | undefined> {
  const d = r.demographics;
  return {
    servicePoint: r.servicePointId,
    channel: r.channel,
    language: r.language,
    role: r.respondentRole,
    relationship: d?.relationship,
    childAgeBand: d?.childAgeBand,
    ethnicity: d?.ethnicity,
    disability: d?.disability,
    firstLanguage: d?.firstLanguage,
  };
}

type Row = [string, string, number, string, string, ...number[]];

function counts(r: NewResponse): number[] {
  const row = new Array<number>(COUNT_COLUMNS.length).fill(0);
  row[0] = 1;
  if (r.fft && r.fft >= 1 && r.fft <= 6) row[r.fft] = 1;
  if (r.rating !== null && r.rating !== undefined) {
    row[7] = r.rating;
    row[8] = 1;
    if (Number.isInteger(r.rating) && r.rating >= 1 && r.rating <= 5) row[8 + r.rating] = 1;
  }
  if (r.nps !== null && r.nps !== undefined && Number.isInteger(r.nps) && r.nps >= 0 && r.nps <= 10) row[14 + r.nps] = 1;
  return row;
}

/** The counts these responses add, one row per dim, site, day and key, summed: for one batch. */
export function responseDayRows(responses: readonly NewResponse[]): Row[] {
  const rows = new Map<string, Row>();
  const add = (dim: string, r: NewResponse, day: number, key: string, add: number[]) => {
    const id = `${dim}\u0000${r.siteId}\u0000${day}\u0000${key}\u0000${r.surveyVersionId}`;
    const row = rows.get(id);
    if (!row) rows.set(id, [dim, r.siteId, day, key, r.surveyVersionId, ...add]);
    else for (let i = 0; i < add.length; i++) (row[5 + i] as number) += add[i]!;
  };
  for (const r of responses) {
    const day = Math.floor(Number(r.submittedAt) / DAY_MS);
    const c = counts(r);
    add('', r, day, '', c);
    const keys = keysOf(r);
    for (const dim of RESPONSE_DAY_DIMS) {
      const key = keys[dim];
      if (key) add(dim, r, day, key, c);
    }
  }
  return [...rows.values()];
}
