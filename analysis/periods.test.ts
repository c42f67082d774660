import { describe, expect, it } from 'vitest';
import { isoWeeksInYear, periodKey, periodRange, previousPeriod, samePeriodLastYear, type Granularity } from './periods';

describe('periodKey', () => {
  // ISO weeks checked against Python's date.isocalendar().
  const table: { at: string | number | Date; granularity: Granularity; out: string }[] = [
    { at: '2024-12-29', granularity: 'week', out: '2024-W52' },
    { at: '2024-12-30', granularity: 'week', out: '2025-W01' },
    { at: '2019-12-30', granularity: 'week', out: '2020-W01' },
    { at: '2020-12-31', granularity: 'week', out: '2020-W53' },
    { at: '2021-01-03', granularity: 'week', out: '2020-W53' },
    { at: '2027-01-01', granularity: 'week', out: '2026-W53' },
    { at: '2024-02-29', granularity: 'month', out: '2024-02' },
    { at: '2024-12-31', granularity: 'quarter', out: '2024-Q4' },
    { at: '2025-04-01', granularity: 'quarter', out: '2025-Q2' },
    { at: '2024-12-31T23:30:00-02:00', granularity: 'month', out: '2025-01' },
    { at: '2024-12-31T23:30:00', granularity: 'month', out: '2024-12' },
    { at: '2024-12-31 23:59:59', granularity: 'quarter', out: '2024-Q4' },
    { at: '2025-01-01T00:30:00+01:00', granularity: 'month', out: '2024-12' },
    { at: Date.UTC(2021, 0, 3, 23, 59), granularity: 'week', out: '2020-W53' },
    { at: new Date(Date.UTC(2025, 2, 31)), granularity: 'quarter', out: '2025-Q1' },
  ];
  for (const { at, granularity, out } of table) it(`puts ${String(at)} in ${granularity} ${out}, in UTC`, () => expect(periodKey(at, granularity)).toBe(out));

  it('rejects text that is not a date', () => expect(() => periodKey('last Tuesday', 'week')).toThrow(RangeError));
});

describe('isoWeeksInYear', () => {
  const table = [
    { year: 2015, out: 53 },
    { year: 2020, out: 53 },
    { year: 2021, out: 52 },
    { year: 2025, out: 52 },
    { year: 2026, out: 53 },
  ];
  for (const { year, out } of table) it(`gives ${year} ${out} ISO weeks`, () => expect(isoWeeksInYear(year)).toBe(out));
});

describe('periodRange', () => {
  const table = [
    { key: '2025-W01', from: '2024-12-30', to: '2025-01-06' },
    { key: '2020-W53', from: '2020-12-28', to: '2021-01-04' },
    { key: '2026-W53', from: '2026-12-28', to: '2027-01-04' },
    { key: '2024-02', from: '2024-02-01', to: '2024-03-01' },
    { key: '2024-12', from: '2024-12-01', to: '2025-01-01' },
    { key: '2024-Q4', from: '2024-10-01', to: '2025-01-01' },
    { key: '2025-Q1', from: '2025-01-01', to: '2025-04-01' },
  ];
  for (const { key, from, to } of table) it(`spans ${key} from ${from} up to, not including, ${to}`, () => expect(periodRange(key)).toEqual({ from, to }));

  const bad = ['2021-W53', '2024-W00', '2024-13', '2024-Q5', '2024-1', 'week 3'];
  for (const key of bad) it(`rejects ${key} as a period key`, () => expect(() => periodRange(key)).toThrow(RangeError));
});

describe('previousPeriod', () => {
  const table = [
    { key: '2021-W01', out: '2020-W53' },
    { key: '2025-W01', out: '2024-W52' },
    { key: '2024-W10', out: '2024-W09' },
    { key: '2024-01', out: '2023-12' },
    { key: '2024-11', out: '2024-10' },
    { key: '2024-Q1', out: '2023-Q4' },
    { key: '2024-Q3', out: '2024-Q2' },
  ];
  for (const { key, out } of table) it(`steps back from ${key} to ${out}`, () => expect(previousPeriod(key)).toBe(out));
});

describe('samePeriodLastYear', () => {
  const table = [
    { key: '2021-W01', out: '2020-W01' },
    { key: '2021-W52', out: '2020-W52' },
    { key: '2026-W53', out: '2025-W52' },
    { key: '2016-W52', out: '2015-W52' },
    { key: '2024-02', out: '2023-02' },
    { key: '2025-Q1', out: '2024-Q1' },
  ];
  for (const { key, out } of table) it(`maps ${key} to ${out}`, () => expect(samePeriodLastYear(key)).toBe(out));
});
