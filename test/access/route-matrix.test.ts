/**
 * Every route × every role × in scope and out of scope, through real HTTP. The app is held to
 * server/access/routes.ts (each route's declared rule) and the rule to the policy: a role whose
 * assignments grant the action gets past the door, every other role gets 403, nobody without a
 * session gets in, and a grant at one site reaches nothing at another.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../db/schema';
import { can } from '../../server/access/policy';
import { ROUTE_RULES } from '../../server/access/routes';
import { ADMIN } from '../helpers/app';
import { makeCouncilApp, type CouncilApp } from '../helpers/factories';

let t: CouncilApp;
let organisationId: string;
/** Two sites of different providers of the one organisation. */
let here: { id: string; code: string; providerId: string };
let there: { id: string; code: string; providerId: string };
const tokens = new Map<string, string>();
let sequence = 0;

/** Every route the app serves; signing out goes last, since it ends the session the walk uses. */
const routeKeys = () => {
  const keys = new Set<string>();
  for (const route of t.app.routes) if (route.method !== 'ALL') keys.add(`${route.method} ${route.path}`);
  const signOut = (key: string) => key.endsWith('/logout') || key.endsWith('/sign-out');
  return [...keys].sort((a, b) => Number(signOut(a)) - Number(signOut(b)));
};

/** A signed-in person holding one role at the organisation (or at `here` when `atSite`). */
async function tokenFor(role: Role, atSite = false): Promise<string> {
  const key = `${role}:${atSite}`;
  if (!tokens.has(key)) {
    const scope = atSite ? { type: 'site' as const, id: here.id } : { type: 'organisation' as const, id: organisationId };
    tokens.set(key, await t.userWith(`${role.replace('_', '-')}-${atSite ? 'site' : 'org'}@matrix.example`, role, scope));
  }
  return tokens.get(key)!;
}

