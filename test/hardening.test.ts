/**
 * Bad input and forged requests from issue 17 (items 5, 8, 9, 14): each once gave a 500, a bare
 * 400, a silent change or a write from another site. Each now gets the one error shape, in the
 * family's language where a family sees it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../db/schema';
import { expectErrorShape } from './helpers/app';
import { makeCouncilApp, type CouncilApp } from './helpers/factories';

let t: CouncilApp;
let admin: string;
beforeAll(async () => {
  t = await makeCouncilApp({ PUBLIC_URL: 'https://feedback.example.org' });
  admin = await t.login();
});
afterAll(() => t.close());

const submit = (answers: Record<string, unknown>, key: string, language = 'en') =>
  t.json('/api/responses', { body: { code: t.council.sites.ash.code, channel: 'qr', language, idempotencyKey: key, answers } });

describe('inputs that once gave a 500', () => {
  it('answers a broken multipart body on the QR form with the form again and a message in the family’s language', async () => {
    const response = await t.app.request(`/f/${t.council.sites.ash.code}?lang=pl`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="fft"\r\n\r\ngood\r\n--xy',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Nie udało się odczytać tego, co wysłał Twój telefon');
  });

  it('refuses the year 0 and an impossible date on the reports, naming the field', async () => {
    for (const [report, query] of [
      ['trends', 'to=0000-01-01'],
      ['satisfaction', 'from=2026-02-30'],
      ['trends', 'to=2026-13-01'],
    ] as const) {
      const { status, body } = await t.json(`/api/reports/${report}?${query}`, { token: admin });
      expect(status, query).toBe(422);
      expectErrorShape(body);
      expect(body.error.details[0].field).toBe(query.split('=')[0]);
    }
    const leap = await t.json('/api/reports/satisfaction?from=2024-02-29&to=2024-03-01', { token: admin });
    expect(leap.status).toBe(200);
  });

  it('shows the comments page for a theme named like an object’s prototype', async () => {
    const response = await t.app.request('/dashboard/comments?theme=__proto__', { headers: { authorization: `Bearer ${admin}` } });
    expect(response.status).toBe(200);
  });
});

describe('answers the form does not ask for', () => {
  it('refuses an answer to an unknown question, naming it, and stores nothing', async () => {
    const { status, body } = await submit({ fft: 'good', mystery: 'x' }, 'unknown-question-1');
    expect(status).toBe(422);
    expect(body.error.details).toEqual([{ field: 'answers.mystery', message: 'This form has no question “mystery”', code: 'unknown_question' }]);
    const stored = await t.store.client.execute({ sql: 'SELECT 1 FROM responses WHERE idempotency_key = ?', args: ['unknown-question-1'] });
    expect(stored.rows).toHaveLength(0);
  });

  it('refuses 5,000 answers with ten details, not five thousand', async () => {
    const answers = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`q${i}`, 'x']));
    const { status, body } = await submit({ fft: 'good', ...answers }, 'five-thousand-1');
    expect(status).toBe(422);
    expect(body.error.details).toHaveLength(10);
  });
});

describe('a full postcode', () => {
  it('keeps only the district and tells the family, on the API and on the form', async () => {
    const { status, body } = await submit({ fft: 'good', postcode: 'pl4 8aa' }, 'postcode-full-1', 'pl');
    expect(status).toBe(201);
    expect(body.notices).toEqual([expect.stringContaining('PL4')]);
    const stored = await t.store.client.execute({
      sql: 'SELECT d.postcode_district, r.answers FROM responses r JOIN response_demographics d ON d.response_id = r.id WHERE r.idempotency_key = ?',
      args: ['postcode-full-1'],
    });
    expect(stored.rows[0]!.postcode_district).toBe('PL4');
    expect(JSON.stringify(stored.rows)).not.toMatch(/8AA/i);
    const form = await t.app.request(`/f/${t.council.sites.ash.code}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ fft: 'good', postcode: 'SW1A 1AA', _key: 'postcode-full-form-1' }).toString(),
    });
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('We kept only the first part of your postcode, SW1A');
  });

  it('still refuses what is not a postcode at all, in the family’s language', async () => {
    const { status, body } = await submit({ fft: 'good', postcode: 'not a postcode' }, 'postcode-bad-1');
    expect(status).toBe(422);
    expect(body.error.details[0]).toMatchObject({ field: 'answers.postcode', code: 'invalid_postcode' });
  });
});

describe('body limits', () => {
  it('refuses a 2 MiB sign-in and never writes it to the audit log', async () => {
    const before = (await t.store.db.select().from(auditLog)).length;
    const huge = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(2 * 1024 * 1024) },
      body: JSON.stringify({ email: `${'a'.repeat(2 * 1024 * 1024 - 40)}@x`, password: 'p' }),
    });
    expect(huge.status).toBe(413);
    expectErrorShape(await huge.json());
    const long = await t.json('/api/auth/login', { body: { email: `${'a'.repeat(300)}@example.org`, password: 'p' } });
    expect(long.status).toBe(422);
    expect((await t.store.db.select().from(auditLog)).length).toBe(before);
  });
});

describe('writes riding on the session cookie', () => {
  const cookie = async () => `hubvoice_session=${admin}`;

  it('refuses a theme model posted as text/plain from a sibling origin, and one posted as text/plain from our own', async () => {
    const sibling = await t.app.request('/api/themes/model', {
      method: 'POST',
      headers: { cookie: await cookie(), origin: 'https://evil.example.org', 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(sibling.status).toBe(403);
    expectErrorShape(await sibling.json());
    const plain = await t.app.request('/api/themes/model', {
      method: 'POST',
      headers: { cookie: await cookie(), origin: 'https://feedback.example.org', 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(plain.status).toBe(415);
  });

  it('refuses a cross-site sign-out and apply-corrections with no body, and lets our own pages through', async () => {
    for (const path of ['/api/auth/logout', '/api/themes/model/apply-corrections']) {
      const forged = await t.app.request(path, { method: 'POST', headers: { cookie: await cookie(), 'sec-fetch-site': 'cross-site' } });
      expect(forged.status, path).toBe(403);
    }
    const me = await t.app.request('/api/auth/me', { headers: { cookie: await cookie() } });
    expect(me.status).toBe(200);
    const own = await t.app.request('/api/auth/logout', { method: 'POST', headers: { cookie: await cookie(), origin: 'https://feedback.example.org' } });
    expect(own.status).toBeLessThan(300);
  });

  it('leaves bearer-token scripts alone', async () => {
    const token = await t.login();
    const scripted = await t.app.request('/api/auth/logout', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, origin: 'https://elsewhere.example' },
    });
    expect(scripted.status).toBeLessThan(300);
  });
});

describe('wrong passwords', () => {
  const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
  const login = (email: string, password: string, address: string) =>
    t.app.request(
      '/api/auth/login',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) },
      from(address),
    );

  it('pause the machine guessing, not the owner signing in from their own', async () => {
    const owner = t.council.users.analyst;
    for (let i = 0; i < 10; i++) expect((await login(owner.email, `guess ${i}`, '203.0.113.9')).status).toBe(401);
    expect((await login(owner.email, owner.password, '203.0.113.9')).status).toBe(429);
    expect((await login(owner.email, owner.password, '198.51.100.20')).status).toBe(200);
  });
});

describe('a flood at one hub’s code', () => {
  it('refuses the flooding addresses but still takes a family’s feedback (60 addresses × 5 a minute, against a cap of 100)', async () => {
    // The windows are whole minutes: a flood that straddles one (a slow machine) would start again
    // from nothing, so the clock stands still at the start of a minute while it runs.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-05T10:00:01Z') });
    const flooded = await makeCouncilApp({ RATE_LIMIT_PER_MINUTE: '5' });
    try {
      const code = flooded.council.sites.elm.code;
      const send = (address: string, key: string) =>
        flooded.app.request(
          '/api/responses',
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ code, channel: 'qr', language: 'en', idempotencyKey: key, answers: { fft: 'good' } }),
          },
          { incoming: { socket: { remoteAddress: address } } },
        );
      const statuses: number[] = [];
      for (let client = 0; client < 60; client++) for (let i = 0; i < 5; i++) statuses.push((await send(`192.0.2.${client}`, `flood-${client}-${i}`)).status);
      // Each address stays within its own limit; together they pass the code's cap, which then refuses them.
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
      const family = await send('198.51.100.77', 'family-during-flood');
      expect(family.status).toBe(201);
    } finally {
      vi.useRealTimers();
      await flooded.close();
    }
  });
});

describe('a client far over its limit', () => {
  it('is refused a second late, so its own connections slow the flood, while a client just over is refused at once', async () => {
    const limited = await makeCouncilApp({ RATE_LIMIT_PER_MINUTE: '2' });
    // The limit's windows are whole minutes of the clock: held still, a minute cannot turn during the two late refusals.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-05T10:00:01Z') });
    try {
      const send = (i: number) =>
        limited.app.request(
          '/api/responses',
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              code: limited.council.sites.elm.code,
              channel: 'qr',
              language: 'en',
              idempotencyKey: `slow-down-${i}`,
              answers: { fft: 'good' },
            }),
          },
          { incoming: { socket: { remoteAddress: '192.0.2.200' } } },
        );
      const timed = async (i: number) => {
        const started = performance.now();
        const response = await send(i);
        return { status: response.status, ms: performance.now() - started };
      };
      const answers = [];
      for (let i = 0; i < 6; i++) answers.push(await timed(i));
      expect(answers.map((a) => a.status)).toEqual([201, 201, 429, 429, 429, 429]);
      // The third to fourth are at most twice the limit: refused at once. Past that, a second late.
      expect(answers[2]!.ms).toBeLessThan(900);
      expect(answers[4]!.ms).toBeGreaterThanOrEqual(990);
      expect(answers[5]!.ms).toBeGreaterThanOrEqual(990);
    } finally {
      vi.useRealTimers();
      await limited.close();
    }
  });
});

describe('the client address behind a reverse proxy', () => {
  const sendVia = (app: CouncilApp, forwardedFor: string, key: string) =>
    app.app.request(
      '/api/responses',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
        body: JSON.stringify({ code: app.council.sites.elm.code, channel: 'qr', language: 'en', idempotencyKey: key, answers: { fft: 'good' } }),
      },
      // Every request reaches the app from the proxy's own address.
      { incoming: { socket: { remoteAddress: '10.0.0.2' } } },
    );

  it('trusts no X-Forwarded-For by default: writing one does not make a new client', async () => {
    const direct = await makeCouncilApp({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await sendVia(direct, `198.51.100.${i}`, `direct-spoof-${i}`)).status);
      expect(statuses).toEqual([201, 201, 201, 429]);
    } finally {
      await direct.close();
    }
  });

  it('with TRUST_PROXY=1, takes the address the proxy saw, ignoring what the client wrote before it', async () => {
    const proxied = await makeCouncilApp({ RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: '1' });
    try {
      // Four families behind one proxy: four clients.
      for (let i = 0; i < 4; i++) expect((await sendVia(proxied, `203.0.113.${i}`, `proxied-family-${i}`)).status).toBe(201);
      // One client writing a new address in front each time is still one client.
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await sendVia(proxied, `192.0.2.${i}, 203.0.113.50`, `proxied-spoof-${i}`)).status);
      expect(statuses).toEqual([201, 201, 201, 429]);
    } finally {
      await proxied.close();
    }
  });
});

describe('an idempotency key used twice', () => {
  it('is a repeat with the same answers, and a 409 with other answers, keeping the first family’s', async () => {
    const first = await submit({ fft: 'good' }, 'shared-key-0001');
    expect(first.status).toBe(201);
    const again = await submit({ fft: 'good' }, 'shared-key-0001');
    expect(again).toMatchObject({ status: 200, body: { id: first.body.id } });
    const other = await submit({ fft: 'poor' }, 'shared-key-0001');
    expect(other.status).toBe(409);
    expectErrorShape(other.body);
    expect(other.body.error.details[0]).toMatchObject({ field: 'idempotencyKey', code: 'key_reused' });
    const fresh = await submit({ fft: 'poor' }, 'shared-key-0002');
    expect(fresh.status).toBe(201);
  });

  it('on the QR form, stores the second family’s answers under a new key instead of dropping them', async () => {
    const post = (fft: string) =>
      t.app.request(`/f/${t.council.sites.ash.code}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ fft, _key: 'form-shared-key-1' }).toString(),
      });
    const count = async () =>
      Number((await t.store.client.execute({ sql: 'SELECT count(*) FROM responses WHERE site_id = ?', args: [t.council.sites.ash.id] })).rows[0]![0]);
    const before = await count();
    expect((await post('veryGood')).status).toBe(303);
    expect((await post('veryPoor')).status).toBe(303);
    expect(await count()).toBe(before + 2);
    const second = await t.store.client.execute({ sql: 'SELECT idempotency_key FROM responses WHERE site_id = ? AND fft = 5', args: [t.council.sites.ash.id] });
    expect(second.rows.map((r) => r.idempotency_key)).not.toContain('form-shared-key-1');
  });
});
