import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providers, sites } from '../db/schema';
import { expectErrorShape, makeTestApp, type TestApp } from './helpers/app';

let t: TestApp;
beforeAll(async () => { t = await makeTestApp(); });
afterAll(() => t.close());

const userScopedTo = (scopeType: 'site' | 'provider', scopeId: string) =>
  t.userWith(`${scopeType}-${scopeId}@example.org`, scopeType === 'site' ? 'site_staff' : 'provider_manager', { type: scopeType, id: scopeId });

describe('GET /api/sites', () => {
  it('lists the demo council: 12 sites (9 Family Hubs, 3 Children’s Centres), 4-6 service points each', async () => {
    const response = await t.json('/api/sites', { token: await t.login() });
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(12);
    const kinds = response.body.map((s: { kind: string }) => s.kind);
    expect(kinds.filter((k: string) => k === 'family_hub')).toHaveLength(9);
    expect(kinds.filter((k: string) => k === 'childrens_centre')).toHaveLength(3);
    for (const site of response.body) {
      expect(site).toMatchObject({ id: expect.any(String), code: expect.stringMatching(/^[a-z0-9-]+$/), name: expect.any(String), locality: expect.any(String) });
      expect(site.provider.name).toEqual(expect.any(String));
      expect(site.servicePoints.length).toBeGreaterThanOrEqual(4);
      expect(site.servicePoints.length).toBeLessThanOrEqual(6);
      for (const point of site.servicePoints) expect(point.code).toMatch(/^[a-z0-9-]+$/);
    }
    expect(new Set(response.body.map((s: { provider: { id: string } }) => s.provider.id)).size).toBe(3);
  });

  it('shows a site-scoped user only their own site', async () => {
    const site = await t.store.db.query.sites.findFirst({ where: eq(sites.code, 'efd') });
    const response = await t.json('/api/sites', { token: await userScopedTo('site', site!.id) });
    expect(response.status).toBe(200);
    expect(response.body.map((s: { code: string }) => s.code)).toEqual(['efd']);
  });

  it('shows a provider-scoped user only their provider’s sites', async () => {
    const provider = await t.store.db.query.providers.findFirst({ where: eq(providers.code, 'harbour') });
    const expected = (await t.store.db.select().from(sites).where(eq(sites.providerId, provider!.id))).map((s) => s.code).sort();
    const response = await t.json('/api/sites', { token: await userScopedTo('provider', provider!.id) });
    expect(response.body.map((s: { code: string }) => s.code).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(12);
  });

  it('refuses anyone not signed in', async () => {
    const response = await t.json('/api/sites');
    expect(response.status).toBe(401);
    expectErrorShape(response.body);
  });
});
