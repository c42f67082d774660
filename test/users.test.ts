import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorShape } from './helpers/app';
import { makeCouncilApp, type CouncilApp } from './helpers/factories';
import { acceptLink } from './helpers/invitations';

let t: CouncilApp;
let platformAdmin: string;
let organisationId: string;
let councilAdmin: string;

beforeAll(async () => {
  t = await makeCouncilApp();
  platformAdmin = await t.login();
  organisationId = t.council.organisation.id;
  const created = await t.json('/api/users', {
    token: platformAdmin,
    body: { email: 'Admin@Council.example', name: 'Council admin', role: 'admin', scope: { type: 'organisation', id: organisationId } },
  });
  expect(created.status).toBe(201);
  expect(await acceptLink(t, 'admin@council.example', 'the council admin password')).toBe(204);
  councilAdmin = await t.login('admin@council.example', 'the council admin password');
});
afterAll(() => t.close());

describe('staff accounts', () => {
  it('lets a council admin invite a provider manager who chooses a password from the link and sees only that provider', async () => {
    const provider = t.council.providers.north;
    const audited = async () => Number((await t.store.client.execute("SELECT count(*) AS n FROM audit_log WHERE action = 'user_created'")).rows[0]?.n);
    const auditedBefore = await audited();
    const created = await t.json('/api/users', {
      token: councilAdmin,
      body: { email: 'new-manager@northgate.example', name: 'Northgate manager', role: 'provider_manager', scope: { type: 'provider', id: provider.id } },
    });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('temporaryPassword');
    expect(await acceptLink(t, 'new-manager@northgate.example', 'the new manager password')).toBe(204);
    const token = await t.login('new-manager@northgate.example', 'the new manager password');
    const sites = await t.json('/api/sites', { token });
    expect(sites.body.length).toBeGreaterThan(0);
    expect(sites.body.every((s: { provider: { code: string } }) => s.provider.code === provider.code)).toBe(true);
    expect(await audited()).toBe(auditedBefore + 1);
  });

  it('keeps a council admin inside their council: no platform roles', async () => {
    const response = await t.json('/api/users', {
      token: councilAdmin,
      body: { email: 'root@council.example', name: 'Root', role: 'admin', scope: { type: 'platform', id: null } },
    });
    expect(response.status).toBe(403);
    expectErrorShape(response.body);
  });

  it('refuses a second account for the same email with 409, and a scope that does not exist with 422', async () => {
    const twice = await t.json('/api/users', {
      token: councilAdmin,
      body: { email: 'new-manager@northgate.example', name: 'Again', role: 'analyst', scope: { type: 'organisation', id: organisationId } },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('email_taken');
    const nowhere = await t.json('/api/users', {
      token: councilAdmin,
      body: { email: 'x@council.example', name: 'X', role: 'analyst', scope: { type: 'site', id: 'site_nope' } },
    });
    expect(nowhere.status).toBe(422);
    expect(nowhere.body.error.details[0].field).toBe('scope.id');
  });

  it('grants and revokes roles, and a disabled account loses its sessions at once', async () => {
    const created = await t.json('/api/users', {
      token: councilAdmin,
      body: { email: 'lead@council.example', name: 'Lead', role: 'analyst', scope: { type: 'organisation', id: organisationId } },
    });
    await acceptLink(t, 'lead@council.example', 'the lead password here');
    const token = await t.login('lead@council.example', 'the lead password here');
    expect((await t.json('/api/safeguarding/flags', { token })).status).toBe(403);
    // Appointing a safeguarding lead is the platform admin's (or another lead's) act, not a council admin's.
    const granted = await t.json(`/api/users/${created.body.id}/roles`, {
      token: platformAdmin,
      body: { role: 'safeguarding_lead', scope: { type: 'organisation', id: organisationId } },
    });
    expect(granted.status).toBe(201);
    expect((await t.json('/api/safeguarding/flags', { token })).status).toBe(200);
    const revoked = await t.app.request(`/api/users/${created.body.id}/roles/${granted.body.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${councilAdmin}` },
    });
    expect(revoked.status).toBe(204);
    expect((await t.json('/api/safeguarding/flags', { token })).status).toBe(403);
    const disabled = await t.json(`/api/users/${created.body.id}`, { token: councilAdmin, method: 'PATCH', body: { disabled: true } });
    expect(disabled.status).toBe(200);
    expect((await t.json('/api/auth/me', { token })).status).toBe(401);
  });

  it('is for admins only', async () => {
    await t.json('/api/users', {
      token: councilAdmin,
      body: { email: 'analyst@council.example', name: 'Analyst', role: 'analyst', scope: { type: 'organisation', id: organisationId } },
    });
    await acceptLink(t, 'analyst@council.example', 'the analyst password');
    const token = await t.login('analyst@council.example', 'the analyst password');
    expect((await t.json('/api/users', { token })).status).toBe(403);
  });
});
