/**
 * `/reports/quarterly`: the quarterly report as one printable page (A4 print stylesheet; a PDF
 * download where the server can write one). A plain GET form chooses the quarter and the scope.
 */
import type { FieldError } from '../../errors';
import type { QuarterlyReport } from '../../quarterly';
import { changeText, comments, DIMENSION_NAMES, figureText, percent } from '../../quarterly-figures';
import { BarChart } from '../charts/bar-chart';
import { ErrorSummary } from './fields';
import { StaffShell, type StaffUser } from './staff-shell';

export interface QuarterlyPageProps {
  user: StaffUser;
  report: QuarterlyReport | null;
  errors: FieldError[];
  choices: { quarters: string[]; providers: { code: string; name: string }[]; sites: { code: string; name: string }[] };
  asked: { quarter: string; scope: string };
  /** Where the PDF of this report is, when the server can write one. */
  pdfHref: string | null;
}

export function QuarterlyPage({ user, report, errors, choices, asked, pdfHref }: QuarterlyPageProps) {
  const title = report ? `Quarterly report ${report.quarter}: ${report.scope.name}` : 'Quarterly report';
  return (
    <StaffShell title={errors.length ? `Error: ${title}` : title} user={user} current="dashboard" extraCss={QUARTERLY_CSS}>
      <form method="get" action="/reports/quarterly" class="filters no-print">
        <div class="fg">
          <label class="lbl" for="quarter">
            Quarter
          </label>
          <select class="input" id="quarter" name="quarter">
            {choices.quarters.map((quarter) => (
              <option key={quarter} value={quarter} selected={quarter === asked.quarter}>
                {quarter}
              </option>
            ))}
          </select>
        </div>
        <div class="fg">
          <label class="lbl" for="scope">
            For
          </label>
          <select class="input" id="scope" name="scope">
            <option value="" selected={asked.scope === ''}>
              All sites you can see
            </option>
            {choices.providers.map((provider) => (
              <option key={provider.code} value={`provider:${provider.code}`} selected={asked.scope === `provider:${provider.code}`}>
                Provider: {provider.name}
              </option>
            ))}
            {choices.sites.map((site) => (
              <option key={site.code} value={`site:${site.code}`} selected={asked.scope === `site:${site.code}`}>
                Site: {site.name}
              </option>
            ))}
          </select>
        </div>
        <button class="btn" type="submit">
          Show report
        </button>
      </form>
      <ErrorSummary errors={errors} />
      {report && <Report report={report} pdfHref={pdfHref} />}
    </StaffShell>
  );
}

