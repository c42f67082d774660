/**
 * Durable ingestion with group commit. Every submission waits for the transaction that contains
 * it, and submissions that arrive while one commit is in flight share the next one: one fsync for
 * many families instead of one each (libSQL here: ~6k autocommit inserts/s, ~60k rows/s batched).
 *
 * Idempotency: the (organisation, idempotency key) pair is unique, inserts skip conflicts, and a
 * skipped submission is answered with the id that was stored first — including a double tap that
 * lands in the same batch as its twin.
 */
import type { Client, InStatement, InValue } from '@libsql/client';
import type { Channel, RespondentRole } from './schema';
import { countComments } from './theme-days';

export interface NewResponse {
  id: string;
  organisationId: string;
  surveyVersionId: string;
  siteId: string;
  servicePointId: string | null;
  channel: Channel;
  language: string;
  respondentRole: RespondentRole | null;
  submittedAt: number;
  idempotencyKey: string;
  fft: number | null;
  rating: number | null;
  /** 0..10, where the survey asks how likely they are to recommend us. */
  nps?: number | null;
  answers: string;
  demographics: Demographics | null;
  /** Free-text answers with the tagger's reading, stored only if this response is new. */
  comments?: NewComment[];
  /** A possible disclosure of harm, stored only if this response is new. */
  flag?: NewFlag | null;
}

export interface NewComment {
  id: string;
  responseId: string;
  organisationId: string;
  siteId: string;
  questionId: string;
  submittedAt: number;
  language: string;
  text: string;
  redacted: string;
  sentiment: number;
  /** A mention's sentiment where the comment is mixed; else the comment's. */
  themes: { theme: string; score: number; sentiment?: number }[];
  modelVersion: string;
}

export interface NewFlag {
  id: string;
  responseId: string;
  organisationId: string;
  siteId: string;
  categories: string[];
  urgency: 'immediate' | 'priority';
  /** Epoch ms on the app's clock; defaults to its response's submittedAt, never the wall clock. */
  createdAt?: number;
}

export interface Demographics {
  relationship?: string | null;
  childAgeBand?: string | null;
  ethnicity?: string | null;
  disability?: string | null;
  firstLanguage?: string | null;
  postcodeDistrict?: string | null;
}

export interface Committed {
  id: string;
  /** False when the idempotency key was seen before and nothing new was stored. */
  created: boolean;
  /** The safeguarding flag committed with this response, if any. */
  flagId?: string;
}

/** Takes a response and resolves once it is durably committed (ResponseWriter; server/ingest-thread.ts). */
export interface Writer<Response = NewResponse> {
  submit(response: Response): Promise<Committed>;
  /** Resolves when everything submitted so far is committed (for shutdown and tests). */
  flush(): Promise<void>;
}

interface Pending<Response> {
  response: Response;
  resolve: (committed: Committed) => void;
  reject: (error: unknown) => void;
}

const RESPONSE_COLUMNS = [
  'id', 'organisation_id', 'survey_version_id', 'site_id', 'service_point_id', 'channel', 'language',
  'respondent_role', 'submitted_at', 'idempotency_key', 'fft', 'rating', 'nps', 'answers',
] as const;
const DEMOGRAPHIC_COLUMNS = ['relationship', 'child_age_band', 'ethnicity', 'disability', 'first_language', 'postcode_district'] as const;
/** Rows per statement, under SQLite's bound-parameter limit (32,766) at 14 columns. */
const ROWS_PER_STATEMENT = 500;

export class ResponseWriter<Response = NewResponse> implements Writer<Response> {
  private queue: Pending<Response>[] = [];
  private draining: Promise<void> | null = null;
  private lastCommitEnded = -Infinity;

  /**
   * @param gatherMs Under load (a commit ended moments ago), the first submission waits this long
   *   for others to join it. The commit itself blocks the event loop (libSQL's embedded driver is
   *   synchronous), so without a pause each request arrives alone and pays its own fsync. Idle, a
   *   submission commits at once.
   */
  constructor(
    private commit: (responses: Response[]) => Promise<Committed[]>,
    private maxBatch = 2000,
    private gatherMs = 2,
  ) {}

