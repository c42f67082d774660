import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../db/ids';
import { writeResponses } from '../db/response-writer';
import { sites } from '../db/schema';
import { addResponses, expectErrorShape } from './helpers/app';
import { makeCouncilApp, type CouncilApp, type MadeSite } from './helpers/factories';

let t: CouncilApp;
let admin: string;
let ash: MadeSite, bay: MadeSite, dun: MadeSite, elm: MadeSite;

beforeAll(async () => {
  t = await makeCouncilApp();
  admin = await t.login();
  ({ ash, bay, dun, elm } = t.council.sites);
  // Ashby 3 (too few to publish), Baywood 10, Dunmere 12, Elmfield 40, all in March 2026.
  await addResponses(t, ash.code, 3, 1, '2026-03-10T10:00:00Z');
  await addResponses(t, bay.code, 8, 1, '2026-03-11T10:00:00Z');
  await addResponses(t, bay.code, 2, 4, '2026-03-11T11:00:00Z');
  await addResponses(t, dun.code, 12, 2, '2026-03-12T10:00:00Z');
  await addResponses(t, elm.code, 30, 1, '2026-03-13T10:00:00Z', { firstLanguage: 'en', ethnicity: 'white_british' });
  await addResponses(t, elm.code, 10, 6, '2026-03-13T11:00:00Z', { firstLanguage: 'ar', ethnicity: 'other_arab' });
});
afterAll(() => t.close());

const report = (path: string, token = admin) => t.json(path, { token });

describe('GET /api/reports/satisfaction', () => {
  it('scores FFT by site with Don’t know in the denominator, and suppresses small cells twice over', async () => {
    const response = await report('/api/reports/satisfaction?groupBy=site&from=2026-03-01&to=2026-03-31');
    expect(response.status).toBe(200);
    const byCode = Object.fromEntries(response.body.rows.map((r: { label: string }) => [r.label, r]));
    expect(byCode[ash.name]).toMatchObject({ suppressed: true, n: null, fftPositive: null, ci95: null });
    // Baywood is the next-smallest, so it is hidden too: the total minus the others cannot reveal Ashby.
    expect(byCode[bay.name]).toMatchObject({ suppressed: true, n: null });
    expect(byCode[elm.name]).toMatchObject({ n: 40, fftPositive: 0.75, fftNegative: 0, suppressed: false });
    expect(byCode[elm.name].ci95[0]).toBeCloseTo(0.5981, 3);
    expect(byCode[dun.name]).toMatchObject({ n: 12, fftPositive: 1 });
    expect(response.body.total).toMatchObject({ n: 65, suppressed: false });
    expect(response.body.total.fftNegative).toBeCloseTo(2 / 65, 10);
  });

  it('honours the date range, inclusive of the last day', async () => {
    const march = await report('/api/reports/satisfaction?groupBy=month&from=2026-03-13&to=2026-03-13');
    expect(march.body.rows).toEqual([expect.objectContaining({ key: '2026-03', n: 40 })]);
    const none = await report('/api/reports/satisfaction?groupBy=site&from=2026-04-01');
    expect(none.body.rows).toEqual([]);
  });

  it('shows a provider only its own sites', async () => {
    const { providerManager } = t.council.users;
    const token = await t.login(providerManager.email, providerManager.password);
    const response = await report('/api/reports/satisfaction?groupBy=site&from=2026-03-01&to=2026-03-31', token);
    const visible = (await t.store.db.select().from(sites).where(eq(sites.providerId, providerManager.scope.id!))).map((s) => s.name);
    expect(response.body.rows.length).toBeGreaterThan(0);
    for (const row of response.body.rows) expect(visible).toContain(row.label);
    expect(response.body.rows.map((r: { label: string }) => r.label)).not.toContain(elm.name);
    const other = await report(`/api/reports/satisfaction?groupBy=site&site=${elm.code}`, token);
    expect(other.status).toBe(422);
    expectErrorShape(other.body);
    expect(other.body.error.details[0].field).toBe('site');
  });

  it('refuses an unknown groupBy and a malformed date, naming the field', async () => {
    for (const [query, field] of [
      ['groupBy=shoeSize', 'groupBy'],
      ['from=01/03/2026', 'from'],
    ]) {
      const response = await report(`/api/reports/satisfaction?${query}`);
      expect(response.status).toBe(422);
      expect(response.body.error.details[0].field).toBe(field);
    }
  });

  it('refuses anyone not signed in', async () => {
    expect((await t.json('/api/reports/satisfaction')).status).toBe(401);
  });
});

