import { describe, expect, it } from 'vitest';
import { DEFAULT_MIN_GROUP_SIZE, equityReport, type EquityGroup } from './equity';
import { emptyFftCounts, type FftCounts } from './fft';

const group = (key: string, counts: Partial<FftCounts>): EquityGroup => ({ key, label: key, fft: { ...emptyFftCounts(), ...counts } });
const byKey = (groups: EquityGroup[], minGroupSize?: number) =>
  Object.fromEntries(equityReport(groups, minGroupSize === undefined ? {} : { minGroupSize }).map((row) => [row.key, row]));

describe('equityReport', () => {
  it('compares a group with everyone else and puts the worst gap first', () => {
    // Polish 10/40 = 0.25 (Wilson 0.142-0.402) against English 90/100 = 0.9 (0.826-0.945).
    const rows = equityReport([group('en', { good: 90, poor: 10 }), group('pl', { good: 10, poor: 30 })]);
    expect(rows.map((row) => row.key)).toEqual(['pl', 'en']);
    expect(rows[0]).toMatchObject({ n: 40, positive: 0.25, restN: 100, restPositive: 0.9, flagged: true, suppressed: false });
    expect(rows[0]?.gap).toBeCloseTo(-0.65, 12);
    expect(rows[1]?.gap).toBeCloseTo(0.65, 12);
  });

  it('counts "Prefer not to say" in everyone else', () => {
    const rows = byKey([group('dad', { good: 10, poor: 20 }), group('mum', { good: 50 }), group('prefer_not_to_say', { good: 10, dontKnow: 10 })]);
    expect(rows.dad).toMatchObject({ restN: 70 });
    expect(rows.dad?.restPositive).toBeCloseTo(60 / 70, 12);
  });

  it("interval-tests the gap by Newcombe's hybrid score method", () => {
    // Newcombe (1998) example (a): 56/70 − 48/80, interval 0.0524 to 0.3339.
    const row = byKey([group('g', { good: 56, poor: 14 }), group('h', { good: 48, poor: 32 })]).g;
    expect(row?.gap).toBeCloseTo(0.2, 12);
    expect(row?.gapCi95?.[0]).toBeCloseTo(0.0524, 4);
    expect(row?.gapCi95?.[1]).toBeCloseTo(0.3339, 4);
    // Its Wilson intervals (0.692-0.877, 0.490-0.700) still overlap: flags are deliberately strict.
    expect(row?.flagged).toBe(false);
  });

  const flagTable: { name: string; small: Partial<FftCounts>; minGroupSize?: number; flagged: boolean }[] = [
    { name: 'does not flag a gap whose Wilson intervals overlap', small: { good: 30, poor: 10 }, flagged: false },
    { name: `does not flag a group under ${DEFAULT_MIN_GROUP_SIZE} answers even when intervals do not overlap`, small: { good: 5, poor: 15 }, flagged: false },
    { name: 'flags that group once minGroupSize is lowered to its size', small: { good: 5, poor: 15 }, minGroupSize: 20, flagged: true },
    { name: 'flags a group at exactly the default minimum size', small: { good: 7, poor: 23 }, flagged: true },
  ];
  for (const { name, small, minGroupSize, flagged } of flagTable) {
    it(name, () => expect(byKey([group('small', small), group('rest', { good: 80, poor: 20 })], minGroupSize).small?.flagged).toBe(flagged));
  }

  const edges = [
    { n: 4, suppressed: true },
    { n: 5, suppressed: false },
  ];
  for (const { n, suppressed } of edges) {
    it(`${suppressed ? 'suppresses' : 'publishes'} a group of ${n} answers`, () => {
      const rows = byKey([group('tiny', { poor: n }), group('b', { good: 40 }), group('c', { good: 40 })]);
      expect(rows.tiny?.suppressed).toBe(suppressed);
    });
  }

  it('suppresses one small group and the next-smallest, with no numbers and no flag, listed last', () => {
    const rows = equityReport([
      group('a', { poor: 3 }),
      group('b', { good: 6, poor: 6 }),
      group('c', { good: 45, poor: 5 }),
      group('prefer_not_to_say', { good: 30, poor: 5 }),
    ]);
    expect(rows.slice(2).map((row) => [row.key, row.suppressionReason])).toEqual([
      ['a', 'small'],
      ['b', 'secondary'],
    ]);
    for (const row of rows.slice(2)) {
      expect(row).toMatchObject({ n: null, positive: null, ci95: null, restN: null, restPositive: null, gap: null, gapCi95: null, flagged: false });
    }
  });

  it("computes shown groups' complements from everyone, so they reveal the suppressed pair only as a sum", () => {
    const rows = byKey([group('a', { poor: 3 }), group('b', { good: 6, poor: 6 }), group('c', { good: 45, poor: 5 }), group('d', { good: 30, poor: 5 })]);
    // c's rest is a + b + d = 3 + 12 + 35; the total it implies (100) less the shown c and d is 15.
    expect(rows.c?.restN).toBe(50);
    const shown = Object.values(rows).filter((row) => !row.suppressed);
    const total = (rows.c?.n ?? 0) + (rows.c?.restN ?? 0);
    expect(total - shown.reduce((sum, row) => sum + (row.n ?? 0), 0)).toBe(3 + 12);
  });

  it('gives no gap for a group with no answers or a dimension with one group', () => {
    const rows = byKey([group('empty', {}), group('all', { good: 10 })]);
    expect(rows.empty).toMatchObject({ n: 0, positive: null, gap: null, flagged: false, suppressed: false });
    expect(rows.all).toMatchObject({ n: 10, restN: 0, restPositive: null, gap: null, gapCi95: null, flagged: false });
  });
});
