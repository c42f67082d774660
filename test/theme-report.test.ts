import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countComments } from '../db/theme-days';
import { makeCouncilApp, type CouncilApp } from './helpers/factories';

const DAY = 86_400_000;
const NOW = new Date('2026-06-30T12:00:00Z');
const FROM = NOW.getTime() - 90 * DAY; // the report's default period: the last 90 days
const PER_PERIOD = 30_000;
/** Milliseconds between the comments, so each period's spread over 80 of its 90 days. */
const SPACING = 230_000;

let t: CouncilApp;
let admin: string;

/**
 * 30,000 comments in each period, more than the newest-first text sample and than the 50,000 the
 * report once loaded in all: every count below is exact only if the report counts every comment.
 * The periods end at noon, so each is counted from theme_days for its whole days and from the
 * comments for the half days at its ends.
 * Current: 20,000 positive about play; 10,000 neutral comments mentioning waiting (negative, 0.8)
 * and play (0.3). Previous: 25,000 positive about play; 5,000 neutral about waiting (0.2).
 */
beforeAll(async () => {
  t = await makeCouncilApp({}, { now: () => NOW });
  admin = await t.login();
  const submitted = await t.json('/api/responses', {
    body: { code: t.council.sites.ash.code, channel: 'qr', language: 'en', idempotencyKey: 'theme-report-1', answers: { fft: 'good' } },
  });
  expect(submitted.status).toBe(201);
  const [response] = await t.store.db.all<{ id: string; organisation_id: string; site_id: string }>(
    sql`SELECT id, organisation_id, site_id FROM responses WHERE id = ${submitted.body.id}`,
  );
  await t.store.db.run(sql`
    INSERT INTO comments (id, response_id, organisation_id, site_id, question_id, submitted_at, language, text, redacted, sentiment, themes, model_version)
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${2 * PER_PERIOD - 1})
    SELECT 'c_report_' || i, ${response!.id}, ${response!.organisation_id}, ${response!.site_id}, 'better',
      CASE WHEN i < ${PER_PERIOD} THEN ${NOW.getTime()} - 1000 - i * ${SPACING} ELSE ${FROM} - 1000 - (i - ${PER_PERIOD}) * ${SPACING} END,
      'en', 'comment ' || i, 'Comment number ' || i, CASE WHEN i < 20000 OR i >= ${PER_PERIOD} AND i < ${PER_PERIOD + 25_000} THEN 1 ELSE 0 END,
      CASE
        WHEN i < 20000 THEN '[{"theme":"play","score":0.9,"sentiment":1}]'
        WHEN i < ${PER_PERIOD} THEN '[{"theme":"waiting","score":0.8,"sentiment":-1},{"theme":"play","score":0.3}]'
        WHEN i < ${PER_PERIOD + 25_000} THEN '[{"theme":"play","score":0.9}]'
        ELSE '[{"theme":"waiting","score":0.2}]'
      END, 'default'
    FROM n`);
  // Written straight to the table, so counted as every write of comments counts them.
  await t.deps.store.client.execute(countComments(Array.from({ length: 2 * PER_PERIOD }, (_, i) => `c_report_${i}`)));
});
afterAll(() => t.close());

describe('GET /api/reports/themes on many comments', () => {
  it('counts every comment in both periods, not only those it reads for quotes', async () => {
    const report = await t.json('/api/reports/themes', { token: admin });
    expect(report.status).toBe(200);
    expect(report.body.comments).toBe(PER_PERIOD);
    const play = report.body.themes.find((theme: { theme: string }) => theme.theme === 'play');
    const waiting = report.body.themes.find((theme: { theme: string }) => theme.theme === 'waiting');
    expect(play).toMatchObject({
      count: 30_000,
      share: 1,
      sentiment: { negative: 0, neutral: 10_000, positive: 20_000 },
      previous: { count: 25_000, share: 0.8333 },
      change: { count: 5_000, share: 0.1667 },
    });
    expect(waiting).toMatchObject({
      count: 10_000,
      share: 0.3333,
      sentiment: { negative: 10_000, neutral: 0, positive: 0 },
      previous: { count: 5_000, share: 0.1667 },
      change: { count: 5_000, share: 0.1667 },
    });
    expect(report.body.themes.map((theme: { theme: string }) => theme.theme)).toEqual(['play', 'waiting']);
    // Quotes and emerging terms read the newest comments of each period, and say how many.
    expect(report.body.textSample).toEqual({ current: 10_000, previous: 10_000 });
    expect(play.quotes.length).toBeGreaterThan(0);
    expect(play.quotes[0]).toMatch(/^Comment number \d+$/);
  });

  it('counts a site\u2019s comments and none of another\u2019s', async () => {
    const own = await t.json(`/api/reports/themes?site=${t.council.sites.ash.code}`, { token: admin });
    const other = await t.json(`/api/reports/themes?site=${t.council.sites.elm.code}`, { token: admin });
    expect([own.status, other.status]).toEqual([200, 200]);
    expect(own.body.comments).toBe(PER_PERIOD);
    expect(other.body).toMatchObject({ comments: 0, themes: [] });
  });

  it('counts only mentions scoring at least minScore, over every comment', async () => {
    const report = await t.json('/api/reports/themes?minScore=0.5', { token: admin });
    expect(report.status).toBe(200);
    const byTheme = Object.fromEntries(
      report.body.themes.map((theme: { theme: string; count: number; previous: { count: number } }) => [theme.theme, [theme.count, theme.previous.count]]),
    );
    expect(byTheme).toEqual({ play: [20_000, 25_000], waiting: [10_000, 0] });
  });
});
