import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema';
import { expectErrorShape } from './helpers/app';
import { makeCouncilApp, type CouncilApp, type MadeUser } from './helpers/factories';

let t: CouncilApp;
let manager: string;
let commissioner: string;
let MANAGER: MadeUser;

const escaped = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const page = async (path: string, headers: Record<string, string> = {}) => {
  const response = await t.app.request(path, { headers });
  return { status: response.status, location: response.headers.get('location'), html: await response.text() };
};
const form = (path: string, fields: [string, string][], cookie: string) =>
  t.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', cookie },
    body: new URLSearchParams(fields).toString(),
  });
const texts = (en: string, pl?: string) => ({ en, ...(pl ? { pl } : {}) });

beforeAll(async () => {
  t = await makeCouncilApp();
  MANAGER = t.council.users.providerManager;
  manager = await t.login(MANAGER.email, MANAGER.password);
  commissioner = await t.login(t.council.users.commissioner.email, t.council.users.commissioner.password);
});
afterAll(() => t.close());

describe('"You said, we did" API', () => {
  it('lets a provider manager write a draft for a service point, which families see only once published, in their language', async () => {
    const body = {
      youSaid: texts('The play session was too crowded.', 'Zajęcia były zbyt zatłoczone.'),
      weDid: texts('We added a second play session on Fridays.', 'Dodaliśmy drugie zajęcia w piątki.'),
      themes: ['access'],
      changedOn: '2026-11-01',
      places: ['bay-play'],
    };
    const created = await t.json('/api/actions', { token: manager, body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', changedOn: '2026-11-01', places: [{ code: 'bay-play', kind: 'servicePoint' }] });
    expect((await page('/f/bay-play/thanks?lang=pl')).html).not.toContain('Dodaliśmy drugie zajęcia');

    const published = await t.json(`/api/actions/${created.body.id}/publish`, { token: manager, method: 'POST' });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    expect((await page('/f/bay-play/thanks?lang=pl')).html).toContain('Dodaliśmy drugie zajęcia w piątki.');
    expect((await page('/f/bay-play/poster?lang=pl')).html).toContain('Dodaliśmy drugie zajęcia w piątki.');
    const hub = (await page('/sites/bay/you-said-we-did?lang=pl')).html;
    expect(hub).toContain('Dodaliśmy drugie zajęcia w piątki.');
    expect(hub).toContain('<strong>Kiedy:</strong> 1 listopada 2026');
    // Placed at one service point: the hub's own form and its other services do not show it.
    expect((await page('/f/bay/thanks?lang=pl')).html).not.toContain('Dodaliśmy drugie zajęcia');
    expect((await page('/f/bay-young/thanks?lang=pl')).html).not.toContain('Dodaliśmy drugie zajęcia');

    const audits = await t.store.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'action'), eq(auditLog.targetId, created.body.id)));
    expect(audits.map((a) => a.action).sort()).toEqual(['action_created', 'action_published']);
    expect(audits.every((a) => a.userId === MANAGER.id)).toBe(true);
  });

  it('shows English where a language has no translation, marked with lang="en"', async () => {
    const created = await t.json('/api/actions', {
      token: commissioner,
      body: { youSaid: texts('Parking is hard.'), weDid: texts('Two more spaces for families with buggies.'), places: ['cob'] },
    });
    await t.json(`/api/actions/${created.body.id}/publish`, { token: commissioner, method: 'POST' });
    const { html } = await page('/f/cob-baby/thanks?lang=pl');
    expect(html).toContain('<html lang="pl"');
    expect(html).toContain('<span lang="en" dir="auto">Two more spaces for families with buggies.</span>');
  });

  it('refuses places outside the writer’s scope, naming the field, and hides other providers’ actions', async () => {
    const outside = await t.json('/api/actions', { token: manager, body: { youSaid: texts('a'), weDid: texts('b'), places: ['dun'] } });
    expect(outside.status).toBe(422);
    expectErrorShape(outside.body);
    expect(outside.body.error.code).toBe('validation_failed');
    expect(outside.body.error.details[0].field).toBe('places.0');

    const theirs = await t.json('/api/actions', { token: commissioner, body: { youSaid: texts('c'), weDid: texts('d'), places: ['dun'] } });
    expect(theirs.status).toBe(201);
    expect((await t.json(`/api/actions/${theirs.body.id}`, { token: manager })).status).toBe(404);
    expect((await t.json(`/api/actions/${theirs.body.id}/publish`, { token: manager, method: 'POST' })).status).toBe(404);
    const mine = await t.json('/api/actions', { token: manager });
    expect(mine.body.map((a: { id: string }) => a.id)).not.toContain(theirs.body.id);
  });

  it('requires English and at least one place', async () => {
    const { status, body } = await t.json('/api/actions', { token: commissioner, body: { youSaid: { pl: 'tylko po polsku' }, weDid: texts('x'), places: [] } });
    expect(status).toBe(422);
    const fields = body.error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['youSaid.en', 'places']));
  });

  it('is refused to site staff and analysts, who do not answer for the service', async () => {
    for (const user of [t.council.users.siteStaff, t.council.users.analyst]) {
      const token = await t.login(user.email, user.password);
      expect((await t.json('/api/actions', { token })).status).toBe(403);
    }
  });

  it('takes a published action back to draft, and families no longer see it', async () => {
    const created = await t.json('/api/actions', {
      token: commissioner,
      body: { youSaid: texts('Too cold.'), weDid: texts('New heating in the hall.'), places: ['elm'] },
    });
    await t.json(`/api/actions/${created.body.id}/publish`, { token: commissioner, method: 'POST' });
    expect((await page('/f/elm/thanks')).html).toContain('New heating in the hall.');
    const back = await t.json(`/api/actions/${created.body.id}/unpublish`, { token: commissioner, method: 'POST' });
    expect(back.body).toMatchObject({ status: 'draft', publishedAt: null });
    expect((await page('/f/elm/thanks')).html).not.toContain('New heating in the hall.');
  });
});

