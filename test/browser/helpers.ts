/**
 * Shared helpers for tests in real Chromium: the real Node server (server/node.ts) on a free port
 * with a temp libSQL file, one browser per test file, axe-core, and a reader for what was stored.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Client } from '@libsql/client';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { openClient } from '../../db/client';
import { parseConfig, type Config } from '../../server/config';
import { startNodeServer } from '../../server/node';

// A browser test drives a real Chromium, and axe reads whole pages: on a two-core machine that
// shares its cores with the other test files, one can take well over the 30 s unit-test limit.
vi.setConfig({ testTimeout: 120_000 });

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A phone: the size of an iPhone 12-15 in CSS pixels. */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface RunningServer {
  base: string;
  config: Config;
  /** A second connection to the server's database, for checking what was stored. */
  db: Client;
  close: () => Promise<void>;
}

/**
 * The real Node server on 127.0.0.1 and a free port, so PUBLIC_URL (and QR codes) are the real address.
 * It starts with `SEED=none`: a test makes its council with test/helpers/factories.ts on `db`.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'hubvoice-browser-'));
  const port = await freePort();
  const url = `file:${join(dir, 'hubvoice.db')}`;
  const config = parseConfig({
    DATABASE_URL: url,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    SEED: 'none',
    SEED_RESPONSES: '0',
    ADMIN_PASSWORD: 'correct horse battery staple',
    ...env,
  });
  const running = await startNodeServer(config);
  const db = await openClient(url);
  return {
    base: config.PUBLIC_URL,
    config,
    db,
    close: async () => {
      db.close();
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A port nothing is listening on now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerAndBrowser {
  server: () => RunningServer;
  browser: () => Browser;
  /** A browser context that is closed after the test, even when the test fails. */
  newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
  /** {@link phonePage}, closed after the test, even when the test fails. */
  phone: (options?: PhonePageOptions) => Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * Starts the server and Chromium before the file's tests and closes both after, so a test file
 * reads `server().base` instead of repeating the hooks. Hooks the file adds run after these start,
 * so they can use both.
 */
export function useServerAndBrowser(env: Record<string, string> = {}): ServerAndBrowser {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const open = new Set<BrowserContext>();
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(env), launchChromium()]);
  }, 60_000);
  afterEach(async () => {
    await Promise.all([...open].map((context) => context.close()));
    open.clear();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`the ${name} has not started: use it inside a test or a later hook`);
    return value;
  };
  const kept = <T extends { context: BrowserContext }>(opened: T): T => {
    open.add(opened.context);
    return opened;
  };
  return {
    server: () => started(server, 'server'),
    browser: () => started(browser, 'browser'),
    newContext: async (options) => kept({ context: await started(browser, 'browser').newContext(options) }).context,
    phone: async (options) => kept(await phonePage(started(browser, 'browser'), options)),
  };
}

/** Publishes a survey through the API as the server's first admin, assigned to the given codes. */
export async function publishSurvey(
  server: RunningServer,
  survey: { name: string; definition: unknown; assignTo: string[] },
): Promise<{ versions: { id: string }[] }> {
  const login = await fetch(`${server.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: server.config.ADMIN_EMAIL ?? 'admin@localhost', password: server.config.ADMIN_PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  const created = await fetch(`${server.base}/api/surveys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(survey),
  });
  if (created.status !== 201) throw new Error(`could not publish the survey: ${await created.text()}`);
  return (await created.json()) as { versions: { id: string }[] };
}

/** axe-core's violations on the page as it is now (WCAG 2.2 A and AA, and best practice). */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** A fresh phone-sized page; JavaScript on unless told otherwise. */
export interface PhonePageOptions {
  javaScriptEnabled?: boolean;
  locale?: string;
}

export async function phonePage(browser: Browser, options: PhonePageOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    ...PHONE,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    ...(options.locale ? { locale: options.locale } : {}),
  });
  return { context, page: await context.newPage() };
}

export interface StoredResponse {
  idempotency_key: string;
  site_code: string;
  point_code: string | null;
  channel: string;
  language: string;
  fft: number | null;
  answers: Record<string, unknown>;
  [column: string]: unknown;
}

/**
 * The stored responses, newest last, with `answers` as the family gave them: the response's
 * answers plus each comment's original text under its question (free text is kept only there).
 */
export async function storedResponses(db: Client): Promise<StoredResponse[]> {
  const result = await db.execute(`SELECT r.*, s.code AS site_code, p.code AS point_code,
      (SELECT json_group_object(question_id, text) FROM comments c WHERE c.response_id = r.id) AS typed
    FROM responses r JOIN sites s ON s.id = r.site_id LEFT JOIN service_points p ON p.id = r.service_point_id ORDER BY r.submitted_at, r.id`);
  return result.rows.map((row) => ({
    ...(row as unknown as StoredResponse),
    answers: { ...(JSON.parse(String(row.answers)) as Record<string, unknown>), ...(JSON.parse(String(row.typed ?? '{}')) as Record<string, unknown>) },
  }));
}

/** Polls `check` every 100 ms until `done` says so or `ms` pass, and returns the last value. */
export async function waitFor<T>(check: () => Promise<T>, done: (value: T) => boolean, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
