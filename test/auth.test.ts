import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../server/auth/password';
import { ADMIN, expectErrorShape, makeTestApp, type TestApp } from './helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

describe('POST /api/auth/login', () => {
  it('returns a token and sets an HttpOnly session cookie for the right password', async () => {
    const response = await t.json('/api/auth/login', { body: ADMIN });
    expect(response.status).toBe(200);
    expect(response.body.token).toMatch(/^[\w-]{40,}$/);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`hubvoice_session=${response.body.token}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('accepts the email in any case', async () => {
    const response = await t.json('/api/auth/login', { body: { ...ADMIN, email: ADMIN.email.toUpperCase() } });
    expect(response.status).toBe(200);
  });

  it('refuses a wrong password with 401 in the shared error shape', async () => {
    const response = await t.json('/api/auth/login', { body: { ...ADMIN, password: 'wrong password!' } });
    expect(response.status).toBe(401);
    expectErrorShape(response.body);
    expect(response.body.error.code).toBe('invalid_credentials');
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('refuses an unknown email exactly as it refuses a wrong password', async () => {
    const unknown = await t.json('/api/auth/login', { body: { email: 'nobody@example.org', password: 'whatever123' } });
    const wrong = await t.json('/api/auth/login', { body: { ...ADMIN, password: 'whatever123' } });
    expect(unknown.status).toBe(401);
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.body).toEqual(wrong.body);
    expect(unknown.headers.get('set-cookie')).toBeNull();
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it.each([
    { body: { email: ADMIN.email }, field: 'password' },
    { body: { password: 'x' }, field: 'email' },
    { body: { email: 'not an email', password: 'x' }, field: 'email' },
  ])('answers 422 naming $field when it is missing or malformed', async ({ body, field }) => {
    const response = await t.json('/api/auth/login', { body });
    expect(response.status).toBe(422);
    expectErrorShape(response.body);
    expect(response.body.error.code).toBe('validation_failed');
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(response.body.error.message).toContain(field);
  });

  it('answers 400 in the shared shape for a body that is not JSON', async () => {
    const response = await t.json('/api/auth/login', { body: '{"email": ' });
    expect(response.status).toBe(400);
    expectErrorShape(response.body);
  });
});

describe('sessions', () => {
  it('let the token through as a bearer token and as the cookie', async () => {
    const token = await t.login();
    const bearer = await t.json('/api/auth/me', { token });
    expect(bearer.status).toBe(200);
    expect(bearer.body.email).toBe(ADMIN.email);
    const cookie = await t.json('/api/auth/me', { headers: { cookie: `hubvoice_session=${token}` } });
    expect(cookie.status).toBe(200);
  });

  it('refuse a missing or made-up token with 401', async () => {
    for (const token of [undefined, 'made-up-token']) {
      const response = await t.json('/api/auth/me', token ? { token } : {});
      expect(response.status).toBe(401);
      expectErrorShape(response.body);
    }
  });

  it('end at logout', async () => {
    const token = await t.login();
    expect((await t.json('/api/auth/logout', { method: 'POST', token })).status).toBe(204);
    expect((await t.json('/api/auth/me', { token })).status).toBe(401);
  });

  it('store only a hash of the token', async () => {
    const token = await t.login();
    const count = async (tokenHash: string) =>
      (await t.store.client.execute({ sql: 'SELECT count(*) AS n FROM sessions WHERE token_hash = ?', args: [tokenHash] })).rows[0]?.n;
    expect(await count(token)).toBe(0);
    expect(await count(await sha256Hex(token))).toBe(1);
  });
});

describe('the error shape', () => {
  it('covers unknown paths', async () => {
    const response = await t.json('/api/nothing-here');
    expect(response.status).toBe(404);
    expectErrorShape(response.body);
  });
});

describe('guessing passwords', () => {
  it('pauses an account after 10 wrong passwords in 15 minutes, even for the right one, with Retry-After', async () => {
    // A fixed clock five minutes into a window, so the ten guesses never straddle two windows.
    const g = await makeTestApp({ ADMIN_EMAIL: 'guessed@example.org' }, { now: () => new Date('2026-01-01T00:05:00Z') });
    try {
      for (let i = 0; i < 10; i++) {
        expect((await g.json('/api/auth/login', { body: { email: 'guessed@example.org', password: `guess number ${i}` } })).status).toBe(401);
      }
      const paused = await g.json('/api/auth/login', { body: { email: 'guessed@example.org', password: ADMIN.password } });
      expect(paused.status).toBe(429);
      expectErrorShape(paused.body);
      expect(Number(paused.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await g.close();
    }
  });
});

describe('POST /api/auth/password', () => {
  it('changes the password after checking the current one, and signs the account out everywhere', async () => {
    const g = await makeTestApp({ ADMIN_EMAIL: 'changer@example.org' });
    try {
      const token = await g.login('changer@example.org', ADMIN.password);
      const wrong = await g.json('/api/auth/password', { token, body: { currentPassword: 'not it at all', newPassword: 'a brand new password' } });
      expect(wrong.status).toBe(422);
      expect(wrong.body.error.details[0].field).toBe('currentPassword');
      const short = await g.json('/api/auth/password', { token, body: { currentPassword: ADMIN.password, newPassword: 'short' } });
      expect(short.body.error.details[0].field).toBe('newPassword');
      expect((await g.json('/api/auth/password', { token, body: { currentPassword: ADMIN.password, newPassword: 'a brand new password' } })).status).toBe(204);
      expect((await g.json('/api/auth/me', { token })).status).toBe(401);
      expect((await g.json('/api/auth/login', { body: { email: 'changer@example.org', password: ADMIN.password } })).status).toBe(401);
      await g.login('changer@example.org', 'a brand new password');
    } finally {
      await g.close();
    }
  });
});
