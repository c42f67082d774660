/** `/safeguarding`: flags waiting for a person, present risks first, with site, what they may disclose, age and whether the alert went out. */
import type { Flag } from '../../services/flags';
import { categoriesInWords, statusTag, urgencyTag } from './flag-words';
import { dateTime, timeAgo } from './format';
import { StaffShell, type StaffUser } from './staff-shell';

export interface SafeguardingQueuePageProps {
  user: StaffUser;
  flags: Flag[];
  showing: 'open' | 'closed';
  readsOriginalText: boolean;
  now: Date;
}

export function SafeguardingQueuePage({ user, flags, showing, readsOriginalText, now }: SafeguardingQueuePageProps) {
  const urgent = flags.filter((f) => f.urgency === 'immediate' && f.status !== 'closed').length;
  return (
    <StaffShell title="Safeguarding flags" user={user} current="safeguarding">
      <h1>Safeguarding flags</h1>
      <p class="lead">
        Responses that may disclose harm. Each one needs a person to read it and record what was done.
        {!readsOriginalText && ' You see the redacted words only: safeguarding leads see what the family wrote.'}
      </p>
      <ul class="tabs">
        <li><a href="/safeguarding" aria-current={showing === 'open' ? 'page' : undefined}>Waiting or in review</a></li>
        <li><a href="/safeguarding?show=closed" aria-current={showing === 'closed' ? 'page' : undefined}>Closed</a></li>
      </ul>
      {showing === 'open' && (
        <p>
          {flags.length === 0
            ? 'Nothing is waiting. New flags appear here, and safeguarding contacts are emailed, the moment a response is sent.'
            : flags.length === 1
              ? `1 flag is waiting or in review${urgent ? ': it reads as a present risk' : ''}.`
              : `${flags.length} flags are waiting or in review${urgent ? `, ${urgent} of them a present risk` : ''}.`}
        </p>
      )}
      {showing === 'closed' && flags.length === 0 && <p>No flags have been closed yet.</p>}
      <ul class="cards">
        {flags.map((flag) => {
          const urgency = urgencyTag(flag.urgency);
          const status = statusTag(flag.status);
          return (
            <li key={flag.id} class={flag.urgency === 'immediate' && flag.status !== 'closed' ? 'card urgent' : 'card'}>
              <h2><a href={`/safeguarding/flags/${encodeURIComponent(flag.id)}`}>{flag.site.name}<span class="vh">: {categoriesInWords(flag.categories)}, raised {timeAgo(flag.createdAt, now)}</span></a></h2>
              <p>
                <strong class={`tag tag-${urgency.tone}`}>{urgency.text}</strong>
                <strong class={`tag tag-${status.tone}`}>{status.text}</strong>
              </p>
              <p>May disclose: {categoriesInWords(flag.categories)}</p>
              <p>Raised {timeAgo(flag.createdAt, now)} <span class="muted-text">({dateTime(flag.createdAt)})</span></p>
              <p>{flag.notifiedAt ? `Alert sent ${timeAgo(flag.notifiedAt, now)}` : 'Alert not sent yet: hubvoice retries every minute'}</p>
              {flag.reviewedAt && <p>Last reviewed {timeAgo(flag.reviewedAt, now)}{flag.reviewedBy ? ` by ${flag.reviewedBy}` : ''}</p>}
            </li>
          );
        })}
      </ul>
    </StaffShell>
  );
}
