/**
 * WCAG 2.2 contrast (success criteria 1.4.3 and 1.4.11): relative luminance of sRGB colours and
 * the ratio between two, as the standard defines them (w3.org/TR/WCAG22/#dfn-contrast-ratio).
 */

/** Relative luminance of `#rrggbb`, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/**
 * The contrast ratio of two colours, 1 to 21.
 *
 * @example contrastRatio('#1d70b8', '#ffffff') // 5.17 (GOV.UK blue on white)
 */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** WCAG AA for normal text: 4.5:1 (1.4.3). The accent colours buttons with white text and links on white, so both need it. */
export const AA_TEXT = 4.5;
