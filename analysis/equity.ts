/**
 * Service Access Equity (contract KPI 5): for one demographic dimension (ethnic group, language,
 * relationship…), each group's FFT % positive against everyone else's.
 *
 * "Everyone else" is every other answer in the dimension, "Prefer not to say" and unknown
 * included, so it is the total minus the group: leaving people out of the comparison because
 * they did not say would flatter or hide a gap.
 *
 * Disclosure: a group of 1-4 is suppressed, and so is its complement, since total − rest = group.
 * The complements of the groups we do show still count the suppressed group (the figures stay
 * true), and each only reveals the dimension total (group + rest); total minus the shown groups
 * then gives the suppressed ones combined, which is why the next-smallest group is suppressed too
 * (secondary suppression, see suppression.ts): the two are only ever revealed as a sum.
 */
import { addFftCounts, emptyFftCounts, fftPositive, fftPositiveCount, fftTotal, subtractFftCounts, type FftCounts } from './fft';
import { suppress, type SuppressionReason } from './suppression';
import { intervalsOverlap, newcombeDifference, wilson, type Interval } from './wilson';

export interface EquityGroup {
  key: string;
  label: string;
  fft: FftCounts;
}

export interface EquityOptions {
  /** Both sides need this many FFT answers before a gap is flagged (default 30). */
  minGroupSize?: number;
}

export interface EquityRow {
  key: string;
  label: string;
  /** FFT answers in the group. */
  n: number | null;
  positive: number | null;
  ci95: Interval | null;
  restN: number | null;
  restPositive: number | null;
  restCi95: Interval | null;
  /** positive − restPositive: negative when the group is less satisfied than everyone else. */
  gap: number | null;
  /** Newcombe hybrid score 95% interval of the gap. */
  gapCi95: Interval | null;
  flagged: boolean;
  suppressed: boolean;
  suppressionReason: SuppressionReason | null;
}

/**
 * 30 is the usual floor for trusting a normal approximation to a share; below it a handful of
 * answers swings % positive by ten points or more, and a flag on KPI 5 sends staff to act.
 * Non-overlapping Wilson intervals already demand a large gap, so the floor mainly stops a
 * flag resting on one small, unusual week.
 */
export const DEFAULT_MIN_GROUP_SIZE = 30;

function emptyRow(group: EquityGroup, reason: SuppressionReason | null): EquityRow {
  return {
    key: group.key,
    label: group.label,
    ...{ n: null, positive: null, ci95: null, restN: null, restPositive: null, restCi95: null },
    ...{ gap: null, gapCi95: null, flagged: false },
    suppressed: reason !== null,
    suppressionReason: reason,
  };
}

/**
 * Each group against the rest of its dimension, worst gap first (suppressed and incomparable
 * rows last). `flagged` when the two Wilson intervals do not overlap and both sides have at
 * least `minGroupSize` answers; a group doing better than the rest is flagged too, since KPI 5
 * asks for disparities and the sign of `gap` says which way.
 *
 * @example
 * equityReport([
 *   { key: 'pl', label: 'Polish', fft: { ...emptyFftCounts(), good: 10, poor: 30 } },
 *   { key: 'en', label: 'English', fft: { ...emptyFftCounts(), good: 90, poor: 10 } },
 * ])[0] // { key: 'pl', positive: 0.25, restPositive: 0.9, gap: -0.65, flagged: true, … }
 */
export function equityReport(groups: readonly EquityGroup[], options: EquityOptions = {}): EquityRow[] {
  const minGroupSize = options.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  const total = groups.reduce((sum, group) => addFftCounts(sum, group.fft), emptyFftCounts());
  const cells = suppress(groups.map((group) => ({ key: group.key, n: fftTotal(group.fft), group })));

  const rows = cells.map(({ group, n, suppressed, suppressionReason }): EquityRow => {
    if (suppressed) return emptyRow(group, suppressionReason);
    const rest = subtractFftCounts(total, group.fft);
    const restN = fftTotal(rest);
    const ci95 = wilson(fftPositiveCount(group.fft), n);
    const restCi95 = wilson(fftPositiveCount(rest), restN);
    const positive = fftPositive(group.fft);
    const restPositive = fftPositive(rest);
    const comparable = ci95 !== null && restCi95 !== null && positive !== null && restPositive !== null;
    return {
      ...emptyRow(group, null),
      n,
      positive,
      ci95,
      restN,
      restPositive,
      restCi95,
      gap: comparable ? positive - restPositive : null,
      gapCi95: newcombeDifference(fftPositiveCount(group.fft), n, fftPositiveCount(rest), restN),
      flagged: comparable && n >= minGroupSize && restN >= minGroupSize && !intervalsOverlap(ci95, restCi95),
    };
  });

  return rows.sort((a, b) => {
    if (a.gap === null || b.gap === null) return a.gap === null ? (b.gap === null ? 0 : 1) : -1;
    return a.gap - b.gap;
  });
}
