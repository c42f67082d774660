/**
 * Confidence intervals for proportions: Wilson's score interval for one share and Newcombe's
 * hybrid score interval for the difference of two.
 *
 * Wilson rather than the textbook "p ± 1.96·SE" (Wald) because Family Hub cells are small and
 * shares sit near 0 or 1, where Wald collapses to zero width or runs outside 0..1
 * (Newcombe 1998, "Two-sided confidence intervals for the single proportion", Stat Med 17:857).
 */

/** The 97.5th percentile of the standard normal: two-sided 95% (to the 7 figures most tables give). */
export const Z95 = 1.959964;

export type Interval = [lower: number, upper: number];

/**
 * Wilson score interval for `successes` out of `n`; null when n is 0 (no share to bound).
 *
 * @example
 * wilson(81, 263) // ≈ [0.2553, 0.3662] (Newcombe 1998, worked example)
 */
export function wilson(successes: number, n: number, z: number = Z95): Interval | null {
  if (n <= 0) return null;
  if (successes < 0 || successes > n) throw new RangeError(`successes must be in 0..${n}, got ${successes}`);
  const p = successes / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const scale = 1 + z2 / n;
  // At 0/n and n/n the formula gives exactly 0 or 1 in exact arithmetic; clamp float dust.
  const lower = successes === 0 ? 0 : (centre - spread) / scale;
  const upper = successes === n ? 1 : (centre + spread) / scale;
  return [lower, upper];
}

/**
 * Whether two intervals share any point. Non-overlap of two 95% intervals is a stricter test than
 * a 5% test of the difference (Schenker & Gentleman 2001, Am Stat 55:182), which is why equity
 * flags use it: a flag should rarely be a false alarm.
 *
 * @example
 * intervalsOverlap([0.1, 0.3], [0.25, 0.5]) // true
 */
export function intervalsOverlap(a: Interval, b: Interval): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

/**
 * 95% interval for p1 − p2 by Newcombe's hybrid score method (method 10 in Newcombe 1998,
 * "Interval estimation for the difference between independent proportions", Stat Med 17:873),
 * built from each share's Wilson interval. Null if either n is 0.
 *
 * @example
 * newcombeDifference(56, 70, 48, 80) // ≈ [0.0524, 0.3339] (Newcombe 1998, example (a))
 */
export function newcombeDifference(x1: number, n1: number, x2: number, n2: number, z: number = Z95): Interval | null {
  const ci1 = wilson(x1, n1, z);
  const ci2 = wilson(x2, n2, z);
  if (!ci1 || !ci2) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const d = p1 - p2;
  const lower = d - Math.sqrt((p1 - ci1[0]) ** 2 + (ci2[1] - p2) ** 2);
  const upper = d + Math.sqrt((ci1[1] - p1) ** 2 + (p2 - ci2[0]) ** 2);
  return [lower, upper];
}