/** A request to the route as written, its parameters filled with ids that exist nowhere. */
async function requestTo(key: string, token: string | undefined): Promise<Response> {
  const [method, pattern] = key.split(' ') as [string, string];
  const path = pattern.replace(/:[a-zA-Z]+/g, 'nothing-here');
  const page = !path.startsWith('/api/');
  const headers: Record<string, string> = page
    ? { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' }
    : { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return t.app.request(path, { method, headers, ...(method === 'GET' || method === 'OPTIONS' ? {} : { body: page ? '' : '{}' }) });
}

/** Posts a response with a comment (a disclosure when `disclose`) at a site; returns nothing. */
async function respond(code: string, words: string): Promise<void> {
  const posted = await t.json('/api/responses', {
    body: { code, channel: 'qr', language: 'en', idempotencyKey: `matrix-${++sequence}`, answers: { fft: 'poor', better: words } },
  });
  expect(posted.status).toBe(201);
}

beforeAll(async () => {
  t = await makeCouncilApp();
  const { organisation, sites, providers } = t.council;
  organisationId = organisation.id;
  here = { ...sites.ash, providerId: providers.north.id };
  there = { ...sites.dun, providerId: providers.south.id };
  await respond(here.code, 'My partner hits me and I am scared to go home');
  await respond(there.code, 'My partner hits me and checks my phone every night');
  await respond(here.code, 'The room was cold and the session was cancelled twice');
  await respond(there.code, 'Nobody called me back about the speech referral');
});
afterAll(() => t.close());

describe('the route matrix', () => {
  it('has a declared rule for every route the app serves, and no rule for a route it does not', () => {
    const served = routeKeys();
    expect(
      served.filter((key) => !(key in ROUTE_RULES)),
      'routes with no rule in server/access/routes.ts',
    ).toEqual([]);
    expect(
      Object.keys(ROUTE_RULES).filter((key) => !served.includes(key)),
      'rules for routes that do not exist',
    ).toEqual([]);
  });

  it('keeps everyone without a session out of every route that is not public', async () => {
    for (const key of routeKeys()) {
      const rule = ROUTE_RULES[key];
      if (rule === 'public') continue;
      const response = await requestTo(key, undefined);
      if (key.split(' ')[1]!.startsWith('/api/')) expect(response.status, key).toBe(401);
      else expect([response.status, response.headers.get('location')?.split('?')[0]], key).toEqual([303, '/sign-in']);
    }
  });

  for (const role of ROLES) {
    it(`lets an organisation's ${role} through exactly the doors the policy grants it`, async () => {
      // Its own account: the walk signs out at the end.
      const token = await t.userWith(`walk-${role.replace('_', '-')}@matrix.example`, role, { type: 'organisation', id: organisationId });
      const principal = { userId: 'x', email: 'x', name: 'x', assignments: [{ role, scopeType: 'organisation' as const, scopeId: organisationId }] };
      for (const key of routeKeys()) {
        const rule = ROUTE_RULES[key]!;
        if (rule === 'public') continue;
        const status = (await requestTo(key, token)).status;
        const allowed = rule === 'signed-in' || can(principal, rule);
        if (allowed) expect([401, 403], `${role} ${key} (${status})`).not.toContain(status);
        else expect(status, `${role} ${key}`).toBe(403);
      }
    });
  }

  describe('in scope and out of scope', () => {
    it('lists sites, reports, comments and flags at the one site a site-scoped role holds, and none elsewhere', async () => {
      const analyst = await tokenFor('analyst', true);
      const lead = await tokenFor('safeguarding_lead', true);
      const sites = (await t.json('/api/sites', { token: analyst })).body as { code: string }[];
      expect(sites.map((s) => s.code)).toEqual([here.code]);
      const report = (await t.json('/api/reports/satisfaction?groupBy=site', { token: analyst })).body as { rows: { key: string }[] };
      expect(report.rows.map((r) => r.key)).toEqual([here.id]);
      const comments = (await t.json('/api/comments', { token: analyst })).body as { comments: { site: { code: string } }[] };
      expect(comments.comments.length).toBeGreaterThan(0);
      expect(comments.comments.every((c) => c.site.code === here.code)).toBe(true);
      const flags = (await t.json('/api/safeguarding/flags', { token: lead })).body as { site: { code: string } }[];
      expect(flags.map((f) => f.site.code)).toEqual([here.code]);
    });

    it('answers 404 for one flag or comment out of scope, as for one that does not exist', async () => {
      const admin = await t.login();
      const all = (await t.json('/api/safeguarding/flags', { token: admin })).body as { id: string; site: { code: string } }[];
      const flagThere = all.find((f) => f.site.code === there.code)!;
      const flagHere = all.find((f) => f.site.code === here.code)!;
      const lead = await tokenFor('safeguarding_lead', true);
      expect((await t.json(`/api/safeguarding/flags/${flagHere.id}`, { token: lead })).status).toBe(200);
      expect((await t.json(`/api/safeguarding/flags/${flagThere.id}`, { token: lead })).status).toBe(404);
      expect(
        (await t.json(`/api/safeguarding/flags/${flagThere.id}/review`, { token: lead, body: { status: 'closed', actionTaken: 'Not mine to close' } })).status,
      ).toBe(404);

      const comments = (await t.json('/api/comments', { token: admin })).body as { comments: { id: string; site: { code: string } }[] };
      const commentThere = comments.comments.find((c) => c.site.code === there.code)!;
      const siteCommissioner = await tokenFor('commissioner', true);
      expect((await t.json(`/api/comments/${commentThere.id}/themes`, { token: siteCommissioner, body: { themes: ['communication-listening'] } })).status).toBe(
        404,
      );
    });

    it("gives a site lead who is also an organisation analyst the family's words at that site only", async () => {
      await t.userWith('both@matrix.example', 'safeguarding_lead', { type: 'site', id: here.id });
      const account = await t.store.db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, 'both@matrix.example') });
      const platformAdmin = await t.login();
      const granted = await t.json(`/api/users/${account!.id}/roles`, {
        token: platformAdmin,
        body: { role: 'analyst', scope: { type: 'organisation', id: organisationId } },
      });
      expect(granted.status).toBe(201);
      const both = await t.login('both@matrix.example', 'a test user password');
      const flags = (await t.json('/api/safeguarding/flags', { token: both })).body as { site: { code: string }; comments: { text?: string }[] }[];
      expect(flags.map((f) => f.site.code)).toEqual([here.code]);
      expect(flags[0]!.comments.some((c) => c.text?.includes('hits me'))).toBe(true);
      // Reports reach across the organisation through the analyst role.
      const report = (await t.json('/api/reports/satisfaction?groupBy=site', { token: both })).body as { rows: { key: string }[] };
      expect(report.rows.map((r) => r.key)).toContain(there.id);
    });

    it("refuses a site-scoped commissioner the organisation's theme model and surveys", async () => {
      const siteCommissioner = await tokenFor('commissioner', true);
      const model = await t.app.request('/api/themes/model', {
        method: 'POST',
        headers: { authorization: `Bearer ${siteCommissioner}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(model.status).toBe(403);
      expect((await t.json('/api/surveys', { token: siteCommissioner })).body).toEqual([]);
    });

    it("keeps an organisation admin to its own organisation's accounts, and out of appointing safeguarding leads", async () => {
      const admin = await tokenFor('admin');
      const platformAdmin = await t.login();
      const root = await t.store.db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, ADMIN.email) });
      expect(
        (await t.json(`/api/users/${root!.id}/roles`, { token: admin, body: { role: 'analyst', scope: { type: 'organisation', id: organisationId } } })).status,
      ).toBe(404);
      expect((await t.json(`/api/users/${root!.id}`, { token: admin, method: 'PATCH', body: { disabled: true } })).status).toBe(404);
      const listed = (await t.json('/api/users', { token: admin })).body as { email: string }[];
      expect(listed.map((u) => u.email)).not.toContain(ADMIN.email);
      const me = (await t.json('/api/auth/me', { token: admin })).body as { id?: string; userId?: string };
      const myId = me.id ?? me.userId;
      expect(
        (await t.json(`/api/users/${myId}/roles`, { token: admin, body: { role: 'safeguarding_lead', scope: { type: 'organisation', id: organisationId } } }))
          .status,
      ).toBe(403);
      const analyst = (
        await t.json('/api/users', {
          token: admin,
          body: { email: 'new-analyst@matrix.example', name: 'New', role: 'analyst', scope: { type: 'organisation', id: organisationId } },
        })
      ).body as { id: string };
      expect(
        (await t.json(`/api/users/${analyst.id}/roles`, { token: admin, body: { role: 'safeguarding_lead', scope: { type: 'site', id: here.id } } })).status,
      ).toBe(403);
      expect(
        (await t.json(`/api/users/${analyst.id}/roles`, { token: platformAdmin, body: { role: 'safeguarding_lead', scope: { type: 'site', id: here.id } } }))
          .status,
      ).toBe(201);
      const appointed = await t.store.client.execute({
        sql: "SELECT count(*) AS n FROM audit_log WHERE action = 'role_granted' AND target_id = ?",
        args: [analyst.id],
      });
      expect(Number(appointed.rows[0]!.n)).toBe(1);
    });
  });
});
