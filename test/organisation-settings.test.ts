/**
 * Organisation settings through the API and the page: contacts with signed webhooks (a real HTTP
 * receiver checks the signature), a test send, embedding sites, retention, follow-up wording, an
 * accent colour refused below WCAG AA, a logo, the localhost warning, and the audit row.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookSignature } from '../server/mail/webhook-signature';
import { expectErrorShape } from './helpers/app';
import { makeCouncilApp, makeUser, type CouncilApp } from './helpers/factories';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let t: CouncilApp;
let admin: string;
let receiver: Server;
let hookUrl: string;
const received: Received[] = [];
let answer = 200;

beforeAll(async () => {
  t = await makeCouncilApp();
  admin = await t.login(t.council.users.admin.email, t.council.users.admin.password);
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const address = receiver.address();
  hookUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hubvoice`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await t.close();
});

const settingsPath = () => `/api/organisations/${t.council.organisation.id}/settings`;

describe('organisation settings', () => {
  it('saves contacts, origins, retention and wording, gives a new webhook a secret and keeps it, and audits what changed', async () => {
    const saved = await t.json(settingsPath(), {
      token: admin,
      method: 'PATCH',
      body: {
        safeguardingContacts: [
          { name: 'MASH', email: 'MASH@riverside.example' },
          { name: 'Case system', webhookUrl: hookUrl },
        ],
        allowedOrigins: ['https://www.riverside.example/', 'https://hubs.riverside.example'],
        retentionDays: 180,
        followUpWording: 'What could we have done better?',
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.safeguardingContacts[0]).toEqual({ name: 'MASH', email: 'mash@riverside.example' });
    const secret = saved.body.safeguardingContacts[1].webhookSecret as string;
    expect(secret).toMatch(/^whsec_/);
    expect(saved.body.allowedOrigins).toEqual(['https://www.riverside.example', 'https://hubs.riverside.example']);
    expect(saved.body).toMatchObject({ retentionDays: 180, followUpWording: 'What could we have done better?' });
    // Saving the same address again keeps its secret.
    const again = await t.json(settingsPath(), {
      token: admin,
      method: 'PATCH',
      body: { safeguardingContacts: [{ name: 'Case system', webhookUrl: hookUrl }] },
    });
    expect(again.body.safeguardingContacts[0].webhookSecret).toBe(secret);
    const audit = await t.store.client.execute({
      sql: "SELECT details FROM audit_log WHERE action = 'settings_changed' AND organisation_id = ? ORDER BY id",
      args: [t.council.organisation.id],
    });
    expect(JSON.parse(String(audit.rows[0]!.details)).changed).toEqual(['safeguardingContacts', 'allowedOrigins', 'retentionDays', 'followUpWording']);
    expect(String(audit.rows[0]!.details)).not.toContain('whsec_');
  });

  it('sends a signed test to a webhook, which the receiver can verify, and says when it fails', async () => {
    const { body } = await t.json(settingsPath(), { token: admin });
    const secret = body.settings.safeguardingContacts.find((c: { webhookUrl?: string }) => c.webhookUrl === hookUrl).webhookSecret;
    received.length = 0;
    const tested = await t.json(`${settingsPath()}/webhook-test`, { token: admin, body: { webhookUrl: hookUrl } });
    expect(tested.body).toMatchObject({ ok: true });
    const [request] = received;
    const id = String(request!.headers['webhook-id']);
    const timestamp = Number(request!.headers['webhook-timestamp']);
    expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(300);
    expect(request!.headers['webhook-signature']).toBe(await webhookSignature(secret, id, timestamp, request!.body));
    expect(JSON.parse(request!.body)).toMatchObject({ type: 'test' });
    answer = 500;
    const failed = await t.json(`${settingsPath()}/webhook-test`, { token: admin, body: { webhookUrl: hookUrl } });
    answer = 200;
    expect(failed.body).toMatchObject({ ok: false, message: expect.stringContaining('500') });
    const unknown = await t.json(`${settingsPath()}/webhook-test`, { token: admin, body: { webhookUrl: 'https://elsewhere.example/' } });
    expect(unknown.status).toBe(422);
  });

  it('refuses an accent colour below WCAG AA against white with the ratio in the message, and takes one that passes', async () => {
    const pale = await t.json(settingsPath(), { token: admin, method: 'PATCH', body: { accentColour: '#FFDD00' } });
    expect(pale.status).toBe(422);
    expectErrorShape(pale.body);
    expect(pale.body.error.details[0]).toMatchObject({
      field: 'accentColour',
      message: expect.stringMatching(/#ffdd00 has a contrast of 1\.35:1 with white.*4\.5:1/),
    });
    const dark = await t.json(settingsPath(), { token: admin, method: 'PATCH', body: { accentColour: '#005EA5' } });
    expect(dark.status).toBe(200);
    expect(dark.body.accentColour).toBe('#005ea5');
  });

  it('refuses bad values field by field, leaving the settings as they were', async () => {
    const before = (await t.json(settingsPath(), { token: admin })).body.settings;
    const bad = await t.json(settingsPath(), {
      token: admin,
      method: 'PATCH',
      body: { retentionDays: 5, allowedOrigins: ['https://ok.example', 'https://x.example/path'], safeguardingContacts: [{ name: 'Nobody' }] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['allowedOrigins.1', 'retentionDays', 'safeguardingContacts.0.email']);
    expect((await t.json(settingsPath(), { token: admin })).body.settings).toEqual(before);
  });

  it('stores a small logo and serves it, and refuses one over 100 KB', async () => {
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f8e2f40000000049454e44ae426082',
      'hex',
    );
    const saved = await t.json(settingsPath(), { token: admin, method: 'PATCH', body: { logo: { type: 'image/png', base64: png.toString('base64') } } });
    expect(saved.body.logo).toEqual({ type: 'image/png', bytes: png.length });
    const served = await t.app.request(`/organisations/${t.council.organisation.id}/logo`);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    const huge = await t.json(settingsPath(), { token: admin, method: 'PATCH', body: { logo: { type: 'image/png', base64: 'A'.repeat(140_000) } } });
    expect(huge.status).toBe(422);
  });

  it("puts the organisation's accent colour and logo on its feedback forms and posters", async () => {
    await t.json(settingsPath(), { token: admin, method: 'PATCH', body: { accentColour: '#4c2c92' } });
    const html = await (await t.app.request(`/f/${t.council.sites.ash.code}`)).text();
    expect(html).toContain('.btn,.btn:hover{background:#4c2c92');
    expect(html).toContain(`<img class="org-logo" src="/organisations/${t.council.organisation.id}/logo" alt/>`);
    const poster = await (await t.app.request(`/f/${t.council.sites.ash.code}/poster`)).text();
    expect(poster).toContain('.poster{border-top:6mm solid #4c2c92}');
    expect(poster).toContain(`<img class="org-logo" src="/organisations/${t.council.organisation.id}/logo" alt/>`);
  });

  it('asks the follow-up question in the organisation’s own words in English, and leaves other languages translated', async () => {
    await t.json(settingsPath(), { token: admin, method: 'PATCH', body: { followUpWording: 'Tell us one thing we could do better' } });
    const english = await t.json(`/api/forms/${t.council.sites.ash.code}?lang=en`);
    const fft = english.body.questions.findIndex((q: { type: string }) => q.type === 'fft');
    const followUp = english.body.questions.find((q: { type: string }, i: number) => i > fft && (q.type === 'text' || q.type === 'longtext'));
    expect(followUp.title).toBe('Tell us one thing we could do better');
    const polish = await t.json(`/api/forms/${t.council.sites.ash.code}?lang=pl`);
    expect(polish.body.questions.find((q: { id: string }) => q.id === followUp.id).title).not.toBe('Tell us one thing we could do better');
  });

  it("keeps an organisation admin to its own organisation's settings, and other roles out", async () => {
    const elsewhere = await t.json('/api/organisations/org_elsewhere/settings', { token: admin });
    expect(elsewhere.status).toBe(404);
    const commissioner = await t.login(t.council.users.commissioner.email, t.council.users.commissioner.password);
    expect((await t.json(settingsPath(), { token: commissioner })).status).toBe(403);
    const siteAdmin = await makeUser(t.store, 'admin', { type: 'site', id: t.council.sites.ash.id });
    const token = await t.login(siteAdmin.email, siteAdmin.password);
    expect((await t.json(settingsPath(), { token })).status).toBe(404);
  });

  it('warns while PUBLIC_URL is a localhost address, in the API and on the page', async () => {
    const { body } = await t.json(settingsPath(), { token: admin });
    expect(body).toMatchObject({ publicUrl: 'http://localhost:3000', publicUrlIsLocal: true });
    const page = await t.app.request('/settings', { headers: { authorization: `Bearer ${admin}` } });
    expect(await page.text()).toContain('Phones cannot reach this address');
  });

  it('saves from the page without JavaScript, and shows a failed contrast check as a form error', async () => {
    const post = (fields: Record<string, string>) =>
      t.app.request('/settings', {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ organisation: t.council.organisation.id, retentionDays: '400', allowedOrigins: '*', ...fields }),
      });
    const refused = await post({ accentColour: '#ffdd00', 'contact-1-email': 'lead@riverside.example' });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('href="#accentColour"');
    expect(html).toMatch(/#ffdd00 has a contrast of 1\.35:1/);
    const saved = await post({ accentColour: '#1d70b8', 'contact-1-email': 'lead@riverside.example', 'contact-0-webhookUrl': hookUrl });
    expect(saved.status).toBe(303);
    const now = (await t.json(settingsPath(), { token: admin })).body.settings;
    expect(now).toMatchObject({ retentionDays: 400, allowedOrigins: ['*'], accentColour: '#1d70b8' });
    expect(now.safeguardingContacts.map((c: { email?: string; webhookUrl?: string }) => c.email ?? c.webhookUrl)).toEqual([hookUrl, 'lead@riverside.example']);
  });
});