  /** Group commit over any libSQL client (an embedded file, a server, Turso). */
  static over(client: Client, maxBatch = 2000, gatherMs = 2): ResponseWriter<NewResponse> {
    return new ResponseWriter<NewResponse>((responses) => writeResponses(client, responses), maxBatch, gatherMs);
  }

  submit(response: Response): Promise<Committed> {
    return new Promise((resolve, reject) => {
      this.queue.push({ response, resolve, reject });
      this.draining ??= this.drain();
    });
  }

  /**
   * Waits while submissions keep arriving: until a whole turn of the event loop brings no new
   * one (everyone who was on their way has arrived), or `gatherMs` at most.
   */
  private async gather(): Promise<void> {
    const deadline = performance.now() + this.gatherMs;
    let seen = this.queue.length;
    while (performance.now() < deadline) {
      await nextTurn();
      if (this.queue.length === seen) return;
      seen = this.queue.length;
    }
  }

  /** Resolves when everything submitted so far is committed (for shutdown and tests). */
  async flush(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    await null; // let submissions from the same tick join the first batch
    try {
      // Only the first submission after a pause waits; whatever queued up during a commit has
      // already waited that long and goes straight into the next one.
      if (this.gatherMs > 0 && performance.now() - this.lastCommitEnded < 10 * this.gatherMs) await this.gather();
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.maxBatch);
        await this.commitOrFallBack(batch);
        this.lastCommitEnded = performance.now();
      }
    } finally {
      this.draining = null;
    }
  }

  /** A batch that fails as a whole is retried one by one, so one bad row cannot sink its neighbours. */
  private async commitOrFallBack(batch: Pending<Response>[]): Promise<void> {
    try {
      settle(batch, await this.commit(batch.map((p) => p.response)));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const pending of batch) {
        try {
          settle([pending], await this.commit([pending.response]));
        } catch (single) {
          pending.reject(single);
        }
      }
    }
  }
}

/** After pending I/O callbacks: setImmediate on Node, a zero timeout where there is none (Workers). */
const nextTurn = (): Promise<void> =>
  new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

function settle<Response>(batch: Pending<Response>[], results: Committed[]): void {
  batch.forEach((pending, i) => pending.resolve(results[i]!));
}

/** Writes responses in one transaction and reports, in order, the id each one is stored under. */
export async function writeResponses(client: Client, responses: NewResponse[]): Promise<Committed[]> {
  const statements: InStatement[] = [];
  for (let start = 0; start < responses.length; start += ROWS_PER_STATEMENT) {
    const chunk = responses.slice(start, start + ROWS_PER_STATEMENT);
    statements.push(insertResponses(chunk));
    const withDemographics = chunk.filter((r) => r.demographics);
    if (withDemographics.length) statements.push(insertDemographics(withDemographics));
    const comments = chunk.flatMap((r) => r.comments ?? []);
    if (comments.length) statements.push(insertComments(comments), countComments(comments.map((c) => c.id)));
    const flags = chunk.flatMap((r) => (r.flag ? [{ flag: r.flag, submittedAt: r.submittedAt }] : []));
    if (flags.length) statements.push(insertFlags(flags));
  }
  const results = await client.batch(statements, 'write');
  const inserted = new Set(results.flatMap((result) => result.rows.map((row) => String(row.id))));
  const missing = responses.filter((r) => !inserted.has(r.id));
  const existing = missing.length ? await existingIds(client, missing) : new Map<string, string>();
  return responses.map((r) =>
    inserted.has(r.id)
      ? { id: r.id, created: true, ...(r.flag ? { flagId: r.flag.id } : {}) }
      : { id: existing.get(keyOf(r))!, created: false },
  );
}

function insertResponses(rows: NewResponse[]): InStatement {
  return { sql: insertResponsesSql(rows.length), args: rows.flatMap(responseValues) };
}

/** Inserts `count` responses, skipping repeated idempotency keys, and returns the ids it stored. */
export function insertResponsesSql(count: number): string {
  return `INSERT INTO responses (${RESPONSE_COLUMNS.join(',')}) VALUES ${valuesList(RESPONSE_COLUMNS.length, count)}
          ON CONFLICT (organisation_id, idempotency_key) DO NOTHING RETURNING id`;
}

