import { describe, expect, it } from 'vitest';
import { mcnemar, pairedMeanChange, tQuantile975 } from './paired';

const pairs = (both: number, lost: number, gained: number, neither: number) => [
  ...Array.from({ length: both }, () => [true, true] as const),
  ...Array.from({ length: lost }, () => [true, false] as const),
  ...Array.from({ length: gained }, () => [false, true] as const),
  ...Array.from({ length: neither }, () => [false, false] as const),
];

describe('McNemar on the same members in two waves', () => {
  it('matches the hand-worked exact test when few members changed', () => {
    // 20 members: 6 positive both times, 2 lost, 8 gained, 4 never positive.
    // Before 8/20 = 40%, after 14/20 = 70%, change +30 points.
    // Exact two-sided p = 2 × (C(10,0) + C(10,1) + C(10,2)) / 2^10 = 2 × 56 / 1024 = 0.109375.
    // Interval: se = √(10 − 6²/20) / 20 = √8.2 / 20 = 0.143178; 0.30 ± 1.959964 × se = 0.019377 … 0.580623.
    const result = mcnemar(pairs(6, 2, 8, 4))!;
    expect(result).toMatchObject({ pairs: 20, both: 6, lost: 2, gained: 8, method: 'exact' });
    expect(result.before).toBeCloseTo(0.4, 10);
    expect(result.after).toBeCloseTo(0.7, 10);
    expect(result.change).toBeCloseTo(0.3, 10);
    expect(result.p).toBeCloseTo(0.109375, 10);
    expect(result.low).toBeCloseTo(0.019377, 5);
    expect(result.high).toBeCloseTo(0.580623, 5);
  });

  it('matches the hand-worked χ² test with continuity correction when many changed', () => {
    // 10 lost, 20 gained: χ² = (|20 − 10| − 1)² / 30 = 81 / 30 = 2.7; p = P(χ²₁ > 2.7) = 0.100348.
    const result = mcnemar(pairs(40, 10, 20, 30))!;
    expect(result.method).toBe('chi-square');
    expect(result.p).toBeCloseTo(0.100348, 5);
    expect(result.change).toBeCloseTo(10 / 100, 10);
  });

  it('finds no change when nobody changed, and nothing at all without pairs', () => {
    expect(mcnemar(pairs(5, 0, 0, 5))).toMatchObject({ change: 0, p: 1 });
    expect(mcnemar([])).toBeNull();
  });
});

describe('the paired interval for a mean', () => {
  it('matches the hand-worked example', () => {
    // Ratings out of 5 from ten members in two waves. Differences: 1,0,1,0,1,1,0,1,0,1.
    // Mean 0.6; sd = √((6 × 0.4² + 4 × 0.6²) / 9) = √(2.4 / 9) = 0.516398; se = 0.163299;
    // t(9, 97.5%) = 2.2622; half-width 0.369415; interval 0.230585 … 0.969415.
    const before = [3, 4, 2, 5, 3, 4, 3, 2, 4, 3];
    const after = [4, 4, 3, 5, 4, 5, 3, 3, 4, 4];
    const result = pairedMeanChange(before.map((b, i) => [b, after[i]!] as const))!;
    expect(result.change).toBeCloseTo(0.6, 10);
    expect(result.meanBefore).toBeCloseTo(3.3, 10);
    expect(result.meanAfter).toBeCloseTo(3.9, 10);
    expect(result.sd).toBeCloseTo(0.516398, 5);
    expect(result.low).toBeCloseTo(0.230585, 4);
    expect(result.high).toBeCloseTo(0.969415, 4);
  });

  it('needs two pairs', () => {
    expect(pairedMeanChange([[1, 2]])).toBeNull();
  });

  it('uses t points close to the tabled ones beyond 30 degrees of freedom', () => {
    expect(tQuantile975(40)).toBeCloseTo(2.0211, 3);
    expect(tQuantile975(120)).toBeCloseTo(1.9799, 3);
  });
});
