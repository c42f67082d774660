/**
 * `/dashboard` for commissioners and providers: filters as a GET form, the headline figures, and
 * satisfaction by site, by month, by group (equity, KPI 5) and the themes families write about.
 */
import type { EquityRow } from '../../../analysis/equity';
import type { SatisfactionRow } from '../../../analysis/satisfaction';
import type { ThemeSummaryEntry } from '../../../analysis/text';
import type { CommentSource } from '../../../db/comments';
import type { FieldError } from '../../errors';
import { EquityTable, hiddenReason, MonthlyTrend, SatisfactionBySite, TopThemes, type MonthPoint } from './dashboard-sections';
import { ErrorSummary, Select, TextField } from './fields';
import { count, percent, interval, date } from './format';
import { StaffShell, type StaffUser } from './staff-shell';

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
  /** Whose words the themes read: everyone's, families' comments, or meetings' notes. */
  source: CommentSource;
}

export const SOURCE_CHOICES: { value: CommentSource; label: string }[] = [
  { value: 'all', label: 'Families’ comments and meetings’ notes' },
  { value: 'families', label: 'Families’ comments only' },
  { value: 'meetings', label: 'Meetings with families only' },
];

export interface DashboardData {
  total: SatisfactionRow;
  bySite: SatisfactionRow[];
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
}

export function DashboardPage({ user, scope, filters, providers, sites, errors, data, query }: DashboardPageProps) {
  const errorOf = (field: string) => errors.find((e) => e.field === field);
  const dimensionLabel = EQUITY_CHOICES.find((c) => c.value === filters.dimension)?.label ?? 'Group';
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
        <input type="hidden" name="dimension" value={filters.dimension} />
        {filters.source !== 'all' && <input type="hidden" name="source" value={filters.source} />}
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
            <section aria-labelledby="h-sites">
              <h2 id="h-sites">Satisfaction by site</h2>
              <SatisfactionBySite rows={data.bySite} />
            </section>
            <section aria-labelledby="h-trend">
              <h2 id="h-trend">Satisfaction over time</h2>
              <MonthlyTrend months={data.byMonth} />
            </section>
          </div>

          <section aria-labelledby="h-equity" id="equity">
            <h2 id="h-equity">Who is less satisfied?</h2>
            <form method="get" action="/dashboard#equity" class="filters compare" aria-label="Equity group">
              {(['from', 'to', 'provider', 'site'] as const).map((name) => filters[name] && <input type="hidden" name={name} value={filters[name]} />)}
              {filters.source !== 'all' && <input type="hidden" name="source" value={filters.source} />}
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
              <input type="hidden" name="dimension" value={filters.dimension} />
              <Select name="source" label="Whose words" value={filters.source} options={SOURCE_CHOICES} />
              <button class="btn inline" type="submit">
                Show
              </button>
            </form>
            <TopThemes themes={data.themes} comments={data.comments} hrefFor={(theme) => `/dashboard/comments${query({ theme })}`} />
          </section>
        </>
      )}
    </StaffShell>
  );
}
