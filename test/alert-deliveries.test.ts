/**
 * A safeguarding alert that half failed (the email went, the webhook answered 500) is retried for
 * the webhook only: the lead is not emailed twice. The webhook's request is signed with the
 * contact's secret. Real SMTP (smtp-server), a real HTTP receiver, a clock the test moves.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookSignature } from '../server/mail/webhook-signature';
import { makeCouncilApp, updateSettings, type CouncilApp } from './helpers/factories';
import { startSmtpInbox, type SmtpInbox } from './helpers/smtp-inbox';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
let t: CouncilApp;
let smtp: SmtpInbox;
let receiver: Server;
const posts: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
let answer = 500;
let clock = Date.parse('2026-12-01T09:00:00Z');

beforeAll(async () => {
  smtp = await startSmtpInbox();
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      posts.push({ headers: request.headers, body });
      response.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const address = receiver.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/alerts`;
  t = await makeCouncilApp({}, { mailer: smtp.mailer, now: () => new Date(clock) });
  await updateSettings(t, t.council.organisation.id, { safeguardingContacts: [{ name: 'Case system', webhookUrl: url, webhookSecret: SECRET }] });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

describe('a safeguarding alert retried after a webhook failed', () => {
  it('emails the lead once, and posts the signed webhook again until it answers', async () => {
    const posted = await t.json('/api/responses', {
      body: {
        code: t.council.sites.ash.code,
        channel: 'qr',
        language: 'en',
        idempotencyKey: 'half-failed',
        answers: { fft: 'poor', better: 'My partner hits me' },
      },
    });
    expect(posted.status).toBe(201);
    await t.deps.alerts.settled();
    const toLead = () => smtp.mails.filter((m) => m.to.includes(t.council.users.safeguardingLead.email)).length;
    expect(toLead()).toBe(1);
    expect(posts).toHaveLength(1);
    const notified = async () => (await t.store.client.execute('SELECT notified_at FROM safeguarding_flags')).rows[0]!.notified_at;
    expect(await notified()).toBeNull();

    answer = 200;
    clock += 2 * 60_000;
    await t.deps.alerts.retryPending();
    expect(posts).toHaveLength(2);
    expect(toLead()).toBe(1);
    expect(await notified()).not.toBeNull();
    const last = posts[1]!;
    const id = String(last.headers['webhook-id']);
    const timestamp = Number(last.headers['webhook-timestamp']);
    expect(timestamp).toBe(Math.floor(clock / 1000));
    expect(last.headers['webhook-signature']).toBe(await webhookSignature(SECRET, id, timestamp, last.body));
    expect(JSON.parse(last.body)).toMatchObject({ type: 'safeguarding.flag', site: t.council.sites.ash.name });

    // Nothing is left to send.
    clock += 2 * 60_000;
    expect(await t.deps.alerts.retryPending()).toBe(0);
    expect(posts).toHaveLength(2);
  });
});
