/**
 * `/safeguarding/flags/{id}`, the page safeguarding alerts link to: the flag, what the family
 * wrote (their own words for safeguarding leads, the redacted form for others), and the review form.
 */
import type { FieldError } from '../../errors';
import type { FlagWithReviews } from '../../services/flags';
import { ErrorSummary, Radios, TextArea } from './fields';
import { categoriesInWords, statusTag, urgencyTag } from './flag-words';
import { heldOnInWords, meetingKindLabel } from '../../meeting-labels';
import { dateTime, timeAgo } from './format';
import { StaffShell, type StaffUser } from './staff-shell';

export interface FlagPageProps {
  user: StaffUser;
  flag: FlagWithReviews;
  review: { status?: string | undefined; actionTaken?: string | undefined };
  errors: FieldError[];
  reviewed: boolean;
  now: Date;
}

const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function FlagPage({ user, flag, review, errors, reviewed, now }: FlagPageProps) {
  const { readsOriginalText } = flag;
  const urgency = urgencyTag(flag.urgency, flag.status);
  const status = statusTag(flag.status);
  const errorOf = (field: string) => errors.find((e) => e.field === field);
  return (
    <StaffShell title={`${errors.length ? 'Error: ' : ''}Safeguarding flag at ${flag.site.name}`} user={user} current="safeguarding">
      <p>
        <a href="/safeguarding">Back to safeguarding flags</a>
      </p>
      <ErrorSummary errors={errors} />
      {reviewed && !errors.length && (
        <div class="ok-banner" role="status">
          <h2>Your review has been recorded</h2>
        </div>
      )}
      <span class="caption">Safeguarding flag</span>
      <h1>{flag.site.name}</h1>
      <p>
        <strong class={`tag tag-${urgency.tone}`}>{urgency.text}</strong>
        <strong class={`tag tag-${status.tone}`}>{status.text}</strong>
      </p>
      <dl class="sl">
        <div>
          <dt>May disclose</dt>
          <dd>{sentenceCase(categoriesInWords(flag.categories))}</dd>
        </div>
        <div>
          <dt>Raised</dt>
          <dd>
            {timeAgo(flag.createdAt, now)} ({dateTime(flag.createdAt)})
          </dd>
        </div>
        <div>
          <dt>Site</dt>
          <dd>{flag.site.name}</dd>
        </div>
        {flag.meeting ? (
          <div>
            <dt>Meeting</dt>
            <dd>
              {/* A lead by that role alone reads no meetings: the words are here, the link would refuse them. */}
              {user.readsMeetings ? (
                <a href={`/meetings/${encodeURIComponent(flag.meeting.id)}`}>
                  {meetingKindLabel(flag.meeting.kind)}: {flag.meeting.title}
                </a>
              ) : (
                `${meetingKindLabel(flag.meeting.kind)}: ${flag.meeting.title}`
              )}
              , {heldOnInWords(flag.meeting.heldOn)}
            </dd>
          </div>
        ) : (
          <div>
            <dt>Service point</dt>
            <dd>{flag.servicePoint ? flag.servicePoint.name : 'None: the site’s own code'}</dd>
          </div>
        )}
        {flag.form && (
          <div>
            <dt>Form</dt>
            <dd>
              {flag.form.survey} (version {flag.form.version})
            </dd>
          </div>
        )}
        {flag.notifiedAt ? (
          <div>
            <dt>Alert</dt>
            <dd>Sent {dateTime(flag.notifiedAt)}</dd>
          </div>
        ) : (
          flag.status !== 'closed' && (
            <div>
              <dt>Alert</dt>
              <dd>Not sent yet: hubvoice retries every minute</dd>
            </div>
          )
        )}
        <div>
          <dt>Reference</dt>
          <dd>{flag.id}</dd>
        </div>
      </dl>
      <h2>Reviews</h2>
      {flag.reviews.length === 0 ? (
        <p>Nobody has reviewed this flag yet.</p>
      ) : (
        <ol class="reviews">
          {flag.reviews.map((r) => (
            <li key={`${r.reviewedAt.getTime()}`}>
              <p>
                <strong class={`tag tag-${statusTag(r.status).tone}`}>{statusTag(r.status).text}</strong> {dateTime(r.reviewedAt)}
                {r.reviewedBy ? ` by ${r.reviewedBy}` : ''}
              </p>
              <p>{r.actionTaken}</p>
            </li>
          ))}
        </ol>
      )}
      <h2>{flag.meeting ? 'What the meeting’s notes say' : 'What the family wrote'}</h2>
      {!readsOriginalText && <p class="note">Names, phone numbers, emails and addresses are hidden. Only safeguarding leads see the family’s own words.</p>}
      {flag.comments.length === 0 && <p>The words are no longer held.</p>}
      {flag.comments.map((comment) => (
        <div key={`${comment.questionId}-${comment.redacted.slice(0, 40)}`}>
          <p class="quote-q">{comment.question ?? 'Their answer'}</p>
          <blockquote class="quote">{(readsOriginalText ? comment.text : undefined) ?? comment.redacted}</blockquote>
        </div>
      ))}
      <h2>Record your review</h2>
      <form method="post" action={`/safeguarding/flags/${encodeURIComponent(flag.id)}/review`} novalidate class="narrow">
        <Radios
          name="status"
          label="Where is this now?"
          error={errorOf('status')}
          value={review.status}
          options={[
            { value: 'in_review', label: 'In review: I am dealing with it' },
            { value: 'closed', label: 'Closed: action has been taken or none is needed' },
          ]}
        />
        <TextArea
          name="actionTaken"
          label="What was done"
          hint="For example: called the family, referred to MASH, or why no action is needed. This is kept in the audit log."
          value={review.actionTaken}
          error={errorOf('actionTaken')}
        />
        <button class="btn inline" type="submit">
          Save review
        </button>
      </form>
    </StaffShell>
  );
}
