/**
 * response_days (issue 15) holds what a scan of the responses would count: for every grouping it
 * answers, alone and by period, with and without site and provider filters, whichever writer stored
 * the responses (the client writer, inline ingestion, the ingestion thread), with a repeated key
 * counted once. And a file from before 0023 has its responses counted by the migration.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate';
import { countResponses, DIMENSIONS, type CountRow, type Dimension } from '../db/reports';
import { EVERY_SITE } from '../db/scope';
import { addResponses } from './helpers/app';
import { makeCouncilApp, type CouncilApp } from './helpers/factories';
import { expectMonthsSumDays } from './helpers/month-rollups';
import { fileBefore, ONE_SITE } from './helpers/old-file';

const DAY = 86_400_000;
const sorted = (rows: CountRow[]) => [...rows].sort((a, b) => `${a.key}|${a.period}`.localeCompare(`${b.key}|${b.period}`));

async function expectSameCounts(t: CouncilApp) {
  const from = Date.parse('2026-01-01');
  const to = Date.parse('2026-12-01');
  const north = t.council.providers.north.id;
  const dimensions = (Object.keys(DIMENSIONS) as Dimension[]).filter((d) => d !== 'postcodeDistrict');
  let compared = 0;
  for (const dimension of dimensions) {
    for (const period of [undefined, 'month', 'quarter', 'week'] as const) {
      for (const filters of [
        { from, to },
        { from, to, providerId: north },
        { siteId: t.council.sites.ash.id },
        {},
        { from, to, surveyId: t.council.survey.id },
        // Part months at either end: whole months from response_months, the days at the ends from response_days.
        { from: Date.parse('2026-01-15'), to: Date.parse('2026-11-17') },
        { from: Date.parse('2026-03-03'), to: Date.parse('2026-03-20'), providerId: north },
        { to: Date.parse('2026-06-10') },
        { from: Date.parse('2026-02-11') },
      ]) {
        const fromDays = await countResponses(t.store.db, EVERY_SITE, dimension, filters, period);
        const scanned = await countResponses(t.store.db, EVERY_SITE, dimension, filters, period, { scan: true });
        expect(sorted(fromDays), `${dimension} by ${period ?? 'nothing'} ${JSON.stringify(filters)}`).toEqual(sorted(scanned));
        compared += scanned.length;
      }
    }
  }
  expect(compared).toBeGreaterThan(500);
}

const FFT = ['veryGood', 'good', 'neither', 'poor', 'veryPoor', 'dontKnow'];
const ETHNICITY = ['white_british', 'asian_indian', 'black_african', 'prefer_not_to_say', undefined];

function body(i: number, code: string) {
  return {
    code,
    channel: (['qr', 'kiosk', 'widget'] as const)[i % 3],
    language: (['en', 'pl', 'ar', 'ro'] as const)[i % 4],
    idempotencyKey: `days-${code}-${i}`,
    answers: {
      fft: FFT[i % 6],
      ...(ETHNICITY[i % 5] ? { ethnicity: ETHNICITY[i % 5] } : {}),
      ...(i % 7 === 0 ? { relationship: 'dad' } : {}),
    },
  };
}

describe('response_days', () => {
  for (const how of [
    { name: 'inline', ingestOnThread: false },
    { name: 'on the ingestion thread', ingestOnThread: true },
  ]) {
    let t: CouncilApp;
    beforeAll(async () => {
      t = await makeCouncilApp({ RATE_LIMIT_PER_MINUTE: '100000' }, {}, { ingestOnThread: how.ingestOnThread });
      const sites = t.council.sites;
      const codes = [sites.ash.code, sites.ash.points[0]!.code, sites.bay.code, sites.dun.code, sites.elm.points[1]!.code];
      for (let i = 0; i < 60; i++) {
        const response = await t.json('/api/responses', { body: body(i, codes[i % codes.length]!) });
        expect(response.status, JSON.stringify(response.body)).toBe(201);
      }
      // A repeat counts nothing.
      expect((await t.json('/api/responses', { body: body(0, codes[0]!) })).status).toBe(200);
      // The client writer, over many days and the year's edges.
      for (let d = 0; d < 40; d++)
        await addResponses(
          t,
          d % 2 ? 'cob' : 'twn',
          1 + (d % 3),
          1 + (d % 6),
          new Date(Date.parse('2025-12-20T00:00:00Z') + d * 9 * DAY + d * 3_600_000).toISOString(),
        );
    }, 60_000);
    afterAll(() => t.close());

    it(`counts what a scan counts (${how.name})`, async () => {
      await expectSameCounts(t);
    });

    it(`keeps each month the sum of its days (${how.name})`, async () => {
      await expectMonthsSumDays(t.deps.store.client);
    });
  }

  it('counts the responses already stored when migration 0023 runs', async () => {
    const { client } = await fileBefore('0023_');
    await client.batch(
      [
        ...ONE_SITE,
        ...Array.from(
          { length: 9 },
          (_, i) =>
            `INSERT INTO responses (id, organisation_id, survey_version_id, site_id, channel, language, respondent_role, submitted_at, idempotency_key, fft, rating, nps, answers)
             VALUES ('r${i}', 'o', 'v', 's', '${i % 2 ? 'qr' : 'kiosk'}', 'en', ${i % 3 ? "'parent'" : 'NULL'}, ${Date.parse('2026-03-01') + i * DAY}, 'k${i}', ${i % 4 ? 1 + (i % 6) : 'NULL'}, ${i % 2 ? 4 : 'NULL'}, ${i % 5 ? i : 'NULL'}, '{}')`,
        ),
        "INSERT INTO response_demographics (response_id, ethnicity) VALUES ('r1', 'asian_indian'), ('r2', 'white_british')",
      ],
      'write',
    );
    await migrate(client);
    const { createStore } = await import('../db/store');
    const db = createStore(client).db;
    for (const dimension of ['site', 'channel', 'role', 'ethnicGroup', 'month'] as Dimension[]) {
      expect(sorted(await countResponses(db, EVERY_SITE, dimension, {})), dimension).toEqual(
        sorted(await countResponses(db, EVERY_SITE, dimension, {}, undefined, { scan: true })),
      );
    }
    client.close();
  });
});