/** `(?,?,…),(?,?,…)…`: `count` rows of `width` parameters. */
export function valuesList(width: number, count: number): string {
  const row = `(${'?,'.repeat(width - 1)}?)`;
  return `${row},`.repeat(count - 1) + row;
}

/** One response's values, in RESPONSE_COLUMNS order. */
export function responseValues(r: NewResponse): InValue[] {
  return [
    r.id, r.organisationId, r.surveyVersionId, r.siteId, r.servicePointId, r.channel, r.language,
    r.respondentRole, r.submittedAt, r.idempotencyKey, r.fft, r.rating, r.nps ?? null, r.answers,
  ];
}

/** Only for rows whose response was really inserted in this transaction (not an idempotent repeat). */
function insertDemographics(rows: NewResponse[]): InStatement {
  return {
    sql: `INSERT INTO response_demographics (${OWNED.demographics.join(',')})
          SELECT * FROM (VALUES ${valuesList(OWNED.demographics.length, rows.length)}) AS v
          WHERE EXISTS (SELECT 1 FROM responses r WHERE r.id = v.column1)`,
    args: rows.flatMap(demographicValues),
  };
}

/** The columns of the rows that belong to a response, in the order the *Values functions give. */
export const OWNED = {
  demographics: ['response_id', ...DEMOGRAPHIC_COLUMNS],
  comments: ['id', 'response_id', 'organisation_id', 'site_id', 'question_id', 'submitted_at', 'language', 'text', 'redacted', 'sentiment', 'themes', 'model_version'],
  flags: ['id', 'response_id', 'organisation_id', 'site_id', 'categories', 'urgency', 'status', 'created_at'],
} as const;

export function demographicValues(r: NewResponse): InValue[] {
  const d = r.demographics ?? {};
  return [r.id, d.relationship ?? null, d.childAgeBand ?? null, d.ethnicity ?? null, d.disability ?? null, d.firstLanguage ?? null, d.postcodeDistrict ?? null];
}

export function commentValues(c: NewComment): InValue[] {
  return [c.id, c.responseId, c.organisationId, c.siteId, c.questionId, c.submittedAt, c.language, c.text, c.redacted, c.sentiment, JSON.stringify(c.themes), c.modelVersion];
}

/** A flag is open when raised, and dated by its response unless it says otherwise. */
export function flagValues(f: NewFlag, submittedAt: number): InValue[] {
  return [f.id, f.responseId, f.organisationId, f.siteId, JSON.stringify(f.categories), f.urgency, 'open', f.createdAt ?? submittedAt];
}

/** Rows that belong to a response are inserted only where that response was inserted just now. */
function insertOwned(table: string, columns: readonly string[], rows: InValue[][]): InStatement {
  return {
    sql: `INSERT INTO ${table} (${columns.join(',')})
          SELECT * FROM (VALUES ${valuesList(columns.length, rows.length)}) AS v
          WHERE EXISTS (SELECT 1 FROM responses r WHERE r.id = v.column2)`,
    args: rows.flat(),
  };
}

function insertComments(comments: NewComment[]): InStatement {
  return insertOwned('comments', OWNED.comments, comments.map(commentValues));
}

function insertFlags(flags: { flag: NewFlag; submittedAt: number }[]): InStatement {
  return insertOwned('safeguarding_flags', OWNED.flags, flags.map(({ flag, submittedAt }) => flagValues(flag, submittedAt)));
}

export const keyOf = (r: Pick<NewResponse, 'organisationId' | 'idempotencyKey'>) => `${r.organisationId}\u0000${r.idempotencyKey}`;

async function existingIds(client: Client, rows: NewResponse[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const organisationId of new Set(rows.map((r) => r.organisationId))) {
    const keys = [...new Set(rows.filter((r) => r.organisationId === organisationId).map((r) => r.idempotencyKey))];
    const result = await client.execute({
      sql: `SELECT id, idempotency_key FROM responses WHERE organisation_id = ? AND idempotency_key IN (${keys.map(() => '?').join(',')})`,
      args: [organisationId, ...keys],
    });
    for (const row of result.rows) found.set(keyOf({ organisationId, idempotencyKey: String(row.idempotency_key) }), String(row.id));
  }
  return found;
}
