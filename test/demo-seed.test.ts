/**
 * The demo council a fresh install starts with (db/demo.ts), kept honest: every other test runs
 * on its own fixture (test/helpers/factories.ts), so this is the one place the demo is checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SURVEY, DEMO_ACTIONS, DEMO_GENERAL_FORM, DEMO_ORGANISATION, DEMO_PROVIDERS, DEMO_SITES } from '../db/demo';
import { SurveyDefinition } from '../survey/survey-schema';
import { ADMIN, makeTestApp, type TestApp } from './helpers/app';

const RESPONSES = 300;

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await makeTestApp({ SEED: 'demo', SEED_RESPONSES: String(RESPONSES) });
  admin = await t.login();
});
afterAll(() => t.close());

describe('the demo seed', () => {
  it('lets the admin sign in, through the API and through the form', async () => {
    expect(admin).toEqual(expect.any(String));
    const signedIn = await t.app.request('/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: new URLSearchParams({ email: ADMIN.email, password: ADMIN.password }).toString(),
    });
    expect(signedIn.status).toBe(303);
  });

  it('makes the council: 3 providers, 12 sites (9 Family Hubs, 3 Children’s Centres), 4-6 service points each', async () => {
    const { status, body: sites } = await t.json('/api/sites', { token: admin });
    expect(status).toBe(200);
    expect(sites).toHaveLength(12);
    const kinds = sites.map((s: { kind: string }) => s.kind);
    expect(kinds.filter((k: string) => k === 'family_hub')).toHaveLength(9);
    expect(kinds.filter((k: string) => k === 'childrens_centre')).toHaveLength(3);
    for (const site of sites) {
      expect(site).toMatchObject({
        id: expect.any(String),
        code: expect.stringMatching(/^[a-z0-9-]+$/),
        name: expect.any(String),
        locality: expect.any(String),
      });
      expect(site.servicePoints.length).toBeGreaterThanOrEqual(4);
      expect(site.servicePoints.length).toBeLessThanOrEqual(6);
      for (const point of site.servicePoints) expect(point.code).toMatch(/^[a-z0-9-]+$/);
    }
    const providers = new Map(sites.map((s: { provider: { code: string; name: string } }) => [s.provider.code, s.provider.name]));
    expect(Object.fromEntries(providers)).toEqual(Object.fromEntries(DEMO_PROVIDERS.map((p) => [p.code, p.name])));
    // Every site and service point as db/demo.ts lists them, and nothing else.
    const seeded = sites.map((s: { code: string; name: string; provider: { code: string }; servicePoints: { code: string; name: string }[] }) => [
      s.code,
      s.name,
      s.provider.code,
      s.servicePoints.map((p) => [p.code, p.name]).sort(),
    ]);
    const listed = DEMO_SITES.map((s) => [s.code, s.name, s.provider, s.servicePoints.map(([code, name]) => [code, name]).sort()]);
    expect(seeded.sort()).toEqual(listed.sort());
  });

  it('serves the default survey, as written, at every site and service point', async () => {
    const surveys = (await t.json('/api/surveys', { token: admin })).body as { id: string; name: string }[];
    expect(surveys.map((s) => s.name)).toEqual(['Family Hub feedback']);
    const survey = await t.json(`/api/surveys/${surveys[0]!.id}`, { token: admin });
    expect(survey.body.definition).toEqual(SurveyDefinition.parse(DEFAULT_SURVEY));
    const codes = DEMO_SITES.flatMap((site) => [site.code, ...site.servicePoints.map(([code]) => code)]);
    for (const code of codes) {
      const form = await t.json(`/api/forms/${code}`);
      expect(form.status, code).toBe(200);
      expect(form.body).toMatchObject({ surveyId: surveys[0]!.id, title: DEFAULT_SURVEY.title.en });
    }
    expect((await t.app.request(`/f/${DEMO_SITES[0]!.servicePoints[0]![0]}`)).status).toBe(200);
  });

  it(`adds ${RESPONSES} synthetic responses that the reports read`, async () => {
    const stored = await t.store.client.execute('SELECT count(*) AS n FROM responses');
    expect(Number(stored.rows[0]!.n)).toBe(RESPONSES);
    const report = await t.json('/api/reports/satisfaction?groupBy=site&from=2000-01-01', { token: admin });
    expect(report.status).toBe(200);
    expect(report.body.total.n).toBe(RESPONSES);
    expect(report.body.rows.length).toBeGreaterThan(1);
    const trends = await t.json('/api/reports/satisfaction?groupBy=month&from=2000-01-01', { token: admin });
    expect(trends.body.rows.length).toBeGreaterThan(1);
  });

  it('names the organisation, its general form and its published You said, we did', async () => {
    const missing = await t.app.request('/f/no-such-code');
    const html = await missing.text();
    expect(missing.status).toBe(404);
    expect(html).toContain(`href="/f/${DEMO_GENERAL_FORM}?lang=en"`);
    expect(html).toContain(`Give feedback to ${DEMO_ORGANISATION.name}`);
    const atSite = DEMO_ACTIONS.find((action) => action.site !== null)!;
    const thanks = await (await t.app.request(`/f/${atSite.site}/thanks`)).text();
    for (const action of DEMO_ACTIONS) expect(thanks).toContain(action.weDid.en.replaceAll('&', '&amp;'));
  });
});
