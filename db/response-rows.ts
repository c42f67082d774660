/**
 * What storing a response means, for both batch writers: the group-commit writer over any libSQL
 * client (db/response-writer.ts) and the ingestion thread's embedded store (db/embedded-writes.ts).
 * Here, once: the row types (from db/schema.ts), the rows a response brings with it and their
 * values, the idempotent insert, and the answer each submission gets. The writers differ only in
 * how statements reach the file; test/writer-parity.test.ts holds them to the same tables.
 *
 * - A response is inserted unless its (organisation, idempotency key) pair is stored already: a
 *   repeat, even a twin in the same batch, stores nothing and is answered with the first id.
 * - With a stored response go its equality answers, its comments (redacted, themed, with a
 *   sentiment), their counts in theme_days (db/theme-days.ts) and its safeguarding flag, which
 *   is open and dated by the response unless it says otherwise; with a repeat, none of them.
 */
import type { InValue } from '@libsql/client';
import { eq, getTableColumns } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { comments, responseDemographics, responses, safeguardingFlags } from './schema';
import type { Db } from './store';

/** A row as SQLite holds it: drizzle's `timestamp_ms` Dates as epoch milliseconds, the app's clock. */
type Stored<Row> = { [K in keyof Row]: Date extends Row[K] ? Exclude<Row[K], Date> | number : Row[K] };

/** Equality-monitoring answers (`response_demographics` without its key). */
export type Demographics = Omit<typeof responseDemographics.$inferInsert, 'responseId'>;

/** Free text with the tagger's reading; `themes` keeps each mention's sentiment where the comment is mixed. */
export type NewComment = Stored<typeof comments.$inferInsert>;

/** A possible disclosure of harm; `createdAt` defaults to its response's submittedAt, never the wall clock. */
export type NewFlag = Pick<
  Stored<typeof safeguardingFlags.$inferInsert>,
  'id' | 'responseId' | 'organisationId' | 'siteId' | 'categories' | 'urgency' | 'createdAt'
>;

/** A `responses` row with what belongs to it. */
export interface NewResponse extends Stored<typeof responses.$inferInsert> {
  demographics: Demographics | null;
  /** Stored only if this response is new. */
  comments?: NewComment[];
  /** Stored only if this response is new. */
  flag?: NewFlag | null;
}

export interface Committed {
  id: string;
  /** False when the idempotency key was seen before and nothing new was stored. */
  created: boolean;
  /** The safeguarding flag committed with this response, if any. */
  flagId?: string;
}

/** SQL column names for row keys, from the schema, so a renamed column follows and a wrong key does not compile. */
function columnsOf<Table extends SQLiteTable>(table: Table, keys: readonly (keyof Table['$inferInsert'] & string)[]): readonly string[] {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  return keys.map((key) => columns[key]!.name);
}

/** The columns of each table a write fills, in the order the *Values functions below give. */
export const COLUMNS = {
  responses: columnsOf(responses, [
    'id',
    'organisationId',
    'surveyVersionId',
    'siteId',
    'servicePointId',
    'channel',
    'language',
    'respondentRole',
    'submittedAt',
    'idempotencyKey',
    'bodyHash',
    'fft',
    'rating',
    'nps',
    'answers',
  ]),
  demographics: columnsOf(responseDemographics, ['responseId', 'relationship', 'childAgeBand', 'ethnicity', 'disability', 'firstLanguage', 'postcodeDistrict']),
  comments: columnsOf(comments, [
    'id',
    'responseId',
    'organisationId',
    'siteId',
    'questionId',
    'submittedAt',
    'language',
    'text',
    'redacted',
    'sentiment',
    'themes',
    'modelVersion',
  ]),
  flags: columnsOf(safeguardingFlags, ['id', 'responseId', 'organisationId', 'siteId', 'categories', 'urgency', 'status', 'createdAt']),
} as const;

