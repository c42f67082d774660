/** `/safeguarding`: flags waiting for a person, present risks first, with site, what they may disclose, age and whether the alert went out. */
import type { Flag, FlagCounts, LikelyFlood } from '../../services/flags';
import { categoriesInWords, statusTag, urgencyTag } from './flag-words';
import { counted, dateTime, timeAgo } from './format';
import { StaffShell, type StaffUser } from './staff-shell';

export interface SafeguardingQueuePageProps {
  user: StaffUser;
  /** This page of the queue. */
  flags: Flag[];
  counts: FlagCounts;
  /** Codes that sent a likely flood of open flags. */
  floods: LikelyFlood[];
  /** The next page, if there is one. */
  nextHref: string | null;
  /** Whether this is a later page than the first. */
  paged: boolean;
  showing: 'open' | 'closed';
  readsOriginalText: boolean;
  now: Date;
}

export function SafeguardingQueuePage({ user, flags, counts, floods, nextHref, paged, showing, readsOriginalText, now }: SafeguardingQueuePageProps) {
  const waiting = counts.open + counts.inReview;
  return (
    <StaffShell title="Safeguarding flags" user={user} current="safeguarding">
      <h1>Safeguarding flags</h1>
      <p class="lead">
        Responses that may disclose harm. Each one needs a person to read it and record what was done.
        {!readsOriginalText && ' You see the redacted words only: safeguarding leads see what the family wrote.'}
      </p>
      <ul class="tabs">
        <li>
          <a href="/safeguarding" aria-current={showing === 'open' ? 'page' : undefined}>
            Waiting or in review
          </a>
        </li>
        <li>
          <a href="/safeguarding?show=closed" aria-current={showing === 'closed' ? 'page' : undefined}>
            Closed
          </a>
        </li>
      </ul>
      {showing === 'open' && (
        <p>
          {waiting === 0
            ? 'Nothing is waiting. New flags appear here, and safeguarding contacts are emailed, the moment a response is sent.'
            : `${counted(counts.open, 'flag is', 'flags are')} waiting and ${counted(counts.inReview, 'is', 'are')} in review${counts.presentRisk ? `; ${counted(counts.presentRisk, 'reads', 'read')} as a present risk` : ''}. Present risks come first, then the oldest.`}
        </p>
      )}
      {floods.length > 0 && (
        <div class="note flood" role="note">
          <h2>Likely flood</h2>
          {floods.map((flood) => (
            <p key={flood.code}>
              {counted(flood.count, 'open flag', 'open flags')} came from the code <strong>{flood.code}</strong> ({flood.siteName}){' '}
              {dateTime(flood.first) === dateTime(flood.last) ? `at ${dateTime(flood.first)}` : `between ${dateTime(flood.first)} and ${dateTime(flood.last)}`},
              more than a family would send: probably one person or a script.
            </p>
          ))}
          <p>Every flag is still listed below: a real disclosure may be among them, so read each one.</p>
        </div>
      )}
      {showing === 'closed' && (
        <p>{counts.closed === 0 ? 'No flags have been closed yet.' : `${counted(counts.closed, 'flag has', 'flags have')} been closed.`}</p>
      )}
      {paged && (
        <p>
          <a href={showing === 'closed' ? '/safeguarding?show=closed' : '/safeguarding'}>Back to the first page</a>
        </p>
      )}
      <ul class="cards">
        {flags.map((flag) => {
          const urgency = urgencyTag(flag.urgency, flag.status);
          const status = statusTag(flag.status);
          return (
            <li key={flag.id} class={flag.urgency === 'immediate' && flag.status !== 'closed' ? 'card urgent' : 'card'}>
              <h2>
                <a href={`/safeguarding/flags/${encodeURIComponent(flag.id)}`}>
                  {flag.site.name}
                  <span class="vh">
                    : {categoriesInWords(flag.categories)}, raised {timeAgo(flag.createdAt, now)}
                  </span>
                </a>
              </h2>
              <p>
                <strong class={`tag tag-${urgency.tone}`}>{urgency.text}</strong>
                <strong class={`tag tag-${status.tone}`}>{status.text}</strong>
              </p>
              <p>May disclose: {categoriesInWords(flag.categories)}</p>
              <p>
                Raised {timeAgo(flag.createdAt, now)} <span class="muted-text">({dateTime(flag.createdAt)})</span>
              </p>
              {flag.notifiedAt ? (
                <p>Alert sent {timeAgo(flag.notifiedAt, now)}</p>
              ) : (
                flag.status !== 'closed' && <p>Alert not sent yet: hubvoice retries every minute</p>
              )}
              {flag.reviewedAt && (
                <p>
                  Last reviewed {timeAgo(flag.reviewedAt, now)}
                  {flag.reviewedBy ? ` by ${flag.reviewedBy}` : ''}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {nextHref && (
        <nav aria-label="More flags">
          <p>
            <a class="btn inline" href={nextHref}>
              Next {showing === 'closed' ? 'closed flags' : 'flags'}
            </a>
          </p>
        </nav>
      )}
    </StaffShell>
  );
}
