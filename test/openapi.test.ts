/**
 * The API document cannot drift from the app: every `/api` route the app serves is in
 * `/api/openapi.json` with its method, every route that needs a session says so, and real
 * responses (sites, reports, a flag, surveys, accounts, a submission) match the schema documented
 * for their route and status.
 */
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_RULES } from '../server/access/routes';
import { makeCouncilApp, type CouncilApp } from './helpers/factories';

let t: CouncilApp;
let admin: string;
let lead: string;
let document: { paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>> };

/** `GET /api/surveys/:id` as the document writes it: `get /api/surveys/{id}`. */
const asDocumented = (method: string, path: string) => `${method.toLowerCase()} ${path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;

/** Every method and path the app serves under /api (middleware-only entries are `ALL`). */
function servedApiRoutes(): { method: string; path: string }[] {
  const served = new Map<string, { method: string; path: string }>();
  for (const { method, path } of t.app.routes) {
    if (method !== 'ALL' && path.startsWith('/api/')) served.set(`${method} ${path}`, { method, path });
  }
  return [...served.values()];
}

/** The zod schema the document was generated from, for this route's response with this status. */
function documentedSchema(method: string, path: string, status: number): z.ZodType {
  const definition = t.app.openAPIRegistry.definitions.find(
    (d) => d.type === 'route' && asDocumented(d.route.method, d.route.path) === asDocumented(method, path),
  );
  if (definition?.type !== 'route') throw new Error(`${method} ${path} is not documented`);
  const response = definition.route.responses[status] as { content?: Record<string, { schema: z.ZodType }> } | undefined;
  const schema = response?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${method} ${path} documents no JSON body for ${status}`);
  return schema;
}

