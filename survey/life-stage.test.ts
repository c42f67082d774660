import { describe, expect, it } from 'vitest';
import { childStages, inTarget, isMonth, memberStages, type Child } from './life-stage';

const on = new Date('2026-12-05T10:00:00Z');
const born = (month: string, send = false): Child => ({ month, expected: false, send });
const due = (month: string): Child => ({ month, expected: true, send: false });

describe('a child’s life stages on 5 December 2026', () => {
  it.each([
    ['due next spring', due('2027-04'), ['pregnancy']],
    ['due this month', due('2026-12'), ['pregnancy']],
    ['due in a month that has passed (born then)', due('2026-10'), ['0-2']],
    ['due implausibly far ahead', due('2028-01'), []],
    ['born this month', born('2026-12'), ['0-2']],
    ['23 months old', born('2025-01'), ['0-2']],
    ['2 this month', born('2024-12'), ['2-5']],
    ['4 years 11 months', born('2022-01'), ['2-5']],
    ['5 this month', born('2021-12'), ['5-11']],
    ['10 years 11 months', born('2016-01'), ['5-11']],
    ['11 this month', born('2015-12'), ['11-19']],
    ['18 years 11 months', born('2008-01'), ['11-19']],
    ['19 this month: grown out of the 0-19 offer', born('2007-12'), []],
    ['19 with SEND', born('2007-12', true), ['send']],
    ['7 with SEND', born('2019-06', true), ['5-11', 'send']],
    ['24 years 11 months with SEND', born('2002-01', true), ['send']],
    ['25 with SEND: grown out of it', born('2001-12', true), []],
    ['born in the future (a typing mistake)', born('2027-02'), []],
  ] as [string, Child, string[]][])('%s', (_name, child, expected) => {
    expect(childStages(child, on)).toEqual(expected);
  });
});

describe('a member’s stages', () => {
  it('are every child’s, once each, in the usual order', () => {
    expect(memberStages([born('2016-03', true), due('2027-02'), born('2025-06'), born('2024-06')], on)).toEqual(['pregnancy', '0-2', '2-5', '5-11', 'send']);
  });

  it('retire as the children grow up', () => {
    const children = [born('2024-11')];
    expect(memberStages(children, new Date('2026-10-01'))).toEqual(['0-2']);
    expect(memberStages(children, new Date('2026-11-01'))).toEqual(['2-5']);
  });

  it('are none for a member with no children recorded', () => {
    expect(memberStages([], on)).toEqual([]);
  });
});

describe('wave targeting and months', () => {
  it('asks everyone when a wave names no stages, and only matching members when it does', () => {
    expect(inTarget([], null)).toBe(true);
    expect(inTarget(['0-2'], ['pregnancy', '0-2'])).toBe(true);
    expect(inTarget(['5-11'], ['pregnancy', '0-2'])).toBe(false);
    expect(inTarget([], ['send'])).toBe(false);
  });

  it('accepts a month and refuses anything finer or malformed', () => {
    expect(isMonth('2025-07')).toBe(true);
    expect(isMonth('2025-07-14')).toBe(false);
    expect(isMonth('2025-13')).toBe(false);
    expect(isMonth('25-07')).toBe(false);
  });
});
