import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema';
import { expectErrorShape } from './helpers/app';
import { makeCouncilApp, type CouncilApp } from './helpers/factories';
import { SKIP_LOGIC_SURVEY } from './helpers/surveys';

let t: CouncilApp;
let admin: string;
beforeAll(async () => {
  t = await makeCouncilApp();
  admin = await t.login();
});
afterAll(() => t.close());

describe('a survey’s states: draft, live, closed', () => {
  it('publishes a draft, which a site can then use, and refuses to close it while a site does', async () => {
    const draft = await t.json('/api/surveys', { token: admin, body: { name: 'Winter visits', status: 'draft', definition: SKIP_LOGIC_SURVEY } });
    expect(draft.body.status).toBe('draft');
    const published = await t.json(`/api/surveys/${draft.body.id}/publish`, { token: admin, method: 'POST' });
    expect(published).toMatchObject({ status: 200, body: { status: 'live' } });
    const { bay } = t.council.sites;
    expect((await t.json(`/api/sites/${bay.code}/survey`, { token: admin, method: 'PUT', body: { surveyId: draft.body.id } })).status).toBe(200);
    const refused = await t.json(`/api/surveys/${draft.body.id}/close`, { token: admin, method: 'POST' });
    expect(refused.status).toBe(422);
    expectErrorShape(refused.body);
    expect(refused.body.error.details[0]).toMatchObject({ code: 'survey_in_use', message: expect.stringContaining(bay.name) });
    await t.json(`/api/sites/${bay.code}/survey`, { token: admin, method: 'PUT', body: { surveyId: null } });
    expect((await t.json(`/api/surveys/${draft.body.id}/close`, { token: admin, method: 'POST' })).body.status).toBe('closed');
    expect((await t.json(`/api/surveys/${draft.body.id}/reopen`, { token: admin, method: 'POST' })).body.status).toBe('live');
    const changes = await t.store.db.select({ action: auditLog.action, details: auditLog.details }).from(auditLog);
    expect(changes.filter((c) => c.action === 'survey_status_changed').map((c) => (c.details as { to: string }).to)).toEqual(['live', 'closed', 'live']);
  });

  it('refuses to close the organisation’s default survey', async () => {
    const list = await t.json('/api/surveys', { token: admin });
    const fallback = list.body.find((s: { name: string }) => s.name === 'Family Hub feedback') ?? list.body[0];
    const refused = await t.json(`/api/surveys/${fallback.id}/close`, { token: admin, method: 'POST' });
    expect(refused.status).toBe(422);
  });
});

describe('the survey pages', () => {
  const page = (path: string, init: RequestInit = {}) =>
    t.app.request(path, { ...init, headers: { authorization: `Bearer ${admin}`, ...(init.headers ?? {}) } });

  it('lists surveys with their states, starts a draft, publishes it, and previews it in Arabic, right to left', async () => {
    const created = await page('/admin/surveys', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: new URLSearchParams({ surveyName: 'Spring panel' }).toString(),
    });
    expect(created.status).toBe(303);
    const at = created.headers.get('location')!;
    const draft = await (await page(at)).text();
    expect(draft).toContain('Draft');
    expect(draft).toContain('>Publish<');
    const id = at.split('/')[3]!.split('?')[0]!;
    const preview = await (await page(`/admin/surveys/${id}/preview?lang=ar`)).text();
    expect(preview).toMatch(/<html lang="ar" dir="rtl">/);
    const published = await page(`/admin/surveys/${id}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: new URLSearchParams({ to: 'live' }).toString(),
    });
    expect(published.headers.get('location')).toBe(`/admin/surveys/${id}?done=live`);
    const list = await (await page('/admin/surveys')).text();
    expect(list).toMatch(/Spring panel<\/a><\/td><td><strong class="tag tag-green">Live/);
  });
});
