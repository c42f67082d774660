/**
 * Durable ingestion with group commit. Every submission waits for the transaction that contains
 * it, and submissions that arrive while one commit is in flight share the next one: one fsync for
 * many families instead of one each (libSQL here: ~6k autocommit inserts/s, ~60k rows/s batched).
 *
 * What a response stores and how a repeated idempotency key is answered (the id stored first, even
 * for a double tap in the same batch as its twin) are in db/response-rows.ts, shared with the
 * ingestion thread's store (db/embedded-writes.ts); here is how a batch reaches a libSQL client.
 */
import type { Client, InStatement, InValue } from '@libsql/client';
import {
  COLUMNS,
  commentValues,
  committedAnswers,
  insertResponsesSql,
  keyOf,
  ownedRows,
  responseValues,
  STORED_ID_SQL,
  valuesList,
  type Committed,
  type NewResponse,
} from './response-rows';
import { guardedUpsertSql, responseDayRows } from './response-days';
import { ADD_TO_ROW, themeDayRows } from './theme-days';

export type { Committed, Demographics, NewComment, NewFlag, NewResponse } from './response-rows';

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

/** Rows per statement: 500 of the widest (14 columns) stay under SQLite's 32,766 bound parameters. */
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
const nextTurn = (): Promise<void> => new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

function settle<Response>(batch: Pending<Response>[], results: Committed[]): void {
  batch.forEach((pending, i) => pending.resolve(results[i]!));
}

/**
 * Writes responses in one transaction and reports, in order, the id each one is stored under.
 * One batch is one round trip, so nothing can wait for the responses' RETURNING: each row that
 * belongs to a response, its theme_days counts included, goes in only where that response is in
 * the table by then (a repeat's id never is).
 */
export async function writeResponses(client: Client, responses: NewResponse[]): Promise<Committed[]> {
  const statements: InStatement[] = [];
  for (const chunk of chunks(responses)) {
    statements.push({ sql: insertResponsesSql(chunk.length), args: chunk.flatMap(responseValues) });
    const owned = ownedRows(chunk);
    insertOwned(statements, 'response_demographics', COLUMNS.demographics, owned.demographics);
    insertOwned(statements, 'comments', COLUMNS.comments, owned.comments.map(commentValues));
    // Counted per response, not per batch, so that each count can be guarded by its response.
    addThemeDays(
      statements,
      chunk.flatMap((r) => (r.comments?.length ? themeDayRows(r.comments).map((row) => [r.id, ...row]) : [])),
    );
    insertOwned(statements, 'safeguarding_flags', COLUMNS.flags, owned.flags);
    // Also per response, each guarded by its response being stored.
    for (const rows of chunks(chunk.flatMap((r) => responseDayRows([r]).map((row) => [r.id, ...row])))) {
      statements.push({ sql: guardedUpsertSql(rows.length), args: rows.flat() });
    }
  }
  const results = await client.batch(statements, 'write');
  const inserted = new Set(results.flatMap((result) => result.rows.map((row) => String(row.id))));
  const repeats = responses.filter((r) => !inserted.has(r.id));
  return committedAnswers(responses, inserted, repeats.length ? await storedIds(client, repeats) : new Map());
}

/** Whether the response whose id is the `column`th value of a VALUES row was stored: it is in the table by now. */
const storedNow = (column: number) => `EXISTS (SELECT 1 FROM responses r WHERE r.id = v.column${column})`;

/** Inserts rows only where their response (their `response_id`) was stored just now. */
function insertOwned(statements: InStatement[], table: string, columns: readonly string[], rows: InValue[][]): void {
  for (const chunk of chunks(rows)) {
    statements.push({
      sql: `INSERT INTO ${table} (${columns.join(',')})
            SELECT * FROM (VALUES ${valuesList(columns.length, chunk.length)}) AS v WHERE ${storedNow(columns.indexOf('response_id') + 1)}`,
      args: chunk.flat(),
    });
  }
}

/** Adds theme_days counts (themeDayRows' rows, each led by the id of the response it counts) only where that response was stored just now. */
function addThemeDays(statements: InStatement[], rows: InValue[][]): void {
  for (const chunk of chunks(rows)) {
    statements.push({
      sql: `INSERT INTO theme_days (site_id, day, theme, mentions, negative, positive)
            SELECT column2, column3, column4, column5, column6, column7 FROM (VALUES ${valuesList(7, chunk.length)}) AS v
            WHERE ${storedNow(1)}${ADD_TO_ROW}`,
      args: chunk.flat(),
    });
  }
}

/** Rows a statement at a time, under SQLite's bound-parameter limit (32,766) at any row width here. */
function* chunks<Row>(rows: Row[]): Generator<Row[]> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) yield rows.slice(start, start + ROWS_PER_STATEMENT);
}

/** The ids repeated keys were first stored under, in one round trip. */
async function storedIds(client: Client, repeats: NewResponse[]): Promise<Map<string, string>> {
  const results = await client.batch(
    repeats.map((r) => ({ sql: STORED_ID_SQL, args: [r.organisationId, r.idempotencyKey] })),
    'read',
  );
  return new Map(repeats.map((r, i) => [keyOf(r), String(results[i]!.rows[0]!.id)]));
}
