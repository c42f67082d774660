import { describe, expect, it } from 'vitest';
import { count, dateTime, interval, monthLabel, monthsBetween, monthTicks, percent, timeAgo } from './format';

const at = new Date('2026-03-01T10:00:00Z');
const later = (ms: number) => new Date(at.getTime() + ms);

describe('timeAgo', () => {
  const cases = [
    { ms: 20_000, out: 'just now' },
    { ms: 60_000, out: '1 minute ago' },
    { ms: 12 * 60_000, out: '12 minutes ago' },
    { ms: 60 * 60_000, out: '1 hour ago' },
    { ms: 47 * 3_600_000, out: '47 hours ago' },
    { ms: 3 * 86_400_000, out: '3 days ago' },
  ];
  for (const { ms, out } of cases) it(`says "${out}" after ${ms} ms`, () => expect(timeAgo(at, later(ms))).toBe(out));
});

describe('numbers', () => {
  it('writes shares as whole percents, halves up, and nothing as a dash', () => {
    expect([percent(0.285), percent(1), percent(0), percent(null)]).toEqual(['29%', '100%', '0%', '–']);
  });
  it('writes an interval in words', () => expect(interval([0.781, 0.861])).toBe('78% to 86%'));
  it('groups thousands', () => expect(count(12345)).toBe('12,345'));
});

describe('dates', () => {
  it('shows UK clock time, summer time included', () => expect(dateTime(new Date('2026-07-01T08:05:00Z'))).toBe('1 Jul 2026, 09:05'));
  it('names a month key', () => expect(monthLabel('2026-03')).toEqual({ short: 'Mar', year: '2026', long: 'Mar 2026' }));
});

describe('monthsBetween', () => {
  const cases = [
    { from: '2025-11-15', to: '2026-02-01', out: ['2025-11', '2025-12', '2026-01', '2026-02'] },
    { from: '2026-03-01', to: '2026-03-31', out: ['2026-03'] },
    { from: '2026-04-01', to: '2026-03-01', out: [] },
  ];
  for (const { from, to, out } of cases) it(`lists the months from ${from} to ${to}`, () => expect(monthsBetween(from, to)).toEqual(out));
});

describe('monthTicks', () => {
  it('labels every month and the year on the first and on January', () => {
    expect(monthTicks(['2025-12', '2026-01', '2026-02'])).toEqual([
      { label: 'Dec', sub: '2025', minor: false },
      { label: 'Jan', sub: '2026', minor: false },
      { label: 'Feb', minor: false },
    ]);
  });
  it('thins a long run around January, so a phone still shows where the year changes', () => {
    const ticks = monthTicks(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04']);
    expect(ticks.filter((t) => !t.minor).map((t) => `${t.label}${t.sub ? ` ${t.sub}` : ''}`)).toEqual(['Nov 2025', 'Jan 2026', 'Mar']);
  });
});
