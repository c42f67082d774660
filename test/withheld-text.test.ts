/**
 * Words under a safeguarding flag nobody has reviewed yet (issue 17): withheld from every staff
 * surface ("withheld: under safeguarding review") except for those who may read that flag's words,
 * never quoted in a report, still counted; shown as usual once the flag is closed.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WITHHELD } from '../db/comments';
import { newId } from '../db/ids';
import { roleAssignments, safeguardingFlags } from '../db/schema';
import { makeCouncilApp, makeUser, type CouncilApp } from './helpers/factories';

let t: CouncilApp;
let analyst: string;
let lead: string;
/** Safeguarding lead at Ashby only, and analyst for the whole council. */
let ashLeadAndAnalyst: string;
let sequence = 0;

beforeAll(async () => {
  t = await makeCouncilApp();
  const { users } = t.council;
  analyst = await t.login(users.analyst.email, users.analyst.password);
  lead = await t.login(users.safeguardingLead.email, users.safeguardingLead.password);
  const both = await makeUser(t.store, 'safeguarding_lead', { type: 'site', id: t.council.sites.ash.id }, 'dsl@ashby.example');
  await t.store.db
    .insert(roleAssignments)
    .values({ id: newId('ra'), userId: both.id, role: 'analyst', scopeType: 'organisation', scopeId: t.council.organisation.id });
  ashLeadAndAnalyst = await t.login(both.email, both.password);
});
afterAll(() => t.close());

async function submit(code: string, better: string) {
  const response = await t.json('/api/responses', {
    body: { code, channel: 'qr', language: 'en', idempotencyKey: `withheld-${++sequence}`, answers: { fft: 'neither', better } },
  });
  expect(response.status).toBe(201);
  await t.deps.alerts.settled();
  return (await t.store.db.query.safeguardingFlags.findFirst({ where: eq(safeguardingFlags.responseId, response.body.id) }))!;
}

const DISCLOSURE = 'The staff were rude to me and my partner hits me when he drinks';
const comments = async (token: string, query = '') =>
  (await t.json(`/api/comments${query}`, { token })).body.comments as { redacted: string; withheld: boolean; site: { code: string } }[];

describe('a comment under a flag not yet reviewed', () => {
  let ashFlag: string;
  let elmFlag: string;

  beforeAll(async () => {
    const { ash, elm } = t.council.sites;
    ashFlag = (await submit(ash.points[0]!.code, DISCLOSURE)).id;
    elmFlag = (await submit(elm.points[0]!.code, DISCLOSURE)).id;
    await submit(ash.points[0]!.code, 'The staff were rude and the room was cold');
  });

  it('is withheld in /api/comments from an analyst, next to comments that are not', async () => {
    const rows = await comments(analyst);
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.redacted === WITHHELD)).toHaveLength(2);
    expect(
      rows
        .filter((r) => r.withheld)
        .map((r) => r.site.code)
        .sort(),
    ).toEqual(['ash', 'elm']);
    expect(rows.find((r) => !r.withheld)!.redacted).toContain('room was cold');
    expect(JSON.stringify(rows)).not.toMatch(/hits me|drinks/);
  });

  it('shows its redacted words only at the sites where the reader is safeguarding lead', async () => {
    const rows = await comments(ashLeadAndAnalyst);
    const ash = rows.filter((r) => r.site.code === 'ash' && r.redacted.includes('hits me'));
    expect(ash).toHaveLength(1);
    expect(ash[0]!.withheld).toBe(false);
    const elm = rows.filter((r) => r.site.code === 'elm');
    expect(elm.map((r) => r.redacted)).toEqual([WITHHELD]);
  });

  it('is withheld on the dashboard’s comments page', async () => {
    const response = await t.app.request('/dashboard/comments', { headers: { cookie: `hubvoice_session=${analyst}` } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html.match(new RegExp(WITHHELD, 'g'))).toHaveLength(2);
    expect(html).not.toMatch(/hits me|drinks/);
    expect(html).toContain('room was cold');
  });

  it('is never quoted in the themes report or on the dashboard, yet still counted', async () => {
    for (const token of [analyst, ashLeadAndAnalyst]) {
      const report = await t.json('/api/reports/themes', { token });
      expect(report.status).toBe(200);
      expect(report.body.comments).toBe(3);
      const quoted = JSON.stringify(report.body.themes.map((theme: { quotes: string[] }) => theme.quotes));
      expect(quoted).toContain('room was cold');
      expect(quoted).not.toMatch(/hits me|drinks/);
      expect(JSON.stringify(report.body)).not.toContain(WITHHELD);
    }
    const dashboard = await (await t.app.request('/dashboard', { headers: { cookie: `hubvoice_session=${analyst}` } })).text();
    expect(dashboard).toContain('room was cold');
    expect(dashboard).not.toMatch(/hits me|drinks/);
  });

  it('is shown as usual once its flag is closed', async () => {
    const closed = await t.json(`/api/safeguarding/flags/${elmFlag}/review`, {
      token: lead,
      body: { status: 'closed', actionTaken: 'Called the family; referred to MASH' },
    });
    expect(closed.status).toBe(200);
    const rows = await comments(analyst);
    expect(rows.filter((r) => r.withheld).map((r) => r.site.code)).toEqual(['ash']);
    expect(rows.find((r) => r.site.code === 'elm')!.redacted).toContain('hits me');
    // In review is not closed: still withheld.
    await t.json(`/api/safeguarding/flags/${ashFlag}/review`, { token: lead, body: { status: 'in_review', actionTaken: 'Calling the family today' } });
    expect((await comments(analyst)).filter((r) => r.withheld).map((r) => r.site.code)).toEqual(['ash']);
  });
});
