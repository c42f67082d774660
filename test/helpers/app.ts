/**
 * A real app on a real libSQL file in a temp folder, for tests that go through `app.request()`.
 * It starts with `SEED=none`: tests build the council they need with test/helpers/factories.ts,
 * and only test/demo-seed.test.ts asks for the demo (`SEED: 'demo'`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { openClient } from '../../db/client';
import { newId } from '../../db/ids';
import { writeResponses, type NewResponse } from '../../db/response-writer';
import { organisations, sites } from '../../db/schema';
import type { Store } from '../../db/store';
import { createUser } from '../../db/users';
import { createApp } from '../../server/app';
import { hashPassword } from '../../server/auth/password';
import { bootstrap } from '../../server/bootstrap';
import { parseConfig } from '../../server/config';
import { buildDeps, type AppDeps } from '../../server/deps';
import { IngestionThread } from '../../server/ingest-thread';

export const ADMIN = { email: 'admin@example.org', password: 'correct horse battery staple' };

type UserInput = Parameters<typeof createUser>[1];

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  store: Store;
  dir: string;
  url: string;
  login: (email?: string, password?: string) => Promise<string>;
  /** Creates a staff account with one role and signs it in, returning its token. */
  userWith: (email: string, role: UserInput['role'], scope: { type: UserInput['scopeType']; id: string | null }, password?: string) => Promise<string>;
  json: (
    path: string,
    init?: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> },
  ) => Promise<{ status: number; body: any; headers: Headers }>;
  close: () => Promise<void>;
}

/**
 * @param how.ingestOnThread Ingest as `npm start` does on a file: reading free text and committing
 *   on the ingestion thread (server/ingest-thread.ts) instead of inline.
 */
export async function makeTestApp(
  env: Record<string, string> = {},
  options: Parameters<typeof buildDeps>[2] = {},
  how: { ingestOnThread?: boolean } = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'hubvoice-test-'));
  const path = join(dir, 'hubvoice.db');
  const url = `file:${path}`;
  const config = parseConfig({
    DATABASE_URL: url,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    SEED: 'none',
    SEED_RESPONSES: '0',
    RATE_LIMIT_PER_MINUTE: '100000',
    ...env,
  });
  const client = await openClient(url);
  const thread = how.ingestOnThread ? new IngestionThread({ path }) : null;
  const deps = buildDeps(config, client, { ...options, ...(thread ? { writer: thread } : {}) });
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
  const userWith: TestApp['userWith'] = async (email, role, scope, password = 'a test user password') => {
    // 1,000 iterations: the real count makes every test that signs someone in take seconds.
    await createUser(store.db, {
      email,
      name: email.split('@')[0]!,
      passwordHash: await hashPassword(password, 1000),
      role,
      scopeType: scope.type,
      scopeId: scope.id,
    });
    return login(email, password);
  };
  return {
    app,
    deps,
    store,
    dir,
    url,
    json,
    login,
    userWith,
    close: async () => {
      await (thread ? thread.close() : writer.flush());
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

let added = 0;

/** Writes `count` responses straight to the store for a site, all with one FFT score and time. */
export async function addResponses(
  t: TestApp,
  siteCode: string,
  count: number,
  fft: number,
  at: string,
  demographics: NewResponse['demographics'] = null,
): Promise<void> {
  const site = await t.store.db.query.sites.findFirst({ where: eq(sites.code, siteCode) });
  const organisation = await t.store.db.query.organisations.findFirst({ where: eq(organisations.id, site!.organisationId) });
  const survey = await t.store.client.execute({ sql: 'SELECT current_version_id AS v FROM surveys WHERE id = ?', args: [organisation!.defaultSurveyId] });
  await writeResponses(
    t.store.client,
    Array.from({ length: count }, () => ({
      id: newId('r'),
      organisationId: site!.organisationId,
      surveyVersionId: String(survey.rows[0]!.v),
      siteId: site!.id,
      servicePointId: null,
      channel: 'qr' as const,
      language: 'en',
      respondentRole: 'parent' as const,
      submittedAt: Date.parse(at),
      idempotencyKey: `added-${++added}`,
      fft,
      rating: null,
      answers: '{}',
      demographics,
    })),
  );
}
