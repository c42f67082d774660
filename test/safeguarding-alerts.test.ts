/**
 * Safeguarding alerts under a burst (issue 17): 520 flagged submissions once sent about 700 alert
 * lines. Now the first few flags of a burst are alerted one by one, the rest wait a minute and go
 * as one digest per contact that says how many, links to the queue and names a likely flood.
 * Real SMTP (smtp-server), real HTTP, a clock the test moves.
 */
import { isNull } from 'drizzle-orm';
import { startSmtpInbox, type ReceivedMail, type SmtpInbox } from './helpers/smtp-inbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeguardingFlags } from '../db/schema';
import { ALERTS_PER_BURST } from '../server/alerts';
import { makeCouncilApp, updateSettings, type CouncilApp } from './helpers/factories';

let smtp: SmtpInbox;
/** What the SMTP server received. */
let inbox: ReceivedMail[];

let t: CouncilApp;
let clock = Date.parse('2026-12-01T09:00:00Z');
let sequence = 0;
const DUTY_DESK = 'duty-desk@council.example';
/** A mail's body with quoted-printable soft breaks undone, for reading whole sentences. */
const body = (mail: ReceivedMail) => mail.raw.replace(/=\r?\n/g, '').replace(/\r?\n\s/g, ' ');

beforeAll(async () => {
  smtp = await startSmtpInbox();
  inbox = smtp.mails;
  t = await makeCouncilApp({}, { mailer: smtp.mailer, now: () => new Date(clock) });
  await updateSettings(t, t.council.organisation.id, { safeguardingContacts: [{ email: DUTY_DESK }] });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function submit(code: string, better: string) {
  clock += 500;
  const response = await t.json('/api/responses', {
    body: { code, channel: 'qr', language: 'en', idempotencyKey: `burst-key-${++sequence}`, answers: { fft: 'neither', better } },
  });
  expect(response.status).toBe(201);
  return response.body.id as string;
}

describe('a burst of flags from one code', () => {
  const FLOOD = 40;

  it('alerts the first few one by one, and holds the rest for one digest', async () => {
    const code = t.council.sites.elm.points[0]!.code;
    for (let i = 0; i < FLOOD; i++) await submit(code, `He hits me and I am scared, number ${i}`);
    await t.deps.alerts.settled();
    const flags = await t.store.db.select().from(safeguardingFlags);
    expect(flags).toHaveLength(FLOOD);
    expect(flags.filter((f) => f.notifiedAt)).toHaveLength(ALERTS_PER_BURST);
    // One email per flag per contact (the council's duty desk and its safeguarding lead), for the first few only.
    expect(inbox).toHaveLength(ALERTS_PER_BURST * 2);
  });

  it('sends one digest per contact a minute on: how many, the queue’s link, the likely flood, no family words', async () => {
    const before = inbox.length;
    clock += 61_000;
    expect(await t.deps.alerts.retryPending()).toBe(FLOOD - ALERTS_PER_BURST);
    const digests = inbox.slice(before);
    expect(digests.flatMap((m) => m.to).sort()).toEqual([DUTY_DESK, t.council.users.safeguardingLead.email].sort());
    for (const mail of digests) {
      const text = body(mail);
      expect(text).toContain(`URGENT: Safeguarding: ${FLOOD - ALERTS_PER_BURST} possible disclosures (likely flood)`);
      expect(text).toContain(`Likely flood: ${FLOOD} flags came from the code ${t.council.sites.elm.points[0]!.code} within 10 minutes`);
      expect(text).toContain('/safeguarding');
      expect(text).not.toMatch(/hits me|scared|number \d/);
    }
    expect(await t.store.db.select().from(safeguardingFlags).where(isNull(safeguardingFlags.notifiedAt))).toHaveLength(0);
    // Nothing left to send: the next minute sends nothing.
    clock += 60_000;
    expect(await t.deps.alerts.retryPending()).toBe(0);
    expect(inbox.length).toBe(before + 2);
  });

  it('tells the lead on the queue, without hiding a single flag', async () => {
    const lead = await t.login(t.council.users.safeguardingLead.email, t.council.users.safeguardingLead.password);
    const html = await (await t.app.request('/safeguarding?', { headers: { cookie: `hubvoice_session=${lead}` } })).text();
    expect(html).toContain('<h2>Likely flood</h2>');
    expect(html).toMatch(new RegExp(`${FLOOD} open flags came from the code <strong>${t.council.sites.elm.points[0]!.code}</strong>`));
    expect(html).toContain(`${FLOOD} flags are waiting`);
    const listed = await t.json('/api/safeguarding/flags?limit=200', { token: lead });
    expect(listed.body).toHaveLength(FLOOD);
  });

  it('alerts a flag on its own again once the burst is over', async () => {
    clock += 11 * 60_000;
    const before = inbox.length;
    await submit(t.council.sites.ash.points[0]!.code, 'My partner hits me when he drinks');
    await t.deps.alerts.settled();
    const mails = inbox.slice(before);
    expect(mails).toHaveLength(2);
    for (const mail of mails) expect(body(mail)).toContain(`possible disclosure at ${t.council.sites.ash.name}`);
  });
});

describe('an alert that failed', () => {
  let flaky: SmtpInbox;
  let f: CouncilApp;
  let time = Date.parse('2026-12-02T09:00:00Z');

  beforeAll(async () => {
    flaky = await startSmtpInbox();
    flaky.refusing = true;
    f = await makeCouncilApp({}, { mailer: flaky.mailer, now: () => new Date(time) });
  });
  afterAll(async () => {
    await f.close();
    await flaky.close();
  });

  it('is retried a minute on, on its own when it was one flag, as a digest when there were more', async () => {
    const send = async (i: number) => {
      time += 1_000;
      const response = await f.json('/api/responses', {
        body: {
          code: f.council.sites.dun.points[0]!.code,
          channel: 'qr',
          language: 'en',
          idempotencyKey: `outage-key-${i}`,
          answers: { fft: 'neither', better: 'My partner hits me when he drinks' },
        },
      });
      expect(response.status).toBe(201);
      await f.deps.alerts.settled();
    };
    await send(0);
    expect(await f.store.db.select().from(safeguardingFlags).where(isNull(safeguardingFlags.notifiedAt))).toHaveLength(1);
    flaky.refusing = false;
    time += 61_000;
    expect(await f.deps.alerts.retryPending()).toBe(1);
    expect(flaky.mails.map((m) => body(m))).toEqual([expect.stringContaining(`possible disclosure at ${f.council.sites.dun.name}`)]);

    flaky.refusing = true;
    for (let i = 1; i <= 2; i++) await send(i);
    time += 61_000;
    expect(await f.deps.alerts.retryPending()).toBe(2);
    expect(await f.store.db.select().from(safeguardingFlags).where(isNull(safeguardingFlags.notifiedAt))).toHaveLength(2);
    flaky.refusing = false;
    time += 60_000;
    expect(await f.deps.alerts.retryPending()).toBe(2);
    expect(body(flaky.mails.at(-1)!)).toContain('Safeguarding: 2 possible disclosures');
    expect(await f.store.db.select().from(safeguardingFlags).where(isNull(safeguardingFlags.notifiedAt))).toHaveLength(0);
  });
});
