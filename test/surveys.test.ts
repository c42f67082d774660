import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../db/ids';
import { organisations } from '../db/schema';
import { expectErrorShape } from './helpers/app';
import { makeCouncilApp, type CouncilApp, type MadeSite } from './helpers/factories';
import { SKIP_LOGIC_SURVEY } from './helpers/surveys';

let t: CouncilApp;
/** A hub whose two service points get surveys of their own, and a hub that does as a whole. */
let bay: MadeSite, elm: MadeSite;
let admin: string;
let commissioner: string;
let staff: string;
let otherOrganisationId: string;
beforeAll(async () => {
  t = await makeCouncilApp();
  ({ bay, elm } = t.council.sites);
  admin = await t.login();
  const { db } = t.store;
  const council = t.council.organisation;
  otherOrganisationId = newId('org');
  await db.insert(organisations).values({ id: otherOrganisationId, slug: 'elsewhere', name: 'Elsewhere Council' });
  commissioner = await t.userWith('commissioner@example.org', 'commissioner', { type: 'organisation', id: council.id });
  staff = await t.userWith('staff@example.org', 'site_staff', { type: 'organisation', id: council.id });
});
afterAll(() => t.close());

const create = (token: string, body: unknown) => t.json('/api/surveys', { token, body });

describe('survey definitions API', () => {
  it('lets a commissioner create a survey, assign it to a service point, and the form serves it', async () => {
    const { status, body } = await create(commissioner, { name: 'Visit with follow-ups', definition: SKIP_LOGIC_SURVEY, assignTo: [bay.points[0]!.code] });
    expect(status).toBe(201);
    expect(body).toMatchObject({ name: 'Visit with follow-ups', status: 'live', currentVersion: 1, versions: [{ version: 1 }] });
    expect(body.definition.pages).toHaveLength(3);
    const form = await t.json(`/api/forms/${bay.points[0]!.code}?lang=pl`);
    expect(form.body).toMatchObject({ surveyId: body.id, surveyVersion: 1, title: 'Twoja wizyta' });
    expect(form.body.pages.map((p: { id: string }) => p.id)).toEqual(['visit', 'more', 'about']);
    // The site itself and its other service points keep the default survey.
    expect((await t.json(`/api/forms/${bay.points[1]!.code}`)).body.surveyId).not.toBe(body.id);
  });

  it('makes a new version when a live survey is edited; responses keep the version they answered', async () => {
    const created = (await create(commissioner, { name: 'Versioned', definition: SKIP_LOGIC_SURVEY, assignTo: [bay.points[1]!.code] })).body;
    const before = await t.json('/api/responses', {
      body: { code: bay.points[1]!.code, answers: { fft: 'good', again: 'yes' }, idempotencyKey: 'version-one-key' },
    });
    expect(before.status).toBe(201);

    const edited = { ...SKIP_LOGIC_SURVEY, title: { en: 'Your visit (edited)' } };
    const { status, body } = await t.json(`/api/surveys/${created.id}/versions`, { token: commissioner, body: { definition: edited } });
    expect(status).toBe(201);
    expect(body).toMatchObject({ currentVersion: 2, definition: { title: { en: 'Your visit (edited)' } } });
    expect(body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await t.json(`/api/forms/${bay.points[1]!.code}`)).body).toMatchObject({ surveyVersion: 2, title: 'Your visit (edited)' });

    const after = await t.json('/api/responses', {
      body: { code: bay.points[1]!.code, answers: { fft: 'good', again: 'no' }, idempotencyKey: 'version-two-key' },
    });
    const stored = await t.store.client.execute({
      sql: 'SELECT r.idempotency_key AS key, v.version FROM responses r JOIN survey_versions v ON v.id = r.survey_version_id WHERE r.id IN (?, ?) ORDER BY v.version',
      args: [before.body.id, after.body.id],
    });
    expect(stored.rows.map((r) => [r.key, r.version])).toEqual([
      ['version-one-key', 1],
      ['version-two-key', 2],
    ]);
  });

  it.each([
    {
      name: 'options of one choice',
      change: (d: any) => (d.pages[1].questions[1].options = [{ value: 'x', label: { en: 'X' } }]),
      field: 'definition.pages.1.questions.1.options',
    },
    {
      name: 'a condition on a later question',
      change: (d: any) => (d.pages[0].questions[1].showIf = { question: 'again', in: ['no'] }),
      field: 'definition.pages.0.questions.1.showIf',
    },
    { name: 'a title with no English', change: (d: any) => (d.title = { pl: 'Twoja wizyta' }), field: 'definition.title.en' },
    { name: 'an unknown type', change: (d: any) => (d.pages[2].questions[0].type = 'dropdown'), field: 'definition.pages.2.questions.0.type' },
  ])('refuses $name with a 422 naming $field', async ({ change, field }) => {
    const definition = structuredClone(SKIP_LOGIC_SURVEY);
    change(definition);
    const { status, body } = await create(commissioner, { name: 'Broken', definition });
    expect(status).toBe(422);
    expectErrorShape(body);
    expect(body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    const version = await t.json(`/api/surveys/${(await t.json('/api/surveys', { token: admin })).body[0].id}/versions`, {
      token: admin,
      body: { definition },
    });
    expect(version.status).toBe(422);
    expect(version.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('lists and reads only the caller’s organisation’s surveys', async () => {
    const elsewhere = (await create(admin, { name: 'Elsewhere survey', definition: SKIP_LOGIC_SURVEY, organisationId: otherOrganisationId })).body;
    expect((await t.json('/api/surveys', { token: admin })).body.map((s: { id: string }) => s.id)).toContain(elsewhere.id);
    const mine = (await t.json('/api/surveys', { token: commissioner })).body;
    expect(mine.map((s: { name: string }) => s.name)).toContain(t.council.survey.name);
    expect(mine.map((s: { id: string }) => s.id)).not.toContain(elsewhere.id);
    expect((await t.json(`/api/surveys/${elsewhere.id}`, { token: commissioner })).status).toBe(404);
    expect((await t.json(`/api/surveys/${elsewhere.id}/versions`, { token: commissioner, body: { definition: SKIP_LOGIC_SURVEY } })).status).toBe(404);
  });

  it('refuses to assign a survey across organisations, or a code that does not exist', async () => {
    const elsewhere = (await create(admin, { name: 'Elsewhere 2', definition: SKIP_LOGIC_SURVEY, organisationId: otherOrganisationId })).body;
    const across = await t.json(`/api/sites/${elm.code}/survey`, { method: 'PUT', token: admin, body: { surveyId: elsewhere.id } });
    expect(across.status).toBe(422);
    expect(across.body.error.details[0].field).toBe('surveyId');
    const unknown = await create(commissioner, { name: 'Nowhere', definition: SKIP_LOGIC_SURVEY, assignTo: ['nope'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details[0].field).toBe('assignTo.0');
    expect((await t.json('/api/sites/nope/survey', { method: 'PUT', token: admin, body: { surveyId: null } })).status).toBe(404);
  });

  it('points a site at a survey and back to the default', async () => {
    const created = (await create(commissioner, { name: `For ${elm.name}`, definition: SKIP_LOGIC_SURVEY })).body;
    const put = await t.json(`/api/sites/${elm.code}/survey`, { method: 'PUT', token: commissioner, body: { surveyId: created.id } });
    expect(put).toMatchObject({ status: 200, body: { code: elm.code, surveyId: created.id } });
    expect((await t.json(`/api/forms/${elm.points[0]!.code}`)).body.surveyId).toBe(created.id);
    await t.json(`/api/sites/${elm.code}/survey`, { method: 'PUT', token: commissioner, body: { surveyId: null } });
    expect((await t.json(`/api/forms/${elm.points[0]!.code}`)).body.surveyId).not.toBe(created.id);
  });

  it('is for admins and commissioners only', async () => {
    expect((await t.json('/api/surveys')).status).toBe(401);
    const refused = await t.json('/api/surveys', { token: staff });
    expect(refused.status).toBe(403);
    expectErrorShape(refused.body);
    expect((await create(staff, { name: 'No', definition: SKIP_LOGIC_SURVEY })).status).toBe(403);
    expect((await t.json(`/api/sites/${elm.code}/survey`, { method: 'PUT', token: staff, body: { surveyId: null } })).status).toBe(403);
  });
});

describe('survey ownership when creating', () => {
  it('asks someone who manages several organisations which one the survey is for', async () => {
    const { status, body } = await create(admin, { name: 'Whose?', definition: SKIP_LOGIC_SURVEY });
    expect(status).toBe(422);
    expect(body.error.details[0].field).toBe('organisationId');
  });
});