describe('the widget’s thank-you, composed by the server', () => {
  it('comes back with a widget submission: thanks and the place’s You said, we did in the family’s language', async () => {
    const { status, body } = await t.json('/api/responses', {
      body: { code: 'ash-play', answers: { fft: 'veryGood' }, language: 'pl', channel: 'widget', idempotencyKey: 'widget-thanks-1' },
    });
    expect(status).toBe(201);
    expect(body.thanks.title).toBe('Dziękujemy');
    const texts = body.thanks.paragraphs.map((p: { text: string }) => p.text);
    expect(texts).toContain('Wy powiedzieliście, my zrobiliśmy');
    expect(texts).toContain(t.council.actions.atAsh.weDid.pl);
    expect(body.thanks.paragraphs.find((p: { text: string }) => p.text === t.council.actions.atAsh.weDid.pl).label).toMatch(/: $/);
  });

  it('is not composed for other channels', async () => {
    const { body } = await t.json('/api/responses', {
      body: { code: 'ash-play', answers: { fft: 'good' }, channel: 'kiosk', idempotencyKey: 'kiosk-thanks-1' },
    });
    expect(body.thanks).toBeUndefined();
  });
});

describe('"You said, we did" staff pages (no script)', () => {
  it('writes a draft with translations side by side, publishes it, and lists it', async () => {
    const signIn = await t.app.request('/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: new URLSearchParams({ email: MANAGER.email, password: MANAGER.password }).toString(),
    });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;

    const blank = await page('/actions/new', { cookie });
    expect(blank.status).toBe(200);
    expect(blank.html).toContain('for="youSaid.pl"');
    expect(blank.html).toContain('value="ash-feed"');
    expect(blank.html).not.toContain('value="dun"');

    const invalid = await form('/actions', [['weDid.en', 'Something']], cookie);
    expect(invalid.status).toBe(422);
    const again = await invalid.text();
    expect(again).toContain('There is a problem');
    expect(again).toContain('Choose at least one site or service you look after');
    expect(again).toContain('>Something</textarea>');

    const saved = await form(
      '/actions',
      [
        ['youSaid.en', 'The café closes too early.'],
        ['youSaid.pl', 'Kawiarnia zamyka się za wcześnie.'],
        ['weDid.en', 'The feeding café now stays open until 2pm.'],
        ['weDid.pl', 'Kawiarnia jest teraz otwarta do 14:00.'],
        ['places', 'ash-feed'],
        ['places', 'bay'],
        ['changedOn', '2026-12-01'],
      ],
      cookie,
    );
    expect(saved.status).toBe(303);
    const location = saved.headers.get('location')!;
    expect(location).toMatch(/^\/actions\/act/);
    const id = location.split('/')[2]!.split('?')[0]!;
    expect((await page(location, { cookie })).html).toContain('Saved as a draft');

    const published = await form(`/actions/${id}/publish`, [], cookie);
    expect(published.status).toBe(303);
    expect((await page('/f/ash-feed/thanks?lang=pl')).html).toContain(escaped('Kawiarnia jest teraz otwarta do 14:00.'));
    expect((await page('/f/bay-esol/thanks?lang=pl')).html).toContain(escaped('Kawiarnia jest teraz otwarta do 14:00.'));
    const list = await page('/actions', { cookie });
    expect(list.html).toContain('The café closes too early.');
    expect(list.html).toContain('Published');
  });

  it('says the hub has nothing yet, and 404s an unknown hub, in the family’s language', async () => {
    expect((await page('/sites/twn/you-said-we-did?lang=pl')).html).toContain('Co powiedziały nam rodziny');
    const missing = await page('/sites/nowhere/you-said-we-did?lang=pl');
    expect(missing.status).toBe(404);
  });
});
