/**
 * Change over time for the same people: a panel's members answer wave after wave, so the change
 * between two waves is read from pairs (one member's answer in each), not from two independent
 * samples. % positive uses McNemar's test on the members who changed; means use a paired
 * t interval on each member's difference.
 */
import { erfc } from './trends';

/** Fewer pairs than this and no change is shown: too few to mean anything, and too few to keep anyone unrecognisable. */
export const MIN_PAIRS = 10;

export interface McNemarResult {
  pairs: number;
  /** Positive in both waves. */
  both: number;
  /** Positive before, not after. */
  lost: number;
  /** Not positive before, positive after. */
  gained: number;
  before: number;
  after: number;
  /** after − before, as a share (−1..1). */
  change: number;
  /** 95% interval of the change (Wald, for paired proportions). */
  low: number;
  high: number;
  /** Two-sided p: exact binomial when fewer than 25 members changed, else χ² with continuity correction. */
  p: number;
  method: 'exact' | 'chi-square';
}

/**
 * McNemar's test on paired yes/no answers.
 *
 * @example
 * mcnemar([[true, false], [false, true], …]) // { lost, gained, change, p, … }
 */
export function mcnemar(pairs: readonly (readonly [before: boolean, after: boolean])[]): McNemarResult | null {
  const n = pairs.length;
  if (n === 0) return null;
  let both = 0;
  let lost = 0;
  let gained = 0;
  for (const [before, after] of pairs) {
    if (before && after) both++;
    else if (before) lost++;
    else if (after) gained++;
  }
  const discordant = lost + gained;
  const change = (gained - lost) / n;
  const se = Math.sqrt(Math.max(0, discordant - (gained - lost) ** 2 / n)) / n;
  let p: number;
  let method: McNemarResult['method'];
  if (discordant === 0) {
    p = 1;
    method = 'exact';
  } else if (discordant < 25) {
    method = 'exact';
    const k = Math.min(lost, gained);
    let tail = 0;
    for (let i = 0; i <= k; i++) tail += binomial(discordant, i);
    p = Math.min(1, (2 * tail) / 2 ** discordant);
  } else {
    method = 'chi-square';
    const chi = (Math.abs(gained - lost) - 1) ** 2 / discordant;
    p = erfc(Math.sqrt(chi / 2));
  }
  return {
    pairs: n,
    both,
    lost,
    gained,
    before: (both + lost) / n,
    after: (both + gained) / n,
    change,
    low: change - 1.959964 * se,
    high: change + 1.959964 * se,
    p,
    method,
  };
}

function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
}

export interface PairedMeanResult {
  pairs: number;
  meanBefore: number;
  meanAfter: number;
  /** Mean of after − before. */
  change: number;
  sd: number;
  low: number;
  high: number;
}

/**
 * A paired t interval (95%) for the mean change; null with fewer than 2 pairs.
 *
 * @example
 * pairedMeanChange([[3, 4], [4, 4], …]) // { change: 0.6, low: 0.23, high: 0.97, … }
 */
export function pairedMeanChange(pairs: readonly (readonly [before: number, after: number])[]): PairedMeanResult | null {
  const n = pairs.length;
  if (n < 2) return null;
  const diffs = pairs.map(([before, after]) => after - before);
  const change = diffs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(diffs.reduce((sum, d) => sum + (d - change) ** 2, 0) / (n - 1));
  const half = (tQuantile975(n - 1) * sd) / Math.sqrt(n);
  return {
    pairs: n,
    meanBefore: pairs.reduce((sum, [before]) => sum + before, 0) / n,
    meanAfter: pairs.reduce((sum, [, after]) => sum + after, 0) / n,
    change,
    sd,
    low: change - half,
    high: change + half,
  };
}

/** Student's t 97.5% points for 1..30 degrees of freedom. */
const T975 = [
  12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281, 2.201, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.093, 2.086,
  2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
];

/** The two-sided 95% point of Student's t: the table to 30, then the Cornish-Fisher expansion (error under 1e-4). */
export function tQuantile975(df: number): number {
  if (df <= T975.length) return T975[Math.max(1, Math.round(df)) - 1]!;
  const z = 1.959964;
  return (
    z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2) + (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * df ** 3)
  );
}
