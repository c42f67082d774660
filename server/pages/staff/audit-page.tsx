/** `/audit`: audited events, newest first, filtered by who, what and when, a page at a time, with a CSV export of the same. */
import type { FieldError } from '../../errors';
import { ErrorSummary, Select, TextField } from './fields';
import { dateTime } from './format';
import { StaffShell, type StaffUser } from './staff-shell';

export interface AuditRow {
  id: number;
  at: Date;
  action: string;
  email: string | null;
  name: string | null;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditPageProps {
  user: StaffUser;
  events: AuditRow[];
  filters: { who: string; action: string; from: string; to: string };
  actions: readonly string[];
  errors: FieldError[];
  exportHref: string;
  nextHref: string | null;
  paged: boolean;
}

/** An action's name in words: `role_granted` → "Role granted". */
export const actionWords = (action: string) => action.charAt(0).toUpperCase() + action.slice(1).replace(/_/g, ' ');

/** The details worth reading, as `key: value` pairs. */
function detailWords(details: Record<string, unknown> | null): string {
  if (!details) return '';
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');
}

export function AuditPage({ user, events, filters, actions, errors, exportHref, nextHref, paged }: AuditPageProps) {
  const errorOf = (field: string) => errors.find((e) => e.field === field);
  return (
    <StaffShell title={`${errors.length ? 'Error: ' : ''}Audit`} user={user} current="audit">
      <ErrorSummary errors={errors} />
      <h1>Audit</h1>
      <p>Every sign-in, change of people, roles, settings and surveys, and every look at what a family wrote in a safeguarding flag.</p>
      <form method="get" action="/audit" class="filters" novalidate>
        <TextField name="who" label="Who (email)" value={filters.who} error={errorOf('who')} />
        <Select
          name="action"
          label="What"
          options={[{ value: '', label: 'Everything' }, ...actions.map((a) => ({ value: a, label: actionWords(a) }))]}
          value={filters.action}
          error={errorOf('action')}
        />
        <TextField name="from" label="From" type="date" value={filters.from} error={errorOf('from')} />
        <TextField name="to" label="To" type="date" value={filters.to} error={errorOf('to')} />
        <button class="btn inline" type="submit">
          Filter
        </button>
      </form>
      <p>
        <a href={exportHref} download>
          Download these events as CSV
        </a>
      </p>
      {events.length === 0 ? (
        <p>No events match.</p>
      ) : (
        <>
          {/* biome-ignore lint/a11y/useSemanticElements: a scrollable region must take focus (axe scrollable-region-focusable) */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus (axe scrollable-region-focusable) */}
          <div class="scroll" role="region" aria-label="Audited events" tabIndex={0}>
            <table class="tbl stack">
              <caption class="vh">Audited events, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => (
                  <tr key={event.id}>
                    <td class="nowrap" data-label="When">
                      {dateTime(event.at)}
                    </td>
                    <td data-label="Who">{event.email ?? <span class="muted-text">Nobody signed in</span>}</td>
                    <td data-label="What">
                      {actionWords(event.action)}
                      {event.targetType && (
                        <span class="meta">
                          <br />
                          {event.targetType} {event.targetId}
                        </span>
                      )}
                    </td>
                    <td class="details" data-label="Details">
                      {detailWords(event.details)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <nav class="pager" aria-label="Pages">
        {paged ? <a href={exportHref.replace('/api/audit/export', '/audit')}>Newest events</a> : <span />}
        {nextHref && <a href={nextHref}>Older events</a>}
      </nav>
    </StaffShell>
  );
}
