/**
 * `/privacy`: requests from one person about their own words (access and erasure). Search by the
 * email address or phone number they wrote; see what was found as staff read it; download it for
 * them; erase it. Plain forms.
 */
import type { FieldError } from '../../errors';
import { ErrorSummary, TextField } from './fields';
import { StaffShell, type StaffUser } from './staff-shell';

export interface PrivacyPageProps {
  user: StaffUser;
  contact: string;
  errors: FieldError[];
  found:
    | { responseId: string | null; meetingId: string | null; question: string; site: string; submittedAt: string; redacted: string; underReview: boolean }[]
    | null;
  done?: string | undefined;
}

export function PrivacyPage({ user, contact, errors, found, done }: PrivacyPageProps) {
  const held = found?.filter((c) => c.underReview).length ?? 0;
  return (
    <StaffShell title={`${errors.length ? 'Error: ' : ''}Requests about someone’s own words`} user={user} current="settings" extraCss={CSS}>
      <h1>Requests about someone’s own words</h1>
      <p>
        A family who wrote their email address or phone number in a comment can ask for everything they wrote (subject access) or for it to be erased. Find it
        by the contact they gave. Names and contact details are never shown to staff here; the download, for the person, holds their own words.
      </p>
      <ErrorSummary errors={errors} />
      {done && (
        <div class="ok-banner" role="status">
          <h2>{done}</h2>
        </div>
      )}
      <form method="post" action="/privacy" class="narrow">
        <TextField
          name="contact"
          label="Email address or phone number they wrote"
          value={contact}
          error={errors.find((e) => e.field === 'contact')}
          autocomplete="off"
        />
        <button class="btn inline" type="submit">
          Find
        </button>
      </form>
      {found && (
        <section aria-labelledby="found">
          <h2 id="found">{found.length ? `${found.length} ${found.length === 1 ? 'comment' : 'comments'} found` : 'Nothing found'}</h2>
          {found.length > 0 && (
            <>
              <ul class="cards">
                {found.map((comment) => (
                  <li class="card" key={`${comment.responseId ?? comment.meetingId}-${comment.question}-${comment.redacted.slice(0, 24)}`}>
                    <p class="meta">
                      {comment.site}, {comment.submittedAt.slice(0, 10)}
                      {comment.meetingId && ', in a meeting’s notes'}
                      {comment.underReview && <strong class="tag tag-red">Under safeguarding review</strong>}
                    </p>
                    <p class="quote">{comment.redacted}</p>
                  </li>
                ))}
              </ul>
              <form method="post" action="/privacy/export" class="actions-row">
                <input type="hidden" name="contact" value={contact} />
                <button class="btn inline secondary" type="submit">
                  Download everything they wrote (for sending to them)
                </button>
              </form>
              <form method="post" action="/privacy/erase" class="narrow">
                <input type="hidden" name="contact" value={contact} />
                {held > 0 && (
                  <p class="warn-banner" role="note">
                    {held === 1 ? 'One comment is' : `${held} comments are`} under an open safeguarding flag and will be kept until a safeguarding lead closes
                    it.
                  </p>
                )}
                <div class="confirm">
                  <input type="checkbox" id="confirm" name="confirm" value="yes" required />
                  <label for="confirm">I have checked this is the person who asked, and they asked for their words to be erased</label>
                </div>
                <button class="btn inline warn" type="submit">
                  Erase their words
                </button>
              </form>
            </>
          )}
        </section>
      )}
    </StaffShell>
  );
}

const CSS =
  '.confirm{display:grid;grid-template-columns:auto 1fr;gap:.6rem;align-items:start;margin:0 0 1rem}.confirm input{width:1.75rem;height:1.75rem;margin:.1rem 0 0}';
