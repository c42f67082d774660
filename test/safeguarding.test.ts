import { eq } from 'drizzle-orm';
import { startSmtpInbox, type ReceivedMail, type SmtpInbox } from './helpers/smtp-inbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeguardingFlags } from '../db/schema';
import { expectErrorShape } from './helpers/app';
import { makeCouncilApp, updateSettings, type CouncilApp } from './helpers/factories';
import { questionTitle } from './helpers/surveys';

let smtp: SmtpInbox;
/** What the SMTP server received. */
let inbox: ReceivedMail[];

let t: CouncilApp;
let lead: string;
let sequence = 0;

beforeAll(async () => {
  smtp = await startSmtpInbox();
  inbox = smtp.mails;
  t = await makeCouncilApp({}, { mailer: smtp.mailer });
  await updateSettings(t, t.council.organisation.id, { safeguardingContacts: [{ email: 'duty-desk@council.example' }] });
  const { safeguardingLead } = t.council.users;
  lead = await t.login(safeguardingLead.email, safeguardingLead.password);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function submit(better: string, language = 'en') {
  const response = await t.json('/api/responses', {
    body: {
      code: t.council.sites.elm.points[0]!.code,
      channel: 'qr',
      language,
      idempotencyKey: `safeguarding-${++sequence}`,
      answers: { fft: 'neither', better },
    },
  });
  expect(response.status).toBe(201);
  await t.deps.alerts.settled();
  const flag = await t.store.db.query.safeguardingFlags.findFirst({ where: eq(safeguardingFlags.responseId, response.body.id) });
  return { id: response.body.id as string, flag };
}

describe('a disclosure of harm', () => {
  it('raises an immediate flag with the response and emails the contacts a link, never the words', async () => {
    const disclosure = 'My partner hits me when he drinks and I am scared for my kids';
    const before = inbox.length;
    const { flag } = await submit(disclosure);
    expect(flag).toMatchObject({ urgency: 'immediate', status: 'open' });
    expect(flag!.categories).toContain('domestic-abuse');
    expect(flag!.notifiedAt).toBeInstanceOf(Date);
    const mails = inbox.slice(before);
    expect(mails.flatMap((m) => m.to).sort()).toEqual([t.council.users.safeguardingLead.email, 'duty-desk@council.example'].sort());
    for (const mail of mails) {
      // The body is quoted-printable: a long line is soft-broken with "=" at its end.
      const body = mail.raw.replace(/=\r?\n/g, '');
      expect(body).toContain(`Subject: URGENT: Safeguarding: possible disclosure at ${t.council.sites.elm.name}`);
      expect(body).toContain(`/safeguarding/flags/${flag!.id}`);
      expect(body).not.toMatch(/hits me|drinks|scared/);
    }
  });

  it('tells a past risk the family is recovering from by a lower urgency, still reaching a person', async () => {
    const before = inbox.length;
    const { flag } = await submit('The staff helped me leave a violent relationship last year');
    expect(flag).toMatchObject({ urgency: 'priority' });
    expect(inbox.length).toBeGreaterThan(before);
  });

  it('does not flag a past harm the comment says is over ("past and resolved" is not a disclosure)', async () => {
    const { flag } = await submit('The staff helped me leave a violent relationship last year and I feel safe now');
    expect(flag).toBeUndefined();
    const { flag: back } = await submit('I left a violent relationship last year and felt safe, but he is turning up again');
    expect(back).toMatchObject({ urgency: 'immediate' });
  });

  it('catches a disclosure written in Polish', async () => {
    const { flag } = await submit('Mój partner mnie bije i boję się o dzieci', 'pl');
    expect(flag?.categories).toContain('domestic-abuse');
  });

  it('leaves look-alikes alone: "this group is a lifesaver"', async () => {
    const before = inbox.length;
    const { flag } = await submit('Honestly this group is a lifesaver, I was dying to get out of the house');
    expect(flag).toBeUndefined();
    expect(inbox.length).toBe(before);
  });
});

describe('the safeguarding queue', () => {
  it('shows a safeguarding lead the original words, and everyone else only the redacted ones', async () => {
    await submit('My name is Sarah Jones, call me on 07700 900123. My ex threatened to kill me');
    const forLead = await t.json('/api/safeguarding/flags?status=open', { token: lead });
    expect(forLead.status).toBe(200);
    const flag = forLead.body.find((f: { comments: { text?: string }[] }) => f.comments.some((c) => c.text?.includes('Sarah Jones')));
    expect(flag).toBeDefined();
    expect(flag.comments[0].redacted).not.toContain('Sarah');
    expect(flag.comments[0].redacted).not.toContain('07700');
    const forAdmin = await t.json(`/api/safeguarding/flags/${flag.id}`, { token: await t.login() });
    expect(forAdmin.body.comments[0].text).toBeUndefined();
    expect(forAdmin.body.comments[0].redacted).toContain('[phone]');
  });

  it('lists present risks before past ones', async () => {
    // The past risk is raised last, so newest-first alone would list it first.
    const { flag: present } = await submit('He hits me and I am scared to go home tonight');
    const { flag: past } = await submit('The staff helped me leave a violent relationship last year');
    expect([present?.urgency, past?.urgency]).toEqual(['immediate', 'priority']);
    const flags = (await t.json('/api/safeguarding/flags?status=open', { token: lead })).body as { id: string; urgency: string }[];
    const ids = flags.map((f) => f.id);
    expect(ids.indexOf(present!.id)).toBeGreaterThan(-1);
    expect(ids.indexOf(past!.id)).toBeGreaterThan(ids.indexOf(present!.id));
    const firstPriority = flags.findIndex((f) => f.urgency === 'priority');
    expect(flags.slice(firstPriority).every((f) => f.urgency === 'priority')).toBe(true);
  });

  it('records who reviewed a flag and what they did, in the audit log too', async () => {
    const { flag } = await submit('My partner hits me, I need help');
    expect(flag).toBeDefined();
    const review = await t.json(`/api/safeguarding/flags/${flag!.id}/review`, {
      token: lead,
      body: { status: 'closed', actionTaken: 'Called the family; referred to MASH' },
    });
    expect(review.status).toBe(200);
    expect(review.body).toMatchObject({
      status: 'closed',
      reviewedBy: t.council.users.safeguardingLead.email,
      actionTaken: 'Called the family; referred to MASH',
    });
    const audit = await t.store.client.execute({
      sql: "SELECT count(*) AS n FROM audit_log WHERE action = 'safeguarding_flag_reviewed' AND target_id = ?",
      args: [flag!.id],
    });
    expect(audit.rows[0]?.n).toBe(1);
    const empty = await t.json(`/api/safeguarding/flags/${flag!.id}/review`, { token: lead, body: { status: 'closed', actionTaken: '' } });
    expect(empty.status).toBe(422);
    expect(empty.body.error.details[0].field).toBe('actionTaken');
  });

  it('is closed to a provider manager', async () => {
    const token = await t.userWith('pm@southbank.example', 'provider_manager', { type: 'provider', id: t.council.providers.south.id });
    const response = await t.json('/api/safeguarding/flags', { token });
    expect(response.status).toBe(403);
    expectErrorShape(response.body);
  });
});

describe('a flag from a council\u2019s own survey', () => {
  it('shows each answer under the question of the survey the family answered', async () => {
    const admin = await t.login();
    const definition = {
      title: { en: 'Stay and play' },
      pages: [
        {
          id: 'one',
          questions: [
            { id: 'fft', type: 'fft', required: true },
            { id: 'better', type: 'longtext', required: false, title: { en: 'What worries you most at the moment?' } },
          ],
        },
      ],
    };
    const published = await t.json('/api/surveys', { token: admin, body: { name: 'Worries', definition, assignTo: [t.council.sites.bay.points[0]!.code] } });
    expect(published.status).toBe(201);
    const sent = await t.json('/api/responses', {
      body: {
        code: t.council.sites.bay.points[0]!.code,
        channel: 'qr',
        language: 'en',
        idempotencyKey: `safeguarding-${++sequence}`,
        answers: { fft: 'poor', better: 'My partner hits me and I am scared' },
      },
    });
    expect(sent.status).toBe(201);
    const flag = await t.store.db.query.safeguardingFlags.findFirst({ where: eq(safeguardingFlags.responseId, sent.body.id) });
    const api = await t.json(`/api/safeguarding/flags/${flag!.id}`, { token: lead });
    expect(api.body.comments.map((c: { question: string }) => c.question)).toEqual(['What worries you most at the moment?']);
    const page = await t.app.request(`/safeguarding/flags/${flag!.id}`, { headers: { authorization: `Bearer ${lead}` } });
    const html = await page.text();
    expect(html).toContain('What worries you most at the moment?');
    // The default survey's question with the same id is not what this family read.
    expect(html).not.toContain(questionTitle(t.council.survey.definition, 'better'));
  });
});

describe('GET /api/reports/themes', () => {
  it('summarises the period’s comments by theme with redacted quotes', async () => {
    for (const text of ['Please run more sessions at weekends', 'More weekend sessions for working parents', 'The room was cold and dirty']) await submit(text);
    const response = await t.json('/api/reports/themes', { token: await t.login() });
    expect(response.status).toBe(200);
    expect(response.body.comments).toBeGreaterThanOrEqual(3);
    const times = response.body.themes.find((theme: { theme: string }) => /time|availab/.test(theme.theme));
    expect(times?.count).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(response.body)).not.toContain('07700');
  });
});
