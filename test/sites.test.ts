import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorShape } from './helpers/app';
import { makeCouncilApp, type CouncilApp } from './helpers/factories';

let t: CouncilApp;
beforeAll(async () => {
  t = await makeCouncilApp();
});
afterAll(() => t.close());

const userScopedTo = (scopeType: 'site' | 'provider', scopeId: string) =>
  t.userWith(`${scopeType}-${scopeId}@example.org`, scopeType === 'site' ? 'site_staff' : 'provider_manager', { type: scopeType, id: scopeId });

describe('GET /api/sites', () => {
  it('lists every site of the council with its kind, locality, ward, provider and service points, by name', async () => {
    const response = await t.json('/api/sites', { token: await t.login() });
    expect(response.status).toBe(200);
    const made = Object.values(t.council.sites).sort((a, b) => a.name.localeCompare(b.name));
    expect(response.body).toEqual(
      made.map((site) => ({
        id: site.id,
        code: site.code,
        name: site.name,
        kind: site.kind,
        locality: site.locality,
        ward: site.ward,
        provider: site.provider,
        servicePoints: [...site.points].sort((a, b) => a.name.localeCompare(b.name)),
      })),
    );
  });

  it('shows a site-scoped user only their own site', async () => {
    const site = t.council.sites.elm;
    const response = await t.json('/api/sites', { token: await userScopedTo('site', site.id) });
    expect(response.status).toBe(200);
    expect(response.body.map((s: { code: string }) => s.code)).toEqual([site.code]);
  });

  it('shows a provider-scoped user only their provider’s sites', async () => {
    const provider = t.council.providers.north;
    const expected = Object.values(t.council.sites)
      .filter((s) => s.provider.id === provider.id)
      .map((s) => s.code)
      .sort();
    const response = await t.json('/api/sites', { token: await userScopedTo('provider', provider.id) });
    expect(response.body.map((s: { code: string }) => s.code).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(Object.keys(t.council.sites).length);
  });

  it('refuses anyone not signed in', async () => {
    const response = await t.json('/api/sites');
    expect(response.status).toBe(401);
    expectErrorShape(response.body);
  });
});
