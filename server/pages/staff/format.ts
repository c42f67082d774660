/** Numbers and times as staff read them: whole percents (as FFT is published), "12 minutes ago", UK dates. */
import { toWholePercent } from '../../../analysis/suppression';

/** @example percent(0.8249) // '82%' */
export function percent(share: number | null): string {
  const whole = toWholePercent(share);
  return whole === null ? '–' : `${whole}%`;
}

/** @example interval([0.78, 0.861]) // '78% to 86%' */
export function interval(ci: readonly [number, number] | null): string {
  return ci ? `${percent(ci[0])} to ${percent(ci[1])}` : '–';
}

/** @example count(12345) // '12,345' */
export function count(n: number | null): string {
  return n === null ? '–' : n.toLocaleString('en-GB');
}

/** @example counted(1, 'comment', 'comments') // '1 comment'; counted(1204, …) // '1,204 comments' */
export function counted(n: number, one: string, many: string): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'} ago`;

/**
 * How long ago, in the words a duty desk uses.
 * @example timeAgo(new Date('2026-03-01T10:00Z'), new Date('2026-03-01T10:12Z')) // '12 minutes ago'
 */
export function timeAgo(at: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - at.getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return plural(hours, 'hour');
  return plural(Math.floor(hours / 24), 'day');
}

// Hubs are in England: show their clock, whatever the server's time zone.
const ukDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const ukDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric' });

/** @example dateTime(new Date('2026-07-01T08:05Z')) // '1 Jul 2026, 09:05' */
export const dateTime = (at: Date) => ukDateTime.format(at);
/** @example date(new Date('2026-07-01T08:05Z')) // '1 Jul 2026' */
export const date = (at: Date) => ukDate.format(at);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** @example monthLabel('2026-03') // { short: 'Mar', year: '2026', long: 'Mar 2026' } */
export function monthLabel(key: string): { short: string; year: string; long: string } {
  const [year = '', month = ''] = key.split('-');
  const short = MONTHS[Number(month) - 1] ?? key;
  return { short, year, long: `${short} ${year}` };
}

/**
 * Every month key from one ISO date's month to another's, so a month without responses shows as
 * a gap rather than being skipped.
 * @example monthsBetween('2025-11-15', '2026-02-01') // ['2025-11', '2025-12', '2026-01', '2026-02']
 */
export function monthsBetween(from: string, to: string): string[] {
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const endYear = Number(to.slice(0, 4));
  const endMonth = Number(to.slice(5, 7));
  const keys: string[] = [];
  while ((year < endYear || (year === endYear && month <= endMonth)) && keys.length < 240) {
    keys.push(`${year}-${String(month).padStart(2, '0')}`);
    month === 12 ? ((month = 1), year++) : month++;
  }
  return keys;
}

export interface MonthTick {
  label: string;
  /** The year, under the first shown month and each January. */
  sub?: string;
  /** Hidden on a phone, where every other month fits; never a January, so the year change always shows. */
  minor: boolean;
}

/**
 * Axis labels for a run of months.
 * @example monthTicks(['2025-12', '2026-01']) // [{ label: 'Dec', sub: '2025', minor: false }, { label: 'Jan', sub: '2026', minor: false }]
 */
export function monthTicks(keys: readonly string[]): MonthTick[] {
  const anchor = Math.max(
    0,
    keys.findIndex((key) => key.endsWith('-01')),
  );
  const thin = keys.length > 6;
  const minorAt = (i: number) => thin && (i - anchor) % 2 !== 0;
  const firstMajor = keys.findIndex((_, i) => !minorAt(i));
  return keys.map((key, i) => {
    const { short, year } = monthLabel(key);
    const sub = i === 0 || i === firstMajor || key.endsWith('-01') ? year : undefined;
    return { label: short, ...(sub ? { sub } : {}), minor: minorAt(i) };
  });
}
