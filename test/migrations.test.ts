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
    expect(tables).toEqual(
      expect.arrayContaining([
        'organisations',
        'providers',
        'sites',
        'service_points',
        'surveys',
        'survey_versions',
        'responses',
        'response_demographics',
        'users',
        'role_assignments',
        'sessions',
        'audit_log',
      ]),
    );
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

  it('move typed text out of responses.answers on a file from before 0007, keeping every other answer as it was', async () => {
    const client = await emptyFile();
    const before = migrations.findIndex((m) => m.tag === '0007_free_text_only_in_comments');
    await migrate(client, migrations.slice(0, before));
    await client.executeMultiple(`
      PRAGMA foreign_keys = OFF;
      INSERT INTO responses (id, organisation_id, survey_version_id, site_id, channel, language, submitted_at, idempotency_key, answers) VALUES
        ('r1', 'o', 'v', 's', 'qr', 'en', 1, 'k1', '{"fft":"good","better":"Ring me on 07700 900123","topics":["play","food"],"consent":true,"stars":4}'),
        ('r2', 'o', 'v', 's', 'qr', 'en', 2, 'k2', '{"fft":"poor"}');
      INSERT INTO comments (id, response_id, organisation_id, site_id, question_id, submitted_at, language, text, redacted, sentiment, themes, model_version)
        VALUES ('c1', 'r1', 'o', 's', 'better', 1, 'en', 'Ring me on 07700 900123', 'Ring me on [phone]', 0, '[]', 'default');
      PRAGMA foreign_keys = ON;`);
    expect(await migrate(client)).toContain('0007_free_text_only_in_comments');
    const answers = (await client.execute('SELECT id, answers FROM responses ORDER BY id')).rows.map((r) => [r.id, JSON.parse(String(r.answers))]);
    expect(answers).toEqual([
      ['r1', { fft: 'good', topics: ['play', 'food'], consent: true, stars: 4 }],
      ['r2', { fft: 'poor' }],
    ]);
    client.close();
  });

  it('count the comments already stored into theme_days on a file from before 0008', async () => {
    const client = await emptyFile();
    await migrate(
      client,
      migrations.slice(
        0,
        migrations.findIndex((m) => m.tag === '0008_theme_days'),
      ),
    );
    const day = 20_000 * 86_400_000; // 2024-10-04, midnight UTC
    await client.executeMultiple(`
      PRAGMA foreign_keys = OFF;
      INSERT INTO comments (id, response_id, organisation_id, site_id, question_id, submitted_at, language, redacted, sentiment, themes, model_version) VALUES
        ('c1', 'r1', 'o', 's1', 'better', ${day + 1}, 'en', 'a', 1, '[{"theme":"play","score":0.9,"sentiment":-1},{"theme":"staff","score":0.5}]', 'default'),
        ('c2', 'r2', 'o', 's1', 'better', ${day + 86_399_999}, 'en', 'b', 0, '[{"theme":"play","score":0.7}]', 'default'),
        ('c3', 'r3', 'o', 's1', 'better', ${day + 86_400_000}, 'en', 'c', -1, '[]', 'default'),
        ('c4', 'r4', 'o', 's2', 'better', ${day + 5}, 'en', 'd', 0, '[{"theme":"play","score":0.2}]', 'default');
      PRAGMA foreign_keys = ON;`);
    // Up to 0008 only: these rows point at responses that are not there, which later rebuilds refuse.
    expect(await migrate(client, migrations.slice(0, migrations.findIndex((m) => m.tag === '0008_theme_days') + 1))).toContain('0008_theme_days');
    const rows = (await client.execute('SELECT site_id, day, theme, mentions, negative, positive FROM theme_days ORDER BY 1, 2, 3')).rows.map((r) =>
      Object.values(r),
    );
    expect(rows).toEqual([
      ['s1', 20_000, '', 2, 0, 1],
      ['s1', 20_000, 'play', 2, 1, 0],
      ['s1', 20_000, 'staff', 1, 0, 1],
      ['s1', 20_001, '', 1, 1, 0],
      ['s2', 20_000, '', 1, 0, 0],
      ['s2', 20_000, 'play', 1, 0, 0],
    ]);
    client.close();
  });

  it('are bundled in db/migrations.gen.ts exactly as drizzle-kit wrote them (run `npm run db:generate`)', () => {
    const folder = fileURLToPath(new URL('../db/migrations', import.meta.url));
    const committed = readFileSync(fileURLToPath(new URL('../db/migrations.gen.ts', import.meta.url)), 'utf8');
    expect(committed).toBe(bundleMigrations(folder));
  });

  it('keep the one review a flag held before 0012 as the first of its history', async () => {
    const client = await emptyFile();
    const before = migrations.findIndex((m) => m.tag === '0012_safeguarding_reviews');
    await migrate(client, migrations.slice(0, before));
    await client.executeMultiple(`
      PRAGMA foreign_keys = OFF;
      INSERT INTO safeguarding_flags (id, organisation_id, response_id, site_id, categories, urgency, status, created_at, reviewed_by, reviewed_at, action_taken) VALUES
        ('sf1', 'o', 'r1', 's', '["neglect"]', 'priority', 'closed', 1, 'u1', 5, 'Called the family'),
        ('sf2', 'o', 'r2', 's', '["neglect"]', 'immediate', 'open', 2, NULL, NULL, NULL);
      PRAGMA foreign_keys = ON;`);
    await migrate(client, migrations.slice(0, before + 1));
    const rows = (await client.execute('SELECT flag_id, status, action_taken, reviewed_by, reviewed_at FROM safeguarding_reviews')).rows;
    expect(rows.map((r) => ({ ...r }))).toEqual([{ flag_id: 'sf1', status: 'closed', action_taken: 'Called the family', reviewed_by: 'u1', reviewed_at: 5 }]);
    client.close();
  });
});
