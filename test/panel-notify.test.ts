/**
 * Panel invitations through GOV.UK Notify, against a local HTTP stand-in that checks each request's
 * shape and its HS256 JWT as Notify does: by the official client (Node) and by the HTTP API with
 * our own JWT (Workers). Email members get the email template with a one-click unsubscribe link;
 * mobile-only members get a text message whose personal link is short.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyHttp, NotifyError, notifyJwt, parseNotifyKey } from '../server/notify';
import { notifyNodeClient } from '../server/notify-node';
import { makeCouncilApp, type CouncilApp } from './helpers/factories';
import { EMAIL_TEMPLATE, NOTIFY_KEY, NOTIFY_SECRET, NOTIFY_SERVICE_ID, SMS_TEMPLATE, startNotifyStandIn, type NotifyStandIn } from './helpers/notify-standin';

const KEY = `k1:${Buffer.alloc(32, 9).toString('base64')}`;
let notify: NotifyStandIn;

beforeAll(async () => {
  notify = await startNotifyStandIn();
});
afterAll(() => notify.close());

const settings = () => ({ apiKey: NOTIFY_KEY, baseUrl: notify.url, emailTemplateId: EMAIL_TEMPLATE, smsTemplateId: SMS_TEMPLATE });

async function openWaveWith(t: CouncilApp) {
  const admin = await t.login(t.council.users.admin.email, t.council.users.admin.password);
  const panel = await t.json('/api/panels', { token: admin, body: { name: 'Riverside panel', kind: 'start_for_life', siteCode: 'ash' } });
  const csv = ['name,email,mobile', 'Dana,dana@example.org,', 'Eli,,+44 7700 900456'].join('\n');
  expect((await t.json(`/api/panels/${panel.body.id}/members/import`, { token: admin, body: { csv, consentVersion: 'v1' } })).status).toBe(201);
  const wave = await t.json(`/api/panels/${panel.body.id}/waves`, {
    token: admin,
    body: { name: 'Winter', surveyId: t.council.survey.id, opensAt: '2026-01-01', closesAt: '2099-12-31' },
  });
  return t.json(`/api/waves/${wave.body.id}/open`, { token: admin, body: {} });
}

describe('panel messages through GOV.UK Notify', () => {
  it.each([
    ['the HTTP API with our own JWT (as on Workers)', 'http'],
    ['the official notifications-node-client (as on Node)', 'node'],
  ])('go by %s: email and text message templates, each request signed', async (_name, how) => {
    const before = notify.accepted.length;
    const env = {
      PANEL_CONTACT_KEYS: KEY,
      NOTIFY_API_KEY: NOTIFY_KEY,
      NOTIFY_BASE_URL: notify.url,
      NOTIFY_EMAIL_TEMPLATE_ID: EMAIL_TEMPLATE,
      NOTIFY_SMS_TEMPLATE_ID: SMS_TEMPLATE,
      PUBLIC_URL: 'https://hub.example',
    };
    const t = await makeCouncilApp(env, how === 'node' ? { notify: notifyNodeClient(settings()) } : {});
    try {
      const opened = await openWaveWith(t);
      expect(opened.body).toEqual({ invited: 2, email: 1, sms: 1, none: 0, failed: 0 });
      const sent = notify.accepted.slice(before);
      expect(sent.map((r) => r.kind).sort()).toEqual(['email', 'sms']);
      for (const request of sent) expect(request.claims.iss).toBe(NOTIFY_SERVICE_ID);
      const email = sent.find((r) => r.kind === 'email')!.body;
      expect(email).toMatchObject({ email_address: 'dana@example.org', template_id: EMAIL_TEMPLATE, reference: expect.stringMatching(/^invitation-pm-/) });
      expect(email.personalisation.subject).toBe('Riverside panel: a few questions for you');
      expect(email.personalisation.body).toMatch(/https:\/\/hub\.example\/p\/[\w-]{16}\n/);
      expect(email.one_click_unsubscribe_url).toMatch(/^https:\/\/hub\.example\/p\/[\w-]{16}\/stop$/);
      const sms = sent.find((r) => r.kind === 'sms')!.body;
      expect(sms).toMatchObject({ phone_number: '+447700900456', template_id: SMS_TEMPLATE });
      expect(sms.personalisation.body).toMatch(/https:\/\/hub\.example\/p\/[\w-]{16} Stop: https:\/\/hub\.example\/p\/[\w-]{16}\/stop$/);
      // One text message: 160 GSM characters.
      expect(sms.personalisation.body.length).toBeLessThanOrEqual(160);
      expect(notify.refused).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('signs the JWT as Notify documents: HS256, iss the service id, iat in seconds', async () => {
    expect(parseNotifyKey(NOTIFY_KEY)).toEqual({ serviceId: NOTIFY_SERVICE_ID, secret: NOTIFY_SECRET });
    const jwt = await notifyJwt(NOTIFY_KEY, 1_700_000_000);
    const [head, claims] = jwt
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
    expect(head).toEqual({ typ: 'JWT', alg: 'HS256' });
    expect(claims).toEqual({ iss: NOTIFY_SERVICE_ID, iat: 1_700_000_000 });
  });

  it('fails loudly when Notify refuses the token, and the stand-in says why', async () => {
    const wrongSecret = `${NOTIFY_KEY.slice(0, -36)}00000000-0000-4000-8000-000000000000`;
    const sender = notifyHttp({ ...settings(), apiKey: wrongSecret });
    await expect(sender.send({ email: 'x@example.org', subject: 's', body: 'b', reference: 'r' })).rejects.toThrow(NotifyError);
    const stale = notifyHttp(settings(), fetch, () => Date.now() - 120_000);
    await expect(stale.send({ email: 'x@example.org', subject: 's', body: 'b', reference: 'r' })).rejects.toThrow(/403/);
    expect(notify.refused.map((r) => r.reason)).toEqual(['bad signature', expect.stringMatching(/^iat /)]);
    notify.refused.length = 0;
  });
});