/** Fetches through the app and checks the body against the documented schema; returns the body. */
async function expectDocumented(method: string, path: string, init: { url?: string; token?: string; body?: unknown; status: number }) {
  const response = await t.json(init.url ?? path, {
    method,
    ...(init.token ? { token: init.token } : {}),
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  expect(response.status, `${method} ${init.url ?? path}: ${JSON.stringify(response.body).slice(0, 300)}`).toBe(init.status);
  const checked = documentedSchema(method, path, init.status).safeParse(response.body);
  expect(checked.success ? [] : checked.error.issues, `${method} ${path} against its documented ${init.status}`).toEqual([]);
  return response.body;
}

beforeAll(async () => {
  t = await makeCouncilApp();
  admin = await t.login();
  const organisation = await t.store.db.query.organisations.findFirst();
  lead = await t.userWith('lead@openapi.example', 'safeguarding_lead', { type: 'organisation', id: organisation!.id });
  document = (await t.json('/api/openapi.json')).body;
});
afterAll(() => t.close());

describe('the API document', () => {
  it('lists every /api route the app serves, with its method, and nothing the app does not serve', () => {
    const served = servedApiRoutes().map(({ method, path }) => asDocumented(method, path));
    const documented = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`));
    expect(served.length).toBeGreaterThan(25);
    expect(
      served.filter((route) => !documented.includes(route)),
      'served but not in /api/openapi.json',
    ).toEqual([]);
    expect(
      documented.filter((route) => route.split(' ')[1]!.startsWith('/api/') && !served.includes(route)),
      'documented but not served',
    ).toEqual([]);
  });

  it('says which routes need a session, as server/access/routes.ts does', () => {
    for (const { method, path } of servedApiRoutes()) {
      const operation = document.paths[path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')]![method.toLowerCase()]!;
      const isPublic = ROUTE_RULES[`${method} ${path}`] === 'public';
      expect(operation.security === undefined, `${method} ${path}`).toBe(isPublic);
      if (!isPublic) expect(Object.keys(operation.responses), `${method} ${path}`).toContain('401');
    }
  });

  it('documents the one error shape for every 4xx', () => {
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          if (!status.startsWith('4') || (method === 'options' && status === '404')) continue;
          const schema = (response as { content?: Record<string, { schema: { $ref?: string } }> }).content?.['application/json']?.schema;
          expect(schema?.$ref, `${method} ${path} ${status}`).toBe('#/components/schemas/Error');
        }
      }
    }
  });
});

describe('real responses match their documented schemas', () => {
  it('sites, a form, and a submission stored and repeated', async () => {
    const [site] = await expectDocumented('GET', '/api/sites', { token: admin, status: 200 });
    await expectDocumented('GET', '/api/forms/:code', { url: `/api/forms/${site.code}`, status: 200 });
    const submission = {
      code: site.code,
      channel: 'qr',
      language: 'en',
      idempotencyKey: 'openapi-stored-once',
      answers: { fft: 'good', better: 'More sessions after school, please' },
    };
    const stored = await expectDocumented('POST', '/api/responses', { body: submission, status: 201 });
    const again = await expectDocumented('POST', '/api/responses', { body: submission, status: 200 });
    expect(again.id).toBe(stored.id);
    await expectDocumented('POST', '/api/responses', {
      body: { ...submission, idempotencyKey: 'openapi-bad-answer', answers: { fft: 'marvellous' } },
      status: 422,
    });
  });

  it('the four reports and the comments drill-down', async () => {
    await expectDocumented('GET', '/api/reports/satisfaction', { token: admin, status: 200 });
    await expectDocumented('GET', '/api/reports/equity', { url: '/api/reports/equity?dimension=language', token: admin, status: 200 });
    await expectDocumented('GET', '/api/reports/trends', { token: admin, status: 200 });
    await expectDocumented('GET', '/api/reports/themes', { token: admin, status: 200 });
    await expectDocumented('GET', '/api/comments', { token: admin, status: 200 });
    await expectDocumented('GET', '/api/themes', { token: admin, status: 200 });
  });

  it('a safeguarding flag, as its lead reads it, opens it and reviews it', async () => {
    const [site] = (await t.json('/api/sites', { token: admin })).body;
    const answers = { fft: 'poor', better: 'My partner hits me and I am scared to go home' };
    expect(
      (await t.json('/api/responses', { body: { code: site.code, channel: 'qr', language: 'en', idempotencyKey: 'openapi-disclosure', answers } })).status,
    ).toBe(201);
    const flags = await expectDocumented('GET', '/api/safeguarding/flags', { token: lead, status: 200 });
    const flag = flags.find((f: { comments: { text?: string }[] }) => f.comments.some((c) => c.text?.includes('hits me')));
    expect(flag).toBeDefined();
    await expectDocumented('GET', '/api/safeguarding/flags/:id', { url: `/api/safeguarding/flags/${flag.id}`, token: lead, status: 200 });
    const reviewed = await expectDocumented('POST', '/api/safeguarding/flags/:id/review', {
      url: `/api/safeguarding/flags/${flag.id}/review`,
      token: lead,
      body: { status: 'in_review', actionTaken: 'Called the family; referred to MASH' },
      status: 200,
    });
    expect(reviewed.status).toBe('in_review');
  });

  it('surveys: the list, one survey, and a new version', async () => {
    const [summary] = await expectDocumented('GET', '/api/surveys', { token: admin, status: 200 });
    const survey = await expectDocumented('GET', '/api/surveys/:id', { url: `/api/surveys/${summary.id}`, token: admin, status: 200 });
    const edited = await expectDocumented('POST', '/api/surveys/:id/versions', {
      url: `/api/surveys/${summary.id}/versions`,
      token: admin,
      body: { definition: survey.definition },
      status: 201,
    });
    expect(edited.currentVersion).toBe(survey.currentVersion + 1);
  });

  it('accounts: the list, a new account, a role, and who is signed in', async () => {
    const organisation = await t.store.db.query.organisations.findFirst();
    await expectDocumented('GET', '/api/users', { token: admin, status: 200 });
    const created = await expectDocumented('POST', '/api/users', {
      token: admin,
      body: { email: 'analyst@openapi.example', name: 'An Analyst', role: 'analyst', scope: { type: 'organisation', id: organisation!.id } },
      status: 201,
    });
    await expectDocumented('POST', '/api/users/:id/roles', {
      url: `/api/users/${created.id}/roles`,
      token: admin,
      body: { role: 'commissioner', scope: { type: 'organisation', id: organisation!.id } },
      status: 201,
    });
    await expectDocumented('PATCH', '/api/users/:id', { url: `/api/users/${created.id}`, token: admin, body: { disabled: true }, status: 200 });
    await expectDocumented('GET', '/api/auth/me', { token: admin, status: 200 });
    await expectDocumented('POST', '/api/users', { token: admin, body: { email: 'not an email' }, status: 422 });
  });
});
