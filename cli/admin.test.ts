/**
 * `hubvoice admin reset-password` as an operator runs it: a real process against the server's
 * libSQL file, whose printed link the app then accepts once.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, makeTestApp, type TestApp } from '../test/helpers/app';

const root = fileURLToPath(new URL('..', import.meta.url));
let t: TestApp;

beforeAll(async () => {
  t = await makeTestApp({ PUBLIC_URL: 'https://feedback.riverside.example' });
});
afterAll(() => t.close());

const resetPassword = (email: string) =>
  spawnSync('npx', ['tsx', 'cli/hubvoice.ts', 'admin', 'reset-password', email], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: t.url, PUBLIC_URL: 'https://feedback.riverside.example' },
  });

describe('hubvoice admin reset-password', { timeout: 120_000 }, () => {
  it('prints a one-time link for the first admin that sets a new password, and the old one stops working', async () => {
    const run = resetPassword(ADMIN.email.toUpperCase());
    expect(run.status, run.stderr).toBe(0);
    const link = new URL(run.stdout.trim());
    expect(link.origin + link.pathname).toBe('https://feedback.riverside.example/set-password');
    expect(run.stderr).toContain(`choose a new password for ${ADMIN.email}`);
    const token = link.searchParams.get('token');
    expect((await t.json('/api/auth/set-password', { body: { token, password: 'a brand new first admin password' } })).status).toBe(204);
    expect((await t.json('/api/auth/set-password', { body: { token, password: 'the link works only once' } })).status).toBe(422);
    expect((await t.json('/api/auth/login', { body: ADMIN })).status).toBe(401);
    expect((await t.json('/api/auth/login', { body: { email: ADMIN.email, password: 'a brand new first admin password' } })).status).toBe(200);
    const audit = await t.store.client.execute("SELECT action, details FROM audit_log WHERE action IN ('password_reset_sent', 'password_set') ORDER BY id");
    expect(audit.rows.map((r) => r.action)).toEqual(['password_reset_sent', 'password_set']);
    expect(JSON.parse(String(audit.rows[0]!.details))).toMatchObject({ by: 'cli' });
  });

  it('says so and exits 1 for an address with no account', () => {
    const run = resetPassword('nobody@riverside.example');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/no account has the email address nobody@riverside.example/);
  });
});
