/**
 * Who we are and are not hearing from: each group's share of responses against its share of the
 * population, with the Wilson 95% interval of the response share. A group is under-heard when even
 * the top of that interval is below its population share; under-heard groups come first, the
 * furthest below first. Groups with 1-4 responses show no share (small-number suppression) but can
 * still be under-heard, which is exactly what a tiny count says.
 */
import { wilson, type Interval } from './wilson';

export interface HearingFromRow {
  key: string;
  label: string;
  /** Responses in the group; null when 1-4 (suppressed). */
  n: number | null;
  share: number | null;
  ci95: Interval | null;
  populationShare: number;
  /** share ÷ populationShare: 1 is heard in proportion; null when suppressed. */
  ratio: number | null;
  underHeard: boolean;
}

/**
 * @example
 * compareWithPopulation([{ key: 'white', label: 'White', n: 90 }, { key: 'asian', label: 'Asian', n: 10 }],
 *   [{ key: 'white', count: 700 }, { key: 'asian', count: 300 }])[0]
 * // { key: 'asian', n: 10, share: 0.1, populationShare: 0.3, underHeard: true, … }
 */
export function compareWithPopulation(
  responses: readonly { key: string; label: string; n: number }[],
  population: readonly { key: string; count: number }[],
  labelOf: (key: string) => string = (key) => key,
): HearingFromRow[] {
  const total = responses.reduce((sum, r) => sum + r.n, 0);
  const people = population.reduce((sum, p) => sum + p.count, 0);
  if (people <= 0) return [];
  const rows = population.map((group): HearingFromRow => {
    const found = responses.find((r) => r.key === group.key);
    const n = found?.n ?? 0;
    const populationShare = group.count / people;
    const ci95 = total > 0 ? wilson(n, total) : null;
    const suppressed = n > 0 && n < 5;
    return {
      key: group.key,
      label: found?.label ?? labelOf(group.key),
      n: suppressed ? null : n,
      share: suppressed || total === 0 ? null : n / total,
      ci95: suppressed ? null : ci95,
      populationShare,
      ratio: suppressed || total === 0 ? null : n / total / populationShare,
      underHeard: ci95 !== null && ci95[1] < populationShare,
    };
  });
  return rows.sort((a, b) => Number(b.underHeard) - Number(a.underHeard) || (a.ratio ?? 0) - (b.ratio ?? 0));
}
