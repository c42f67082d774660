/**
 * The quarterly report's figures in words, shared by its page and its PDF so both say the same:
 * a share as "72%", an interval, a change with whether it is significant, a suppressed cell's reason.
 */
import { counted } from './pages/staff/format';
import type { QuarterlyReport } from './quarterly';

type Figure = NonNullable<QuarterlyReport['fft']>['current'];
type Comparison = NonNullable<QuarterlyReport['fft']>['vsPrevious'];

export const percent = (share: number | null | undefined) => (share === null || share === undefined ? '–' : `${Math.round(share * 100)}%`);

/** @example comments(1) // '1 comment'; comments(1204) // '1,204 comments' */
export const comments = (n: number) => counted(n, 'comment', 'comments');

export function figureText(figure: Figure | null | undefined): string {
  if (!figure || figure.n === 0) return 'no responses';
  if (figure.suppressed || figure.positive === null) return 'too few responses to show (fewer than 5)';
  const interval = figure.ci95 ? ` (95% interval ${percent(figure.ci95[0])} to ${percent(figure.ci95[1])})` : '';
  return `${percent(figure.positive)} positive of ${figure.n} responses${interval}`;
}

export function changeText(comparison: Comparison | null | undefined, against: string): string {
  if (!comparison) return `No responses in ${against} to compare with.`;
  if (comparison.change === null) return `${against}: ${figureText(comparison.base)}; no change can be shown.`;
  const points = Math.round(comparison.change * 100);
  const direction = points === 0 ? 'no change' : `${points > 0 ? 'up' : 'down'} ${Math.abs(points)} points`;
  return `${direction} on ${against} (${figureText(comparison.base)}): ${comparison.significant ? `a significant change (p = ${comparison.p?.toFixed(3)})` : 'not a significant change'}.`;
}

/** Dimension names as the page and PDF headings say them. */
export const DIMENSION_NAMES: Record<string, string> = {
  ethnicGroup: 'Ethnic group',
  firstLanguage: 'First language',
  disability: 'Disability or SEND',
  relationship: 'Who answered',
  childAgeBand: 'Age of child',
  language: 'Language of the form',
  channel: 'How they answered',
};
