import { describe, expect, it } from 'vitest';
import {
  FFT_OPTIONS,
  addFftCounts,
  emptyFftCounts,
  fftCountsFromCodes,
  fftNegative,
  fftOptionForCode,
  fftPositive,
  fftTotal,
  subtractFftCounts,
  type FftCounts,
} from './fft';

const counts = (partial: Partial<FftCounts>): FftCounts => ({ ...emptyFftCounts(), ...partial });

describe('FFT_OPTIONS', () => {
  it('lists the six NHS options in published order with codes 1..6 and their English labels', () => {
    expect(FFT_OPTIONS.map(({ key, code, label }) => [code, key, label])).toEqual([
      [1, 'veryGood', 'Very good'],
      [2, 'good', 'Good'],
      [3, 'neither', 'Neither good nor poor'],
      [4, 'poor', 'Poor'],
      [5, 'veryPoor', 'Very poor'],
      [6, 'dontKnow', "Don't know"],
    ]);
  });
});

describe('fftPositive and fftNegative', () => {
  const table: { name: string; input: FftCounts; total: number; positive: number | null; negative: number | null }[] = [
    { name: 'gives null, not NaN, when nobody answered', input: counts({}), total: 0, positive: null, negative: null },
    {
      name: 'gives 0 and 0 when every answer is "Don\'t know", which stays in the denominator',
      input: counts({ dontKnow: 7 }),
      total: 7,
      positive: 0,
      negative: 0,
    },
    { name: 'counts "Neither" in the denominator but in neither share', input: counts({ good: 1, neither: 3 }), total: 4, positive: 0.25, negative: 0 },
    // (12 + 6) / 30 = 0.6 and (2 + 1) / 30 = 0.1, with 5 Neither and 4 Don't know in the 30.
    {
      name: 'adds Very good with Good and Poor with Very poor over all six options',
      input: counts({ veryGood: 12, good: 6, neither: 5, poor: 2, veryPoor: 1, dontKnow: 4 }),
      total: 30,
      positive: 0.6,
      negative: 0.1,
    },
    { name: 'gives 1 when every answer is positive', input: counts({ veryGood: 3, good: 2 }), total: 5, positive: 1, negative: 0 },
  ];
  for (const { name, input, total, positive, negative } of table) {
    it(name, () => {
      expect(fftTotal(input)).toBe(total);
      expect(fftPositive(input)).toBe(positive);
      expect(fftNegative(input)).toBe(negative);
    });
  }
});

describe('fftOptionForCode and fftCountsFromCodes', () => {
  const table: { code: number; out: string | undefined }[] = [
    { code: 1, out: 'veryGood' },
    { code: 5, out: 'veryPoor' },
    { code: 6, out: 'dontKnow' },
    { code: 0, out: undefined },
    { code: 7, out: undefined },
  ];
  for (const { code, out } of table) it(`maps stored code ${code} to ${String(out)}`, () => expect(fftOptionForCode(code)).toBe(out));

  it('builds counts from GROUP BY rows and ignores codes the FFT does not define', () => {
    const rows = [
      { code: 1, count: 3 },
      { code: 2, count: 2 },
      { code: 6, count: 1 },
      { code: 9, count: 50 },
      { code: 1, count: 1 },
    ];
    expect(fftCountsFromCodes(rows)).toEqual(counts({ veryGood: 4, good: 2, dontKnow: 1 }));
  });
});

describe('addFftCounts and subtractFftCounts', () => {
  it('adds and subtracts option by option so a total minus a group is the rest', () => {
    const group = counts({ good: 2, poor: 1 });
    const rest = counts({ good: 5, dontKnow: 3 });
    const total = addFftCounts(group, rest);
    expect(total).toEqual(counts({ good: 7, poor: 1, dontKnow: 3 }));
    expect(subtractFftCounts(total, group)).toEqual(rest);
  });
});