describe('GET /api/reports/equity', () => {
  it('compares each first-language group with everyone else and flags a gap only with enough answers', async () => {
    const response = await report('/api/reports/equity?dimension=firstLanguage&minGroupSize=10');
    expect(response.status).toBe(200);
    const arabic = response.body.rows.find((r: { key: string }) => r.key === 'ar');
    expect(arabic).toMatchObject({ label: 'Arabic', n: 10, positive: 0, suppressed: false });
    expect(arabic.gap).toBeLessThan(-0.5);
    expect(arabic.flagged).toBe(true);
    const strict = await report('/api/reports/equity?dimension=firstLanguage&minGroupSize=30');
    expect(strict.body.rows.find((r: { key: string }) => r.key === 'ar').flagged).toBe(false);
  });
});

describe('GET /api/reports/trends', () => {
  it('compares a month with the one before and the same month last year, flagging only significant change', async () => {
    const { cob, twn } = t.council.sites;
    await addResponses(t, cob.code, 40, 1, '2025-05-10T10:00:00Z');
    await addResponses(t, cob.code, 36, 1, '2026-04-10T10:00:00Z');
    await addResponses(t, cob.code, 4, 4, '2026-04-10T10:00:00Z');
    await addResponses(t, cob.code, 12, 1, '2026-05-10T10:00:00Z');
    await addResponses(t, cob.code, 28, 5, '2026-05-10T10:00:00Z');
    const response = await report(`/api/reports/trends?groupBy=site&period=month&to=2026-05-31&site=${cob.code}`);
    expect(response.body.periods).toEqual({ current: '2026-05', previous: '2026-04', lastYear: '2025-05' });
    const [row] = response.body.rows;
    expect(row.current).toMatchObject({ n: 40, positive: 0.3 });
    expect(row.vsPrevious).toMatchObject({ significant: true });
    expect(row.vsPrevious.change).toBeCloseTo(-0.6, 10);
    expect(row.vsLastYear).toMatchObject({ significant: true });
    expect(row.vsLastYear.change).toBeCloseTo(-0.7, 10);

    // Half positive, then 19 of 40: a wobble of 2.5 points, which is noise at this size.
    await addResponses(t, twn.code, 20, 1, '2026-04-10T10:00:00Z');
    await addResponses(t, twn.code, 20, 4, '2026-04-10T10:00:00Z');
    await addResponses(t, twn.code, 19, 1, '2026-05-10T10:00:00Z');
    await addResponses(t, twn.code, 21, 4, '2026-05-10T10:00:00Z');
    const steady = await report(`/api/reports/trends?groupBy=site&period=month&to=2026-05-31&site=${twn.code}`);
    const [wobble] = steady.body.rows;
    expect(wobble.vsPrevious.change).toBeCloseTo(-0.025, 10);
    expect(wobble.vsPrevious).toMatchObject({ significant: false });
  });
});

describe('ratings and NPS', () => {
  it('report the mean rating with its distribution, and NPS where a survey asks it', async () => {
    const {
      organisation,
      survey,
      sites: { twn },
    } = t.council;
    const rows = [
      [5, 10],
      [5, 9],
      [4, 9],
      [4, 7],
      [2, 3],
      [3, 0],
    ] as const;
    await writeResponses(
      t.store.client,
      rows.map(([rating, nps], i) => ({
        id: newId('r'),
        organisationId: organisation.id,
        surveyVersionId: survey.versionId,
        siteId: twn.id,
        servicePointId: null,
        channel: 'api',
        language: 'en',
        respondentRole: null,
        submittedAt: Date.parse('2024-02-02T10:00:00Z'),
        idempotencyKey: `rating-test-${i}`,
        fft: 1,
        rating,
        nps,
        answers: '{}',
        demographics: null,
      })),
    );
    const response = await report('/api/reports/satisfaction?groupBy=site&from=2024-02-01&to=2024-02-29');
    const [row] = response.body.rows;
    expect(row).toMatchObject({ n: 6, meanRating: 23 / 6, ratingCounts: [0, 1, 1, 2, 2] });
    // 3 promoters (9-10), 2 detractors (0-6) of 6: NPS = 50% - 33.3% = 16.7.
    expect(row.nps).toBeCloseTo((100 * (3 - 2)) / 6, 10);
  });
});
