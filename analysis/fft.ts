/**
 * The NHS Friends and Family Test (FFT): the six answers and the two published shares.
 *
 * Wording and options are NHS England's since April 2020; the arithmetic follows its
 * publication pipeline (github.com/nhsengland/fft_pipeline, `src/fft/processors.py`), where
 * "Neither" and "Don't know" stay in the denominator. See shared REFERENCES.md.
 */

import { FFT_OPTIONS, type FftOption } from '../survey/fft';

// The options are defined once, in the survey core; scoring them is this module's job.
export { FFT_OPTIONS, type FftOption };

/** How many answers each FFT option received in one cell (a hub, a month, a group). */
export type FftCounts = Record<FftOption, number>;

/**
 * A cell with no answers, to add counts into.
 *
 * @example
 * emptyFftCounts().veryGood // 0
 */
export function emptyFftCounts(): FftCounts {
  return { veryGood: 0, good: 0, neither: 0, poor: 0, veryPoor: 0, dontKnow: 0 };
}

/**
 * The option for a stored code (1..6), or undefined for anything else.
 *
 * @example
 * fftOptionForCode(6) // 'dontKnow'
 */
export function fftOptionForCode(code: number): FftOption | undefined {
  return FFT_OPTIONS.find((option) => option.code === code)?.key;
}

/**
 * Builds counts from `GROUP BY answer` rows; rows with codes outside 1..6 are ignored,
 * because a code the FFT does not define cannot be placed in either share.
 *
 * @example
 * fftCountsFromCodes([{ code: 1, count: 3 }, { code: 6, count: 1 }]).veryGood // 3
 */
export function fftCountsFromCodes(rows: ReadonlyArray<{ code: number; count: number }>): FftCounts {
  const counts = emptyFftCounts();
  for (const { code, count } of rows) {
    const option = fftOptionForCode(code);
    if (option) counts[option] += count;
  }
  return counts;
}

/**
 * Adds two cells option by option (for totals and "everyone else").
 *
 * @example
 * addFftCounts({ ...emptyFftCounts(), good: 1 }, { ...emptyFftCounts(), good: 2 }).good // 3
 */
export function addFftCounts(a: FftCounts, b: FftCounts): FftCounts {
  const sum = emptyFftCounts();
  for (const { key } of FFT_OPTIONS) sum[key] = a[key] + b[key];
  return sum;
}

/**
 * Subtracts one cell from another, e.g. a group from its total to get the rest.
 *
 * @example
 * subtractFftCounts({ ...emptyFftCounts(), good: 5 }, { ...emptyFftCounts(), good: 2 }).good // 3
 */
export function subtractFftCounts(a: FftCounts, b: FftCounts): FftCounts {
  const difference = emptyFftCounts();
  for (const { key } of FFT_OPTIONS) difference[key] = a[key] - b[key];
  return difference;
}

/**
 * All FFT answers in the cell, "Neither" and "Don't know" included (NHS England's denominator).
 *
 * @example
 * fftTotal({ veryGood: 1, good: 1, neither: 1, poor: 1, veryPoor: 1, dontKnow: 1 }) // 6
 */
export function fftTotal(counts: FftCounts): number {
  return FFT_OPTIONS.reduce((sum, { key }) => sum + counts[key], 0);
}

/**
 * Very good + Good: the numerator of % positive.
 *
 * @example
 * fftPositiveCount({ veryGood: 2, good: 3, neither: 1, poor: 0, veryPoor: 0, dontKnow: 0 }) // 5
 */
export function fftPositiveCount(counts: FftCounts): number {
  return counts.veryGood + counts.good;
}

/**
 * Poor + Very poor: the numerator of % negative.
 *
 * @example
 * fftNegativeCount({ veryGood: 0, good: 0, neither: 1, poor: 2, veryPoor: 1, dontKnow: 0 }) // 3
 */
export function fftNegativeCount(counts: FftCounts): number {
  return counts.poor + counts.veryPoor;
}

/**
 * Share positive, 0..1; null (never NaN) when there are no answers.
 *
 * @example
 * fftPositive({ veryGood: 3, good: 1, neither: 0, poor: 0, veryPoor: 0, dontKnow: 4 }) // 0.5
 */
export function fftPositive(counts: FftCounts): number | null {
  const total = fftTotal(counts);
  return total === 0 ? null : fftPositiveCount(counts) / total;
}

/**
 * Share negative, 0..1; null (never NaN) when there are no answers.
 *
 * @example
 * fftNegative({ veryGood: 0, good: 0, neither: 1, poor: 2, veryPoor: 1, dontKnow: 0 }) // 0.75
 */
export function fftNegative(counts: FftCounts): number | null {
  const total = fftTotal(counts);
  return total === 0 ? null : fftNegativeCount(counts) / total;
}
