/**
 * `/dashboard` for commissioners and providers: filters as a GET form, the headline figures, and
 * satisfaction by site, by month, by group (equity, KPI 5) and the themes families write about.
 */
import type { EquityRow } from '../../../analysis/equity';
import type { SatisfactionRow } from '../../../analysis/satisfaction';
import type { ThemeSummaryEntry } from '../../../analysis/text';
import type { CommentSource } from '../../../db/comments';
import type { FieldError } from '../../errors';
import { EquityTable, hiddenReason, lowerFirst, MonthlyTrend, SatisfactionBy, TopThemes, type MonthPoint } from './dashboard-sections';
import { ErrorSummary, Select, TextField } from './fields';
import { count, counted, percent, interval, date } from './format';
import { StaffShell, type StaffUser } from './staff-shell';

/** Every breakdown of satisfaction the reports compute, as the page offers them (`by` in the URL). */
export const BREAKDOWNS = [
  { value: 'site', label: 'Site', plural: 'sites' },
  { value: 'provider', label: 'Provider', plural: 'providers' },
  { value: 'locality', label: 'Locality', plural: 'localities' },
  { value: 'ward', label: 'Ward', plural: 'wards' },
  { value: 'servicePoint', label: 'Service point', plural: 'service points' },
  { value: 'channel', label: 'How they answered', plural: 'ways of answering' },
  { value: 'language', label: 'Language of the form', plural: 'languages' },
  { value: 'role', label: 'Who answered', plural: 'who answered' },
  { value: 'quarter', label: 'Quarter', plural: 'quarters' },
  { value: 'relationship', label: 'Relationship to the child', plural: 'relationships' },
  { value: 'childAgeBand', label: 'Child’s age', plural: 'ages' },
  { value: 'ethnicGroup', label: 'Ethnic group', plural: 'ethnic groups' },
  { value: 'ethnicity', label: 'Ethnic group (detailed)', plural: 'ethnic groups' },
  { value: 'disability', label: 'Disability or SEND', plural: 'answers' },
  { value: 'firstLanguage', label: 'First language', plural: 'first languages' },
  { value: 'postcodeDistrict', label: 'Postcode district', plural: 'postcode districts' },
] as const;
export type Breakdown = (typeof BREAKDOWNS)[number]['value'];

export const EQUITY_CHOICES = [
  { value: 'ethnicGroup', label: 'Ethnic group' },
  { value: 'firstLanguage', label: 'First language' },
  { value: 'relationship', label: 'Relationship to the child' },
  { value: 'disability', label: 'Disability or SEND' },
  { value: 'childAgeBand', label: 'Child’s age' },
] as const;
export type EquityChoice = (typeof EQUITY_CHOICES)[number]['value'];

export interface DashboardFilters {
  from: string;
  to: string;
  provider: string;
  site: string;
  dimension: EquityChoice;
  /** The breakdown of satisfaction shown. */
  by: Breakdown;
  /** Whose words the themes read: everyone's, families' comments, or meetings' notes. */
  source: CommentSource;
}

export const SOURCE_CHOICES: { value: CommentSource; label: string }[] = [
  { value: 'all', label: 'Families and meetings' },
  { value: 'families', label: 'Families’ comments' },
  { value: 'meetings', label: 'Meetings’ notes' },
];

export interface DashboardData {
  total: SatisfactionRow;
  /** Satisfaction by the breakdown chosen (`filters.by`). */
  breakdown: SatisfactionRow[];
  /** The latest month's and quarter's change against the one before and a year before, in words with significance. */
  trend: { month: string | null; quarter: string | null };
  emergingTerms: { term: string; current: number; previous: number }[];
  byMonth: MonthPoint[];
  equity: EquityRow[];
  themes: ThemeSummaryEntry[];
  comments: number;
  openFlags: number;
}

export interface DashboardPageProps {
  user: StaffUser;
  /** "All 12 sites you can see" or "The 4 sites run by Harbour Family Trust". */
  scope: string;
  filters: DashboardFilters;
  providers: { code: string; name: string }[];
  sites: { code: string; name: string }[];
  errors: FieldError[];
  data: DashboardData | null;
  /** The dashboard's query string for links that keep the filters. */
  query: (extra: Record<string, string>) => string;
  /** The chosen site's posters and QR codes, when one site is chosen. */
  posters?: string | null;
}

