/**
 * The two batch writers store a batch identically: the group-commit writer over a libSQL client
 * (db/response-writer.ts: Workers, a libSQL server, the seed) and the ingestion thread's embedded
 * store (db/embedded-writes.ts: `npm start` on a file). One batch, built once (so ids and times are
 * the same), goes through each into its own copy of one fresh file; then every table of the two
 * files must hold the same rows, and every submission the same answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultModel } from '../analysis/text';
import { openClient } from '../db/client';
import { EmbeddedResponseStore } from '../db/embedded-writes';
import { migrate } from '../db/migrate';
import { writeResponses, type Committed, type NewResponse } from '../db/response-writer';
import { organisations, providers, servicePoints, sites, surveys, surveyVersions } from '../db/schema';
import { createStore } from '../db/store';
import { readFreeText, type ReceivedResponse } from '../server/text-pipeline';

const dir = mkdtempSync(join(tmpdir(), 'hubvoice-parity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const at = Date.parse('2026-10-05T09:30:00Z');
const council = { organisationId: 'org_parity', surveyVersionId: 'sv_parity', siteId: 'site_parity', servicePointId: 'sp_parity' };

/** A fresh file holding one organisation with a site, a service point and a survey, and nothing else. */
async function freshCouncil(path: string): Promise<void> {
  const client = await openClient(`file:${path}`);
  const store = createStore(client);
  await migrate(client);
  await store.db.insert(organisations).values({ id: council.organisationId, slug: 'parity', name: 'Parity Council', createdAt: new Date(at) });
  await store.db.insert(providers).values({ id: 'prov_parity', organisationId: council.organisationId, code: 'p', name: 'Provider', createdAt: new Date(at) });
  await store.db.insert(sites).values({
    id: council.siteId,
    organisationId: council.organisationId,
    providerId: 'prov_parity',
    code: 'parity-hub',
    name: 'Parity Hub',
    kind: 'family_hub',
    locality: 'North',
    createdAt: new Date(at),
  });
  await store.db
    .insert(servicePoints)
    .values({ id: council.servicePointId, siteId: council.siteId, code: 'parity-play', name: 'Stay and play', createdAt: new Date(at) });
  await store.db.insert(surveys).values({
    id: 'survey_parity',
    organisationId: council.organisationId,
    name: 'Feedback',
    currentVersionId: council.surveyVersionId,
    createdAt: new Date(at),
  });
  await store.db
    .insert(surveyVersions)
    .values({ id: council.surveyVersionId, surveyId: 'survey_parity', version: 1, definition: '{}', createdAt: new Date(at) });
  client.close();
}

let sequence = 0;
/** A validated submission, read by the default model as both paths read it (server/text-pipeline.ts). */
function response(idempotencyKey: string, freeText: string[], extra: Partial<ReceivedResponse> = {}): NewResponse {
  const submittedAt = at + ++sequence * 60_000;
  return readFreeText(
    { model: defaultModel(), version: 'default' },
    {
      id: `r_parity_${sequence}`,
      ...council,
      servicePointId: null,
      channel: 'qr',
      language: 'en',
      respondentRole: 'parent',
      submittedAt,
      idempotencyKey,
      fft: 1,
      rating: null,
      answers: '{"fft":"veryGood"}',
      demographics: null,
      freeText: freeText.map((text, i) => ({ questionId: i ? 'good' : 'better', text })),
      ...extra,
    },
  );
}

/** Written before the batch, so the batch can repeat a key stored by an earlier commit. */
const earlier = [response('key-earlier', ['Please open on Saturdays'])];
const batch = [
  response('key-family-a', ['The staff were lovely but the wait was far too long', 'Call me on 07700 900123 about the messy play'], {
    servicePointId: council.servicePointId,
    rating: 4,
    nps: 9,
    demographics: { relationship: 'mum', childAgeBand: '0-1', ethnicity: 'white_british', firstLanguage: 'en' },
  }),
  response('key-flag', ['My partner hits me and I am scared for the children'], { fft: 5 }),
  // A double tap in the same batch as its twin: different id, different words, same key.
  response('key-family-a', ['Different words the second time'], { demographics: { relationship: 'dad' } }),
  response('key-earlier', ['Sent again, a day later']),
  response('key-quiet', [], { channel: 'kiosk', language: 'pl', respondentRole: null, fft: 6 }),
  response('key-next-day', ['Parking is impossible with a buggy'], { submittedAt: at + 86_400_000 }),
];

/**
 * Every table's rows as SQL literals (`quote()`, so an integer stored as 1.0 is told from 1), each
 * table sorted: row order, which neither writer promises, does not matter.
 */
async function everyTable(client: Client): Promise<Record<string, string[]>> {
  const tables = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  const contents: Record<string, string[]> = {};
  for (const { name } of tables.rows) {
    const columns = await client.execute(`SELECT name FROM pragma_table_info('${String(name)}')`);
    const rows = await client.execute(`SELECT ${columns.rows.map((c) => `quote("${String(c.name)}")`).join(',')} FROM "${String(name)}"`);
    contents[String(name)] = rows.rows.map((row) => Object.values(row).join(' | ')).sort();
  }
  return contents;
}

const stored: Record<'client' | 'embedded', { answers: Committed[]; tables: Record<string, string[]> }> = {} as never;

beforeAll(async () => {
  await freshCouncil(join(dir, 'fresh.db'));
  const fresh = await openClient(`file:${join(dir, 'fresh.db')}`);
  for (const copy of ['client.db', 'embedded.db']) await fresh.execute(`VACUUM INTO '${join(dir, copy)}'`);
  fresh.close();

  const client = await openClient(`file:${join(dir, 'client.db')}`);
  await writeResponses(client, earlier);
  stored.client = { answers: await writeResponses(client, batch), tables: await everyTable(client) };
  client.close();

  const embedded = new EmbeddedResponseStore(join(dir, 'embedded.db'));
  embedded.write(earlier);
  const answers = embedded.write(batch);
  embedded.close();
  const reader = await openClient(`file:${join(dir, 'embedded.db')}`);
  stored.embedded = { answers, tables: await everyTable(reader) };
  reader.close();
});

describe('the client writer and the embedded store', () => {
  it('give every submission the same answer: new ones their id and flag, repeats the id stored first', () => {
    const [familyA, flagged, , , quiet, nextDay] = batch;
    expect(stored.client.answers).toEqual([
      { id: familyA!.id, created: true },
      { id: flagged!.id, created: true, flagId: flagged!.flag!.id },
      { id: familyA!.id, created: false },
      { id: earlier[0]!.id, created: false },
      { id: quiet!.id, created: true },
      { id: nextDay!.id, created: true },
    ]);
    expect(stored.embedded.answers).toEqual(stored.client.answers);
  });

  it('leave a batch with something in every table a response writes to, and nothing of the repeats', () => {
    const { tables } = stored.client;
    expect(tables.responses).toHaveLength(5);
    expect(tables.response_demographics).toHaveLength(1);
    expect(tables.comments).toHaveLength(5);
    expect(tables.comments!.join()).not.toContain('Different words the second time');
    expect(tables.safeguarding_flags).toHaveLength(1);
    expect(tables.theme_days!.length).toBeGreaterThan(4);
  });

  it('store the same rows in every table', () => {
    expect(Object.keys(stored.embedded.tables)).toEqual(Object.keys(stored.client.tables));
    for (const table of Object.keys(stored.client.tables)) {
      expect({ table, rows: stored.embedded.tables[table] }).toEqual({ table, rows: stored.client.tables[table] });
    }
  });
});
