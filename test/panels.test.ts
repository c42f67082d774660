/**
 * Parent and carer panels (issue 14), end to end through real HTTP on a real libSQL file, with a
 * real SMTP server for the invitations and a clock the test moves: CSV import, sealed contacts,
 * opening a wave by life stage, the personal link answering once, reminders to non-responders up
 * to the limit, a closed wave's kind page, unsubscribe, the subject-access export, erasure that
 * leaves no trace in the file or its WAL, analysts seeing pseudonyms only, and paired change
 * matching a hand-worked example.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpInbox, type ReceivedMail, type SmtpInbox } from './helpers/smtp-inbox';
import { makeCouncilApp, type CouncilApp } from './helpers/factories';
import { hourly } from '../server/housekeeping';
import { waitFor } from './browser/helpers';

const KEY = `k1:${Buffer.alloc(32, 7).toString('base64')}`;
const PUBLIC_URL = 'https://hub.example';
let smtp: SmtpInbox;
let t: CouncilApp;
let clock = Date.parse('2026-12-05T09:00:00Z');
const DAY = 86_400_000;
let admin: string;

/** A mail's body with quoted-printable soft breaks undone. */
const body = (mail: ReceivedMail) => mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));
const linkIn = (mail: ReceivedMail) => {
  const match = new RegExp(`${PUBLIC_URL}/p/([\\w-]{16})(?!/)`).exec(body(mail));
  if (!match) throw new Error(`no personal link in ${body(mail)}`);
  return `/p/${match[1]}`;
};
const post = (path: string, fields: Record<string, string> = {}) =>
  t.app.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