export function DashboardPage({ user, scope, filters, providers, sites, errors, data, query, posters = null }: DashboardPageProps) {
  const errorOf = (field: string) => errors.find((e) => e.field === field);
  const dimensionLabel = EQUITY_CHOICES.find((c) => c.value === filters.dimension)?.label ?? 'Group';
  const breakdown = BREAKDOWNS.find((b) => b.value === filters.by) ?? BREAKDOWNS[0];
  // Every form on the page carries the others' choices, so each view is one URL to share.
  const keep = (except: string) =>
    (['dimension', 'by', 'source'] as const).map(
      (name) => name !== except && !(name === 'source' && filters.source === 'all') && <input type="hidden" name={name} value={filters[name]} />,
    );
  return (
    <StaffShell title={`${errors.length ? 'Error: ' : ''}Dashboard`} user={user} current="dashboard">
      <ErrorSummary errors={errors} />
      <h1>Family feedback</h1>
      <p class="lead">{scope}. Figures follow the NHS Friends and Family Test: % positive is Very good or Good out of every answer, Don’t know included.</p>

      <form method="get" action="/dashboard" class="filters" aria-label="Filters">
        <TextField name="from" label="From" type="date" value={filters.from} error={errorOf('from')} />
        <TextField name="to" label="To" type="date" value={filters.to} error={errorOf('to')} />
        {providers.length > 1 && (
          <Select
            name="provider"
            label="Provider"
            value={filters.provider}
            error={errorOf('provider')}
            options={[{ value: '', label: 'All providers' }, ...providers.map((p) => ({ value: p.code, label: p.name }))]}
          />
        )}
        <Select
          name="site"
          label="Site"
          value={filters.site}
          error={errorOf('site')}
          options={[{ value: '', label: 'All sites' }, ...sites.map((s) => ({ value: s.code, label: s.name }))]}
        />
        {keep('')}
        <button class="btn inline" type="submit">
          Show
        </button>
      </form>
      <p>
        <a href={`/exports${query({})}`}>Download these figures, the responses or the comments (CSV or Excel)</a>
      </p>
      <p>
        <a href="/reports/quarterly">The quarterly report, to print or send</a>
      </p>
      {posters && (
        <p>
          <a href={posters}>Posters and QR codes for {scope}</a>
        </p>
      )}

      {data && (
        <>
          <h2 class="vh">
            Headline figures, {date(new Date(filters.from))} to {date(new Date(filters.to))}
          </h2>
          <ul class="kpis">
            <li class="kpi">
              <span class="kpi-k">Responses</span>
              <span class="kpi-v">{data.total.suppressed ? 'Fewer than 5' : count(data.total.n)}</span>
              <span class="kpi-s">
                {date(new Date(filters.from))} to {date(new Date(filters.to))}
              </span>
            </li>
            <li class="kpi">
              <span class="kpi-k">Positive</span>
              <span class="kpi-v">{data.total.suppressed ? '–' : percent(data.total.fftPositive)}</span>
              <span class="kpi-s">{data.total.suppressed ? hiddenReason(data.total) : `95% interval ${interval(data.total.ci95)}`}</span>
            </li>
            <li class="kpi">
              <span class="kpi-k">Negative</span>
              <span class="kpi-v">{data.total.suppressed ? '–' : percent(data.total.fftNegative)}</span>
              <span class="kpi-s">Poor or Very poor</span>
            </li>
            <li class={data.openFlags > 0 ? 'kpi alert' : 'kpi'}>
              <span class="kpi-k">Open safeguarding flags</span>
              <span class="kpi-v">{count(data.openFlags)}</span>
              <span class="kpi-s">{user.reviewsFlags ? <a href="/safeguarding">Review safeguarding flags</a> : 'Your safeguarding lead reviews these'}</span>
            </li>
          </ul>

          <div class="grid2">
            <section aria-labelledby="h-breakdown" id="breakdown">
              <h2 id="h-breakdown">Satisfaction by {lowerFirst(breakdown.label)}</h2>
              <form method="get" action="/dashboard#breakdown" class="filters compare" aria-label="Breakdown">
                {(['from', 'to', 'provider', 'site'] as const).map((name) => filters[name] && <input type="hidden" name={name} value={filters[name]} />)}
                {keep('by')}
                <Select name="by" label="Break down by" value={filters.by} options={BREAKDOWNS.map((b) => ({ value: b.value, label: b.label }))} />
                <button class="btn inline" type="submit">
                  Show
                </button>
              </form>
              <SatisfactionBy rows={data.breakdown} label={breakdown.label} plural={breakdown.plural} />
            </section>
            <section aria-labelledby="h-trend">
              <h2 id="h-trend">Satisfaction over time</h2>
              <MonthlyTrend months={data.byMonth} />
              {data.trend.month && <p>{data.trend.month}</p>}
              {data.trend.quarter && <p>{data.trend.quarter}</p>}
            </section>
          </div>

          <section aria-labelledby="h-equity" id="equity">
            <h2 id="h-equity">Who is less satisfied?</h2>
            <form method="get" action="/dashboard#equity" class="filters compare" aria-label="Equity group">
              {(['from', 'to', 'provider', 'site'] as const).map((name) => filters[name] && <input type="hidden" name={name} value={filters[name]} />)}
              {keep('dimension')}
              <Select name="dimension" label="Compare by" value={filters.dimension} options={[...EQUITY_CHOICES]} />
              <button class="btn inline" type="submit">
                Compare
              </button>
            </form>
            <EquityTable rows={data.equity} dimensionLabel={dimensionLabel} />
          </section>

          <section aria-labelledby="h-themes" id="themes">
            <h2 id="h-themes">What families write about</h2>
            <form method="get" action="/dashboard#themes" class="filters compare" aria-label="Themes from">
              {(['from', 'to', 'provider', 'site'] as const).map((name) => filters[name] && <input type="hidden" name={name} value={filters[name]} />)}
              {keep('source')}
              <Select name="source" label="Whose words" value={filters.source} options={SOURCE_CHOICES} />
              <button class="btn inline" type="submit">
                Show
              </button>
            </form>
            <TopThemes themes={data.themes} comments={data.comments} hrefFor={(theme) => `/dashboard/comments${query({ theme })}`} />
            {data.emergingTerms.length > 0 && (
              <>
                <h3>Words used more than in the period before</h3>
                <p class="hint">Words that rose most sharply against the same length of time just before, counting comments that use them.</p>
                <ul class="terms">
                  {data.emergingTerms.map((term) => (
                    <li key={term.term}>
                      <a href={`/dashboard/comments${query({ q: term.term })}`}>{term.term}</a>: {counted(term.current, 'comment', 'comments')}, from{' '}
                      {count(term.previous)}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </>
      )}
    </StaffShell>
  );
}
