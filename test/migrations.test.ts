import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleMigrations } from '../db/bundle-migrations';
import { openClient } from '../db/client';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations.gen';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function emptyFile() {
  const dir = mkdtempSync(join(tmpdir(), 'hubvoice-migrate-'));
  dirs.push(dir);
  return openClient(`file:${join(dir, 'nested', 'store.db')}`);
}

describe('migrations', () => {
  it('create every table on an empty file, in a folder that did not exist', async () => {
    const client = await emptyFile();
    expect(await migrate(client)).toEqual(migrations.map((m) => m.tag));
    const tables = (await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).rows.map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining([
      'organisations', 'providers', 'sites', 'service_points', 'surveys', 'survey_versions',
      'responses', 'response_demographics', 'users', 'role_assignments', 'sessions', 'audit_log',
    ]));
    client.close();
  });

  it('apply nothing the second time', async () => {
    const client = await emptyFile();
    await migrate(client);
    expect(await migrate(client)).toEqual([]);
    client.close();
  });

  it('leave the file untouched when a migration fails part-way', async () => {
    const client = await emptyFile();
    await expect(migrate(client, [{ tag: 'broken', sql: 'CREATE TABLE a (x);--> statement-breakpoint\nNOT SQL' }])).rejects.toThrow();
    const tables = (await client.execute("SELECT name FROM sqlite_master WHERE name = 'a'")).rows;
    expect(tables).toHaveLength(0);
    client.close();
  });

  it('run in WAL mode on an embedded file', async () => {
    const client = await emptyFile();
    expect((await client.execute('PRAGMA journal_mode')).rows[0]?.journal_mode).toBe('wal');
    client.close();
  });

  it('are bundled in db/migrations.gen.ts exactly as drizzle-kit wrote them (run `npm run db:generate`)', () => {
    const folder = fileURLToPath(new URL('../db/migrations', import.meta.url));
    const committed = readFileSync(fileURLToPath(new URL('../db/migrations.gen.ts', import.meta.url)), 'utf8');
    expect(committed).toBe(bundleMigrations(folder));
  });
});
