/**
 * Scales for the SVG charts, in percent of the plot so a chart stretches to any width without a
 * viewBox: its text then stays at the page's size on a phone instead of shrinking with the drawing.
 */

/** A 0..1 share as an SVG length along a 0..1 domain, e.g. '42.5%'. */
export function along(share: number, [lower, upper]: readonly [number, number] = [0, 1]): string {
  const t = upper === lower ? 0 : (share - lower) / (upper - lower);
  return `${round(Math.min(1, Math.max(0, t)) * 100)}%`;
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * The y range for a line of shares: to 100%, from a multiple of 10% at least 5 points under the
 * lowest value (intervals included), so a line around 85% is not squashed flat against a 0-100 axis.
 * Lines, unlike bars, need not start at zero; the axis labels say where they start.
 *
 * @example shareDomain([0.81, 0.9]) // [0.7, 1]
 */
export function shareDomain(values: readonly number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  const lowest = Math.min(...values);
  const lower = Math.max(0, Math.floor((lowest - 0.05) * 10) / 10);
  return [round(lower), 1];
}

/**
 * Gridlines for a share domain: every 10% over a narrow range, else every 25%.
 * @example shareTicks([0.7, 1]) // [0.7, 0.8, 0.9, 1]
 */
export function shareTicks([lower, upper]: readonly [number, number]): number[] {
  const step = upper - lower <= 0.5 ? 0.1 : 0.25;
  const ticks: number[] = [];
  for (let i = 0; ; i++) {
    const tick = round(lower + i * step);
    if (tick > upper + 1e-9) break;
    ticks.push(tick);
  }
  return ticks;
}