function Report({ report, pdfHref }: { report: QuarterlyReport; pdfHref: string | null }) {
  const fft = report.fft;
  const period = (name: string, figure: NonNullable<QuarterlyReport['fft']>['current'] | undefined) => ({
    key: name,
    label: name,
    value: figure && !figure.suppressed ? figure.positive : null,
    interval: figure && !figure.suppressed ? figure.ci95 : null,
    caption: figure && !figure.suppressed && figure.positive !== null ? `${percent(figure.positive)} of ${figure.n}` : 'too few to show',
  });
  return (
    <article class="quarterly">
      <h1>
        Quarterly report: {report.quarter}
        <span class="sub">{report.scope.name}</span>
      </h1>
      <p>
        {report.range.from} to {report.range.to}: <strong>{report.responses ?? 0} responses</strong>. Cells of fewer than 5 responses are not shown.
      </p>
      <p class="no-print">
        {pdfHref ? (
          <>
            <a href={pdfHref}>Download this report as a PDF</a>, or print this page (it is laid out for A4).
          </>
        ) : (
          'Print this page to save it as a PDF: it is laid out for A4.'
        )}
      </p>

      <section aria-labelledby="q-fft">
        <h2 id="q-fft">Friends and Family Test</h2>
        <BarChart
          label={`% positive in ${report.quarter}, last quarter and the same quarter last year, bar chart`}
          bars={[
            period(report.quarter, fft?.current),
            period(report.periods.previous, fft?.vsPrevious?.base),
            period(report.periods.lastYear, fft?.vsLastYear?.base),
          ]}
        />
        <p class="hint">Bars show % positive (good or very good); the black line is the 95% interval.</p>
        <ul>
          <li>This quarter: {figureText(fft?.current)}.</li>
          <li>Against last quarter: {changeText(fft?.vsPrevious, report.periods.previous)}</li>
          <li>Against the same quarter last year: {changeText(fft?.vsLastYear, report.periods.lastYear)}</li>
        </ul>
      </section>

      <section aria-labelledby="q-channels">
        <h2 id="q-channels">Responses by channel and language</h2>
        <div class="two">
          {(
            [
              ['channel', report.byChannel],
              ['language', report.byLanguage],
            ] as const
          ).map(([dimension, rows]) => (
            <table class="tbl" key={dimension}>
              <caption>{DIMENSION_NAMES[dimension]}</caption>
              <thead>
                <tr>
                  <th scope="col">{dimension === 'channel' ? 'Channel' : 'Language'}</th>
                  <th scope="col" class="num">
                    Responses
                  </th>
                  <th scope="col" class="num">
                    % positive
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.label}</th>
                    <td class="num">{row.suppressed ? 'fewer than 5' : row.n}</td>
                    <td class="num">{row.suppressed ? '–' : percent(row.fftPositive)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </div>
      </section>

      <section aria-labelledby="q-equity">
        <h2 id="q-equity">Equity gaps</h2>
        {(() => {
          const flagged = report.equity.flatMap((e) => e.rows.filter((r) => r.flagged).map((row) => ({ dimension: e.dimension, row })));
          return flagged.length ? (
            <ul>
              {flagged.map(({ dimension, row }) => (
                <li key={`${dimension}-${row.key}`}>
                  <strong>
                    {DIMENSION_NAMES[dimension] ?? dimension}, {row.label}
                  </strong>
                  : {percent(row.positive)} positive against {percent(row.restPositive)} for everyone else (a gap of {Math.round(Math.abs(row.gap ?? 0) * 100)}{' '}
                  points).
                </li>
              ))}
            </ul>
          ) : (
            <p>No group was significantly less satisfied than everyone else this quarter (each side needs 30 answers before a gap is flagged).</p>
          );
        })()}
      </section>

      <section aria-labelledby="q-themes">
        <h2 id="q-themes">What families wrote about</h2>
        <p>{comments(report.themes.comments)}. The quotes are typical of each theme and differ from each other; names and contact details are removed.</p>
        {report.themes.top.map((theme) => (
          <div class="theme" key={theme.theme}>
            <h3>
              {theme.name}: {comments(theme.count)} ({percent(theme.share)})
            </h3>
            {theme.quotes.map((quote, i) => (
              <blockquote class="quote" key={quote}>
                {quote}
                {theme.quoteSources[i] && <footer class="quote-from">From {theme.quoteSources[i]}</footer>}
              </blockquote>
            ))}
          </div>
        ))}
        {report.themes.emerging.length > 0 && (
          <p>
            <strong>Emerging this quarter:</strong> {report.themes.emerging.map((term) => term.term).join(', ')}.
          </p>
        )}
      </section>

      <section aria-labelledby="q-actions">
        <h2 id="q-actions">You said, we did</h2>
        {report.actions.length ? (
          <ul>
            {report.actions.map((action) => (
              <li key={action.id}>
                <strong>You said:</strong> {action.youSaid} <strong>We did:</strong> {action.weDid}
              </li>
            ))}
          </ul>
        ) : (
          <p>Nothing was published this quarter.</p>
        )}
      </section>

      <section aria-labelledby="q-meetings">
        <h2 id="q-meetings">Meetings held with families</h2>
        {report.meetings.total ? (
          <>
            <p>
              {report.meetings.total} {report.meetings.total === 1 ? 'meeting' : 'meetings'} with {report.meetings.participants}{' '}
              {report.meetings.participants === 1 ? 'person' : 'people'} taking part. Their notes and quotes are counted in the themes above.
            </p>
            <table class="tbl">
              <caption class="vh">Meetings held, by kind</caption>
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col" class="num">
                    Meetings
                  </th>
                  <th scope="col" class="num">
                    People
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.meetings.byKind.map((row) => (
                  <tr key={row.kind}>
                    <th scope="row">{row.label}</th>
                    <td class="num">{row.meetings}</td>
                    <td class="num">{row.participants}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p>
            No meetings with families were recorded this quarter. <a href="/meetings">Record a meeting</a>
          </p>
        )}
      </section>

      <section aria-labelledby="q-hearing">
        <h2 id="q-hearing">Who we are and are not hearing from</h2>
        <p class="hint">
          Each group’s share of the quarter’s responses, against its share of the population where the council has{' '}
          <a href="/population">uploaded population figures</a>. Groups with fewer than 5 answers show no share.
        </p>
        {report.hearingFrom.map((group) => {
          const bars = group.groups.map((g) => ({
            key: g.key,
            label: g.label,
            value: g.suppressed ? null : g.share,
            interval: null,
            caption: g.suppressed || g.n === null ? 'fewer than 5' : `${g.n} (${percent(g.share)})`,
          }));
          if (group.population) {
            const rows = group.population.rows;
            return (
              <div class="hearing" key={group.dimension}>
                <h3>{DIMENSION_NAMES[group.dimension] ?? group.dimension}</h3>
                <BarChart
                  label={`${DIMENSION_NAMES[group.dimension]}: share of responses against share of the population, bar chart`}
                  bars={rows.map((row) => ({
                    key: row.key,
                    label: `${row.label}${row.underHeard ? ' (under-heard)' : ''}`,
                    value: row.share,
                    interval: row.ci95,
                    caption: `${row.share === null ? 'fewer than 5' : percent(row.share)} of responses, ${percent(row.populationShare)} of people`,
                  }))}
                />
                <p class="hint">
                  Population: {group.population.area}
                  {group.population.source ? ` (${group.population.source})` : ''}. Under-heard: even the top of the 95% interval of the group’s share of
                  responses is below its share of the population.
                </p>
              </div>
            );
          }
          return (
            <div class="hearing" key={group.dimension}>
              <h3>{DIMENSION_NAMES[group.dimension] ?? group.dimension}</h3>
              {bars.length ? (
                <BarChart label={`${DIMENSION_NAMES[group.dimension]}: share of responses, bar chart`} bars={bars} />
              ) : (
                <p>Nobody answered this question.</p>
              )}
              {group.notAnswered ? <p class="hint">Not answered: {group.notAnswered}.</p> : null}
            </div>
          );
        })}
      </section>
    </article>
  );
}

const QUARTERLY_CSS = `
.quarterly h1 .sub{display:block;font-size:1.2rem;font-weight:400;margin-top:.25rem}
.quarterly section{margin:0 0 2rem}
.quarterly .two{display:grid;gap:1rem 2rem}
@media (min-width:48em){.quarterly .two{grid-template-columns:1fr 1fr}}
.quarterly caption{text-align:start;font-weight:700;padding:.25rem 0}
.quarterly .theme h3,.quarterly .hearing h3{font-size:1.1rem;margin:1rem 0 .5rem}
@page{size:A4;margin:14mm 14mm 16mm}
@media print{
  .hdr,.skip,.no-print,.filters{display:none!important}
  body{font-size:10.5pt}
  .staff main{max-width:none;padding:0}
  .quarterly section{break-inside:auto}
  .quarterly h2,.quarterly h3{break-after:avoid-page}
  .quarterly .theme,.quarterly .hearing,.quarterly blockquote,.quarterly table,.chart-svg{break-inside:avoid-page}
  .quarterly h2{border-top:2px solid #0b0c0c;padding-top:.3rem}
  a{color:#0b0c0c;text-decoration:none}
}
`;
