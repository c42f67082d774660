/**
 * The ingestion thread `npm start` uses on an embedded file: the same answers as the inline path
 * (test/ingestion.test.ts), with free text read and rows committed on another thread.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultModel } from '../analysis/text';
import { EmbeddedResponseStore } from '../db/embedded-writes';
import { newId } from '../db/ids';
import { ResponseWriter, type NewResponse } from '../db/response-writer';
import type { IngestionThread } from '../server/ingest-thread';
import { makeCouncilApp, type CouncilApp } from './helpers/factories';

let t: CouncilApp;
beforeAll(async () => {
  t = await makeCouncilApp({}, {}, { ingestOnThread: true });
});
afterAll(() => t.close());

let keys = 0;
const key = () => `thread-key-${Date.now()}-${++keys}`;
const submit = (body: Record<string, unknown>) =>
  t.json('/api/responses', { body: { code: t.council.sites.ash.code, channel: 'qr', language: 'en', idempotencyKey: key(), ...body } });
const count = async (table = 'responses') => Number((await t.store.client.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);
const commentsOf = async (responseId: string) =>
  (await t.store.client.execute({ sql: 'SELECT * FROM comments WHERE response_id = ?', args: [responseId] })).rows;

describe('POST /api/responses through the ingestion thread', () => {
  it('commits the response with its comment read on the thread: redacted, themed, stamped with the model', async () => {
    const response = await submit({ answers: { fft: 'good', better: 'More sessions at weekends please, call me on 07700 900123' } });
    expect(response.status).toBe(201);
    const [comment] = await commentsOf(response.body.id);
    expect(comment).toMatchObject({ question_id: 'better', model_version: 'default', language: 'en' });
    expect(String(comment!.redacted)).not.toContain('07700 900123');
    expect(JSON.parse(String(comment!.themes)).map((m: { theme: string }) => m.theme)).toContain('session-times');
  });

  it('answers a repeated idempotency key with 200 and the same id, storing one response and one comment', async () => {
    const idempotencyKey = key();
    const first = await submit({ idempotencyKey, answers: { fft: 'good', better: 'Longer opening hours' } });
    const before = await count();
    const again = await submit({ idempotencyKey, answers: { fft: 'good', better: 'Longer opening hours' } });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.id).toBe(first.body.id);
    expect(await count()).toBe(before);
    expect(await commentsOf(first.body.id)).toHaveLength(1);
  });

  it('stores every one of many concurrent submissions, each once, in a few shared commits', async () => {
    const thread = t.deps.writer as IngestionThread;
    const [before, batchesBefore] = [await count(), thread.batches];
    const responses = await Promise.all(
      Array.from({ length: 300 }, (_, i) => submit({ answers: { fft: i % 2 ? 'good' : 'poor', better: `Idea number ${i}` } })),
    );
    expect(responses.every((r) => r.status === 201)).toBe(true);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(300);
    expect(await count()).toBe(before + 300);
    expect(thread.batches - batchesBefore).toBeLessThanOrEqual(10);
  });

  it('stores one response for a burst of double taps with the same key, all answered with its id', async () => {
    const idempotencyKey = key();
    const responses = await Promise.all(Array.from({ length: 20 }, () => submit({ idempotencyKey, answers: { fft: 'veryGood', relationship: 'mum' } })));
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    const about = await t.store.client.execute({ sql: 'SELECT count(*) AS n FROM response_demographics WHERE response_id = ?', args: [responses[0]!.body.id] });
    expect(about.rows[0]?.n).toBe(1);
  });

  it('commits a safeguarding flag with the response that discloses harm', async () => {
    const response = await submit({ answers: { fft: 'neither', better: 'My partner hits me and I am scared for the children' } });
    expect(response.status).toBe(201);
    const flags = await t.store.client.execute({
      sql: 'SELECT categories, urgency, status FROM safeguarding_flags WHERE response_id = ?',
      args: [response.body.id],
    });
    expect(flags.rows).toHaveLength(1);
    expect(flags.rows[0]).toMatchObject({ urgency: 'immediate', status: 'open' });
    expect(JSON.parse(String(flags.rows[0]!.categories))).toContain('domestic-abuse');
  });

  it('reads with the organisation’s newest saved model from the next submission on', async () => {
    await t.deps.themeModels.save(t.council.organisation.id, defaultModel(), 'uploaded', null);
    const response = await submit({ answers: { fft: 'good', better: 'The staff were lovely' } });
    expect((await commentsOf(response.body.id))[0]?.model_version).toBe('v1');
  });
});

describe('a thread that dies', () => {
  it('fails the batch it held, never acknowledging it, and a retry with the same key starts a new thread and is stored once', async () => {
    const target = (await t.deps.forms.find(t.council.sites.ash.code))!;
    const received = (idempotencyKey: string) => ({
      id: newId('r'),
      organisationId: target.organisationId,
      surveyVersionId: target.survey.versionId,
      siteId: target.site.id,
      servicePointId: null,
      channel: 'api' as const,
      language: 'en',
      respondentRole: null,
      submittedAt: Date.now(),
      idempotencyKey,
      fft: 1,
      rating: null,
      answers: '{}',
      demographics: null,
      freeText: [],
    });
    const thread = t.deps.writer as IngestionThread;
    const dying = (thread as unknown as { worker: Worker }).worker;
    // The thread dies with the batch in hand: it is handed over, then the thread stops before answering.
    dying.postMessage = () => void dying.terminate();
    const lost = received(key());
    await expect(thread.submit(lost)).rejects.toThrow(/ingestion thread stopped/);
    const stored = async () =>
      Number((await t.store.client.execute({ sql: 'SELECT count(*) AS n FROM responses WHERE idempotency_key = ?', args: [lost.idempotencyKey] })).rows[0]?.n);
    expect(await stored()).toBe(0);
    await expect(thread.submit(received(lost.idempotencyKey))).resolves.toMatchObject({ created: true });
    expect(await stored()).toBe(1);
  });
});

describe('EmbeddedResponseStore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hubvoice-embedded-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let store: EmbeddedResponseStore;
  let base: Omit<NewResponse, 'id' | 'idempotencyKey'>;
  beforeAll(async () => {
    const source = await makeCouncilApp();
    const target = (await source.deps.forms.find(source.council.sites.ash.code))!;
    base = {
      organisationId: target.organisationId,
      surveyVersionId: target.survey.versionId,
      siteId: target.site.id,
      servicePointId: null,
      channel: 'api',
      language: 'en',
      respondentRole: null,
      submittedAt: Date.parse('2026-11-01T10:00:00Z'),
      fft: 1,
      rating: null,
      answers: '{}',
      demographics: null,
    };
    // A copy of a bootstrapped file, so this store has the organisation and sites to point at.
    await source.store.client.execute(`VACUUM INTO '${join(dir, 'copy.db')}'`);
    await source.close();
    store = new EmbeddedResponseStore(join(dir, 'copy.db'));
  });
  afterAll(() => store.close());
  const rows = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ ...base, id: newId('r'), idempotencyKey: `${prefix}-${i}` }));

  it('writes a batch of any length (300 = 256 + 16 + 16 + 4 + 4 + 4) and answers each row in order', () => {
    const batch = rows(300, 'long');
    const committed = store.write(batch);
    expect(committed.map((c) => c.id)).toEqual(batch.map((r) => r.id));
    expect(committed.every((c) => c.created)).toBe(true);
  });

  it('answers a repeated key with the id stored first, within one batch and across batches', () => {
    const [first] = rows(1, 'repeat');
    const twin = { ...first!, id: newId('r') };
    expect(store.write([first!, twin])).toEqual([
      { id: first!.id, created: true },
      { id: first!.id, created: false },
    ]);
    expect(store.write([{ ...first!, id: newId('r') }])).toEqual([{ id: first!.id, created: false }]);
  });

  it('rolls a failing batch back whole; the writer then stores its good rows one by one', async () => {
    // Four good rows go in one statement and the bad one in the next, so the failure comes mid-transaction.
    const good = rows(4, 'neighbour');
    const bad = { ...rows(1, 'orphan')[0]!, siteId: 'no-such-site' };
    expect(() => store.write([...good, bad])).toThrow();
    const writer = new ResponseWriter<NewResponse>(async (batch) => store.write(batch), 100, 0);
    const settled = await Promise.allSettled([...good, bad].map((r) => writer.submit(r)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
    // Stored now, not before: had the failed batch left its good rows behind, these would be repeats.
    expect(settled.slice(0, 4).map((s) => s.status === 'fulfilled' && s.value)).toEqual(good.map((r) => ({ id: r.id, created: true })));
  });
});
