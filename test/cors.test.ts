import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '../db/schema';
import { expectErrorShape } from './helpers/app';
import { makeCouncilApp, type CouncilApp } from './helpers/factories';

const COUNCIL = 'https://www.council.example';
const STRANGER = 'https://evil.example';

let t: CouncilApp;
/** A form code of the council, resolved once the council is made. */
let code: string;
beforeAll(async () => {
  t = await makeCouncilApp({ PUBLIC_URL: 'https://feedback.example.org' });
  code = t.council.sites.ash.code;
});
afterAll(() => t.close());

/** The fixture council allows any origin; these tests narrow it to the council's own site. */
async function allowOnly(origins: string[]) {
  const { db } = t.store;
  const organisation = (await db.query.organisations.findFirst({ where: eq(organisations.id, t.council.organisation.id) }))!;
  await db
    .update(organisations)
    .set({ settings: { ...organisation.settings, allowedOrigins: origins } })
    .where(eq(organisations.id, organisation.id));
  t.deps.forms.forget();
}
const submission = (key: string) => ({ code, answers: { fft: 'good' }, channel: 'widget', idempotencyKey: key });
const countWithKey = async (key: string) =>
  Number((await t.store.client.execute({ sql: 'SELECT count(*) AS n FROM responses WHERE idempotency_key = ?', args: [key] })).rows[0]?.n);

describe('CORS on the public form API', () => {
  it('lets any origin read and post when the organisation allows "*"', async () => {
    await allowOnly(['*']);
    const form = await t.json(`/api/forms/${code}`, { headers: { origin: STRANGER } });
    expect(form.status).toBe(200);
    expect(form.headers.get('access-control-allow-origin')).toBe(STRANGER);
    expect(form.headers.get('vary')).toMatch(/Origin/);
    const posted = await t.json('/api/responses', { body: submission('cors-any-origin'), headers: { origin: STRANGER } });
    expect(posted.status).toBe(201);
    expect(posted.headers.get('access-control-allow-origin')).toBe(STRANGER);
  });

  it('answers an allowed origin’s preflight and echoes it on reads, writes and 422s', async () => {
    await allowOnly([COUNCIL]);
    for (const path of ['/api/responses', `/api/forms/${code}`]) {
      const preflight = await t.app.request(path, {
        method: 'OPTIONS',
        headers: {
          origin: COUNCIL,
          'access-control-request-method': path.endsWith('responses') ? 'POST' : 'GET',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(COUNCIL);
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/content-type/i);
      expect(preflight.headers.get('access-control-max-age')).toBe('600');
    }
    expect((await t.json(`/api/forms/${code}`, { headers: { origin: COUNCIL } })).headers.get('access-control-allow-origin')).toBe(COUNCIL);
    const invalid = await t.json('/api/responses', { body: { ...submission('cors-council-422'), answers: { fft: 'meh' } }, headers: { origin: COUNCIL } });
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get('access-control-allow-origin')).toBe(COUNCIL);
    const posted = await t.json('/api/responses', { body: submission('cors-council-ok'), headers: { origin: COUNCIL } });
    expect(posted.status).toBe(201);
    expect(posted.headers.get('access-control-allow-origin')).toBe(COUNCIL);
  });

  it('gives a refused origin no CORS headers, a 403 preflight, and stores nothing it posts', async () => {
    await allowOnly([COUNCIL]);
    const form = await t.json(`/api/forms/${code}`, { headers: { origin: STRANGER } });
    expect(form.status).toBe(200);
    expect(form.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await t.app.request(`/api/forms/${code}`, { method: 'OPTIONS', headers: { origin: STRANGER, 'access-control-request-method': 'GET' } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expectErrorShape(await preflight.json());
    const posted = await t.json('/api/responses', { body: submission('cors-stranger'), headers: { origin: STRANGER } });
    expect(posted.status).toBe(403);
    expect(posted.body.error.code).toBe('origin_not_allowed');
    expect(posted.headers.get('access-control-allow-origin')).toBeNull();
    expect(await countWithKey('cors-stranger')).toBe(0);
  });

  it('refuses a preflight for responses when no organisation allows the origin', async () => {
    await allowOnly([COUNCIL]);
    const preflight = await t.app.request('/api/responses', { method: 'OPTIONS', headers: { origin: STRANGER, 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('needs no CORS for the app’s own pages or for server-to-server calls', async () => {
    await allowOnly([]);
    const own = await t.json('/api/responses', { body: submission('cors-own-origin'), headers: { origin: 'https://feedback.example.org' } });
    expect(own.status).toBe(201);
    expect(own.headers.get('access-control-allow-origin')).toBeNull();
    expect((await t.json('/api/responses', { body: submission('cors-no-origin') })).status).toBe(201);
    await allowOnly(['*']);
  });
});
