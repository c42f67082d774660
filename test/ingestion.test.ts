import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorShape } from './helpers/app';
import { makeCouncilApp, type CouncilApp } from './helpers/factories';

let t: CouncilApp;
beforeAll(async () => {
  t = await makeCouncilApp();
});
afterAll(() => t.close());

let keys = 0;
const key = () => `test-key-${Date.now()}-${++keys}`;
const hub = () => t.council.sites.ash;
const submit = (body: Record<string, unknown>) =>
  t.json('/api/responses', { body: { code: hub().code, channel: 'qr', language: 'en', idempotencyKey: key(), ...body } });
const row = async (id: string) => (await t.store.client.execute({ sql: 'SELECT * FROM responses WHERE id = ?', args: [id] })).rows[0];
/** A response's free text, as typed, by question: kept only in its comments. */
const typed = async (id: string) =>
  Object.fromEntries(
    (await t.store.client.execute({ sql: 'SELECT question_id, text FROM comments WHERE response_id = ?', args: [id] })).rows.map((r) => [
      r.question_id,
      r.text,
    ]),
  );
const count = async () => Number((await t.store.client.execute('SELECT count(*) AS n FROM responses')).rows[0]?.n);

describe('GET /api/forms/{code}', () => {
  it('returns the survey with the FFT question and its six option values', async () => {
    const response = await t.json(`/api/forms/${hub().code}`);
    expect(response.status).toBe(200);
    const fft = response.body.questions.find((q: { type: string }) => q.type === 'fft');
    expect(fft.title).toBe('Overall, how was your experience of our service?');
    expect(fft.options.map((o: { value: string }) => o.value)).toEqual(['veryGood', 'good', 'neither', 'poor', 'veryPoor', 'dontKnow']);
    expect(fft.options.map((o: { label: string }) => o.label)).toEqual(['Very good', 'Good', 'Neither good nor poor', 'Poor', 'Very poor', "Don't know"]);
  });

  it('resolves service-point codes, in any case, to their site', async () => {
    const point = hub().points[1]!;
    const response = await t.json(`/api/forms/${point.code.toUpperCase()}`);
    expect(response.status).toBe(200);
    expect(response.body.servicePoint).toEqual({ code: point.code, name: point.name });
    expect(response.body.site.code).toBe(hub().code);
  });

  it('speaks the language asked for, else the browser’s, with Arabic right to left', async () => {
    expect((await t.json(`/api/forms/${hub().code}?lang=ar`)).body).toMatchObject({ language: 'ar', dir: 'rtl' });
    const polish = await t.json(`/api/forms/${hub().code}`, { headers: { 'accept-language': 'pl-PL,pl;q=0.9,en;q=0.5' } });
    expect(polish.body.language).toBe('pl');
    expect(polish.body.questions[0].options[0].label).toBe('Bardzo dobrze');
  });

  it('answers 404 in the shared shape for an unknown code', async () => {
    const response = await t.json('/api/forms/nope');
    expect(response.status).toBe(404);
    expectErrorShape(response.body);
  });
});

