/**
 * A real app on a real libSQL file in a temp folder, for tests that go through `app.request()`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openClient } from '../../db/client';
import type { Store } from '../../db/store';
import { createApp } from '../../server/app';
import { bootstrap } from '../../server/bootstrap';
import { parseConfig } from '../../server/config';
import { buildDeps, type AppDeps } from '../../server/deps';

export const ADMIN = { email: 'admin@example.org', password: 'correct horse battery staple' };

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  store: Store;
  dir: string;
  url: string;
  login: (email?: string, password?: string) => Promise<string>;
  json: (path: string, init?: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> }) => Promise<{ status: number; body: any; headers: Headers }>;
  close: () => Promise<void>;
}

export async function makeTestApp(env: Record<string, string> = {}, options: Parameters<typeof buildDeps>[2] = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'hubvoice-test-'));
  const url = `file:${join(dir, 'hubvoice.db')}`;
  const config = parseConfig({ DATABASE_URL: url, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, SEED_RESPONSES: '0', RATE_LIMIT_PER_MINUTE: '100000', ...env });
  const client = await openClient(url);
  const deps = buildDeps(config, client, options);
  const { store, writer } = deps;
  await bootstrap(store, config);
  const app = createApp(deps);
  const json: TestApp['json'] = async (path, init = {}) => {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    const response = await app.request(path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body, headers: response.headers };
  };
  const login = async (email = ADMIN.email, password = ADMIN.password) => {
    const response = await json('/api/auth/login', { body: { email, password } });
    if (response.status !== 200) throw new Error(`login failed: ${JSON.stringify(response.body)}`);
    return response.body.token as string;
  };
  return {
    app, deps, store, dir, url, json, login,
    close: async () => {
      await writer.flush();
      await deps.alerts.settled();
      client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Asserts the one error shape every 4xx/5xx shares. */
export function expectErrorShape(body: any): void {
  if (typeof body?.error?.code !== 'string' || typeof body?.error?.message !== 'string') {
    throw new Error(`not the error shape: ${JSON.stringify(body)}`);
  }
}
