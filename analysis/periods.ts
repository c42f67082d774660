/**
 * Reporting periods as sortable string keys, all in UTC so a response at 23:30 on the last day
 * of a month lands in the same period on every server:
 * - week: ISO 8601 week, 'YYYY-Www' (weeks start Monday; week 1 holds the year's first Thursday,
 *   so 2021-01-03 is in 2020-W53),
 * - month: 'YYYY-MM', quarter: 'YYYY-Qn' (calendar quarters).
 */

export type Granularity = 'week' | 'month' | 'quarter';

const DAY_MS = 86_400_000;
const WEEK_KEY = /^(\d{4})-W(\d{2})$/;
const MONTH_KEY = /^(\d{4})-(\d{2})$/;
const QUARTER_KEY = /^(\d{4})-Q([1-4])$/;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Monday 00:00 UTC of ISO week 1: the Monday on or before 4 January (ISO 8601). */
function isoWeekOneMonday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
}

function isoWeekOf(ms: number): { year: number; week: number } {
  const day = Math.floor(ms / DAY_MS) * DAY_MS;
  const thursday = day + (3 - ((new Date(day).getUTCDay() + 6) % 7)) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  return { year, week: 1 + Math.round((thursday - isoWeekOneMonday(year) - 3 * DAY_MS) / (7 * DAY_MS)) };
}

/**
 * 52 or 53: 28 December is always in the year's last ISO week.
 *
 * @example
 * isoWeeksInYear(2020) // 53
 */
export function isoWeeksInYear(year: number): number {
  return isoWeekOf(Date.UTC(year, 11, 28)).week;
}

/**
 * Epoch milliseconds (how db/ stores times), a Date, or ISO text. ISO text without an offset,
 * including SQLite's 'YYYY-MM-DD HH:MM:SS', is read as UTC, not the server's local time zone.
 */
function toMs(at: string | Date | number): number {
  let ms: number;
  if (typeof at === 'number') ms = at;
  else if (at instanceof Date) ms = at.getTime();
  else {
    const text = at.trim().replace(' ', 'T');
    const zoned = !text.includes('T') || /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(text);
    ms = Date.parse(zoned ? text : `${text}Z`);
  }
  if (!Number.isFinite(ms)) throw new RangeError(`not an ISO date or timestamp: ${String(at)}`);
  return ms;
}

/**
 * The key of the period holding a date or timestamp.
 *
 * @example
 * periodKey('2021-01-03', 'week') // '2020-W53'
 */
export function periodKey(at: string | Date | number, granularity: Granularity): string {
  const ms = toMs(at);
  const date = new Date(ms);
  if (granularity === 'week') {
    const { year, week } = isoWeekOf(ms);
    return `${year}-W${pad(week)}`;
  }
  if (granularity === 'month') return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}`;
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

type Parsed = { granularity: Granularity; year: number; index: number };

function parse(key: string): Parsed {
  const week = WEEK_KEY.exec(key);
  if (week && Number(week[2]) >= 1 && Number(week[2]) <= isoWeeksInYear(Number(week[1]))) {
    return { granularity: 'week', year: Number(week[1]), index: Number(week[2]) };
  }
  const month = MONTH_KEY.exec(key);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) {
    return { granularity: 'month', year: Number(month[1]), index: Number(month[2]) };
  }
  const quarter = QUARTER_KEY.exec(key);
  if (quarter) return { granularity: 'quarter', year: Number(quarter[1]), index: Number(quarter[2]) };
  throw new RangeError(`not a period key (YYYY-Www, YYYY-MM or YYYY-Qn): ${key}`);
}

function format({ granularity, year, index }: Parsed): string {
  if (granularity === 'week') return `${year}-W${pad(index)}`;
  return granularity === 'month' ? `${year}-${pad(index)}` : `${year}-Q${index}`;
}

/**
 * The first day of a period and the first day after it, as ISO dates (`to` is exclusive, so
 * `from <= day < to` selects the period).
 *
 * @example
 * periodRange('2020-W53') // { from: '2020-12-28', to: '2021-01-04' }
 */
export function periodRange(key: string): { from: string; to: string } {
  const { granularity, year, index } = parse(key);
  if (granularity === 'week') {
    const from = isoWeekOneMonday(year) + (index - 1) * 7 * DAY_MS;
    return { from: isoDate(from), to: isoDate(from + 7 * DAY_MS) };
  }
  const months = granularity === 'month' ? 1 : 3;
  const firstMonth = granularity === 'month' ? index - 1 : (index - 1) * 3;
  return { from: isoDate(Date.UTC(year, firstMonth, 1)), to: isoDate(Date.UTC(year, firstMonth + months, 1)) };
}

/**
 * The period just before, across year ends.
 *
 * @example
 * previousPeriod('2021-W01') // '2020-W53'
 */
export function previousPeriod(key: string): string {
  const parsed = parse(key);
  if (parsed.index > 1) return format({ ...parsed, index: parsed.index - 1 });
  const year = parsed.year - 1;
  const last = parsed.granularity === 'week' ? isoWeeksInYear(year) : parsed.granularity === 'month' ? 12 : 4;
  return format({ ...parsed, year, index: last });
}

/**
 * The same period a year earlier. Week 53 maps to week 52 when last year had only 52 weeks, the
 * nearest week that exists, rather than spilling into week 1 of this year.
 *
 * @example
 * samePeriodLastYear('2026-W53') // '2025-W52'
 */
export function samePeriodLastYear(key: string): string {
  const parsed = parse(key);
  const year = parsed.year - 1;
  const index = parsed.granularity === 'week' ? Math.min(parsed.index, isoWeeksInYear(year)) : parsed.index;
  return format({ ...parsed, year, index });
}