describe('POST /api/responses', () => {
  it('stores a valid response with its site, service point, channel, language and answers, and answers 201', async () => {
    const response = await t.json('/api/responses', {
      body: { code: hub().points[1]!.code, channel: 'qr', language: 'pl', idempotencyKey: key(), answers: { fft: 'good', good: 'Miła obsługa' } },
    });
    expect(response.status).toBe(201);
    const stored = await row(response.body.id);
    expect(stored).toMatchObject({ channel: 'qr', language: 'pl', fft: 2 });
    expect(stored?.service_point_id).toEqual(expect.any(String));
    // Free text is kept once, as its comment (where redaction and retention apply), not in answers.
    expect(JSON.parse(String(stored?.answers))).toEqual({ fft: 'good' });
    expect(await typed(response.body.id)).toEqual({ good: 'Miła obsługa' });
  });

  it('keeps equality-monitoring answers apart from the feedback', async () => {
    const response = await submit({ answers: { fft: 'veryGood', relationship: 'dad', ethnicity: 'white_roma', postcode: 'pl4' } });
    expect(response.status).toBe(201);
    const stored = await row(response.body.id);
    expect(JSON.parse(String(stored?.answers))).toEqual({ fft: 'veryGood' });
    expect(stored?.respondent_role).toBe('parent');
    const about = (await t.store.client.execute({ sql: 'SELECT * FROM response_demographics WHERE response_id = ?', args: [response.body.id] })).rows[0];
    expect(about).toMatchObject({ relationship: 'dad', ethnicity: 'white_roma', postcode_district: 'PL4' });
  });

  it.each([
    { answers: {}, field: 'answers.fft', code: 'required' },
    { answers: { fft: 'brilliant' }, field: 'answers.fft', code: 'invalid_option' },
    { answers: { fft: 'good', better: 'x'.repeat(2001) }, field: 'answers.better', code: 'too_long' },
    { answers: { fft: 'good', postcode: 'PL4 8A' }, field: 'answers.postcode', code: 'invalid_postcode' },
    { answers: { fft: 'good', ethnicity: 'martian' }, field: 'answers.ethnicity', code: 'invalid_option' },
  ])('refuses $code with 422 naming $field, storing nothing', async ({ answers, field, code }) => {
    const before = await count();
    const response = await submit({ answers });
    expect(response.status).toBe(422);
    expectErrorShape(response.body);
    expect(response.body.error.details).toContainEqual(expect.objectContaining({ field, code }));
    expect(response.body.error.message).toContain(field);
    expect(await count()).toBe(before);
  });

  it('explains a missing answer in the respondent’s language', async () => {
    const response = await submit({ language: 'pl', answers: {} });
    expect(response.body.error.details[0].message).toBe(
      'Wybierz odpowiedź na pytanie „Ogólnie rzecz biorąc, jak oceniasz swoje doświadczenia z naszą usługą?”',
    );
  });

  it.each([
    { body: { answers: { fft: 'good' }, idempotencyKey: 'abcdefgh1', channel: 'qr' }, field: 'code' },
    { body: { answers: { fft: 'good' }, channel: 'qr' }, atTheHub: true, field: 'idempotencyKey' },
    { body: { answers: { fft: 'good' }, idempotencyKey: 'abcdefgh2', channel: 'carrier-pigeon' }, atTheHub: true, field: 'channel' },
    { body: { code: 'nowhere', answers: { fft: 'good' }, idempotencyKey: 'abcdefgh3', channel: 'qr' }, field: 'code' },
  ])('refuses a request with a bad $field, naming it', async ({ body, atTheHub, field }) => {
    const response = await t.json('/api/responses', { body: atTheHub ? { code: hub().code, ...body } : body });
    expect(response.status).toBe(422);
    expectErrorShape(response.body);
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('answers a repeated idempotency key with 200 and the same id, storing one response', async () => {
    const idempotencyKey = key();
    const first = await submit({ idempotencyKey, answers: { fft: 'good' } });
    const before = await count();
    const again = await submit({ idempotencyKey, answers: { fft: 'good' } });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await count()).toBe(before);
  });

  it('stores every one of many concurrent submissions, each once, sharing commits', async () => {
    const before = await count();
    const batches: number[] = [];
    const original = t.store.client.batch.bind(t.store.client);
    t.store.client.batch = (async (...args: Parameters<typeof original>) => {
      batches.push((args[0] as unknown[]).length);
      return original(...args);
    }) as typeof original;
    try {
      const responses = await Promise.all(Array.from({ length: 200 }, (_, i) => submit({ answers: { fft: i % 2 ? 'good' : 'poor' } })));
      expect(responses.every((r) => r.status === 201)).toBe(true);
      expect(new Set(responses.map((r) => r.body.id)).size).toBe(200);
      expect(await count()).toBe(before + 200);
      expect(batches.length).toBeGreaterThan(0);
      expect(batches.length).toBeLessThan(200);
    } finally {
      t.store.client.batch = original;
    }
  });

  it('stores one response for a burst of double taps with the same key, all answered with its id', async () => {
    const idempotencyKey = key();
    const before = await count();
    const responses = await Promise.all(Array.from({ length: 20 }, () => submit({ idempotencyKey, answers: { fft: 'veryGood', relationship: 'mum' } })));
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(19);
    expect(await count()).toBe(before + 1);
    const about = await t.store.client.execute({ sql: 'SELECT count(*) AS n FROM response_demographics WHERE response_id = ?', args: [responses[0]!.body.id] });
    expect(about.rows[0]?.n).toBe(1);
  });

  it('refuses a declared Content-Length over 64 KB before reading the body', async () => {
    const response = await t.json('/api/responses', { body: { code: hub().code, answers: { fft: 'good' } }, headers: { 'content-length': String(65 * 1024) } });
    expect(response.status).toBe(413);
    expectErrorShape(response.body);
  });

  it('refuses a body over 64 KB with 413 in the shared shape', async () => {
    const response = await submit({ answers: { fft: 'good', better: 'x'.repeat(70_000) } });
    expect(response.status).toBe(413);
    expectErrorShape(response.body);
  });
});
