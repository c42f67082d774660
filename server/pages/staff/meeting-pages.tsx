/**
 * Meetings held with families: the list (newest first), the form to record one (its facts, the
 * facilitator's notes and quotes), and one meeting with its redacted words, their themes and
 * sentiment, and whether anything noted went to the safeguarding leads.
 */
import { MEETING_KINDS } from '../../../db/schema';
import { LANGUAGES } from '../../../survey/translate';
import type { FieldError } from '../../errors';
import { heldOnInWords, MEETING_KIND_LABELS, meetingKindLabel } from '../../meeting-labels';
import { ErrorSummary, Radios, ScrollRegion, Select, TextArea, TextField } from './fields';
import { StaffShell, type StaffUser } from './staff-shell';

export interface MeetingRow {
  id: string;
  kind: string;
  title: string;
  heldOn: string;
  area: 'site' | 'locality';
  participants: number;
  site: { code: string; name: string; locality: string };
  quotes: number;
  flagged: boolean;
}

const where = (m: { area: 'site' | 'locality'; site: { name: string; locality: string } }) =>
  m.area === 'locality' ? `${m.site.locality} locality (${m.site.name})` : m.site.name;

export function MeetingsPage({ user, meetings, records }: { user: StaffUser; meetings: MeetingRow[]; records: boolean }) {
  const people = meetings.reduce((sum, m) => sum + m.participants, 0);
  return (
    <StaffShell title="Meetings with families" user={user} current="meetings">
      <h1>Meetings with families</h1>
      <p>
        Panel meetings, Maternity Voices, the Parent Carer Forum, focus groups, community consultations and outreach events. Their notes and quotes are read
        like families’ comments: names and contact details hidden, themes and sentiment found, and anything that may disclose harm sent to the safeguarding
        leads.
      </p>
      {records && (
        <p>
          <a class="btn inline" href="/meetings/new">
            Record a meeting
          </a>
        </p>
      )}
      {meetings.length ? (
        <>
          <p>
            {meetings.length} {meetings.length === 1 ? 'meeting' : 'meetings'}, {people} {people === 1 ? 'person' : 'people'} taking part.{' '}
            <a href="/dashboard?source=meetings#themes">What meetings talked about</a>
          </p>
          <ScrollRegion label="Meetings">
            <table class="tbl stack">
              <caption>Meetings, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Held</th>
                  <th scope="col">Meeting</th>
                  <th scope="col">Where</th>
                  <th scope="col" class="num">
                    People
                  </th>
                  <th scope="col" class="num">
                    Quotes
                  </th>
                </tr>
              </thead>
              <tbody>
                {meetings.map((m) => (
                  <tr key={m.id} class={m.flagged ? 'flag' : undefined}>
                    <td data-label="Held">{heldOnInWords(m.heldOn)}</td>
                    <td data-label="Meeting">
                      <a href={`/meetings/${encodeURIComponent(m.id)}`}>{m.title}</a>
                      <br />
                      {meetingKindLabel(m.kind)}
                      {m.flagged && (
                        <>
                          {' '}
                          <strong class="tag tag-red">Sent to safeguarding</strong>
                        </>
                      )}
                    </td>
                    <td data-label="Where">{where(m)}</td>
                    <td data-label="People" class="num">
                      {m.participants}
                    </td>
                    <td data-label="Quotes" class="num">
                      {m.quotes}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      ) : (
        <p class="note">No meetings have been recorded yet.</p>
      )}
    </StaffShell>
  );
}

export interface MeetingFormProps {
  user: StaffUser;
  sites: { code: string; name: string; locality: string }[];
  errors: FieldError[];
  values: Record<string, string>;
}

export function MeetingFormPage({ user, sites, errors, values }: MeetingFormProps) {
  const error = (field: string) => errors.find((e) => e.field === field || e.field.startsWith(`${field}.`));
  return (
    <StaffShell title={`${errors.length ? 'Error: ' : ''}Record a meeting`} user={user} current="meetings">
      <ErrorSummary errors={errors} />
      <p>
        <a href="/meetings">Back to meetings</a>
      </p>
      <h1>Record a meeting</h1>
      <form method="post" action="/meetings/new" class="narrow" novalidate>
        <input type="hidden" name="key" value={values.key ?? ''} />
        <Radios
          name="kind"
          label="What kind of meeting was it?"
          value={values.kind}
          error={error('kind')}
          options={MEETING_KINDS.map((kind) => ({ value: kind, label: MEETING_KIND_LABELS[kind] }))}
        />
        <TextField name="title" label="Title" hint="A few words, like “Dads’ group on starting nursery”." value={values.title} error={error('title')} />
        <Select
          name="site"
          label="Site"
          value={values.site}
          error={error('site')}
          options={[{ value: '', label: 'Choose the site' }, ...sites.map((s) => ({ value: s.code, label: `${s.name} (${s.locality})` }))]}
        />
        <Radios
          name="area"
          label="Where did it reach?"
          value={values.area || 'site'}
          error={error('area')}
          options={[
            { value: 'site', label: 'People who use this site' },
            { value: 'locality', label: 'The site’s whole locality' },
          ]}
        />
        <TextField name="heldOn" type="date" label="Date held" value={values.heldOn} error={error('heldOn')} />
        <TextField
          name="participants"
          inputmode="numeric"
          label="How many people took part"
          hint="Families and young people, not staff."
          value={values.participants}
          error={error('participants')}
        />
        <TextArea
          name="demographics"
          label="Who took part (optional)"
          hint="Counts only, one group a line, like “Polish-speaking parents: 4”. Never names."
          rows={3}
          value={values.demographics}
          error={error('demographics')}
        />
        <Select
          name="language"
          label="Language the notes are written in"
          value={values.language || 'en'}
          error={error('language')}
          options={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
        />
        <TextArea
          name="notes"
          label="Notes"
          hint="What people said, in your words. Names, phone numbers and emails are hidden from everyone but the safeguarding leads."
          rows={8}
          value={values.notes}
          error={error('notes')}
        />
        <TextArea name="quotes" label="Quotes" hint="One quote a line, in the person’s own words." rows={6} value={values.quotes} error={error('quotes')} />
        <button type="submit" class="btn inline">
          Save the meeting
        </button>
      </form>
    </StaffShell>
  );
}

interface Words {
  id: string;
  redacted: string;
  withheld: boolean;
  sentiment: number;
  themes: { theme: string }[];
}

export interface MeetingView {
  id: string;
  kind: string;
  title: string;
  heldOn: string;
  area: 'site' | 'locality';
  participants: number;
  demographics: Record<string, number> | null;
  language: string;
  site: { code: string; name: string; locality: string };
  notes: Words[];
  quotes: Words[];
  flag: { id: string; status: string } | null;
}

const SENTIMENT = { '-1': { text: 'Negative', tone: 'red' }, '0': { text: 'Neutral', tone: 'grey' }, '1': { text: 'Positive', tone: 'green' } } as const;

function Said({ words, themeNames }: { words: Words; themeNames: Record<string, string> }) {
  const sentiment = SENTIMENT[String(Math.sign(words.sentiment)) as '-1' | '0' | '1'];
  return (
    <div>
      <blockquote class="quote">{words.redacted}</blockquote>
      {!words.withheld && (
        <p>
          <strong class={`tag tag-${sentiment.tone}`}>{sentiment.text}</strong>
          {words.themes.map((t) => (
            <span class="tag tag-blue" key={t.theme}>
              {themeNames[t.theme] ?? t.theme}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

export function MeetingPage({
  user,
  meeting,
  themeNames,
  recorded,
}: {
  user: StaffUser;
  meeting: MeetingView;
  themeNames: Record<string, string>;
  recorded: boolean;
}) {
  const language = LANGUAGES.find((l) => l.code === meeting.language);
  return (
    <StaffShell title={meeting.title} user={user} current="meetings">
      {recorded && (
        <div class="ok-banner" role="status" tabIndex={-1}>
          <h2>Meeting saved</h2>
          {meeting.flag && <p>Something in the notes may disclose harm. The safeguarding leads have been alerted and will review it.</p>}
        </div>
      )}
      <p>
        <a href="/meetings">Back to meetings</a>
      </p>
      <h1>{meeting.title}</h1>
      {meeting.flag && !recorded && (
        <p>
          <strong class="tag tag-red">Sent to safeguarding</strong> Something noted may disclose harm
          {meeting.flag.status === 'closed' ? '; a safeguarding lead has reviewed it.' : '; a safeguarding lead is reviewing it.'}
        </p>
      )}
      <dl class="sl">
        <div>
          <dt>Kind</dt>
          <dd>{meetingKindLabel(meeting.kind)}</dd>
        </div>
        <div>
          <dt>Held</dt>
          <dd>{heldOnInWords(meeting.heldOn)}</dd>
        </div>
        <div>
          <dt>Where</dt>
          <dd>{where(meeting)}</dd>
        </div>
        <div>
          <dt>People taking part</dt>
          <dd>{meeting.participants}</dd>
        </div>
        {meeting.demographics && (
          <div>
            <dt>Who took part</dt>
            <dd>
              {Object.entries(meeting.demographics)
                .map(([group, n]) => `${group}: ${n}`)
                .join('; ')}
            </dd>
          </div>
        )}
        <div>
          <dt>Notes written in</dt>
          <dd>{language?.name ?? meeting.language}</dd>
        </div>
      </dl>
      <h2>Notes</h2>
      {meeting.notes.length ? meeting.notes.map((n) => <Said key={n.id} words={n} themeNames={themeNames} />) : <p>No notes were written.</p>}
      <h2>Quotes</h2>
      {meeting.quotes.length ? meeting.quotes.map((q) => <Said key={q.id} words={q} themeNames={themeNames} />) : <p>No quotes were written down.</p>}
    </StaffShell>
  );
}
