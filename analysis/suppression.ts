/**
 * Small-number suppression, after NHS England's FFT publication rule
 * (github.com/nhsengland/fft_pipeline, `src/fft/suppression.py`).
 *
 * - Primary: a cell with 1-4 responses is suppressed; 0 is not (an empty cell identifies nobody).
 * - Secondary: when exactly one cell under a parent is suppressed, the parent's total minus the
 *   shown cells would reveal it, so the next-smallest non-empty sibling is suppressed too.
 * - Cascade: when a parent is itself suppressed, at least two of its non-empty children are, so
 *   the children cannot be added back up to it (the pipeline's `apply_cascade_suppression`).
 * The pipeline hides only counts for secondary cells and keeps their percentages; we hide every
 * number, because two hidden cells' shares plus the parent's published share and n give two
 * equations in two unknowns and recover both counts.
 */

/** The pipeline's `SUPPRESSION_THRESHOLD`: cells with fewer responses than this (and more than 0) are hidden. */
export const SUPPRESSION_THRESHOLD = 5;

export type SuppressionReason = 'small' | 'secondary' | 'cascade';

export interface SuppressionOptions<R> {
  /** Key of the row's parent (a provider for a site); rows without one share the root. */
  parentOf?: (row: R) => string | undefined;
}

export type WithSuppression<R> = R & { suppressed: boolean; suppressionReason: SuppressionReason | null };

/**
 * Whether a single count is small enough to identify people (1-4).
 *
 * @example
 * isSmallCount(4) // true; isSmallCount(0) and isSmallCount(5) are false
 */
export function isSmallCount(n: number): boolean {
  return n > 0 && n < SUPPRESSION_THRESHOLD;
}

/**
 * Marks each row suppressed or not, by primary, secondary and cascade suppression. Siblings are
 * rows with the same `parentOf`; a parent that is itself among the rows cascades to its children.
 *
 * @example
 * suppress([{ key: 'a', n: 3 }, { key: 'b', n: 8 }, { key: 'c', n: 40 }]).map((r) => r.suppressed)
 * // [true, true, false]: 'a' is small, 'b' is the next smallest
 */
export function suppress<R extends { key: string; n: number }>(rows: readonly R[], options: SuppressionOptions<R> = {}): Array<WithSuppression<R>> {
  const reasons = new Map<number, SuppressionReason>();
  rows.forEach((row, i) => {
    if (isSmallCount(row.n)) reasons.set(i, 'small');
  });

  const indexByKey = new Map(rows.map((row, i) => [row.key, i] as const));
  const siblingsByParent = new Map<string | undefined, number[]>();
  rows.forEach((row, i) => {
    const parent = options.parentOf?.(row);
    siblingsByParent.set(parent, [...(siblingsByParent.get(parent) ?? []), i]);
  });

  // Hiding a cell can oblige its siblings (secondary) and its children (cascade) to hide, and
  // hiding those can oblige theirs, so repeat until nothing changes. Each pass only adds flags.
  let changed = true;
  while (changed) {
    changed = false;
    for (const [parent, siblings] of siblingsByParent) {
      const parentIndex = parent === undefined ? undefined : indexByKey.get(parent);
      const parentHidden = parentIndex !== undefined && reasons.has(parentIndex);
      const nonEmpty = siblings.filter((i) => (rows[i]?.n ?? 0) > 0);
      const hidden = nonEmpty.filter((i) => reasons.has(i)).length;
      if (hidden !== 1 && !(parentHidden && hidden < 2)) continue;
      // If no sibling is left to hide, the hidden cell is its parent's only non-empty child, so
      // the parent has the same small n and is hidden by the primary rule.
      const next = nonEmpty
        .filter((i) => !reasons.has(i))
        .sort((a, b) => (rows[a]?.n ?? 0) - (rows[b]?.n ?? 0))
        .slice(0, 2 - hidden);
      for (const i of next) reasons.set(i, hidden === 1 ? 'secondary' : 'cascade');
      if (next.length > 0) changed = true;
    }
  }

  return rows.map((row, i) => {
    const reason = reasons.get(i) ?? null;
    return { ...row, suppressed: reason !== null, suppressionReason: reason };
  });
}

/**
 * A 0..1 share as a whole percent, rounding halves up as published tables do; null stays null.
 * Goes through 12 significant figures first so 0.285 (stored as 0.28499999…) gives 29, not 28.
 *
 * @example
 * toWholePercent(0.285) // 29
 */
export function toWholePercent(share: number | null): number | null {
  if (share === null) return null;
  return Math.round(Number((share * 100).toPrecision(12)));
}
