/**
 * Meetings held with families (issue 14): a focus group's notes and quotes go through the same
 * redaction, themes, sentiment and safeguarding as families' comments; they show in the themes
 * report marked with where they came from and can be filtered in or out; a possible disclosure in
 * them is a flag in the queue and an alert; the quarterly report counts the meetings held. Real
 * HTTP through the app, a real libSQL file and a real SMTP server.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate';
import { renderQuarterlyPdf } from '../server/quarterly-pdf';
import { auditLog, themeDays } from '../db/schema';
import { addResponses, expectErrorShape } from './helpers/app';
import { makeCouncilApp, updateSettings, type CouncilApp } from './helpers/factories';
import { fileBefore, ONE_SITE } from './helpers/old-file';
import { startSmtpInbox, type SmtpInbox } from './helpers/smtp-inbox';

let t: CouncilApp;
let smtp: SmtpInbox;
let admin: string;
let staff: string;
let analyst: string;
let lead: string;

const FOCUS_GROUP = {
  kind: 'focus_group',
  title: 'Dads on the waiting list for speech and language',
  heldOn: '2026-11-03',
  participants: 7,
  demographics: { Dads: 6, 'Polish-speaking parents': 2 },
  notes: 'Dads said the wait for speech and language therapy was far too long. Call Tom Baxter on 07700 900123 to follow up.',
  quotes: ['The staff were lovely and so welcoming to us dads.', 'We waited eight months for a speech therapy appointment and heard nothing.'],
};

beforeAll(async () => {
  smtp = await startSmtpInbox();
  t = await makeCouncilApp({}, { mailer: smtp.mailer, quarterlyPdf: renderQuarterlyPdf, now: () => new Date('2026-12-05T10:00:00Z') });
  await updateSettings(t, t.council.organisation.id, { safeguardingContacts: [{ name: 'Duty desk', email: 'duty@riverside.example' }] });
  admin = await t.login();
  const { users } = t.council;
  staff = await t.login(users.siteStaff.email, users.siteStaff.password);
  analyst = await t.login(users.analyst.email, users.analyst.password);
  lead = await t.login(users.safeguardingLead.email, users.safeguardingLead.password);
  // Families' own comments in the same weeks, with the same themes as some of the meeting's words.
  await addResponses(t, t.council.sites.ash.code, 6, 1, '2026-11-04T10:00:00Z');
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('recording a meeting', () => {
  let id: string;

  it('stores the meeting with its notes and quotes read, redacted and themed, and audits it', async () => {
    const { status, body } = await t.json('/api/meetings', { token: staff, body: { ...FOCUS_GROUP, site: 'ash' } });
    expect(status).toBe(201);
    expect(body).toMatchObject({ flagged: false, notes: 1, quotes: 2 });
    id = body.id;
    const meeting = await t.json(`/api/meetings/${id}`, { token: analyst });
    expect(meeting.status).toBe(200);
    expect(meeting.body).toMatchObject({ kind: 'focus_group', heldOn: '2026-11-03', participants: 7, site: { code: 'ash' }, flag: null });
    expect(meeting.body.demographics).toEqual({ Dads: 6, 'Polish-speaking parents': 2 });
    const notes = meeting.body.notes[0].redacted as string;
    expect(notes).not.toContain('07700');
    expect(notes).not.toContain('Baxter');
    expect(notes).toContain('speech and language');
    const [praise, complaint] = meeting.body.quotes as { redacted: string; sentiment: number; themes: { theme: string }[] }[];
    expect(praise!.sentiment).toBe(1);
    expect(complaint!.sentiment).toBe(-1);
    expect(complaint!.themes.length).toBeGreaterThan(0);
    const audit = await t.store.db.select({ action: auditLog.action, targetId: auditLog.targetId }).from(auditLog);
    expect(audit).toContainEqual({ action: 'meeting_recorded', targetId: id });
    const list = await t.json('/api/meetings?site=ash', { token: analyst });
    expect(list.body.map((m: { id: string }) => m.id)).toEqual([id]);
    expect(list.body[0]).toMatchObject({ quotes: 2, flagged: false, participants: 7 });
  });

  it('keeps meetings out of theme_days, which counts families’ comments only', async () => {
    const rows = await t.store.db.select().from(themeDays);
    const counted = rows.filter((r) => r.theme === '').reduce((sum, r) => sum + r.mentions, 0);
    const families = await t.store.client.execute('SELECT count(*) AS n FROM comments WHERE meeting_id IS NULL');
    expect(counted).toBe(Number(families.rows[0]!.n));
  });

  it('shows the meeting’s quotes in the themes report marked as a focus group, and filters them in or out', async () => {
    const range = 'from=2026-10-01&to=2026-12-04';
    const all = await t.json(`/api/reports/themes?${range}`, { token: analyst });
    const families = await t.json(`/api/reports/themes?${range}&source=families`, { token: analyst });
    const meetings = await t.json(`/api/reports/themes?${range}&source=meetings`, { token: analyst });
    expect(meetings.body.comments).toBe(3);
    expect(all.body.comments).toBe(families.body.comments + 3);
    const marked = (report: { themes: { quotes: string[]; quoteSources: (string | null)[] }[] }) =>
      report.themes.flatMap((theme) => theme.quotes.map((quote, i) => ({ quote, source: theme.quoteSources[i] })));
    const fromMeetings = marked(meetings.body);
    expect(fromMeetings.length).toBeGreaterThan(0);
    for (const q of fromMeetings) expect(q.source).toBe('a focus group on 3 November 2026');
    expect(fromMeetings.map((q) => q.quote)).toContain('We waited eight months for a speech therapy appointment and heard nothing.');
    expect(marked(families.body).every((q) => q.source === null)).toBe(true);
    expect(marked(all.body).some((q) => q.source === 'a focus group on 3 November 2026')).toBe(true);
    // The same counts whichever way the report reads them: every theme's count in "all" is the two sources' sum.
    for (const theme of all.body.themes as { theme: string; count: number }[]) {
      const f = families.body.themes.find((x: { theme: string }) => x.theme === theme.theme)?.count ?? 0;
      const m = meetings.body.themes.find((x: { theme: string }) => x.theme === theme.theme)?.count ?? 0;
      expect(theme.count, theme.theme).toBe(f + m);
    }
    const bad = await t.json(`/api/reports/themes?source=everyone`, { token: analyst });
    expect(bad.status).toBe(422);
    expectErrorShape(bad.body);
  });

  it('marks a meeting’s words in comment drill-down and filters by source', async () => {
    const meetings = await t.json('/api/comments?source=meetings&from=2026-10-01', { token: analyst });
    expect(meetings.status).toBe(200);
    expect(meetings.body.comments).toHaveLength(3);
    for (const c of meetings.body.comments) expect(c.meeting).toMatchObject({ id, kind: 'focus_group', heldOn: '2026-11-03' });
    const families = await t.json('/api/comments?source=families&from=2026-10-01', { token: analyst });
    expect(families.body.comments.every((c: { meeting: unknown }) => c.meeting === null)).toBe(true);
  });

  it('counts the meetings held in the quarterly report', async () => {
    await t.json('/api/meetings', {
      token: admin,
      body: {
        kind: 'parent_carer_forum',
        title: 'SEND forum',
        heldOn: '2026-10-14',
        participants: 12,
        site: 'dun',
        area: 'locality',
        notes: 'Annual reviews are late.',
      },
    });
    const { body } = await t.json('/api/reports/quarterly?quarter=2026-Q4', { token: admin });
    expect(body.meetings).toMatchObject({ total: 2, participants: 19 });
    expect(body.meetings.byKind).toEqual([
      { kind: 'focus_group', label: 'Focus group', meetings: 1, participants: 7 },
      { kind: 'parent_carer_forum', label: 'Parent Carer Forum', meetings: 1, participants: 12 },
    ]);
    const atAsh = await t.json('/api/reports/quarterly?quarter=2026-Q4&site=ash', { token: admin });
    expect(atAsh.body.meetings).toMatchObject({ total: 1, participants: 7 });
    const lastQuarter = await t.json('/api/reports/quarterly?quarter=2026-Q3', { token: admin });
    expect(lastQuarter.body.meetings).toMatchObject({ total: 0, participants: 0, byKind: [] });
    // On the printed page and in the PDF, with the focus group's quote marked where it came from.
    const headers = { authorization: `Bearer ${admin}` };
    const html = await (await t.app.request('/reports/quarterly?quarter=2026-Q4', { headers })).text();
    expect(html).toContain('2 meetings with 19 people taking part');
    expect(html).toContain('From a focus group on 3 November 2026');
    const pdf = await t.app.request('/reports/quarterly.pdf?quarter=2026-Q4', { headers });
    expect(pdf.status).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'hubvoice-meetings-pdf-'));
    writeFileSync(join(dir, 'report.pdf'), Buffer.from(await pdf.arrayBuffer()));
    const text = execFileSync('pdftotext', [join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('2 meetings with 19 people taking part');
    expect(text).toContain('Focus group: 1 (7 people)');
    expect(text).toContain('Parent Carer Forum: 1 (12 people)');
  });

  it('refuses what it cannot store, naming each field, and lets only the right people record', async () => {
    const bad = await t.json('/api/meetings', {
      token: staff,
      body: { kind: 'party', title: '', heldOn: '2026-02-30', participants: 0, site: 'ash', notes: 'x' },
    });
    expect(bad.status, JSON.stringify(bad.body)).toBe(422);
    expectErrorShape(bad.body);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['heldOn', 'kind', 'participants', 'title']);
    const future = await t.json('/api/meetings', { token: staff, body: { ...FOCUS_GROUP, heldOn: '2027-01-10', site: 'ash' } });
    expect(future.body.error.details).toEqual([expect.objectContaining({ field: 'heldOn' })]);
    const empty = await t.json('/api/meetings', { token: staff, body: { ...FOCUS_GROUP, notes: '', quotes: [], site: 'ash' } });
    expect(empty.body.error.details).toEqual([expect.objectContaining({ field: 'notes' })]);
    // Site staff at Ashby record for Ashby only.
    const elsewhere = await t.json('/api/meetings', { token: staff, body: { ...FOCUS_GROUP, site: 'dun' } });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.error.details).toEqual([expect.objectContaining({ field: 'site' })]);
    expect((await t.json('/api/meetings', { token: analyst, body: { ...FOCUS_GROUP, site: 'ash' } })).status).toBe(403);
    expect((await t.json('/api/meetings', { token: lead })).status).toBe(403);
    // The same key twice is one meeting.
    const once = await t.json('/api/meetings', { token: staff, body: { ...FOCUS_GROUP, site: 'ash', key: 'retry-key-1' } });
    const twice = await t.json('/api/meetings', { token: staff, body: { ...FOCUS_GROUP, site: 'ash', key: 'retry-key-1' } });
    expect(twice.body.id).toBe(once.body.id);
    const count = await t.store.client.execute({ sql: 'SELECT count(*) AS n FROM meetings WHERE id = ?', args: [once.body.id] });
    expect(Number(count.rows[0]!.n)).toBe(1);
  });
});

describe('a possible disclosure in a meeting’s notes', () => {
  let id: string;

  it('raises a flag, alerts the safeguarding contacts and withholds the words from reports', async () => {
    const before = smtp.mails.length;
    const { body } = await t.json('/api/meetings', {
      token: staff,
      body: {
        kind: 'outreach_event',
        title: 'Stay and play in the park',
        heldOn: '2026-12-01',
        participants: 9,
        site: 'ash',
        quotes: ['My partner checks my phone every night and he hit me last week, I am scared to go home.'],
      },
    });
    expect(body.flagged).toBe(true);
    id = body.id;
    await t.deps.alerts.settled();
    const alert = smtp.mails.slice(before).find((m) => m.to.includes('duty@riverside.example'));
    expect(alert).toBeDefined();
    expect(alert!.raw).not.toContain('scared to go home');

    const queue = await t.json('/api/safeguarding/flags?status=open', { token: lead });
    const flag = queue.body.find((f: { meeting?: { id: string } | null }) => f.meeting?.id === id);
    expect(flag).toMatchObject({ responseId: null, form: null, urgency: 'immediate', meeting: { kind: 'outreach_event', heldOn: '2026-12-01' } });
    expect(flag.comments[0].text).toContain('scared to go home');
    expect(flag.comments[0].question).toBe('Quote from someone who took part');

    const seen = await t.json(`/api/meetings/${id}`, { token: analyst });
    expect(seen.body.quotes[0]).toMatchObject({ withheld: true, redacted: 'withheld: under safeguarding review' });
    const report = await t.json('/api/reports/themes?from=2026-11-01&to=2026-12-04&source=meetings', { token: analyst });
    expect(JSON.stringify(report.body)).not.toContain('scared');

    const page = await t.app.request(`/safeguarding/flags/${flag.id}`, { headers: { authorization: `Bearer ${lead}` } });
    const html = await page.text();
    expect(html).toContain('Stay and play in the park');
    expect(html).toContain('What the meeting’s notes say');
  });
});

describe('the migration that made room for meetings', () => {
  it('rebuilds comments and flags keeping every row and every reference, with foreign keys enforced afterwards', async () => {
    const { client, next } = await fileBefore('0020_');
    await client.batch(
      [
        ...ONE_SITE,
        "INSERT INTO responses (id, organisation_id, survey_version_id, site_id, channel, language, submitted_at, idempotency_key, answers) VALUES ('r', 'o', 'v', 's', 'qr', 'en', 1, 'k', '{}')",
        "INSERT INTO comments (id, response_id, organisation_id, site_id, question_id, submitted_at, language, text, redacted, sentiment, themes, model_version) VALUES ('c', 'r', 'o', 's', 'q', 1, 'en', 't', 't', 0, '[]', 'm')",
        "INSERT INTO theme_corrections (id, organisation_id, comment_id, themes, user_id) VALUES ('tc', 'o', 'c', '[]', 'u')",
        "INSERT INTO safeguarding_flags (id, organisation_id, response_id, site_id, categories, urgency) VALUES ('f', 'o', 'r', 's', '[]', 'priority')",
        "INSERT INTO safeguarding_reviews (id, flag_id, status, action_taken, reviewed_at) VALUES ('rv', 'f', 'closed', 'done', 1)",
      ],
      'write',
    );
    expect(await migrate(client)).toContain(next);
    const rows = await client.execute(
      "SELECT (SELECT count(*) FROM comments WHERE id = 'c' AND meeting_id IS NULL) AS c, (SELECT count(*) FROM safeguarding_flags WHERE id = 'f') AS f",
    );
    expect(rows.rows[0]).toMatchObject({ c: 1, f: 1 });
    expect((await client.execute('PRAGMA foreign_key_check')).rows).toHaveLength(0);
    expect(Number((await client.execute('PRAGMA foreign_keys')).rows[0]![0])).toBe(1);
    await expect(
      client.execute(
        "INSERT INTO comments (id, meeting_id, organisation_id, site_id, question_id, submitted_at, language, redacted, sentiment, themes, model_version) VALUES ('x', 'no-such-meeting', 'o', 's', 'notes', 1, 'en', 'x', 0, '[]', 'm')",
      ),
    ).rejects.toThrow(/FOREIGN KEY/);
    client.close();
  });
});

describe('what the dashboard asks of the API', () => {
  it('breaks satisfaction down by ward, and finds comments by language and by the words they hold', async () => {
    const byWard = await t.json('/api/reports/satisfaction?groupBy=ward&from=2026-10-01&to=2026-12-04', { token: analyst });
    expect(byWard.status).toBe(200);
    expect(byWard.body.rows.map((r: { key: string; label: string }) => [r.key, r.label])).toEqual([['Ashby', 'Ashby']]);
    const speech = await t.json('/api/comments?q=SPEECH&from=2026-10-01', { token: analyst });
    expect(speech.body.comments.length).toBeGreaterThan(0);
    for (const c of speech.body.comments) expect(c.redacted.toLowerCase()).toContain('speech');
    const polish = await t.json('/api/comments?language=pl&from=2026-10-01', { token: analyst });
    expect(polish.body.comments).toEqual([]);
    const english = await t.json('/api/comments?language=en&source=meetings&from=2026-10-01', { token: analyst });
    expect(english.body.comments.length).toBeGreaterThan(0);
    const bad = await t.json('/api/comments?language=Polish', { token: analyst });
    expect(bad.status).toBe(422);
    expectErrorShape(bad.body);
  });
});
