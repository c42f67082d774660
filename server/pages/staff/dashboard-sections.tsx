/**
 * The dashboard's sections, each a chart or table with its numbers in words or a table, so a
 * screen reader gets every figure the eye does. Hidden (suppressed) cells say why, never show 0.
 */
import { DEFAULT_MIN_GROUP_SIZE, type EquityRow } from '../../../analysis/equity';
import type { SatisfactionRow } from '../../../analysis/satisfaction';
import type { ThemeSummaryEntry } from '../../../analysis/text';
import { BarChart } from '../charts/bar-chart';
import { ChartFigure } from '../charts/chart-figure';
import { LineChart } from '../charts/line-chart';
import { count, counted, monthTicks, percent } from './format';

/** Why a cell has no figures, in the words a reader needs. */
export function hiddenReason(row: { suppressionReason: string | null }): string {
  return row.suppressionReason === 'small' ? 'fewer than 5 responses' : 'hidden so a small group cannot be worked out';
}

const range = (ci: readonly [number, number] | null) => (ci ? `${percent(ci[0]).replace('%', '')}–${percent(ci[1])}` : '–');

/** "Disability or SEND" → "disability or SEND": lower case, except words written in capitals. */
export const lowerFirst = (label: string) => (/^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1));

export function SatisfactionBy({ rows, label = 'Site', plural = 'sites' }: { rows: SatisfactionRow[]; label?: string; plural?: string }) {
  if (rows.length === 0) return <p>No responses in this period.</p>;
  return (
    <ChartFigure
      id="by-breakdown"
      title={`% positive by ${lowerFirst(label)} (${rows.length} ${rows.length === 1 ? lowerFirst(label) : plural})`}
      note="Bars show the share who said Very good or Good. The black line across each bar is the 95% confidence interval: the true figure is very likely inside it. Dashed boxes are hidden to protect small groups."
      table={
        <table class="tbl">
          <thead>
            <tr>
              <th scope="col">{label}</th>
              <th scope="col" class="num">
                Responses
              </th>
              <th scope="col" class="num">
                % positive
              </th>
              <th scope="col" class="num">
                95% interval
              </th>
              <th scope="col" class="num">
                % negative
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {row.suppressed ? (
                  <td colSpan={4}>Not shown: {hiddenReason(row)}</td>
                ) : (
                  <>
                    <td class="num">{count(row.n)}</td>
                    <td class="num">{percent(row.fftPositive)}</td>
                    <td class="num">{range(row.ci95)}</td>
                    <td class="num">{percent(row.fftNegative)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <BarChart
        label={`Bar chart of % positive by ${lowerFirst(label)}; the numbers are in the table below.`}
        bars={rows.map((row) => ({
          key: row.key,
          label: row.label,
          value: row.suppressed ? null : row.fftPositive,
          interval: row.suppressed ? null : row.ci95,
          caption: row.suppressed ? hiddenReason(row) : `${percent(row.fftPositive)} (${range(row.ci95)})`,
        }))}
      />
    </ChartFigure>
  );
}

export interface MonthPoint {
  key: string;
  short: string;
  year: string;
  long: string;
  row: SatisfactionRow | null;
}

export function MonthlyTrend({ months }: { months: MonthPoint[] }) {
  if (months.length < 2) return <p>Choose a period of at least two months to see a trend.</p>;
  const ticks = monthTicks(months.map((month) => month.key));
  return (
    <ChartFigure
      id="trend"
      title="% positive by month"
      note="Each dot is a month's share who said Very good or Good; the grey line through it is its 95% interval. A break in the line is a month with no responses or one hidden to protect a small group."
      table={
        <table class="tbl">
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col" class="num">
                Responses
              </th>
              <th scope="col" class="num">
                % positive
              </th>
              <th scope="col" class="num">
                95% interval
              </th>
            </tr>
          </thead>
          <tbody>
            {months.map(({ key, long, row }) => (
              <tr key={key}>
                <th scope="row">{long}</th>
                {!row ? (
                  <td colSpan={3}>No responses</td>
                ) : row.suppressed ? (
                  <td colSpan={3}>Not shown: {hiddenReason(row)}</td>
                ) : (
                  <>
                    <td class="num">{count(row.n)}</td>
                    <td class="num">{percent(row.fftPositive)}</td>
                    <td class="num">{range(row.ci95)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <LineChart
        label="Line chart of % positive by month; the numbers are in the table below."
        points={months.map((month, i) => ({
          key: month.key,
          ...ticks[i]!,
          value: month.row && !month.row.suppressed ? month.row.fftPositive : null,
          interval: month.row && !month.row.suppressed ? month.row.ci95 : null,
        }))}
      />
    </ChartFigure>
  );
}

/** What an equity row means, in words: the gap is never carried by the highlight colour alone. */
function equityVerdict(row: EquityRow): string {
  if (row.suppressed) return `Not shown: ${hiddenReason(row)}`;
  if (row.flagged) return row.gap !== null && row.gap < 0 ? 'Gap: less satisfied than everyone else' : 'Gap: more satisfied than everyone else';
  if (row.n === null || row.restN === null || row.n < DEFAULT_MIN_GROUP_SIZE || row.restN < DEFAULT_MIN_GROUP_SIZE) {
    return `Too few answers to judge (fewer than ${DEFAULT_MIN_GROUP_SIZE})`;
  }
  return 'No clear difference';
}

const points = (gap: number | null) => (gap === null ? '–' : `${gap > 0 ? '+' : gap < 0 ? '−' : ''}${Math.abs(Math.round(gap * 100))} points`);

export function EquityTable({ rows, dimensionLabel }: { rows: EquityRow[]; dimensionLabel: string }) {
  if (rows.length === 0) return <p>No answers about {dimensionLabel.toLowerCase()} in this period.</p>;
  const gaps = rows.filter((row) => row.flagged);
  return (
    <>
      <p>
        {gaps.length === 0
          ? 'No group’s satisfaction differs clearly from everyone else’s.'
          : `${gaps.length} ${gaps.length === 1 ? 'group differs' : 'groups differ'} clearly from everyone else: ${gaps.map((g) => g.label).join(', ')}.`}{' '}
        A gap is flagged when both sides have at least {DEFAULT_MIN_GROUP_SIZE} answers and their 95% intervals do not overlap.
      </p>
      <div class="scroll" role="region" aria-label={`Satisfaction by ${dimensionLabel.toLowerCase()}`} tabIndex={0}>
        <table class="tbl">
          <caption class="vh">% positive by {dimensionLabel.toLowerCase()}, against everyone else</caption>
          <thead>
            <tr>
              <th scope="col">{dimensionLabel}</th>
              <th scope="col" class="num">
                Answers
              </th>
              <th scope="col" class="num">
                % positive
              </th>
              <th scope="col" class="num">
                Everyone else
              </th>
              <th scope="col" class="num">
                Difference
              </th>
              <th scope="col">What it means</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} class={row.flagged ? 'flag' : undefined}>
                <th scope="row">{row.label}</th>
                {row.suppressed ? (
                  <>
                    <td class="num">–</td>
                    <td class="num">–</td>
                    <td class="num">–</td>
                    <td class="num">–</td>
                  </>
                ) : (
                  <>
                    <td class="num">{count(row.n)}</td>
                    <td class="num">
                      {percent(row.positive)}
                      <br />
                      <span class="muted-text">{range(row.ci95)}</span>
                    </td>
                    <td class="num">
                      {percent(row.restPositive)}
                      <br />
                      <span class="muted-text">{range(row.restCi95)}</span>
                    </td>
                    <td class="num">{points(row.gap)}</td>
                  </>
                )}
                <td>{row.flagged ? <strong>{equityVerdict(row)}</strong> : equityVerdict(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function TopThemes({ themes, comments, hrefFor }: { themes: ThemeSummaryEntry[]; comments: number; hrefFor: (theme: string) => string }) {
  if (themes.length === 0) return <p>No comments in this period.</p>;
  return (
    <>
      <p>From {counted(comments, 'comment or note', 'comments and notes')} in this period. Quotes have names, numbers and addresses hidden.</p>
      <ol class="themes">
        {themes.map((theme) => {
          const { negative, neutral, positive } = theme.sentiment;
          const total = Math.max(1, negative + neutral + positive);
          return (
            <li key={theme.theme} class="theme">
              <h3>
                <a href={hrefFor(theme.theme)}>
                  {theme.name}
                  <span class="vh">: read the comments</span>
                </a>
              </h3>
              <p>
                {counted(theme.count, 'comment', 'comments')} ({percent(theme.share)} of all)
                {theme.change &&
                  theme.change.count !== 0 &&
                  `, ${theme.change.count > 0 ? 'up' : 'down'} ${count(Math.abs(theme.change.count))} on the period before`}
              </p>
              <p>
                {count(negative)} negative, {count(neutral)} neutral, {count(positive)} positive
              </p>
              <div class="split" aria-hidden="true">
                <span class="s-neg" style={{ width: `${(100 * negative) / total}%` }} />
                <span class="s-neu" style={{ width: `${(100 * neutral) / total}%` }} />
                <span class="s-pos" style={{ width: `${(100 * positive) / total}%` }} />
              </div>
              {theme.quotes[0] && (
                <blockquote class="quote">
                  {theme.quotes[0]}
                  {theme.quoteSources[0] && <footer class="quote-from">From {theme.quoteSources[0]}</footer>}
                </blockquote>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
