/** `/dashboard/comments`: one theme's comments, redacted, newest first, a page at a time; a meeting's notes and quotes say where they came from. */
import type { CommentSource } from '../../../db/comments';
import { heldOnInWords, meetingKindPhrase } from '../../meeting-labels';
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
  source?: CommentSource;
  page: number;
  hasNext: boolean;
  pageHref: (page: number) => string;
  backHref: string;
}

const SENTIMENT = { '-1': 'Negative', '0': 'Neutral', '1': 'Positive' } as Record<string, string>;

export function CommentsPage({ user, themeName, comments, page, hasNext, pageHref, backHref, source = 'all' }: CommentsPageProps) {
  const what = source === 'meetings' ? 'Meetings’ notes' : source === 'families' ? 'Families’ comments' : 'Comments';
  const title = themeName ? `${what} about ${themeName.toLowerCase()}` : what;
  return (
    <StaffShell title={page > 1 ? `${title} (page ${page})` : title} user={user} current="dashboard">
      <p>
        <a href={backHref}>Back to the dashboard</a>
      </p>
      <h1>{title}</h1>
      <p>Newest first, with names, phone numbers, emails and addresses hidden.</p>
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
