/**
 * response_months and theme_months (migration 0024) hold their day tables summed by calendar month:
 * this compares each with that sum, computed here by calendar in JavaScript rather than by the
 * migration's SQL or the triggers, so a wrong month boundary in either shows.
 */
import type { Client } from '@libsql/client';
import { expect } from 'vitest';
import { COUNT_COLUMNS } from '../../db/response-days';

const DAY = 86_400_000;
const COUNTS: string[] = [...COUNT_COLUMNS];

const monthOf = (day: number) => {
  const date = new Date(day * DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY;
};

async function summed(client: Client, days: string, months: string, keys: string[], counts: string[]) {
  const expected = new Map<string, number[]>();
  for (const row of (await client.execute(`SELECT * FROM ${days}`)).rows) {
    const id = [...keys.map((k) => String(row[k])), String(monthOf(Number(row.day)))].join('|');
    const sum = expected.get(id) ?? counts.map(() => 0);
    counts.forEach((c, i) => (sum[i]! += Number(row[c])));
    expected.set(id, sum);
  }
  const actual = new Map<string, number[]>();
  for (const row of (await client.execute(`SELECT * FROM ${months}`)).rows) {
    const values = counts.map((c) => Number(row[c]));
    // A month whose days were all taken away again holds zeros, as a day row can.
    if (values.every((v) => v === 0) && !expected.has([...keys.map((k) => String(row[k])), String(row.month)].join('|'))) continue;
    actual.set([...keys.map((k) => String(row[k])), String(row.month)].join('|'), values);
  }
  return { expected, actual };
}

/** Every month row equals the sum of its days, in both pairs of tables, and there is something to compare. */
export async function expectMonthsSumDays(client: Client, { atLeast = 1 }: { atLeast?: number } = {}) {
  const responses = await summed(client, 'response_days', 'response_months', ['dim', 'site_id', 'key', 'survey_version_id'], COUNTS);
  expect(new Map([...responses.actual].sort())).toEqual(new Map([...responses.expected].sort()));
  const themes = await summed(client, 'theme_days', 'theme_months', ['site_id', 'theme'], ['mentions', 'negative', 'positive']);
  expect(new Map([...themes.actual].sort())).toEqual(new Map([...themes.expected].sort()));
  expect(responses.expected.size).toBeGreaterThanOrEqual(atLeast);
  return { responseMonths: responses.expected.size, themeMonths: themes.expected.size };
}
