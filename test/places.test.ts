import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema';
import { addResponses, expectErrorShape, makeTestApp, type TestApp } from './helpers/app';
import { makeCouncilApp, type CouncilApp } from './helpers/factories';
import { SKIP_LOGIC_SURVEY } from './helpers/surveys';

describe('a council set up from nothing through the API', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await makeTestApp();
    admin = await t.login();
  });
  afterAll(() => t.close());

  it('lets the first admin add the organisation, a provider, a site and a service point, and the form then opens', async () => {
    const org = await t.json('/api/organisations', { token: admin, body: { name: 'Seaview Council', slug: 'seaview' } });
    expect(org.status).toBe(201);
    const provider = await t.json('/api/providers', { token: admin, body: { code: 'seaview-ey', name: 'Seaview Early Years' } });
    expect(provider.status).toBe(201);
    const site = await t.json('/api/sites', {
      token: admin,
      body: { provider: 'seaview-ey', code: 'Harbour-Hub', name: 'Harbour Family Hub', kind: 'family_hub', locality: 'Harbour', ward: 'Quayside' },
    });
    expect(site.status).toBe(201);
    expect(site.body).toMatchObject({ code: 'harbour-hub', kind: 'family_hub', ward: 'Quayside', defaultLanguage: 'en', archived: false });
    const point = await t.json('/api/sites/harbour-hub/service-points', { token: admin, body: { code: 'harbour-baby', name: 'Baby clinic' } });
    expect(point.status).toBe(201);
    // The organisation starts with a live Family Hub feedback survey, so the new QR codes open a form at once.
    expect((await t.json('/api/forms/harbour-baby')).body).toMatchObject({ title: 'Family Hub feedback' });
    const survey = await t.json('/api/surveys', {
      token: admin,
      body: { name: 'Visit', definition: SKIP_LOGIC_SURVEY, assignTo: ['harbour-hub', 'harbour-baby'] },
    });
    expect(survey.status).toBe(201);
    expect((await t.json('/api/forms/harbour-baby')).body).toMatchObject({ surveyId: survey.body.id });
    const listed = await t.json('/api/organisations', { token: admin });
    expect(listed.body[0]).toMatchObject({
      name: 'Seaview Council',
      providers: [{ code: 'seaview-ey' }],
      sites: [{ code: 'harbour-hub', servicePoints: [{ code: 'harbour-baby' }] }],
    });
    const audited = await t.store.db.select({ action: auditLog.action }).from(auditLog);
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(['organisation_created', 'place_created']));
  });

  it('refuses a code another site or service point already uses, and a badly formed one, naming the field', async () => {
    const taken = await t.json('/api/sites', {
      token: admin,
      body: { provider: 'seaview-ey', code: 'harbour-baby', name: 'Another', kind: 'outreach', locality: 'X' },
    });
    expect(taken.status).toBe(409);
    expectErrorShape(taken.body);
    expect(taken.body.error.details[0]).toMatchObject({ field: 'code', code: 'code_taken' });
    const bad = await t.json('/api/sites', { token: admin, body: { provider: 'seaview-ey', code: 'a b', name: '', kind: 'castle', locality: 'X' } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['code', 'kind', 'name']);
  });

  it('refuses a second organisation with the same short name', async () => {
    const again = await t.json('/api/organisations', { token: admin, body: { name: 'Seaview Again', slug: 'seaview' } });
    expect(again.status).toBe(409);
    expectErrorShape(again.body);
  });
});