export function responseValues(r: NewResponse): InValue[] {
  return [
    r.id,
    r.organisationId,
    r.surveyVersionId,
    r.siteId,
    r.servicePointId ?? null,
    r.channel,
    r.language,
    r.respondentRole ?? null,
    r.submittedAt,
    r.idempotencyKey,
    r.bodyHash ?? null,
    r.fft ?? null,
    r.rating ?? null,
    r.nps ?? null,
    r.answers,
  ];
}

export function demographicValues(responseId: string, d: Demographics): InValue[] {
  return [
    responseId,
    d.relationship ?? null,
    d.childAgeBand ?? null,
    d.ethnicity ?? null,
    d.disability ?? null,
    d.firstLanguage ?? null,
    d.postcodeDistrict ?? null,
  ];
}

export function commentValues(c: NewComment): InValue[] {
  return [
    c.id,
    c.responseId ?? null,
    c.organisationId,
    c.siteId,
    c.questionId,
    c.submittedAt,
    c.language,
    c.text ?? null,
    c.redacted,
    c.sentiment,
    JSON.stringify(c.themes),
    c.modelVersion,
  ];
}

/** A flag is open when raised, and dated by its response unless it says otherwise. */
export function flagValues(f: NewFlag, submittedAt: number): InValue[] {
  return [f.id, f.responseId ?? null, f.organisationId, f.siteId, JSON.stringify(f.categories), f.urgency, 'open', f.createdAt ?? submittedAt];
}

/**
 * The rows that go with these responses, for the writer to insert where each response was stored;
 * comments as they are, so the writer can also count them into theme_days.
 */
export function ownedRows(responses: readonly NewResponse[]): { demographics: InValue[][]; comments: NewComment[]; flags: InValue[][] } {
  const owned = { demographics: [] as InValue[][], comments: [] as NewComment[], flags: [] as InValue[][] };
  for (const r of responses) {
    if (r.demographics) owned.demographics.push(demographicValues(r.id, r.demographics));
    if (r.comments) for (const comment of r.comments) owned.comments.push(comment);
    if (r.flag) owned.flags.push(flagValues(r.flag, r.submittedAt));
  }
  return owned;
}

/** Inserts `count` responses, skipping repeated idempotency keys, and returns the ids it stored. */
export function insertResponsesSql(count: number): string {
  return `INSERT INTO responses (${COLUMNS.responses.join(',')}) VALUES ${valuesList(COLUMNS.responses.length, count)}
          ON CONFLICT (organisation_id, idempotency_key) DO NOTHING RETURNING id`;
}

/** The id a repeated key was stored under first: organisation_id, idempotency_key. */
export const STORED_ID_SQL = 'SELECT id FROM responses WHERE organisation_id = ? AND idempotency_key = ?';

/** What a stored response was submitted with (its body's hash): for telling a resend from a reused key. */
export async function storedBodyHash(db: Db, id: string): Promise<string | null> {
  const row = await db.select({ bodyHash: responses.bodyHash }).from(responses).where(eq(responses.id, id)).get();
  return row?.bodyHash ?? null;
}

/** `(?,?,…),(?,?,…)…`: `count` rows of `width` parameters. */
export function valuesList(width: number, count: number): string {
  const row = `(${'?,'.repeat(width - 1)}?)`;
  return `${row},`.repeat(count - 1) + row;
}

export const keyOf = (r: Pick<NewResponse, 'organisationId' | 'idempotencyKey'>) => `${r.organisationId}\u0000${r.idempotencyKey}`;

/**
 * Each submission's answer, in order: a stored response is created (with its flag's id, for the
 * alert); a repeat gets the id its key was first stored under (`storedIds`, by `keyOf`).
 */
export function committedAnswers(responses: readonly NewResponse[], inserted: ReadonlySet<string>, storedIds: ReadonlyMap<string, string>): Committed[] {
  return responses.map((r) =>
    inserted.has(r.id) ? { id: r.id, created: true, ...(r.flag ? { flagId: r.flag.id } : {}) } : { id: storedIds.get(keyOf(r))!, created: false },
  );
}
