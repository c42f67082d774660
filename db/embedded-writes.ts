/**
 * `writeResponses` for an embedded libSQL file opened with the synchronous `libsql` driver (the
 * one under @libsql/client), used by the writer thread. The same rows and the same answers
 * (db/response-rows.ts); what differs is cost. Statements are prepared once per size and kept: a
 * batch is cut into chunks of 256, 64, 16, 4 and 1 rows, so a handful of statements cover every
 * batch, where the client re-prepares a multi-row INSERT whose text changes with each batch's
 * length. Inside the transaction RETURNING says which responses were stored, so the rows that
 * belong to them go in without a guard, and their theme_days counts are added from the comments
 * in hand instead of read back.
 */
import Database from 'libsql';
import type { InValue } from '@libsql/client';
import { EMBEDDED_PRAGMAS } from './client';
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
import { RESPONSE_DAYS_UPSERT_SQL, responseDayRows } from './response-days';
import { themeDayRows, UPSERT_SQL } from './theme-days';
import type { ThemeModelRows } from './theme-models';

type Statement = ReturnType<Database.Database['prepare']>;

const CHUNKS = [256, 64, 16, 4, 1] as const;

/** Also reads the organisations' theme models for the thread (db/theme-models.ts). */
export class EmbeddedResponseStore implements ThemeModelRows {
  private db: Database.Database;
  private statements = new Map<string, Statement>();

  /** @param path The file of a `file:` DATABASE_URL. */
  constructor(path: string) {
    this.db = new Database(path);
    for (const pragma of EMBEDDED_PRAGMAS) this.db.exec(`PRAGMA ${pragma}`);
  }

  /** Writes responses in one transaction and reports, in order, the id each one is stored under. */
  write(responses: NewResponse[]): Committed[] {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const inserted = new Set<string>();
      this.insertChunked('responses', responses.map(responseValues), insertResponsesSql, (rows) =>
        rows.forEach((row) => inserted.add(String((row as unknown[])[0]))),
      );
      const stored = inserted.size === responses.length ? responses : responses.filter((r) => inserted.has(r.id));
      const owned = ownedRows(stored);
      this.insert('response_demographics', COLUMNS.demographics, owned.demographics);
      this.insert('comments', COLUMNS.comments, owned.comments.map(commentValues));
      const upsert = this.statement('theme-days', () => UPSERT_SQL);
      for (const row of themeDayRows(owned.comments)) upsert.run(row);
      const days = this.statement('response-days', () => RESPONSE_DAYS_UPSERT_SQL);
      for (const row of responseDayRows(stored)) days.run(row);
      this.insert('safeguarding_flags', COLUMNS.flags, owned.flags);
      const storedIds = stored.length === responses.length ? new Map<string, string>() : this.storedIds(responses.filter((r) => !inserted.has(r.id)));
      this.db.exec('COMMIT');
      return committedAnswers(responses, inserted, storedIds);
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** The newest theme model version an organisation has saved, or null for none. */
  latestThemeModelVersion(organisationId: string): number | null {
    const [latest] = this.statement('model-version', () => 'SELECT max(version) FROM theme_models WHERE organisation_id = ?').get([organisationId]) as [
      unknown,
    ];
    return typeof latest === 'number' ? latest : null;
  }

  themeModelJson(organisationId: string, version: number): string {
    const [model] = this.statement('model', () => 'SELECT model FROM theme_models WHERE organisation_id = ? AND version = ?').get([
      organisationId,
      version,
    ]) as [unknown];
    return String(model);
  }

  close(): void {
    this.db.close();
  }

  private insert(table: string, columns: readonly string[], rows: InValue[][]): void {
    this.insertChunked(table, rows, (count) => `INSERT INTO ${table} (${columns.join(',')}) VALUES ${valuesList(columns.length, count)}`);
  }

  /** Inserts rows a chunk at a time; `returned` receives what a RETURNING statement gives back. */
  private insertChunked(table: string, rows: InValue[][], sql: (count: number) => string, returned?: (rows: unknown[]) => void): void {
    let start = 0;
    for (const size of CHUNKS) {
      while (rows.length - start >= size) {
        const statement = this.statement(`${table}:${size}`, () => sql(size));
        const args = rows.slice(start, start + size).flat();
        if (returned) returned(statement.all(args));
        else statement.run(args);
        start += size;
      }
    }
  }

  private statement(key: string, sql: () => string): Statement {
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare(sql());
      // Readers answer rows as arrays (`pluck` is not applied by `get`).
      if (statement.reader) statement.raw();
      this.statements.set(key, statement);
    }
    return statement;
  }

  /** The ids repeated keys were first stored under. */
  private storedIds(repeats: NewResponse[]): Map<string, string> {
    const find = this.statement('stored-id', () => STORED_ID_SQL);
    return new Map(repeats.map((r) => [keyOf(r), String((find.get([r.organisationId, r.idempotencyKey]) as [unknown])[0])]));
  }
}