describe('importing sites from CSV', () => {
  let t: CouncilApp;
  let admin: string;
  beforeAll(async () => {
    t = await makeCouncilApp();
    admin = await t.login();
  });
  afterAll(() => t.close());

  const csv = [
    'Provider code,Provider name,Site code,Site name,Kind,Locality,Ward,Language,Service point code,Service point name',
    'coastal,Coastal Care,sand-hub,Sand Family Hub,Family Hub,Sandbay,Dunes,pl,sand-baby,Baby clinic',
    'coastal,,sand-hub,,,,,,sand-stay,Stay and play',
    'coastal,,cliff-cc,Cliff Children’s Centre,castle,Clifftop,,,,',
    'nowhere,,rock-hub,Rock Hub,Family Hub,Rocks,,,,',
    `${'north'},,${'ash'},Duplicate Ash,Family Hub,Ash,,,,`,
    'coastal,,cove-out,Cove outreach,outreach venue,Cove,,,,',
    'coastal,,sand-hub,,,,,,sand-baby,A duplicate point',
  ].join('\n');

  it('imports every good row in one go and lists each bad row with what to fix', async () => {
    const { status, body } = await t.json('/api/sites/import', { token: admin, body: { csv: `\uFEFF${csv}` } });
    expect(status).toBe(200);
    expect(body).toMatchObject({ providers: 1, sites: 2, servicePoints: 2 });
    expect(body.problems.map((p: { row: number }) => p.row)).toEqual([4, 5, 6, 8]);
    const messages = Object.fromEntries(body.problems.map((p: { row: number; messages: string[] }) => [p.row, p.messages.join(' ')]));
    expect(messages[4]).toMatch(/kind/);
    expect(messages[5]).toMatch(/provider_name/);
    expect(messages[6]).toMatch(/already used/);
    expect(messages[8]).toMatch(/already used/);
    const organisation = (await t.json('/api/organisations', { token: admin })).body[0];
    const sand = organisation.sites.find((s: { code: string }) => s.code === 'sand-hub');
    expect(sand).toMatchObject({ kind: 'family_hub', ward: 'Dunes', defaultLanguage: 'pl' });
    expect(sand.servicePoints.map((p: { code: string }) => p.code).sort()).toEqual(['sand-baby', 'sand-stay']);
    expect(organisation.sites.find((s: { code: string }) => s.code === 'cove-out')).toMatchObject({ kind: 'outreach' });
    expect(organisation.sites.find((s: { code: string }) => s.code === 'cliff-cc')).toBeUndefined();
  });

  it('writes nothing when every row is bad, and says why for each', async () => {
    const before = (await t.json('/api/organisations', { token: admin })).body[0].sites.length;
    const { body } = await t.json('/api/sites/import', { token: admin, body: { csv: 'site_code,site_name,kind,locality\nx,,hub,\n' } });
    expect(body).toMatchObject({ sites: 0, problems: [{ row: 2 }] });
    expect((await t.json('/api/organisations', { token: admin })).body[0].sites.length).toBe(before);
  });

  it('refuses a file without the columns it needs, naming them', async () => {
    const { status, body } = await t.json('/api/sites/import', { token: admin, body: { csv: 'name,place\na,b\n' } });
    expect(status).toBe(422);
    expect(body.error.message).toMatch(/site_code, site_name, kind, locality/);
  });
});

describe('archiving and deleting places', () => {
  let t: CouncilApp;
  let admin: string;
  beforeAll(async () => {
    t = await makeCouncilApp();
    admin = await t.login();
  });
  afterAll(() => t.close());

  it('archives a site with responses instead of deleting it, closing its forms and keeping its figures', async () => {
    const { ash } = t.council.sites;
    await addResponses(t, ash.code, 3, 1, '2026-11-02');
    const refused = await t.json(`/api/sites/${ash.code}`, { token: admin, method: 'DELETE' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details[0].code).toBe('has_responses');
    const archived = await t.json(`/api/sites/${ash.code}`, { token: admin, method: 'PATCH', body: { archived: true } });
    expect(archived.body).toMatchObject({ archived: true });
    expect(archived.body.servicePoints.every((p: { archived: boolean }) => p.archived)).toBe(true);
    expect((await t.app.request(`/f/${ash.code}`)).status).toBe(404);
    const restored = await t.json(`/api/sites/${ash.code}`, { token: admin, method: 'PATCH', body: { archived: false } });
    expect(restored.body.archived).toBe(false);
    expect((await t.app.request(`/f/${ash.code}`)).status).toBe(200);
  });

  it('deletes a site that never had a response', async () => {
    await t.json('/api/sites', {
      token: admin,
      body: { provider: t.council.providers.north.id, code: 'pop-up', name: 'Pop-up', kind: 'outreach', locality: 'Park' },
    });
    expect((await t.json('/api/sites/pop-up', { token: admin, method: 'DELETE' })).status).toBe(204);
    expect((await t.json('/api/sites/pop-up', { token: admin })).status).toBe(404);
  });

  it('refuses to give a site a draft survey, saying why, and leaves its form as it was', async () => {
    const { bay } = t.council.sites;
    const draft = await t.json('/api/surveys', { token: admin, body: { name: 'Next year', status: 'draft', definition: SKIP_LOGIC_SURVEY } });
    const refused = await t.json(`/api/sites/${bay.code}/survey`, { token: admin, method: 'PUT', body: { surveyId: draft.body.id } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/draft: publish it/);
    expect((await t.app.request(`/f/${bay.code}`)).status).toBe(200);
    const atCreation = await t.json('/api/surveys', {
      token: admin,
      body: { name: 'Also draft', status: 'draft', definition: SKIP_LOGIC_SURVEY, assignTo: [bay.code] },
    });
    expect(atCreation.status).toBe(422);
  });

  it('hides another council’s sites and refuses a site-scoped commissioner', async () => {
    const other = await t.json('/api/organisations', { token: admin, body: { name: 'Other Council', slug: 'other' } });
    expect(other.status).toBe(201);
    const scoped = await t.userWith('site-commissioner@example.org', 'commissioner', { type: 'site', id: t.council.sites.bay.id });
    expect((await t.json(`/api/sites/${t.council.sites.bay.code}`, { token: scoped })).status).toBe(404);
    const orgAdmin = await t.userWith('org-admin@example.org', 'admin', { type: 'organisation', id: other.body.id });
    expect((await t.json(`/api/sites/${t.council.sites.bay.code}`, { token: orgAdmin })).status).toBe(404);
    expect((await t.json('/api/organisations', { token: orgAdmin })).body.map((o: { name: string }) => o.name)).toEqual(['Other Council']);
  });
});
