/**
 * `/outbox`: mail kept instead of sent while no SMTP server is configured (invitations, password
 * links, safeguarding alerts), newest first, so a council without mail, or a demo, can follow them.
 */
import { dateTime } from './format';
import { StaffShell, type StaffUser } from './staff-shell';

export interface OutboxPageProps {
  user: StaffUser;
  mails: { id: string; to: string; subject: string; text: string; createdAt: Date }[];
  /** SMTP is configured now: new mail is sent, and what is here was kept before. */
  sending: boolean;
}

/** Links in a message's text, made clickable; everything else stays text. */
function withLinks(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, i) =>
    i % 2 === 1 ? (
      <a key={i} href={part}>
        {part}
      </a>
    ) : (
      part
    ),
  );
}

export function OutboxPage({ user, mails, sending }: OutboxPageProps) {
  return (
    <StaffShell title="Outbox" user={user} current="people">
      <p class="caption">
        <a href="/people">People</a>
      </p>
      <h1>Outbox</h1>
      {sending ? (
        <p>Mail is sent through your mail server now. These messages were kept before it was set up.</p>
      ) : (
        <div class="note">
          <p>
            No mail server is set up (<code>SMTP_URL</code>), so hubvoice keeps its email here instead of sending it. Pass each invitation or link on to the
            person it is for, by a channel you trust. Set <code>SMTP_URL</code> and <code>MAIL_FROM</code> to send email.
          </p>
        </div>
      )}
      {mails.length === 0 ? (
        <p>Nothing is waiting.</p>
      ) : (
        <ol class="plain">
          {mails.map((mail) => (
            <li key={mail.id}>
              <article class="mail" aria-labelledby={`${mail.id}-subject`}>
                <h2 id={`${mail.id}-subject`} class="chart-title">
                  {mail.subject}
                </h2>
                <p class="meta">
                  To <strong>{mail.to}</strong>, {dateTime(mail.createdAt)}
                </p>
                <pre>{withLinks(mail.text)}</pre>
              </article>
            </li>
          ))}
        </ol>
      )}
    </StaffShell>
  );
}
