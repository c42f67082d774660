import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hourly } from '../server/housekeeping';
import { makeCouncilApp, updateSettings, type CouncilApp } from './helpers/factories';

// An address redaction takes out, so only the original text ever held it.
const WORDS = 'Lovely staff, email me at quokka.zebrawell@example.org about the group';
let clock = Date.now();
let t: CouncilApp;
beforeAll(async () => {
  t = await makeCouncilApp({}, { now: () => new Date(clock) });
});
afterAll(() => t.close());

/** Whether the words are anywhere in the database file or its write-ahead log, as bytes. */
const onDisk = (text: string) =>
  ['hubvoice.db', 'hubvoice.db-wal'].some((name) => {
    const path = join(t.dir, name);
    return existsSync(path) && readFileSync(path).includes(Buffer.from(text, 'utf8'));
  });

describe('retention', () => {
  it('forgets a family’s own words past retention from the file and its log, not just from queries', async () => {
    const sent = await t.json('/api/responses', {
      body: { code: t.council.sites.ash.code, channel: 'qr', language: 'en', idempotencyKey: 'retention-bytes-1', answers: { fft: 'good', good: WORDS } },
    });
    expect(sent.status).toBe(201);
    await t.deps.writer.flush();
    expect(onDisk('quokka.zebrawell@example.org')).toBe(true);
    await updateSettings(t, t.council.organisation.id, { retentionDays: 30 });
    clock += 31 * 86_400_000;
    expect(await hourly(t.deps)).toBeGreaterThan(0);
    expect(onDisk('quokka.zebrawell@example.org')).toBe(false);
  });
});
