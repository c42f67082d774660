/**
 * Satisfaction (contract KPI 7, Parental Satisfaction): FFT shares with Wilson intervals, mean
 * 1-5 rating and NPS per group, suppressed for publication.
 */
import { addFftCounts, emptyFftCounts, fftNegative, fftNegativeCount, fftPositive, fftPositiveCount, fftTotal, type FftCounts } from './fft';
import { suppress, type SuppressionReason } from './suppression';
import { wilson, type Interval } from './wilson';

/** One cell as the server's GROUP BY hands it over. `n` is responses in the cell. */
export interface SatisfactionGroup {
  key: string;
  label: string;
  /** Key of the enclosing group (a provider for a site); groups without one add up to the total. */
  parent?: string;
  fft: FftCounts;
  ratingSum: number;
  ratingCount: number;
  /** Answers per rating, index 0 = rating 1 … index 4 = rating 5. */
  ratingCounts?: number[];
  /** Answers per NPS score, index = score 0..10, where the survey asked it. */
  npsCounts?: number[];
  n: number;
}

export interface SatisfactionRow {
  key: string;
  label: string;
  n: number | null;
  fftPositive: number | null;
  fftNegative: number | null;
  /** Wilson 95% interval of fftPositive. */
  ci95: Interval | null;
  ci95Negative: Interval | null;
  meanRating: number | null;
  nps: number | null;
  counts: FftCounts | null;
  ratingCounts: number[] | null;
  suppressed: boolean;
  suppressionReason: SuppressionReason | null;
}

export interface SatisfactionReport {
  rows: SatisfactionRow[];
  total: SatisfactionRow;
}

/** The total row's key, which no group may use. */
const TOTAL_KEY = 'total';

/**
 * Net Promoter Score from answers per score (index 0..10): % promoters (9-10) minus % detractors
 * (0-6), so -100..100; null with no answers. Bain & Company's definition (Reichheld 2003).
 *
 * @example
 * netPromoterScore([1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1]) // 25: 2 promoters, 1 detractor of 4
 */
export function netPromoterScore(scoreCounts: readonly number[]): number | null {
  const at = (score: number) => scoreCounts[score] ?? 0;
  const n = scoreCounts.reduce((sum, count) => sum + count, 0);
  if (n === 0) return null;
  let detractors = 0;
  for (let score = 0; score <= 6; score++) detractors += at(score);
  return (100 * (at(9) + at(10) - detractors)) / n;
}

export interface RatingSummary {
  n: number;
  mean: number | null;
  /** Share of answers per rating, index 0 = rating 1. */
  distribution: number[] | null;
}

/**
 * Mean and share of each rating 1-5 from answers per rating (index 0 = rating 1).
 *
 * @example
 * ratingSummary([0, 0, 1, 1, 2]) // { n: 4, mean: 4.25, distribution: [0, 0, 0.25, 0.25, 0.5] }
 */
export function ratingSummary(ratingCounts: readonly number[]): RatingSummary {
  const n = ratingCounts.reduce((sum, count) => sum + count, 0);
  if (n === 0) return { n, mean: null, distribution: null };
  const sum = ratingCounts.reduce((total, count, i) => total + count * (i + 1), 0);
  return { n, mean: sum / n, distribution: ratingCounts.map((count) => count / n) };
}

/**
 * Every figure in a cell rests on its own denominator; a cell of 40 responses where 3 answered
 * the FFT would publish those 3 answers. So the count judged for suppression is the smallest
 * non-zero denominator among responses, FFT answers, ratings and NPS answers.
 */
function disclosureCount(group: SatisfactionGroup): number {
  const npsN = group.npsCounts?.reduce((sum, count) => sum + count, 0) ?? 0;
  const denominators = [group.n, fftTotal(group.fft), group.ratingCount, npsN].filter((d) => d > 0);
  return denominators.length === 0 ? 0 : Math.min(...denominators);
}

function sumCounts(a: number[] | undefined, b: number[] | undefined): number[] | undefined {
  if (!a || !b) return a ?? b;
  return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => (a[i] ?? 0) + (b[i] ?? 0));
}

const HIDDEN = {
  n: null,
  fftPositive: null,
  fftNegative: null,
  ci95: null,
  ci95Negative: null,
  meanRating: null,
  nps: null,
  counts: null,
  ratingCounts: null,
} as const;

function toRow(group: SatisfactionGroup, suppressed: boolean, reason: SuppressionReason | null): SatisfactionRow {
  const { key, label, fft } = group;
  if (suppressed) return { key, label, ...HIDDEN, suppressed, suppressionReason: reason };
  const answered = fftTotal(fft);
  return {
    key,
    label,
    n: group.n,
    fftPositive: fftPositive(fft),
    fftNegative: fftNegative(fft),
    ci95: wilson(fftPositiveCount(fft), answered),
    ci95Negative: wilson(fftNegativeCount(fft), answered),
    meanRating: group.ratingCount > 0 ? group.ratingSum / group.ratingCount : null,
    nps: group.npsCounts ? netPromoterScore(group.npsCounts) : null,
    counts: { ...fft },
    ratingCounts: group.ratingCounts ? [...group.ratingCounts] : null,
    suppressed,
    suppressionReason: reason,
  };
}

/**
 * The satisfaction table: one row per group plus a total summed from the top-level groups
 * (those without `parent`), with primary, secondary and cascade suppression applied
 * (see suppression.ts). Shares are 0..1; a suppressed row has every number null.
 *
 * @example
 * satisfactionReport([{ key: 'plymouth-north', label: 'North hub', fft: { ...emptyFftCounts(), good: 6 },
 *   ratingSum: 24, ratingCount: 6, n: 6 }]).rows[0].fftPositive // 1
 */
export function satisfactionReport(groups: readonly SatisfactionGroup[]): SatisfactionReport {
  const topLevel = groups.filter((group) => group.parent === undefined);
  const totalGroup = topLevel.reduce<SatisfactionGroup>(
    (sum, group) => ({
      ...sum,
      fft: addFftCounts(sum.fft, group.fft),
      ratingSum: sum.ratingSum + group.ratingSum,
      ratingCount: sum.ratingCount + group.ratingCount,
      ratingCounts: sumCounts(sum.ratingCounts, group.ratingCounts),
      npsCounts: sumCounts(sum.npsCounts, group.npsCounts),
      n: sum.n + group.n,
    }),
    { key: TOTAL_KEY, label: 'All', fft: emptyFftCounts(), ratingSum: 0, ratingCount: 0, n: 0 },
  );
  const cells = [totalGroup, ...groups].map((group) => ({ key: group.key, n: disclosureCount(group), group }));
  const flagged = suppress(cells, {
    parentOf: (cell) => (cell.group === totalGroup ? undefined : (cell.group.parent ?? TOTAL_KEY)),
  });
  const [total, ...rows] = flagged.map((cell) => toRow(cell.group, cell.suppressed, cell.suppressionReason));
  return { rows, total: total ?? toRow(totalGroup, false, null) };
}
