/**
 * Month tables (issue 15): response_months and theme_months hold their day tables summed by
 * calendar month. Migration 0024 sums the day rows already there; from then on triggers keep each
 * month equal to its days through every kind of change (a new row, counts added to a row, a row
 * moved to another day, a row deleted). monthSpans splits a report's range between the tables
 * without gap or overlap.
 */
import { describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate';
import { monthSpans } from '../db/reports';
import { expectMonthsSumDays } from './helpers/month-rollups';
import { fileBefore, ONE_SITE } from './helpers/old-file';

const DAY = 86_400_000;
const day = (iso: string) => Date.parse(iso) / DAY;
const ZEROS = Array.from({ length: 24 }, () => 0).join(', ');

const responseDay = (dim: string, d: number, key: string, n: number) =>
  `INSERT INTO response_days VALUES ('${dim}', 's', ${d}, '${key}', 'v', ${n}, ${ZEROS})
   ON CONFLICT (dim, site_id, day, key, survey_version_id) DO UPDATE SET n = n + excluded.n, f1 = f1 + excluded.f1`;
const themeDay = (d: number, theme: string, mentions: number, negative = 0) =>
  `INSERT INTO theme_days VALUES ('s', ${d}, '${theme}', ${mentions}, ${negative}, 0)
   ON CONFLICT (site_id, day, theme) DO UPDATE SET mentions = mentions + excluded.mentions, negative = negative + excluded.negative`;

describe('month tables', () => {
  it('sums the day rows already stored when migration 0024 runs, and follows every change after', async () => {
    const { client } = await fileBefore('0024_');
    // Days either side of month ends, a leap day and a year's turn.
    const days = ['2024-02-29', '2024-03-01', '2025-12-31', '2026-01-01', '2026-01-31', '2026-02-01', '2026-10-15'].map(day);
    await client.batch(
      [
        ...ONE_SITE,
        ...days.flatMap((d, i) => [
          responseDay('', d, '', 1 + i),
          responseDay('channel', d, i % 2 ? 'qr' : 'kiosk', 1 + i),
          themeDay(d, '', 2 + i),
          themeDay(d, 'play', 1 + i, i % 2),
        ]),
      ],
      'write',
    );
    await migrate(client);
    const counted = await expectMonthsSumDays(client, { atLeast: 5 });
    expect(counted.themeMonths).toBeGreaterThanOrEqual(5);
    expect((await client.execute(`SELECT n FROM response_months WHERE dim = '' AND month = ${day('2026-01-01')}`)).rows[0]?.n).toBe(4 + 5);

    // New rows, counts added to a row, a row moved to another month, rows deleted.
    await client.batch(
      [
        responseDay('', day('2026-01-20'), '', 7),
        responseDay('', day('2026-01-31'), '', 3),
        themeDay(day('2026-01-20'), 'play', 4, 2),
        themeDay(day('2026-01-31'), 'play', 5),
        `UPDATE response_days SET day = ${day('2026-03-02')} WHERE dim = 'channel' AND day = ${day('2026-02-01')}`,
        `UPDATE theme_days SET day = ${day('2026-03-02')}, theme = 'waiting' WHERE theme = 'play' AND day = ${day('2026-02-01')}`,
        `UPDATE response_days SET n = n - 1 WHERE dim = '' AND day = ${day('2025-12-31')}`,
        `DELETE FROM response_days WHERE day = ${day('2024-02-29')}`,
        `DELETE FROM theme_days WHERE day = ${day('2024-03-01')}`,
      ],
      'write',
    );
    await expectMonthsSumDays(client, { atLeast: 5 });
    const january = await client.execute(`SELECT mentions, negative FROM theme_months WHERE theme = 'play' AND month = ${day('2026-01-01')}`);
    expect(january.rows[0]).toMatchObject({ mentions: 4 + 5 + 4 + 5, negative: 1 + 2 });
    client.close();
  });

  it('splits a range into whole months and the days at its ends, with no gap or overlap', () => {
    const start = day('2023-11-20');
    for (let i = 0; i < 400; i++) {
      const from = start + ((i * 37) % 700);
      const to = from + ((i * 53) % 500);
      const spans = monthSpans(from, to);
      const covered: number[] = [];
      if (spans.months) {
        const [lo, hi] = spans.months as [number, number];
        for (const edge of [lo, hi]) expect(new Date(edge * DAY).getUTCDate(), `${from}..${to}`).toBe(1);
        for (let d = lo; d < hi; d++) covered.push(d);
      }
      for (const [lo, hi] of spans.days as [number, number][]) {
        expect(hi - lo).toBeLessThan(62);
        for (let d = lo; d < hi; d++) covered.push(d);
      }
      expect(covered.sort((a, b) => a - b)).toEqual(Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k));
    }
    // Open ends: everything before or after, in months, and the days left.
    expect(monthSpans(undefined, day('2026-03-10'))).toEqual({ months: [undefined, day('2026-03-01')], days: [[day('2026-03-01'), day('2026-03-10')]] });
    expect(monthSpans(day('2026-03-10'), undefined)).toEqual({ months: [day('2026-04-01'), undefined], days: [[day('2026-03-10'), day('2026-04-01')]] });
    expect(monthSpans(day('2026-03-10'), day('2026-04-10'), true)).toEqual({ months: null, days: [[day('2026-03-10'), day('2026-04-10')]] });
  });
});
