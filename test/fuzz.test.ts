/**
 * Issue 17, "prove it": fast-check throws thousands of generated requests at every public door
 * (responses API, the QR form, forms, sign-in, the panel link) and at the query parameters of the
 * staff pages and reports, through the real app on a real libSQL file. Never a 5xx; every JSON 4xx
 * in the one error shape; a family's form that is refused comes back as a page in a language, with
 * what they typed still in it.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorShape } from './helpers/app';
import { makeCouncilApp, type CouncilApp } from './helpers/factories';

let t: CouncilApp;
let admin: string;
beforeAll(async () => {
  t = await makeCouncilApp({ RATE_LIMIT_PER_MINUTE: '1000000' });
  admin = await t.login();
});
afterAll(() => t.close());

/** Values that have broken parsers before, beside arbitrary text. */
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'toString',
    '0000-01-01',
    '2026-02-30',
    '9999-99-99',
    '-1',
    '1e309',
    'NaN',
    '[]',
    '{}',
    '%00',
    '%',
    '\u0000',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    'a'.repeat(5000),
    'ar',
    'pl',
    'en',
    'qr',
    'good',
    'veryGood',
  ),
);

async function expectSound(response: Response, what: string) {
  expect(response.status, what).toBeLessThan(500);
  if (response.status >= 400 && (response.headers.get('content-type') ?? '').includes('json')) {
    const body = await response.json();
    try {
      expectErrorShape(body);
    } catch (error) {
      throw new Error(`${what}: ${(error as Error).message}`);
    }
  }
}

const codes = () => [t.council.sites.ash.code, t.council.sites.ash.points[0]!.code, t.council.sites.elm.code, 'nosuchcode'];

