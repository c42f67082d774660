/** `/dashboard/comments`: one theme's comments, redacted, newest first, a page at a time; a meeting's notes and quotes say where they came from. */
import { heldOnInWords, meetingKindPhrase } from '../../meeting-labels';
import { LANGUAGES } from '../../../survey/translate';
import { Select, TextField } from './fields';
import { date } from './format';
import { StaffShell, type StaffUser } from './staff-shell';

export interface CommentsPageProps {
  user: StaffUser;
  themeName: string | null;
  comments: {
    id: string;
    redacted: string;
    withheld?: boolean;
    sentiment: number;
    submittedAt: Date | number;
    site: { name: string };
    meeting?: { id: string; kind: string; title: string; heldOn: string } | null;
  }[];
  /** What the reader chose: kept in the form and in every link, so a view is one URL to share. */
  filters?: Partial<Record<'from' | 'to' | 'site' | 'provider' | 'source' | 'theme' | 'sentiment' | 'language' | 'q', string | undefined>>;
  sites?: { code: string; name: string }[];
  page: number;
  hasNext: boolean;
  pageHref: (page: number) => string;
  backHref: string;
}

const SENTIMENT = { '-1': 'Negative', '0': 'Neutral', '1': 'Positive' } as Record<string, string>;

export function CommentsPage({ user, themeName, comments, page, hasNext, pageHref, backHref, filters = {}, sites = [] }: CommentsPageProps) {
  const source = filters.source ?? 'all';
  const what = source === 'meetings' ? 'Meetings’ notes' : source === 'families' ? 'Families’ comments' : 'Comments';
  const title = themeName ? `${what} about ${themeName.toLowerCase()}` : what;
  return (
    <StaffShell title={page > 1 ? `${title} (page ${page})` : title} user={user} current="dashboard">
      <p>
        <a href={backHref}>Back to the dashboard</a>
      </p>
      <h1>{title}</h1>
      <p>Newest first, with names, phone numbers, emails and addresses hidden.</p>
      <form method="get" action="/dashboard/comments" class="filters" aria-label="Which comments">
        {(['from', 'to', 'provider', 'theme'] as const).map((name) => filters[name] && <input type="hidden" name={name} value={filters[name]} />)}
        <Select
          name="site"
          label="Site"
          value={filters.site ?? ''}
          options={[{ value: '', label: 'All sites' }, ...sites.map((s) => ({ value: s.code, label: s.name }))]}
        />
        <Select
          name="sentiment"
          label="Feeling"
          value={filters.sentiment ?? ''}
          options={[
            { value: '', label: 'Any' },
            { value: '-1', label: 'Negative' },
            { value: '0', label: 'Neutral' },
            { value: '1', label: 'Positive' },
          ]}
        />
        <Select
          name="language"
          label="Language"
          value={filters.language ?? ''}
          options={[{ value: '', label: 'Any' }, ...LANGUAGES.map((l) => ({ value: l.code, label: l.name }))]}
        />
        <Select
          name="source"
          label="Whose words"
          value={filters.source ?? 'all'}
          options={[
            { value: 'all', label: 'Families and meetings' },
            { value: 'families', label: 'Families’ comments' },
            { value: 'meetings', label: 'Meetings’ notes' },
          ]}
        />
        <TextField name="q" label="Containing" value={filters.q ?? ''} />
        <button class="btn inline" type="submit">
          Show
        </button>
      </form>
      {comments.length === 0 && <p>No comments {page > 1 ? 'on this page' : 'in this period'}.</p>}
      <ul class="comments">
        {comments.map((comment) => (
          <li key={comment.id}>
            <p class={comment.withheld ? 'muted-text' : undefined}>{comment.redacted}</p>
            <p class="meta">
              {comment.meeting ? (
                <>
                  From <a href={`/meetings/${encodeURIComponent(comment.meeting.id)}`}>{meetingKindPhrase(comment.meeting.kind)}</a> on{' '}
                  {heldOnInWords(comment.meeting.heldOn)} · {comment.site.name}
                </>
              ) : (
                <>
                  {comment.site.name} · {date(new Date(comment.submittedAt))}
                </>
              )}{' '}
              · {SENTIMENT[String(comment.sentiment)] ?? 'Neutral'}
            </p>
          </li>
        ))}
      </ul>
      {(page > 1 || hasNext) && (
        <nav class="pager" aria-label="Pages">
          {page > 1 ? (
            <a href={pageHref(page - 1)} rel="prev">
              Previous page<span class="vh"> ({page - 1})</span>
            </a>
          ) : (
            <span />
          )}
          <span>Page {page}</span>
          {hasNext ? (
            <a href={pageHref(page + 1)} rel="next">
              Next page<span class="vh"> ({page + 1})</span>
            </a>
          ) : (
            <span />
          )}
        </nav>
      )}
    </StaffShell>
  );
}
