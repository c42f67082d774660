/**
 * Applies the bundled drizzle-kit migrations that the database has not seen yet, each in one
 * transaction with its bookkeeping row, so a crash mid-migration leaves the file as it was.
 */
import type { Client } from '@libsql/client';
import { migrations as bundled } from './migrations.gen';

export interface Migration {
  tag: string;
  sql: string;
}

export async function migrate(client: Client, migrations: Migration[] = bundled): Promise<string[]> {
  await client.execute('CREATE TABLE IF NOT EXISTS _migrations (tag TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const applied = new Set((await client.execute('SELECT tag FROM _migrations')).rows.map((r) => String(r.tag)));
  const done: string[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.tag)) continue;
    const statements = migration.sql
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .filter(Boolean);
    await client.batch([...statements, { sql: 'INSERT INTO _migrations (tag, applied_at) VALUES (?, ?)', args: [migration.tag, Date.now()] }], 'write');
    done.push(migration.tag);
  }
  // New or changed indexes need statistics before the planner will choose them for reports.
  // A libSQL server keeps its own and may refuse the pragma: best effort.
  if (done.length) await client.execute('PRAGMA optimize').catch(() => undefined);
  return done;
}
