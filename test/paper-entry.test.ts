/**
 * Paper forms keyed in by staff (issue 14): a signed-in person keys in a form for a site they work
 * at; it is stored as channel `paper`, dated as on the paper, with who keyed it; bad answers come
 * back with what was typed; someone at another site, or an analyst, cannot key in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCouncilApp, type CouncilApp } from './helpers/factories';

let t: CouncilApp;
const NOW = Date.parse('2026-12-05T09:00:00Z');
let staff: string;

beforeAll(async () => {
  t = await makeCouncilApp({}, { now: () => new Date(NOW) });
  staff = await t.login(t.council.users.siteStaff.email, t.council.users.siteStaff.password);
});
afterAll(() => t.close());

const page = (path: string, token: string, fields?: Record<string, string>) =>
  t.app.request(path, {
    method: fields ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${token}`, ...(fields ? { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' } : {}) },
    ...(fields ? { body: new URLSearchParams(fields).toString() } : {}),
  });

describe('keying in paper forms', () => {
  it('stores a paper form as channel paper, dated as on the paper, with who keyed it, and offers a blank form next', async () => {
    const start = await page('/paper', staff);
    expect(start.status).toBe(200);
    const startHtml = await start.text();
    expect(startHtml).toContain('Ashby Family Hub');
    // Staff who may key in paper find the page in the navigation.
    expect(startHtml).toContain('<a href="/paper" aria-current="page">Paper forms</a>');
    const chosen = await page('/paper?code=ash&date=2026-11-28', staff);
    expect(chosen.status).toBe(303);
    expect(chosen.headers.get('location')).toBe('/paper/ash?date=2026-11-28');
    const form = await page('/paper/ash?date=2026-11-28', staff);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('Save and key in the next');

    const saved = await page('/paper/ash?date=2026-11-28&saved=0', staff, { fft: 'veryGood', better: 'More Saturday sessions', _key: 'paper-form-000001' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/paper/ash?date=2026-11-28&saved=1');
    const rows = await t.store.client.execute(
      'SELECT r.channel, r.fft, r.submitted_at, p.paper_date, p.keyed_by, p.keyed_at FROM responses r JOIN paper_entries p ON p.response_id = r.id',
    );
    expect(rows.rows).toEqual([
      expect.objectContaining({
        channel: 'paper',
        fft: 1,
        submitted_at: Date.parse('2026-11-28T12:00:00Z'),
        paper_date: '2026-11-28',
        keyed_by: expect.any(String),
        keyed_at: NOW,
      }),
    ]);
    const user = await t.store.client.execute({ sql: 'SELECT id FROM users WHERE email = ?', args: [t.council.users.siteStaff.email] });
    expect(rows.rows[0]!.keyed_by).toBe(user.rows[0]!.id);
    expect(await (await page('/paper/ash?date=2026-11-28&saved=1', staff)).text()).toContain('Saved 1 form');
  });

  it('gives the form back with what was typed when a required answer is missing', async () => {
    const back = await page('/paper/ash?date=2026-11-28&saved=1', staff, { better: 'Typed but no score' });
    expect(back.status).toBe(422);
    const html = await back.text();
    expect(html).toContain('Typed but no score');
    expect(html).toContain('There is a problem');
  });

  it('refuses a date in the future, a site the person does not work at, and an analyst', async () => {
    expect((await page('/paper?code=ash&date=2027-01-10', staff)).status).toBe(422);
    expect((await page('/paper/dun?date=2026-11-28', staff)).status).toBe(404);
    expect((await page('/paper/dun?date=2026-11-28', staff, { fft: 'good' })).status).toBe(404);
    const analyst = await t.login(t.council.users.analyst.email, t.council.users.analyst.password);
    expect((await page('/paper/ash?date=2026-11-28', analyst)).status).toBe(403);
    const count = await t.store.client.execute("SELECT count(*) AS n FROM responses WHERE channel = 'paper'");
    expect(count.rows[0]!.n).toBe(1);
  });
});
