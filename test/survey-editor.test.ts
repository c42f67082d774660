/**
 * Editing a survey through its draft: saving never changes what families see, publishing makes the
 * next immutable version, two editors cannot overwrite each other, the page without JavaScript keeps
 * what was typed, and the children's version follows the survey's own choices.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, surveyVersions } from '../db/schema';
import { buildEditor, editorModule } from '../widget/bundle-editor';
import { editorBundle } from '../widget/editor-bundle.gen';
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

type Definition = typeof SKIP_LOGIC_SURVEY & { pages: { id: string; questions: Record<string, unknown>[] }[] };
const copy = (): Definition => JSON.parse(JSON.stringify(SKIP_LOGIC_SURVEY)) as Definition;

async function liveSurveyAt(code: string, name: string) {
  const created = await t.json('/api/surveys', { token: admin, body: { name, definition: SKIP_LOGIC_SURVEY, assignTo: [code] } });
  expect(created.status).toBe(201);
  return created.body as { id: string; currentVersion: number; draft: { revision: number } };
}

const formQuestions = async (code: string, query = '') => {
  const response = await t.app.request(`/api/forms/${code}${query}`);
  return (await response.json()) as { surveyVersion: number; questions: { id: string; title: string }[] };
};

describe('a survey’s draft', () => {
  it('is saved without changing what families see, and publishing makes it the next version', async () => {
    const { ash } = t.council.sites;
    const survey = await liveSurveyAt(ash.code, 'Ash visits');
    expect(survey.draft.revision).toBe(0);
    const edited = copy();
    edited.pages[0]!.questions.push({ id: 'q1', type: 'text', required: false, maxLength: 200, title: { en: 'Anything else?', pl: 'Coś jeszcze?' } });

    const saved = await t.json(`/api/surveys/${survey.id}/draft`, { token: admin, method: 'PUT', body: { definition: edited, basedOn: 0 } });
    expect(saved.status).toBe(200);
    expect(saved.body.draft.revision).toBe(1);
    expect(saved.body.draft.definition.pages[0].questions.map((q: { id: string }) => q.id)).toEqual(['fft', 'wrong', 'q1']);
    expect(saved.body.currentVersion).toBe(1);
    const before = await formQuestions(ash.code);
    expect(before.surveyVersion).toBe(1);
    expect(before.questions.map((q) => q.id)).not.toContain('q1');

    const published = await t.json(`/api/surveys/${survey.id}/publish`, { token: admin, method: 'POST', body: { basedOn: 1 } });
    expect(published).toMatchObject({ status: 200, body: { status: 'live', currentVersion: 2, draft: { definition: null } } });
    const after = await formQuestions(ash.code);
    expect(after.surveyVersion).toBe(2);
    expect(after.questions.find((q) => q.id === 'q1')?.title).toBe('Anything else?');
    expect((await formQuestions(ash.code, '?lang=pl')).questions.find((q) => q.id === 'q1')?.title).toBe('Coś jeszcze?');

    // Version 1 is still exactly what it was: responses that answered it keep its questions.
    const versions = await t.store.db.select().from(surveyVersions);
    const first = versions.find((v) => v.surveyId === survey.id && v.version === 1)!;
    expect(JSON.stringify(JSON.parse(first.definition))).not.toContain('Anything else?');
    const audit = await t.store.db.select({ action: auditLog.action, targetId: auditLog.targetId, details: auditLog.details }).from(auditLog);
    expect(audit.filter((a) => a.targetId === survey.id && a.action === 'survey_version_added')).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ version: 2, published: true }) }),
    ]);
  });

  it('refuses a save over someone else’s newer save, and a publish of changes nobody previewed', async () => {
    const survey = await liveSurveyAt(t.council.sites.bay.code, 'Bay visits');
    const mine = copy();
    mine.title = { en: 'Mine', pl: 'Moja' };
    const theirs = copy();
    theirs.title = { en: 'Theirs', pl: 'Ich' };
    expect((await t.json(`/api/surveys/${survey.id}/draft`, { token: admin, method: 'PUT', body: { definition: theirs, basedOn: 0 } })).status).toBe(200);
    const refused = await t.json(`/api/surveys/${survey.id}/draft`, { token: admin, method: 'PUT', body: { definition: mine, basedOn: 0 } });
    expect(refused.status).toBe(409);
    expectErrorShape(refused.body);
    expect(refused.body.error.details[0]).toMatchObject({ field: 'basedOn', code: 'draft_changed' });
    const kept = await t.json(`/api/surveys/${survey.id}`, { token: admin });
    expect(kept.body.draft).toMatchObject({ revision: 1, definition: { title: { en: 'Theirs' } } });

    const stale = await t.json(`/api/surveys/${survey.id}/publish`, { token: admin, method: 'POST', body: { basedOn: 0 } });
    expect(stale.status).toBe(409);
    expectErrorShape(stale.body);
    expect((await t.json(`/api/surveys/${survey.id}`, { token: admin })).body.currentVersion).toBe(1);

    const discarded = await t.json(`/api/surveys/${survey.id}/draft?basedOn=1`, { token: admin, method: 'DELETE' });
    expect(discarded).toMatchObject({ status: 200, body: { draft: { definition: null, revision: 2 }, currentVersion: 1 } });
  });

  it('names the path of a mistake in a definition', async () => {
    const survey = await liveSurveyAt(t.council.sites.elm.code, 'Elm visits');
    const bad = copy();
    bad.pages[1]!.questions.push({ id: 'later', type: 'yesno', required: false, title: { en: 'Later?' }, showIf: { question: 'nowhere', answered: true } });
    const refused = await t.json(`/api/surveys/${survey.id}/draft`, { token: admin, method: 'PUT', body: { definition: bad, basedOn: 0 } });
    expect(refused.status).toBe(422);
    expectErrorShape(refused.body);
    expect(refused.body.error.details.map((d: { field: string }) => d.field)).toContain(
      `definition.pages.1.questions.${bad.pages[1]!.questions.length - 1}.showIf`,
    );
  });
});

describe('the editor page', () => {
  const page = (path: string, init: RequestInit = {}) =>
    t.app.request(path, { ...init, headers: { authorization: `Bearer ${admin}`, ...(init.headers ?? {}) } });
  const form = (fields: Record<string, string>) => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
    body: new URLSearchParams(fields).toString(),
  });

  it('carries its data safely and loads its own script, which is served immutable and gzipped', async () => {
    const survey = await liveSurveyAt(t.council.sites.cob.code, 'Fir visits');
    const hostile = copy();
    hostile.title = { en: 'Visits </script><script>alert(1)</script> & more', pl: 'Wizyty' };
    await t.json(`/api/surveys/${survey.id}/draft`, { token: admin, method: 'PUT', body: { definition: hostile, basedOn: 0 } });
    const html = await (await page(`/admin/surveys/${survey.id}/edit`)).text();
    expect(html).toContain(`<script src="/assets/survey-editor/${editorBundle.hash}.js" defer></script>`);
    const data = /<script type="application\/json" id="survey-editor-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(data).not.toContain('<');
    expect(JSON.parse(data)).toMatchObject({
      surveyId: survey.id,
      basedOn: 1,
      definition: { title: { en: hostile.title.en } },
      languages: expect.arrayContaining([expect.objectContaining({ code: 'ar', dir: 'rtl' })]),
    });

    const script = await t.app.request(`/assets/survey-editor/${editorBundle.hash}.js`, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(gunzipSync(Buffer.from(await script.arrayBuffer())).toString('utf8')).toBe(editorBundle.code);
    expect((await t.app.request('/assets/survey-editor/0000.js')).status).toBe(404);
  });

  it('without JavaScript, saves the definition as JSON and keeps what was typed when it is wrong', async () => {
    const survey = await liveSurveyAt(t.council.sites.dun.code, 'Oak visits');
    const typed = '{"title": {"en": "Oak"}, "pages": [ oops';
    const refused = await page(`/admin/surveys/${survey.id}/draft`, form({ definition: typed, basedOn: '0' }));
    expect(refused.status).toBe(422);
    const body = await refused.text();
    expect(body).toContain('The JSON cannot be read');
    expect(body).toContain('{&quot;title&quot;: {&quot;en&quot;: &quot;Oak&quot;}, &quot;pages&quot;: [ oops');

    const edited = copy();
    edited.title = { en: 'Oak, edited', pl: 'Dąb' };
    const saved = await page(`/admin/surveys/${survey.id}/draft`, form({ definition: JSON.stringify(edited), basedOn: '0' }));
    expect(saved.status).toBe(303);
    const surveyPage = await (await page(`/admin/surveys/${survey.id}`)).text();
    expect(surveyPage).toContain('Unpublished changes');
    expect(surveyPage).toContain('>Publish changes<');
    const preview = await (await page(`/admin/surveys/${survey.id}/preview?lang=en`)).text();
    expect(preview).toContain('Oak, edited');
    const published = await page(`/admin/surveys/${survey.id}/status`, form({ to: 'publish', basedOn: '1' }));
    expect(published.headers.get('location')).toBe(`/admin/surveys/${survey.id}?done=live`);
    expect((await t.json(`/api/surveys/${survey.id}`, { token: admin })).body).toMatchObject({
      currentVersion: 2,
      definition: { title: { en: 'Oak, edited' } },
    });
  });

  it('is committed exactly as widget/editor builds now (run `npm run build:editor`), with no server code in it', async () => {
    const committed = readFileSync(fileURLToPath(new URL('../widget/editor-bundle.gen.ts', import.meta.url)), 'utf8');
    expect(committed).toBe(editorModule(await buildEditor()));
    expect(editorBundle.code).not.toMatch(/ZodError|\$ZodType|drizzle|libsql|hono/i);
  });
});

describe('the children’s version', () => {
  it('asks in the survey’s simpler words and leaves out what the survey leaves out, while adults see every question', async () => {
    const { ash: pine } = t.council.sites;
    const survey = await liveSurveyAt(pine.code, 'Pine visits');
    const edited = copy();
    const again = edited.pages[1]!.questions.find((q) => q.id === 'again')!;
    again.forChildren = { title: { en: 'Would you like to come back?', pl: 'Chcesz tu wrócić?' } };
    const helped = edited.pages[1]!.questions.find((q) => q.id === 'helped')!;
    helped.forChildren = { leaveOut: true };
    await t.json(`/api/surveys/${survey.id}/draft`, { token: admin, method: 'PUT', body: { definition: edited, basedOn: 0 } });
    expect((await t.json(`/api/surveys/${survey.id}/publish`, { token: admin, method: 'POST' })).status).toBe(200);

    const child = await (await t.app.request(`/f/${pine.code}?for=child&lang=pl`)).text();
    expect(child).toContain('Chcesz tu wrócić?');
    expect(child).not.toContain('Co pomogło?');
    const adult = await (await t.app.request(`/f/${pine.code}?lang=pl`)).text();
    expect(adult).toContain('Czy przyjdziesz ponownie?');
    expect(adult).toContain('Co pomogło?');

    const required = copy();
    (required.pages[1]!.questions.find((q) => q.id === 'again') as Record<string, unknown>).forChildren = { leaveOut: true };
    const refused = await t.json(`/api/surveys/${survey.id}/draft`, { token: admin, method: 'PUT', body: { definition: required, basedOn: 2 } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details[0].message).toContain('required question cannot be left out');
  });
});