beforeAll(async () => {
  smtp = await startSmtpInbox();
  t = await makeCouncilApp({ PANEL_CONTACT_KEYS: KEY, PUBLIC_URL, SESSION_HOURS: '2160' }, { mailer: smtp.mailer, now: () => new Date(clock) });
  admin = await t.login(t.council.users.admin.email, t.council.users.admin.password);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function makePanel(name: string): Promise<string> {
  const made = await t.json('/api/panels', { token: admin, body: { name, kind: 'start_for_life', siteCode: 'twn' } });
  expect(made.status).toBe(201);
  return made.body.id;
}

async function makeWave(panelId: string, input: Record<string, unknown>): Promise<string> {
  const made = await t.json(`/api/panels/${panelId}/waves`, { token: admin, body: { surveyId: t.council.survey.id, ...input } });
  expect(made.status).toBe(201);
  return made.body.id;
}

describe('a Start for Life panel', () => {
  let panelId: string;
  let waveId: string;
  const members = new Map<string, { id: string; pseudonym: string }>();

  it('imports a CSV: each bad row is named, and nothing is added until every row is good', async () => {
    panelId = await makePanel('Start for Life parent and carer panel');
    const bad = [
      'name,email,mobile,language,children',
      'Ayesha Khan,ayesha@example.org,07700 900123,en,2026-06',
      'No Contact,,,en,2020-01',
      'Bad Phone,,01632 960000,en,',
      'Full Date,kit@example.org,,en,2025-03-14',
      'Twice,ayesha@example.org,,en,',
    ].join('\n');
    const refused = await t.json(`/api/panels/${panelId}/members/import`, { token: admin, body: { csv: bad, consentVersion: 'v2-2026' } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('validation_failed');
    expect(refused.body.error.details.map((d: { field: string }) => d.field)).toEqual(['row 3', 'row 4', 'row 5']);
    expect(refused.body.error.details[0].message).toMatch(/email address or a UK mobile/);
    expect(refused.body.error.details[2].message).toMatch(/never a full date|not a month/);
    expect((await t.json(`/api/panels/${panelId}/members`, { token: admin })).body).toEqual([]);

    // Once the three bad rows are right, the duplicate is named too, and still nothing is added.
    const duplicate = await t.json(`/api/panels/${panelId}/members/import`, {
      token: admin,
      body: { csv: ['name,email,mobile', 'A,one@example.org,', 'B,ONE@example.org,'].join('\n'), consentVersion: 'v2-2026' },
    });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.error.details).toEqual([expect.objectContaining({ field: 'row 3', code: 'duplicate' })]);

    const good = [
      'name,email,mobile,language,children,consented_at',
      'Ayesha Khan,ayesha@example.org,07700 900123,en,2026-06,2026-11-20',
      'Bogdan Nowak,bogdan@example.org,,pl,due 2027-03,2026-11-21',
      'Chris Teen,chris@example.org,,en,2012-05; 2015-01 send,2026-11-22',
    ].join('\n');
    const imported = await t.json(`/api/panels/${panelId}/members/import`, { token: admin, body: { csv: good, consentVersion: 'v2-2026' } });
    expect(imported.status).toBe(201);
    expect(imported.body).toEqual({ added: 3 });
    const listed = await t.json(`/api/panels/${panelId}/members`, { token: admin });
    expect(listed.body.map((m: { stages: string[] }) => m.stages)).toEqual([['0-2'], ['pregnancy'], ['11-19', 'send']]);
    expect(listed.body[0]).toMatchObject({ consentVersion: 'v2-2026', consentedAt: '2026-11-20T00:00:00.000Z', hasEmail: true, hasPhone: true });
    for (const [i, name] of ['ayesha', 'bogdan', 'chris'].entries()) members.set(name, listed.body[i]);
    // The member list names nobody: no email, phone or name.
    expect(JSON.stringify(listed.body)).not.toMatch(/@|07700|Ayesha/);
  });

  it('keeps contact details only sealed, bound to their member', async () => {
    const rows = await t.store.client.execute('SELECT member_id, sealed FROM panel_contacts');
    expect(rows.rows).toHaveLength(3);
    for (const row of rows.rows) expect(String(row.sealed)).toMatch(/^k1\.[\w-]{16}\.[\w-]+$/);
    const ayesha = rows.rows.find((r) => r.member_id === members.get('ayesha')!.id)!;
    expect(await t.deps.contacts.open(String(ayesha.member_id), String(ayesha.sealed))).toEqual({
      name: 'Ayesha Khan',
      email: 'ayesha@example.org',
      phone: '+447700900123',
    });
    // Copied onto another member, it does not open.
    await expect(t.deps.contacts.open(members.get('bogdan')!.id, String(ayesha.sealed))).rejects.toThrow();
  });

  it('re-seals contacts under a new key after a rotation, and the old key can then go', async () => {
    const { contactSealer } = await import('../server/contact-crypto');
    const { resealContacts } = await import('../db/panels');
    const NEW = `k2:${Buffer.alloc(32, 8).toString('base64')}`;
    const rotated = contactSealer(`${NEW},${KEY}`);
    const copy = await t.store.client.execute('SELECT member_id, sealed FROM panel_contacts');
    expect(await resealContacts(t.store.db, rotated)).toBe(3);
    expect(await resealContacts(t.store.db, rotated)).toBe(0);
    const newOnly = contactSealer(NEW);
    const after = await t.store.client.execute('SELECT member_id, sealed FROM panel_contacts');
    for (const row of after.rows) {
      expect(String(row.sealed)).toMatch(/^k2\./);
      expect((await newOnly.open(String(row.member_id), String(row.sealed))).email).toMatch(/@example\.org$/);
    }
    // Put back as the app's key (k1) sealed them, for the tests that follow.
    for (const row of copy.rows) {
      await t.store.client.execute({ sql: 'UPDATE panel_contacts SET sealed = ? WHERE member_id = ?', args: [String(row.sealed), String(row.member_id)] });
    }
  });

  it('opens a wave for pregnancy and under-2s: only those members get a personal link, stored only as its hash', async () => {
    waveId = await makeWave(panelId, {
      name: 'Winter 2026',
      stages: ['pregnancy', '0-2'],
      opensAt: '2026-12-05',
      closesAt: '2026-12-31',
      reminderLimit: 2,
      reminderGapDays: 3,
    });
    const opened = await t.json(`/api/waves/${waveId}/open`, { token: admin, body: {} });
    expect(opened.status).toBe(200);
    expect(opened.body).toEqual({ invited: 2, email: 2, sms: 0, none: 0, failed: 0 });
    expect(mailsTo('ayesha@example.org')).toHaveLength(1);
    expect(mailsTo('bogdan@example.org')).toHaveLength(1);
    expect(mailsTo('chris@example.org')).toHaveLength(0);
    const mail = body(mailsTo('ayesha@example.org')[0]!);
    expect(mail).toMatch(/Hello Ayesha Khan/);
    expect(mail).toMatch(new RegExp(`To stop getting messages from the panel: ${PUBLIC_URL}/p/[\\w-]{16}/stop`));
    const link = linkIn(mailsTo('ayesha@example.org')[0]!);
    // Short enough for a text message.
    expect(link.length).toBe(19);
    const stored = await t.store.client.execute('SELECT token_hash FROM wave_links');
    expect(stored.rows.map((r) => String(r.token_hash))).not.toContain(link.slice(3));
    expect(stored.rows.every((r) => /^[0-9a-f]{64}$/.test(String(r.token_hash)))).toBe(true);
    // Opening twice sends nothing twice.
    expect((await t.json(`/api/waves/${waveId}/open`, { token: admin, body: {} })).status).toBe(409);
  });

  it('takes one answer from a personal link, as channel panel under the member’s pseudonym, and refuses a second', async () => {
    const link = linkIn(mailsTo('ayesha@example.org')[0]!);
    const form = await t.app.request(link);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('Feedback on our centres');
    const answered = await post(link, { fft: 'good', better: 'More evening sessions for working parents please' });
    expect(answered.status).toBe(303);
    expect(answered.headers.get('location')).toBe('/p/thanks?lang=en');
    const rows = await t.store.client.execute(
      "SELECT r.id, r.channel, r.fft, a.pseudonym FROM responses r JOIN wave_answers a ON a.response_id = r.id WHERE r.channel = 'panel'",
    );
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]).toMatchObject({ channel: 'panel', fft: 2, pseudonym: members.get('ayesha')!.pseudonym });
    // The response itself carries nothing of the member beyond the pseudonym in its key.
    const response = await t.store.client.execute({ sql: 'SELECT * FROM responses WHERE id = ?', args: [String(rows.rows[0]!.id)] });
    expect(JSON.stringify(response.rows[0])).not.toMatch(/ayesha|pm_|07700/i);

    const again = await post(link, { fft: 'poor' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('You have already answered');
    expect((await t.app.request(link)).status).toBe(409);
    expect((await t.store.client.execute("SELECT count(*) AS n FROM responses WHERE channel = 'panel'")).rows[0]!.n).toBe(1);
  });

  it('gives the form back with the member’s answers when an answer is missing', async () => {
    const link = linkIn(mailsTo('bogdan@example.org')[0]!);
    const page = await post(link, { better: 'Nic' });
    expect(page.status).toBe(422);
    const html = await page.text();
    expect(html).toContain('lang="pl"');
    expect(html).toContain('Nic');
  });

  it('reminds only members who have not answered, at most twice and at least three days apart', async () => {
    const reminded = async () => (await t.json(`/api/waves/${waveId}/remind`, { token: admin, body: {} })).body.reminded;
    expect(await reminded()).toBe(0);
    clock += 3 * DAY;
    expect(await reminded()).toBe(1);
    expect(await reminded()).toBe(0);
    clock += 2 * DAY;
    expect(await reminded()).toBe(0);
    clock += DAY;
    expect(await reminded()).toBe(1);
    clock += 7 * DAY;
    expect(await reminded()).toBe(0);
    expect(mailsTo('ayesha@example.org')).toHaveLength(1);
    const bogdan = mailsTo('bogdan@example.org');
    expect(bogdan).toHaveLength(3);
    // Bogdan chose Polish: his reminder is in Polish ("Nie otrzymaliśmy jeszcze Twojej odpowiedzi").
    expect(body(bogdan[2]!)).toMatch(/Nie otrzymali/);
    // Each reminder's link works, and so does the first.
    expect((await t.app.request(linkIn(bogdan[2]!))).status).toBe(200);
    expect((await t.app.request(linkIn(bogdan[0]!))).status).toBe(200);
  });

  it('shows a closed wave’s link a kind message in the member’s language', async () => {
    const closed = await t.json(`/api/waves/${waveId}/close`, { token: admin, body: {} });
    expect(closed.body.status).toBe('closed');
    const page = await t.app.request(linkIn(mailsTo('bogdan@example.org')[0]!));
    expect(page.status).toBe(410);
    const html = await page.text();
    expect(html).toContain('lang="pl"');
    expect(html).toContain('Ta ankieta jest już zamknięta');
    expect((await post(linkIn(mailsTo('bogdan@example.org')[0]!), { fft: 'good' })).status).toBe(410);
  });

  it('reports the wave’s response rate, hiding counts below 5', async () => {
    const report = await t.json(`/api/waves/${waveId}/report`, { token: admin });
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ invited: 2, suppressed: true, rate: null, change: null });
    expect(report.body.byStage.every((s: { suppressed: boolean }) => s.suppressed)).toBe(true);
  });

  it('lets analysts see who answered only by pseudonym, and never the members', async () => {
    const analyst = await t.login(t.council.users.analyst.email, t.council.users.analyst.password);
    const answers = await t.json(`/api/waves/${waveId}/answers`, { token: analyst });
    expect(answers.status).toBe(200);
    expect(answers.body).toEqual([{ pseudonym: members.get('ayesha')!.pseudonym, responseId: expect.any(String), stages: ['0-2'] }]);
    expect((await t.json(`/api/panels/${panelId}/members`, { token: analyst })).status).toBe(403);
    expect((await t.json(`/api/panel-members/${members.get('ayesha')!.id}/export`, { token: analyst })).status).toBe(403);
    const staff = await t.login(t.council.users.siteStaff.email, t.council.users.siteStaff.password);
    expect((await t.json(`/api/waves/${waveId}/answers`, { token: staff })).status).toBe(403);
  });

  it('lets a member unsubscribe from the link in their message', async () => {
    const stop = `${linkIn(mailsTo('bogdan@example.org')[0]!)}/stop`;
    const page = await t.app.request(stop);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Zrezygnuj z wiadomości');
    const done = await post(stop);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Nie dostaniesz więcej wiadomości');
    const listed = await t.json(`/api/panels/${panelId}/members`, { token: admin });
    expect(listed.body.find((m: { id: string }) => m.id === members.get('bogdan')!.id).withdrawnAt).not.toBeNull();
    const audit = await t.store.client.execute("SELECT user_id, target_id, details FROM audit_log WHERE action = 'panel_member_withdrawn'");
    expect(audit.rows).toEqual([expect.objectContaining({ user_id: null, target_id: members.get('bogdan')!.pseudonym })]);
    // A withdrawn member is not asked in the next wave.
    const next = await makeWave(panelId, { name: 'Spring 2027', opensAt: '2026-12-20', closesAt: '2027-01-31' });
    const before = smtp.mails.length;
    expect((await t.json(`/api/waves/${next}/open`, { token: admin, body: {} })).body.invited).toBe(2);
    expect(smtp.mails.slice(before).flatMap((m) => m.to)).toEqual(expect.arrayContaining(['ayesha@example.org', 'chris@example.org']));
    expect(smtp.mails.slice(before).flatMap((m) => m.to)).not.toContain('bogdan@example.org');
  });

  it('exports everything held about one member for a subject-access request, and audits it', async () => {
    const exported = await t.json(`/api/panel-members/${members.get('ayesha')!.id}/export`, { token: admin });
    expect(exported.status).toBe(200);
    expect(exported.body.member).toMatchObject({
      pseudonym: members.get('ayesha')!.pseudonym,
      contact: { name: 'Ayesha Khan', email: 'ayesha@example.org', phone: '+447700900123' },
      children: [{ month: '2026-06', expected: false, send: false }],
      consentVersion: 'v2-2026',
    });
    expect(exported.body.invitations.map((i: { wave: string }) => i.wave)).toEqual(['Winter 2026', 'Spring 2027']);
    expect(exported.body.answers).toEqual([expect.objectContaining({ waveId, answers: { fft: 'good' } })]);
    const audit = await t.store.client.execute("SELECT count(*) AS n FROM audit_log WHERE action = 'panel_member_exported'");
    expect(audit.rows[0]!.n).toBe(1);
  });

  it('erases a member: the database file and its WAL then hold no trace of their email, phone or sealed details, and their answer stays anonymous', async () => {
    const id = members.get('ayesha')!.id;
    const sealed = String((await t.store.client.execute({ sql: 'SELECT sealed FROM panel_contacts WHERE member_id = ?', args: [id] })).rows[0]!.sealed);
    const ciphertext = sealed.split('.')[2]!;
    const erased = await t.json(`/api/panel-members/${id}`, { method: 'DELETE', token: admin });
    expect(erased.status).toBe(204);

    const file = join(t.dir, 'hubvoice.db');
    const bytes = Buffer.concat([readFileSync(file), existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`) : Buffer.alloc(0)]);
    for (const trace of ['ayesha@example.org', '+447700900123', '07700900123', '7700900123', 'Ayesha Khan', ciphertext.slice(0, 24), sealed.split('.')[1]!]) {
      expect(bytes.includes(Buffer.from(trace)), `found ${trace}`).toBe(false);
    }
    // The answer is still counted, under a pseudonym that now leads nowhere.
    const answer = await t.store.client.execute({
      sql: 'SELECT count(*) AS n FROM wave_answers WHERE pseudonym = ?',
      args: [members.get('ayesha')!.pseudonym],
    });
    expect(answer.rows[0]!.n).toBe(1);
    expect((await t.store.client.execute({ sql: 'SELECT count(*) AS n FROM panel_members WHERE id = ?', args: [id] })).rows[0]!.n).toBe(0);
    expect((await t.store.client.execute({ sql: 'SELECT count(*) AS n FROM wave_invitations WHERE member_id = ?', args: [id] })).rows[0]!.n).toBe(0);
    // Their old link now leads nowhere.
    expect((await t.app.request(linkIn(mailsTo('ayesha@example.org')[0]!))).status).toBe(404);
  });
});

describe('reminders on a timer', () => {
  it('go out hourly to non-responders when due, within the wave’s limit, with nobody pressing a button', async () => {
    const panelId = await makePanel('Maternity Voices');
    const added = await t.json(`/api/panels/${panelId}/members`, {
      token: admin,
      body: { email: 'dana@example.org', language: 'en', consentVersion: 'v2-2026', children: [{ month: '2026-06' }] },
    });
    expect(added.status).toBe(201);
    const waveId = await makeWave(panelId, { name: 'Timed', opensAt: '2026-12-05', closesAt: '2026-12-31', reminderLimit: 1, reminderGapDays: 1 });
    expect((await t.json(`/api/waves/${waveId}/open`, { token: admin, body: {} })).body).toMatchObject({ invited: 1 });
    const before = mailsTo('dana@example.org').length;
    // Not yet a day: nothing. Two days on: one reminder. Later still: the limit holds.
    await hourly(t.deps);
    expect(mailsTo('dana@example.org')).toHaveLength(before);
    clock += 2 * 86_400_000;
    await hourly(t.deps);
    await waitFor(
      () => Promise.resolve(mailsTo('dana@example.org').length),
      (n) => n === before + 1,
    );
    expect(body(mailsTo('dana@example.org').at(-1)!)).toMatch(/We have not heard from you yet/);
    clock += 2 * 86_400_000;
    await hourly(t.deps);
    expect(mailsTo('dana@example.org')).toHaveLength(before + 1);
    const audit = await t.store.client.execute("SELECT user_id, details FROM audit_log WHERE action = 'panel_wave_reminded' AND target_id = ?", [waveId]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.user_id).toBeNull();
  });
});

describe('a member with a mobile and no email, with no GOV.UK Notify configured', () => {
  it('gets a text message in their language, kept on the outbox page for an admin to send', async () => {
    const panelId = await makePanel('Parent Carer Forum');
    const added = await t.json(`/api/panels/${panelId}/members`, {
      token: admin,
      body: { mobile: '07700 900456', language: 'ro', consentVersion: 'v2-2026', children: [{ month: '2026-03' }] },
    });
    expect(added.status).toBe(201);
    const waveId = await makeWave(panelId, { name: 'Spring', opensAt: '2026-12-05', closesAt: '2026-12-31', reminderLimit: 0, reminderGapDays: 3 });
    const opened = await t.json(`/api/waves/${waveId}/open`, { token: admin, body: {} });
    expect(opened.body).toMatchObject({ invited: 1, sms: 1, none: 0 });
    const kept = await t.store.client.execute('SELECT subject, text FROM mail_outbox WHERE "to" = \'Text message to +447700900456\'');
    expect(kept.rows).toHaveLength(1);
    expect(String(kept.rows[0]!.text)).toMatch(/^Parent Carer Forum: spuneți-ne părerea până pe \d+ decembrie: https?:\/\/\S+\/p\/[\w-]{16} Dezabonare: /);
  });
});

describe('channels anonymous callers cannot claim', () => {
  it.each(['panel', 'paper'])('refuses a public submission claiming the %s channel, and stores nothing', async (channel) => {
    const before = (await t.store.client.execute('SELECT count(*) AS n FROM responses')).rows[0]!.n;
    const posted = await t.json('/api/responses', {
      body: { code: 'ash', channel, language: 'en', idempotencyKey: `claim-${channel}-1`, answers: { fft: 'good' } },
    });
    expect(posted.status).toBe(422);
    expect(posted.body.error.details[0]).toMatchObject({ field: 'channel' });
    expect((await t.store.client.execute('SELECT count(*) AS n FROM responses')).rows[0]!.n).toBe(before);
    expect(
      (
        await t.json('/api/responses', {
          body: { code: 'ash', channel: 'kiosk', language: 'en', idempotencyKey: `claim-${channel}-2`, answers: { fft: 'good' } },
        })
      ).status,
    ).toBe(201);
  });
});

describe('paired change between consecutive waves', () => {
  it('matches the hand-worked McNemar example for the same 20 members', async () => {
    clock = Date.parse('2027-02-01T09:00:00Z');
    admin = await t.login(t.council.users.admin.email, t.council.users.admin.password);
    const panelId = await makePanel('Parent Carer Forum');
    const emails = Array.from({ length: 20 }, (_, i) => `pair${i}@example.org`);
    const csv = ['email', ...emails].join('\n');
    expect((await t.json(`/api/panels/${panelId}/members/import`, { token: admin, body: { csv, consentVersion: 'v1' } })).status).toBe(201);
    // 6 positive both times, 2 lost, 8 gained, 4 never positive (analysis/paired.test.ts works it by hand).
    const first = ['good', 'veryGood', 'good', 'good', 'good', 'good', 'good', 'good', ...Array(12).fill('poor')];
    const second = ['good', 'good', 'good', 'veryGood', 'good', 'good', 'poor', 'neither', ...Array(8).fill('good'), ...Array(4).fill('poor')];
    const answerWave = async (waveId: string, answers: string[]) => {
      const before = smtp.mails.length;
      expect((await t.json(`/api/waves/${waveId}/open`, { token: admin, body: {} })).body.invited).toBe(20);
      const sent = smtp.mails.slice(before);
      for (const [i, email] of emails.entries()) {
        const mail = sent.find((m) => m.to.includes(email))!;
        expect((await post(linkIn(mail), { fft: answers[i]! })).status).toBe(303);
      }
    };
    const one = await makeWave(panelId, { name: 'February', opensAt: '2027-02-01', closesAt: '2027-02-28' });
    await answerWave(one, first);
    await t.json(`/api/waves/${one}/close`, { token: admin, body: {} });
    clock = Date.parse('2027-05-01T09:00:00Z');
    admin = await t.login(t.council.users.admin.email, t.council.users.admin.password);
    const two = await makeWave(panelId, { name: 'May', opensAt: '2027-05-01', closesAt: '2027-05-31' });
    await answerWave(two, second);

    const report = await t.json(`/api/waves/${two}/report`, { token: admin });
    expect(report.body).toMatchObject({ invited: 20, answered: 20, rate: 1, suppressed: false });
    expect(report.body.change).toMatchObject({ previousWaveName: 'February', pairs: 20, shown: true });
    const positive = report.body.change.positive;
    expect(positive).toMatchObject({ pairs: 20, both: 6, lost: 2, gained: 8, method: 'exact' });
    expect(positive.before).toBeCloseTo(0.4, 10);
    expect(positive.after).toBeCloseTo(0.7, 10);
    expect(positive.p).toBeCloseTo(0.109375, 10);
  });

  it('shows no change when too few members answered both waves', async () => {
    const panelId = await makePanel('Maternity Voices');
    const csv = ['email', 'mv1@example.org', 'mv2@example.org'].join('\n');
    await t.json(`/api/panels/${panelId}/members/import`, { token: admin, body: { csv, consentVersion: 'v1' } });
    const one = await makeWave(panelId, { name: 'One', opensAt: '2027-04-01', closesAt: '2027-04-30' });
    await t.json(`/api/waves/${one}/open`, { token: admin, body: {} });
    const two = await makeWave(panelId, { name: 'Two', opensAt: '2027-05-01', closesAt: '2027-05-31' });
    await t.json(`/api/waves/${two}/open`, { token: admin, body: {} });
    const report = await t.json(`/api/waves/${two}/report`, { token: admin });
    expect(report.body.change).toMatchObject({ pairs: 0, shown: false, positive: null, rating: null });
  });
});
