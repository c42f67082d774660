/**
 * Trends: each group's FFT % positive this period against the previous period and the same
 * period last year, with a pooled two-proportion z-test so "down 6 points" comes with whether
 * that is more than noise.
 */
import { emptyFftCounts, fftPositive, fftPositiveCount, fftTotal, type FftCounts } from './fft';
import { suppress } from './suppression';
import { wilson, type Interval } from './wilson';

/** Two-sided significance level for `significant`. */
export const ALPHA = 0.05;

/**
 * Complementary error function to within about 1e-15 absolute: the all-positive series of
 * Abramowitz & Stegun 7.1.6 below 3 (no cancellation), their continued fraction 7.1.14 above,
 * where the series would need many terms. Written here because no stats library is a dependency.
 *
 * @example
 * erfc(0.5) // 0.4795001221869535
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 3) {
    let term = x;
    let sum = x;
    for (let k = 1; term > sum * 1e-17; k++) {
      term *= (2 * x * x) / (2 * k + 1);
      sum += term;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
  }
  let fraction = x;
  for (let k = 60; k >= 1; k--) fraction = x + k / 2 / fraction;
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / fraction;
}

/**
 * Standard normal cumulative distribution function, Φ(x).
 *
 * @example
 * normalCdf(1.959964) // 0.9750000…
 */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/**
 * Pooled two-proportion z-test of x1/n1 against x2/n2, with the two-sided p-value. Null when
 * either n is 0. When both samples are all-positive or all-negative there is no variance and no
 * evidence of change, so z is 0 and p is 1.
 *
 * @example
 * twoProportionZTest(64, 100, 50, 100) // { z: 1.9996…, p: 0.0455… }
 */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): { z: number; p: number } | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return { z: 0, p: 1 };
  const z = (x1 / n1 - x2 / n2) / se;
  return { z, p: erfc(Math.abs(z) / Math.SQRT2) };
}

export interface TrendGroup {
  key: string;
  label: string;
  current: FftCounts;
  previous?: FftCounts;
  lastYear?: FftCounts;
}

export interface PeriodFigure {
  n: number | null;
  positive: number | null;
  ci95: Interval | null;
  suppressed: boolean;
}

export interface TrendComparison {
  /** The earlier period's figures. */
  base: PeriodFigure;
  /** current.positive − base.positive (0..1 scale). */
  change: number | null;
  z: number | null;
  p: number | null;
  significant: boolean;
}

export interface TrendRow {
  key: string;
  label: string;
  current: PeriodFigure;
  vsPrevious: TrendComparison | null;
  vsLastYear: TrendComparison | null;
}

/** Suppresses one period's cells across the groups, as a published table for that period would. */
function periodFigures(counts: ReadonlyArray<FftCounts | undefined>): PeriodFigure[] {
  const cells = suppress(counts.map((fft, i) => ({ key: String(i), n: fftTotal(fft ?? emptyFftCounts()), fft })));
  return cells.map(({ fft, n, suppressed }) =>
    suppressed || !fft
      ? { n: null, positive: null, ci95: null, suppressed }
      : { n, positive: fftPositive(fft), ci95: wilson(fftPositiveCount(fft), n), suppressed },
  );
}

function compare(current: FftCounts, now: PeriodFigure, base: FftCounts | undefined, then: PeriodFigure): TrendComparison | null {
  if (!base) return null;
  const hidden = now.suppressed || then.suppressed;
  const test = hidden ? null : twoProportionZTest(fftPositiveCount(current), fftTotal(current), fftPositiveCount(base), fftTotal(base));
  const change = !hidden && now.positive !== null && then.positive !== null ? now.positive - then.positive : null;
  return { base: then, change, z: test?.z ?? null, p: test?.p ?? null, significant: test !== null && test.p < ALPHA };
}

/**
 * Per group: this period, and its change against the previous period and the same period last
 * year. Each period is suppressed across the groups on its own; a comparison touching a
 * suppressed period has no change, z or p and is never `significant`.
 *
 * @example
 * trendReport([{ key: 'hub-a', label: 'Hub A', current: { ...emptyFftCounts(), good: 64, poor: 36 },
 *   previous: { ...emptyFftCounts(), good: 50, poor: 50 } }])[0].vsPrevious
 * // { change: 0.14, z: 1.9996…, p: 0.0455…, significant: true, … }
 */
export function trendReport(groups: readonly TrendGroup[]): TrendRow[] {
  const current = periodFigures(groups.map((group) => group.current));
  const previous = periodFigures(groups.map((group) => group.previous));
  const lastYear = periodFigures(groups.map((group) => group.lastYear));
  return groups.map((group, i) => {
    const now = current[i] as PeriodFigure;
    return {
      key: group.key,
      label: group.label,
      current: now,
      vsPrevious: compare(group.current, now, group.previous, previous[i] as PeriodFigure),
      vsLastYear: compare(group.current, now, group.lastYear, lastYear[i] as PeriodFigure),
    };
  });
}
