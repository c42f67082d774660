import { afterEach, describe, expect, it } from 'vitest';
import type { TestApp } from './helpers/app';
import { makeCouncilApp, type CouncilApp } from './helpers/factories';
import { expectMonthsSumDays } from './helpers/month-rollups';

const apps: CouncilApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((t) => t.close()));
});

/** theme_days as stored, without rows a correction has brought back to nothing. */
async function kept(t: TestApp) {
  const result = await t.deps.store.client.execute(
    'SELECT site_id, day, theme, mentions, negative, positive FROM theme_days WHERE mentions != 0 ORDER BY 1, 2, 3',
  );
  return result.rows.map((r) => Object.values(r));
}

/** The same counts read from every comment as it now stands. */
async function counted(t: TestApp) {
  const result = await t.deps.store.client.execute(`
    SELECT site_id, day, theme, count(*), sum(sentiment < 0), sum(sentiment > 0) FROM (
      SELECT site_id, submitted_at / 86400000 AS day, '' AS theme, sentiment FROM comments
      UNION ALL
      SELECT site_id, submitted_at / 86400000, json_extract(m.value, '$.theme'), coalesce(json_extract(m.value, '$.sentiment'), sentiment)
      FROM comments, json_each(comments.themes) m
    ) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
  return result.rows.map((r) => Object.values(r));
}

const TEXTS = [
  ['The staff were lovely and my son loved the messy play', 'Please open on Saturdays'],
  ['Waiting list for the course was far too long', 'Parking is impossible with a buggy'],
  ['Great advice about sleep', 'More sessions at weekends please'],
  ['Friendly group, I made friends', 'The room was cold'],
];

describe('theme_days', () => {
  for (const ingestOnThread of [false, true]) {
    it(`counts each stored comment once, ${ingestOnThread ? 'on the ingestion thread' : 'inline'}, and follows a correction`, async () => {
      const t = await makeCouncilApp({}, {}, { ingestOnThread });
      apps.push(t);
      const { ash, elm } = t.council.sites;
      let n = 0;
      for (const [code, [good, better]] of TEXTS.map((texts, i) => [i % 2 ? elm.code : ash.code, texts] as const)) {
        const sent = await t.json('/api/responses', {
          body: { code, channel: 'qr', language: 'en', idempotencyKey: `theme-days-${++n}`, answers: { fft: 'good', good, better } },
        });
        expect(sent.status).toBe(201);
      }
      // A repeated key with other words is refused (409: the key was used for other answers), so it
      // stores and counts nothing.
      const repeat = await t.json('/api/responses', {
        body: {
          code: ash.code,
          channel: 'qr',
          language: 'en',
          idempotencyKey: 'theme-days-1',
          answers: { fft: 'poor', better: 'Different words the second time' },
        },
      });
      expect(repeat.status).toBe(409);
      // Four responses of two comments each; the repeat's words are not among them.
      expect((await kept(t)).filter((row) => row[2] === '').reduce((sum, row) => sum + Number(row[3]), 0)).toBe(8);
      expect(await kept(t)).toEqual(await counted(t));

      const admin = await t.login();
      const comment = (await t.json('/api/comments?limit=1', { token: admin })).body.comments[0];
      const corrected = await t.json(`/api/comments/${comment.id}/themes`, {
        token: admin,
        body: { themes: ['buggy-parking', 'staff-warmth'], sentiment: -1 },
      });
      expect(corrected.status).toBe(200);
      const rows = await kept(t);
      expect(rows.some((row) => row[2] === 'buggy-parking' && row[3] === 1)).toBe(true);
      expect(rows).toEqual(await counted(t));
      // theme_months follows the correction through its triggers.
      expect((await expectMonthsSumDays(t.deps.store.client)).themeMonths).toBeGreaterThan(2);
    });
  }
});
