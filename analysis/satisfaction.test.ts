import { describe, expect, it } from 'vitest';
import { emptyFftCounts, type FftCounts } from './fft';
import { netPromoterScore, ratingSummary, satisfactionReport, type SatisfactionGroup } from './satisfaction';

const fft = (partial: Partial<FftCounts>): FftCounts => ({ ...emptyFftCounts(), ...partial });
const group = (key: string, counts: Partial<FftCounts>, extra: Partial<SatisfactionGroup> = {}): SatisfactionGroup => {
  const cell = fft(counts);
  const n = Object.values(cell).reduce((a, b) => a + b, 0);
  return { key, label: key, fft: cell, ratingSum: 0, ratingCount: 0, n, ...extra };
};

describe('netPromoterScore', () => {
  const table: { name: string; counts: number[]; out: number | null }[] = [
    { name: 'is null with no answers', counts: [], out: null },
    { name: 'is 100 when everyone scores 9 or 10', counts: [0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 2], out: 100 },
    { name: 'is -100 when everyone scores 0-6', counts: [1, 1, 1, 1, 1, 1, 1], out: -100 },
    // 2 promoters, 1 passive (7), 1 detractor (0) of 4: 50% − 25% = 25.
    { name: 'subtracts % detractors from % promoters, passives in the denominator', counts: [1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1], out: 25 },
  ];
  for (const { name, counts, out } of table) it(name, () => expect(netPromoterScore(counts)).toBe(out));
});

describe('ratingSummary', () => {
  it('gives the mean and share of each rating, index 0 being rating 1', () => {
    // (3 + 4 + 5 + 5) / 4 = 4.25
    expect(ratingSummary([0, 0, 1, 1, 2])).toEqual({ n: 4, mean: 4.25, distribution: [0, 0, 0.25, 0.25, 0.5] });
  });
  it('gives nulls, not NaN, with no ratings', () => expect(ratingSummary([0, 0, 0, 0, 0])).toEqual({ n: 0, mean: null, distribution: null }));
});

describe('satisfactionReport', () => {
  it('reports shares, the Wilson interval of % positive and the mean rating for a published row', () => {
    // 81 positive of 263 is Newcombe's (1998) worked example: 0.2553-0.3662.
    const report = satisfactionReport([
      group('north', { veryGood: 50, good: 31, neither: 100, poor: 40, veryPoor: 2, dontKnow: 40 }, { ratingSum: 30, ratingCount: 8 }),
    ]);
    const row = report.rows[0];
    expect(row).toMatchObject({ key: 'north', n: 263, meanRating: 3.75, suppressed: false });
    expect(row?.fftPositive).toBeCloseTo(81 / 263, 12);
    expect(row?.fftNegative).toBeCloseTo(42 / 263, 12);
    expect(row?.ci95?.[0]).toBeCloseTo(0.2553, 4);
    expect(row?.ci95?.[1]).toBeCloseTo(0.3662, 4);
  });

  it('reports an all-"Don\'t know" cell as 0% positive and 0% negative', () => {
    expect(satisfactionReport([group('a', { dontKnow: 6 })]).rows[0]).toMatchObject({ n: 6, fftPositive: 0, fftNegative: 0, ci95: [0, expect.any(Number)] });
  });

  it('reports an empty cell with null shares rather than NaN, and does not suppress it', () => {
    expect(satisfactionReport([group('a', {})]).rows[0]).toMatchObject({
      n: 0,
      fftPositive: null,
      fftNegative: null,
      ci95: null,
      meanRating: null,
      suppressed: false,
    });
  });

  const edges = [
    { n: 4, suppressed: true },
    { n: 5, suppressed: false },
  ];
  for (const { n, suppressed } of edges) {
    it(`${suppressed ? 'suppresses' : 'publishes'} a total of ${n} responses`, () => {
      expect(satisfactionReport([group('only', { good: n })]).total.suppressed).toBe(suppressed);
    });
  }

  it('nulls every number of a suppressed row and hides the next-smallest group too', () => {
    const { rows, total } = satisfactionReport([group('a', { good: 4 }), group('b', { good: 20, poor: 5 }), group('c', { good: 9, poor: 1 })]);
    const nulls = {
      n: null,
      fftPositive: null,
      fftNegative: null,
      ci95: null,
      ci95Negative: null,
      meanRating: null,
      nps: null,
      counts: null,
      ratingCounts: null,
    };
    expect(rows[0]).toEqual({ key: 'a', label: 'a', ...nulls, suppressed: true, suppressionReason: 'small' });
    expect(rows[2]).toEqual({ key: 'c', label: 'c', ...nulls, suppressed: true, suppressionReason: 'secondary' });
    expect(rows[1]).toMatchObject({ n: 25, fftPositive: 0.8, suppressed: false });
    // The total still counts the hidden groups: 4 + 25 + 10 responses, 33 of them positive.
    expect(total).toMatchObject({ key: 'total', label: 'All', n: 39, suppressed: false });
    expect(total.fftPositive).toBeCloseTo(33 / 39, 12);
  });

  it('suppresses a large cell whose FFT answers are few, since its shares would publish them', () => {
    const few = group('few', { good: 3 }, { n: 40 });
    const { rows } = satisfactionReport([few, group('b', { good: 30 }), group('c', { good: 50 })]);
    expect(rows.map((row) => row.suppressionReason)).toEqual(['small', 'secondary', null]);
  });

  it('sums the total from top-level groups only, so nested sites are not counted twice', () => {
    const { rows, total } = satisfactionReport([
      group('provider', { good: 30 }),
      group('site-1', { good: 10 }, { parent: 'provider' }),
      group('site-2', { good: 20 }, { parent: 'provider' }),
    ]);
    expect(total.n).toBe(30);
    expect(rows.map((row) => row.suppressed)).toEqual([false, false, false]);
  });

  it('reports NPS and rating counts where they were asked', () => {
    const row = satisfactionReport([
      group('a', { good: 5 }, { npsCounts: [0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 4], ratingCounts: [0, 0, 0, 1, 4], ratingSum: 24, ratingCount: 5 }),
    ]).rows[0];
    expect(row).toMatchObject({ nps: 60, ratingCounts: [0, 0, 0, 1, 4], meanRating: 4.8 });
  });
});