describe('fuzzing the public doors', () => {
  it('POST /api/responses never answers 5xx and always in the error shape', async () => {
    const answers = fc.dictionary(
      fc.oneof(fc.constantFrom('fft', 'good', 'better', 'relationship', 'postcode', 'child-age'), fc.string({ maxLength: 12 })),
      fc.oneof(nasty, fc.array(nasty, { maxLength: 4 }), fc.integer(), fc.boolean(), fc.constant(null)),
      { maxKeys: 8 },
    );
    const submission = fc.record(
      {
        code: fc.oneof(fc.constantFrom(...codes()), nasty),
        channel: fc.oneof(fc.constantFrom('qr', 'widget', 'kiosk', 'paper', 'panel'), nasty),
        language: fc.oneof(fc.constantFrom('en', 'pl', 'ar', 'zh'), nasty),
        idempotencyKey: fc.oneof(fc.uuid(), nasty),
        answers: fc.oneof(answers, fc.anything()),
        submittedAt: fc.oneof(fc.integer(), nasty),
      },
      { requiredKeys: [] },
    );
    // Near-valid: a real code and channel, a fresh key, a real FFT answer and any words.
    const nearValid = fc.record({
      code: fc.constantFrom(...codes().slice(0, 3)),
      channel: fc.constantFrom('qr', 'widget', 'kiosk'),
      language: fc.constantFrom('en', 'pl', 'ro', 'zh', 'pt', 'ar'),
      idempotencyKey: fc.uuid(),
      answers: fc.record(
        {
          fft: fc.constantFrom('veryGood', 'good', 'neither', 'poor', 'veryPoor', 'dontKnow', 'excellent'),
          good: fc.string({ unit: 'grapheme', maxLength: 300 }),
        },
        { requiredKeys: ['fft'] },
      ),
    });
    const body = fc.oneof(
      { weight: 5, arbitrary: submission.map((s) => JSON.stringify(s)) },
      { weight: 3, arbitrary: nearValid.map((s) => JSON.stringify(s)) },
      fc.anything().map((v) => JSON.stringify(v) ?? ''),
      fc.string({ maxLength: 200 }),
    );
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', ''), async (text, type) => {
        const response = await t.app.request('/api/responses', { method: 'POST', headers: type ? { 'content-type': type } : {}, body: text });
        seen.add(response.status);
        await expectSound(response, `POST /api/responses ${type} ${text.slice(0, 200)}`);
      }),
      { numRuns: 1500 },
    );
    // Not only refusals: some generated submissions are good enough to be stored.
    expect([...seen].sort()).toEqual(expect.arrayContaining([201, 415, 422]));
  });

  it('the QR form refuses bad answers as a page in a language, keeping what the family typed', async () => {
    const field = fc.oneof(
      fc.constantFrom('fft', 'good', 'better', 'relationship', 'postcode', 'idempotencyKey', 'website', 'lang'),
      fc.string({ maxLength: 10 }),
    );
    const typed = fc.stringMatching(/^[a-z]{6,12}$/);
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...codes()),
        fc.dictionary(field, nasty, { maxKeys: 6 }),
        typed,
        fc.constantFrom('', '?lang=ar', '?lang=pl&kiosk=1', '?for=child', '?lang=__proto__'),
        async (code, fields, words, query) => {
          const form = new URLSearchParams({ ...fields, better: words });
          const response = await t.app.request(`/f/${encodeURIComponent(code)}${query}`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
            body: form.toString(),
          });
          await expectSound(response, `POST /f/${code}${query} ${form.toString().slice(0, 200)}`);
          if (response.status === 422) {
            refused++;
            const page = await response.text();
            expect(page).toMatch(/<html lang="(en|pl|ro|zh|pt|ar)"/);
            expect(page, 'the family’s words are kept').toContain(words);
          }
        },
      ),
      { numRuns: 800 },
    );
    expect(refused).toBeGreaterThan(50);
  });

  it('forms, sign-in and panel links never answer 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...codes()), nasty),
        fc.dictionary(fc.constantFrom('lang', 'for', 'kiosk', 'embed', 'x'), nasty, { maxKeys: 3 }),
        async (code, query) => {
          const search = new URLSearchParams(query).toString();
          for (const path of [
            `/api/forms/${encodeURIComponent(code)}?${search}`,
            `/f/${encodeURIComponent(code)}?${search}`,
            `/p/${encodeURIComponent(code)}?${search}`,
          ]) {
            await expectSound(await t.app.request(path), `GET ${path}`);
          }
        },
      ),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ email: nasty, password: nasty }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
          fc.string({ maxLength: 100 }),
        ),
        async (text) => {
          const response = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
          await expectSound(response, `POST /api/auth/login ${text.slice(0, 100)}`);
        },
      ),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(nasty, fc.dictionary(fc.string({ maxLength: 8 }), nasty, { maxKeys: 4 }), async (token, fields) => {
        const response = await t.app.request(`/p/${encodeURIComponent(token)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
          body: new URLSearchParams(fields).toString(),
        });
        await expectSound(response, `POST /p/${token}`);
      }),
      { numRuns: 200 },
    );
  });
});

describe('fuzzing the staff pages’ query parameters', () => {
  const PARAMS = [
    'site',
    'provider',
    'locality',
    'ward',
    'point',
    'from',
    'to',
    'period',
    'by',
    'group',
    'field',
    'theme',
    'sentiment',
    'language',
    'channel',
    'source',
    'page',
    'cursor',
    'status',
    'q',
    'lang',
    'quarter',
    'compare',
    'limit',
    'who',
    'what',
    'since',
    'until',
    'format',
    'done',
    'for',
    'script',
  ];
  const ROUTES = [
    '/dashboard',
    '/dashboard/comments',
    '/safeguarding',
    '/admin/sites',
    '/admin/surveys',
    '/people',
    '/audit',
    '/actions',
    '/exports',
    '/panels',
    '/meetings',
    '/paper',
    '/outbox',
    '/settings',
    '/api/reports/satisfaction',
    '/api/reports/equity',
    '/api/reports/trends',
    '/api/reports/themes',
    '/api/comments',
    '/api/meetings',
    '/api/safeguarding/flags',
    '/api/audit',
    '/api/sites',
    '/api/users',
  ];

  it('never answer 5xx, and the API answers 4xx in the error shape', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        fc.dictionary(fc.constantFrom(...PARAMS), fc.oneof(nasty, fc.constantFrom(t.council.sites.ash.code, 'north', '2026-01-01', '2026-Q1')), { maxKeys: 5 }),
        async (route, query) => {
          const path = `${route}?${new URLSearchParams(query).toString()}`;
          const response = await t.app.request(path, { headers: { authorization: `Bearer ${admin}` } });
          await expectSound(response, `GET ${path}`);
        },
      ),
      { numRuns: 1200 },
    );
  });
});
