/**
 * Who we are and are not hearing from (issue 15): a council uploads population figures as CSV (bad
 * rows listed, good rows stored), and the quarterly report sets each group's share of responses
 * against its share of the population, the under-heard first. Real HTTP, real libSQL file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema';
import { addResponses, expectErrorShape } from './helpers/app';
import { makeCouncilApp, type CouncilApp } from './helpers/factories';

let t: CouncilApp;
let admin: string;
beforeAll(async () => {
  t = await makeCouncilApp({}, { now: () => new Date('2026-12-05T10:00:00Z') });
  admin = await t.login();
  const { ash } = t.council.sites;
  await addResponses(t, ash.code, 80, 1, '2026-10-20T10:00:00Z', { ethnicity: 'white_british' });
  await addResponses(t, ash.code, 4, 1, '2026-10-21T10:00:00Z', { ethnicity: 'asian_pakistani' });
  await addResponses(t, ash.code, 8, 1, '2026-10-22T10:00:00Z', { ethnicity: 'black_african' });
});
afterAll(() => t.close());

const CSV = [
  'dimension,group,count,source',
  'ethnicGroup,white,70000,Census 2021',
  'ethnicGroup,asian,20000,Census 2021',
  'ethnicGroup,black,6000,Census 2021',
  'ethnicGroup,mixed,3000,Census 2021',
  'ethnicGroup,other,1000,Census 2021',
  'ethnicGroup,martian,5,Census 2021',
  'firstLanguage,pl,lots,Census 2021',
  'religion,none,100,Census 2021',
].join('\n');

describe('population figures', () => {
  it('stores the good rows of an upload and names each bad one', async () => {
    const { status, body } = await t.json('/api/population', { token: admin, body: { csv: CSV } });
    expect(status).toBe(200);
    expect(body.rows).toBe(5);
    expect(body.replaced).toEqual([{ dimension: 'ethnicGroup', locality: '' }]);
    expect(body.problems.map((p: { message: string }) => p.message)).toEqual([
      expect.stringContaining('row 7: the group "martian"'),
      expect.stringContaining('row 8: the count must be a whole number'),
      expect.stringContaining('row 9: the dimension "religion"'),
    ]);
    const held = await t.json('/api/population', { token: admin });
    expect(held.body).toHaveLength(5);
    const events = await t.store.db.select({ action: auditLog.action }).from(auditLog);
    expect(events.map((e) => e.action)).toContain('population_uploaded');
    const empty = await t.json('/api/population', { token: admin, body: { csv: '' } });
    expect(empty.status).toBe(422);
    expectErrorShape(empty.body);
  });

  it('puts the groups the report is not hearing from first, against their share of the population', async () => {
    const { body } = await t.json(`/api/reports/quarterly?quarter=2026-Q4&site=${t.council.sites.ash.code}`, { token: admin });
    const ethnic = body.hearingFrom.find((h: { dimension: string }) => h.dimension === 'ethnicGroup');
    expect(ethnic.population).toMatchObject({ area: 'the whole area', source: 'Census 2021' });
    const rows = ethnic.population.rows as { key: string; n: number | null; share: number | null; populationShare: number; underHeard: boolean }[];
    // Asian: 4 of 92 responses (hidden, under 5) against 20% of people: under-heard, and first.
    expect(rows[0]).toMatchObject({ key: 'asian', n: null, share: null, underHeard: true });
    expect(rows[0]!.populationShare).toBeCloseTo(0.2, 5);
    const white = rows.find((r) => r.key === 'white')!;
    expect(white.share).toBeCloseTo(80 / 92, 5);
    expect(white.underHeard).toBe(false);
    expect(rows.find((r) => r.key === 'black')!.underHeard).toBe(false);
    const page = await (
      await t.app.request(`/reports/quarterly?quarter=2026-Q4&scope=site:${t.council.sites.ash.code}`, { headers: { authorization: `Bearer ${admin}` } })
    ).text();
    expect(page).toContain('(under-heard)');
  });

  it('takes an upload from the page without JavaScript', async () => {
    const form = new FormData();
    form.set('csv', 'dimension,group,count\nfirstLanguage,en,80000\nfirstLanguage,pl,5000\n');
    const response = await t.app.request('/population', {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, origin: 'http://localhost' },
      body: form,
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Stored 2 figures.');
    expect(html).toContain('Whole area');
  });
});
