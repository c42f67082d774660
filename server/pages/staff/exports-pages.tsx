/**
 * `/exports`: choose what to download (responses, comments or a report table; CSV or XLSX; a period
 * and a place), and `/exports/{id}`: the export's progress, refreshing itself every second without
 * script until the file is ready to download.
 */
import type { FieldError } from '../../errors';
import type { ExportJob } from '../../services/exports';
import { ErrorSummary, Radios, Select, TextField } from './fields';
import { EQUITY_CHOICES as equityChoices } from './dashboard-page';
import { StaffShell, type StaffUser } from './staff-shell';

const CSS = `
.progress{width:100%;height:2rem;margin:.5rem 0 1rem;accent-color:#1d70b8}
.two{display:grid;gap:0 1.5rem}
@media (min-width:40em){.two{grid-template-columns:1fr 1fr}}
.check{display:flex;align-items:center;gap:.6rem;min-height:44px}
.check input{width:24px;height:24px;margin:0;accent-color:#0b0c0c;flex:none}
`;

export const KIND_CHOICES = [
  { value: 'responses', label: 'Responses', hint: 'One row per response, a table per survey version' },
  { value: 'comments', label: 'Comments', hint: 'Redacted: names, phone numbers, emails and addresses hidden' },
  { value: 'satisfaction', label: 'Satisfaction', hint: 'Friends and Family Test, with 95% intervals' },
  { value: 'equity', label: 'Equity', hint: 'Each group against everyone else' },
  { value: 'trends', label: 'Trends', hint: 'This month against last month and a year ago' },
  { value: 'themes', label: 'Themes', hint: 'What comments are about, with redacted quotes' },
];

/** What the rows of the satisfaction and trends tables are. */
export const GROUP_CHOICES = [
  { value: 'site', label: 'Site' },
  { value: 'provider', label: 'Provider' },
  { value: 'servicePoint', label: 'Service' },
  { value: 'locality', label: 'Locality' },
  { value: 'channel', label: 'How they answered (QR, kiosk, widget…)' },
  { value: 'language', label: 'Language' },
  { value: 'role', label: 'Who answered (parent, child…)' },
  { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter' },
];

export interface ExportFormValues {
  kind: string;
  groupBy: string;
  dimension: string;
  format: string;
  from: string;
  to: string;
  site: string;
  provider: string;
  originals: boolean;
}

export interface ExportsPageProps {
  user: StaffUser;
  values: ExportFormValues;
  errors: FieldError[];
  sites: { code: string; name: string }[];
  providers: { code: string; name: string }[];
  /** Offer the families' own words (safeguarding leads). */
  mayReadOriginals: boolean;
}

export function ExportsPage({ user, values, errors, sites, providers, mayReadOriginals }: ExportsPageProps) {
  const errorOf = (field: string) => errors.find((e) => e.field === field);
  return (
    <StaffShell title={errors.length ? 'Error: Download data' : 'Download data'} user={user} current="dashboard" extraCss={CSS}>
      <p>
        <a href="/dashboard">Back to the dashboard</a>
      </p>
      <ErrorSummary errors={errors} />
      <h1>Download data</h1>
      <p>
        Everything you can see, as a spreadsheet. Groups of fewer than 5 responses are hidden, as on the dashboard, and sites with too few responses are left
        out of row-level downloads. Every download is recorded.
      </p>
      <form method="post" action="/exports" novalidate>
        <Radios name="kind" label="What to download" options={KIND_CHOICES} value={values.kind} error={errorOf('kind')} />
        <div class="two">
          <Select name="groupBy" label="Satisfaction and trends: one row per" options={GROUP_CHOICES} value={values.groupBy} error={errorOf('groupBy')} />
          <Select
            name="dimension"
            label="Equity: compare by"
            options={equityChoices.map((c) => ({ value: c.value, label: c.label }))}
            value={values.dimension}
            error={errorOf('dimension')}
          />
        </div>
        <Radios
          name="format"
          label="Format"
          options={[
            { value: 'csv', label: 'CSV (opens in any spreadsheet)' },
            { value: 'xlsx', label: 'Excel workbook (XLSX)' },
          ]}
          value={values.format}
          error={errorOf('format')}
        />
        <div class="two">
          <TextField name="from" label="From" type="date" value={values.from} error={errorOf('from')} />
          <TextField name="to" label="To" type="date" value={values.to} error={errorOf('to')} />
        </div>
        {providers.length > 1 && (
          <Select
            name="provider"
            label="Provider"
            options={[{ value: '', label: 'All providers' }, ...providers.map((p) => ({ value: p.code, label: p.name }))]}
            value={values.provider}
            error={errorOf('provider')}
          />
        )}
        <Select
          name="site"
          label="Site"
          options={[{ value: '', label: `All ${sites.length} sites` }, ...sites.map((s) => ({ value: s.code, label: s.name }))]}
          value={values.site}
          error={errorOf('site')}
        />
        {mayReadOriginals && (
          <div class="fg">
            <div class="check">
              <input type="checkbox" id="originals" name="originals" value="1" checked={values.originals} aria-describedby="originals-hint" />
              <label for="originals">Comments: include the families’ own words where I am safeguarding lead</label>
            </div>
            <p class="hint" id="originals-hint">
              Recorded in the audit log. Keep the file safe and delete it when you are done.
            </p>
          </div>
        )}
        <button class="btn inline" type="submit">
          Start the download
        </button>
      </form>
    </StaffShell>
  );
}

export function ExportProgressPage({ user, job }: { user: StaffUser; job: ExportJob }) {
  const running = job.status === 'running';
  const percent = job.total ? Math.min(100, Math.floor((job.written / job.total) * 100)) : running ? 0 : 100;
  const title = running ? `Preparing your download (${percent}%)` : job.status === 'done' ? 'Your download is ready' : 'The download failed';
  return (
    <StaffShell title={title} user={user} current="dashboard" extraCss={CSS}>
      <p>
        <a href="/exports">Back to Download data</a>
      </p>
      <h1>{title}</h1>
      <label class="lbl" for="export-progress">
        {job.written.toLocaleString('en-GB')} of {job.total.toLocaleString('en-GB')} rows written
      </label>
      <progress class="progress" id="export-progress" max={job.total || 1} value={running ? job.written : job.total || 1}>
        {percent}%
      </progress>
      {running && <p>This page updates by itself every second. You can leave it and come back within the hour.</p>}
      {job.status === 'done' && (
        <p>
          <a class="btn inline" href={`/exports/${job.id}/file`} download={job.filename}>
            Download {job.filename}
          </a>
        </p>
      )}
      {job.status === 'failed' && <p>Something went wrong while writing the file. Please start it again.</p>}
      <p class="meta">Kept for an hour, for you only.</p>
    </StaffShell>
  );
}
