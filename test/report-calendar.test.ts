/**
 * Reports by week, month and quarter count by UTC day in SQL and roll the days up in code. They
 * must give exactly what SQLite's own date formatting gives, at every edge: the last millisecond of
 * a month, a Sunday night and a Monday morning, a quarter's turn, a leap day, and a year's turn.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addResponses } from './helpers/app';
import { makeCouncilApp, type CouncilApp } from './helpers/factories';

let t: CouncilApp;
let token: string;
const EDGES = [
  '2023-12-31T23:59:59.999Z',
  '2024-01-01T00:00:00.000Z',
  '2024-02-29T12:00:00.000Z',
  '2024-03-31T23:59:59.999Z',
  '2024-04-01T00:00:00.000Z',
  '2024-06-30T23:00:00.000Z',
  '2024-07-01T00:00:00.001Z',
  '2025-03-02T23:59:59.999Z', // a Sunday
  '2025-03-03T00:00:00.000Z', // the Monday after
  '2025-12-28T10:00:00.000Z',
  '2026-01-04T10:00:00.000Z',
];

beforeAll(async () => {
  t = await makeCouncilApp();
  token = await t.login();
  for (const [i, at] of EDGES.entries()) await addResponses(t, i % 2 ? 'ash' : 'dun', i + 1, (i % 6) + 1, at);
});
afterAll(() => t.close());

const SQLITE: Record<string, string> = {
  week: "date(submitted_at / 1000, 'unixepoch', 'weekday 0', '-6 days')",
  month: "strftime('%Y-%m', submitted_at / 1000, 'unixepoch')",
  quarter: "strftime('%Y', submitted_at / 1000, 'unixepoch') || '-Q' || ((CAST(strftime('%m', submitted_at / 1000, 'unixepoch') AS INTEGER) + 2) / 3)",
};

describe('reports by week, month and quarter', () => {
  for (const groupBy of ['week', 'month', 'quarter']) {
    it(`put every response in the ${groupBy} SQLite puts it in`, async () => {
      const expected = await t.store.client.execute(`SELECT ${SQLITE[groupBy]} AS key, count(*) AS n, sum(fft = 1) AS f1 FROM responses GROUP BY 1 ORDER BY 1`);
      const { status, body } = await t.json(`/api/reports/satisfaction?groupBy=${groupBy}&from=2023-12-01&to=2026-01-31`, { token });
      expect(status).toBe(200);
      const rows = body.rows as { key: string; n: number | null; counts: { veryGood: number } | null }[];
      expect(rows.map((r) => r.key)).toEqual(expected.rows.map((r) => String(r.key)));
      // Small groups are suppressed in the report, so compare counts through the unsuppressed ones.
      for (const row of rows) {
        const want = expected.rows.find((r) => String(r.key) === row.key)!;
        if (row.n !== null) expect(row.n).toBe(Number(want.n));
        if (row.counts) expect(row.counts.veryGood).toBe(Number(want.f1));
      }
      expect(rows.length).toBeGreaterThan(4);
    });
  }

  it('compares the quarter holding `to` with the one before and a year before, counting the same responses', async () => {
    const { body } = await t.json('/api/reports/trends?groupBy=site&period=quarter&to=2024-04-15', { token });
    expect(body.periods).toEqual({ current: '2024-Q2', previous: '2024-Q1', lastYear: '2023-Q2' });
    const keys = (body.rows as { key: string }[]).map((r) => r.key);
    expect(keys.length).toBeGreaterThan(0);
  });
});
