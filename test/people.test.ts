/**
 * Inviting people and set-password links through the API, with a real SMTP server: the invitation
 * carries a single-use link that expires; a forced reset ends the old password and every session;
 * asking for a link never says whether an address has an account; an organisation admin manages
 * only its own people; without SMTP, mail waits in the outbox for that organisation's admins only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, expectErrorShape } from './helpers/app';
import { makeCouncilApp, makeOrganisation, makeUser, type CouncilApp } from './helpers/factories';
import { acceptLink, outboxMailTo, setPasswordLink } from './helpers/invitations';
import { startSmtpInbox, type SmtpInbox } from './helpers/smtp-inbox';

let smtp: SmtpInbox;
let t: CouncilApp;
let admin: string;
let clock = Date.parse('2026-12-01T09:00:00Z');

beforeAll(async () => {
  smtp = await startSmtpInbox();
  t = await makeCouncilApp({ PUBLIC_URL: 'https://feedback.riverside.example' }, { mailer: smtp.mailer, now: () => new Date(clock) });
  admin = await t.login(t.council.users.admin.email, t.council.users.admin.password);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const tokenIn = (email: string) => {
  const mail = [...smtp.mails].reverse().find((m) => m.to.includes(email));
  if (!mail) throw new Error(`no mail to ${email}`);
  return new URL(setPasswordLink(mail.raw)).searchParams.get('token')!;
};

describe('inviting people', () => {
  it('emails a single-use link to choose a password; the account cannot sign in before, and can after', async () => {
    const invited = await t.json('/api/users', {
      token: admin,
      body: { email: 'Nia@Riverside.example', name: 'Nia Evans', role: 'analyst', scope: { type: 'provider', id: t.council.providers.south.id } },
    });
    expect(invited.status).toBe(201);
    expect(invited.body.invitation.expiresAt).toBe('2026-12-08T09:00:00.000Z');
    const mail = smtp.mails.find((m) => m.to.includes('nia@riverside.example'))!;
    expect(mail.raw).toContain('Subject: Your hubvoice account: set your password');
    expect(setPasswordLink(mail.raw)).toMatch(/^https:\/\/feedback\.riverside\.example\/set-password\?token=[\w-]{40,}$/);
    const listed = (await t.json(`/api/users/${invited.body.id}`, { token: admin })).body;
    expect(listed).toMatchObject({ passwordState: 'invited', lastSignInAt: null });
    // Only the token's hash is stored.
    const token = tokenIn('nia@riverside.example');
    const stored = await t.store.client.execute('SELECT token_hash FROM password_tokens');
    expect(stored.rows.map((r) => r.token_hash)).not.toContain(token);

    const set = await t.json('/api/auth/set-password', { body: { token, password: 'Nia chose this password' } });
    expect(set.status).toBe(204);
    const again = await t.json('/api/auth/set-password', { body: { token, password: 'a second use of the link' } });
    expect(again.status).toBe(422);
    expect(again.body.error.details[0]).toMatchObject({ field: 'token', message: expect.stringContaining('expired or has already been used') });
    const nia = await t.login('nia@riverside.example', 'Nia chose this password');
    const sites = (await t.json('/api/sites', { token: nia })).body as { provider: { code: string } }[];
    expect(new Set(sites.map((s) => s.provider.code))).toEqual(new Set(['south']));
    expect((await t.json(`/api/users/${invited.body.id}`, { token: admin })).body).toMatchObject({
      passwordState: 'set',
      lastSignInAt: new Date(clock).toISOString(),
    });
  });

  it('refuses an invitation link after 7 days, and a new one sent then works', async () => {
    const invited = await t.json('/api/users', {
      token: admin,
      body: { email: 'late@riverside.example', name: 'Late', role: 'analyst', scope: { type: 'organisation', id: t.council.organisation.id } },
    });
    const old = tokenIn('late@riverside.example');
    clock += 7 * 86_400_000 + 1000;
    expect((await t.json('/api/auth/set-password', { body: { token: old, password: 'too late for this link' } })).status).toBe(422);
    // A week on, the admin's own session has long ended too.
    admin = await t.login(t.council.users.admin.email, t.council.users.admin.password);
    const resent = await t.json(`/api/users/${invited.body.id}/password-link`, { token: admin, body: {} });
    expect(resent.body).toMatchObject({ sent: 'invitation' });
    expect((await t.json('/api/auth/set-password', { body: { token: tokenIn('late@riverside.example'), password: 'just in time now' } })).status).toBe(204);
  });

  it('forces a reset: the old password and every session stop at once, and the link sets a new one', async () => {
    const person = await makeUser(t.store, 'analyst', { type: 'organisation', id: t.council.organisation.id }, 'reset-me@riverside.example');
    const session = await t.login(person.email, person.password);
    const reset = await t.json(`/api/users/${person.id}/password-link`, { token: admin, body: { forgetPassword: true } });
    expect(reset.body).toMatchObject({ sent: 'reset' });
    expect((await t.json('/api/auth/me', { token: session })).status).toBe(401);
    expect((await t.json('/api/auth/login', { body: { email: person.email, password: person.password } })).status).toBe(401);
    expect((await t.json(`/api/users/${person.id}`, { token: admin })).body.passwordState).toBe('reset');
    expect((await t.json('/api/auth/set-password', { body: { token: tokenIn(person.email), password: 'a fresh start password' } })).status).toBe(204);
    await t.login(person.email, 'a fresh start password');
  });

  it('answers a request for a link the same for an address with no account, and sends only one in five minutes', async () => {
    const before = smtp.mails.length;
    const unknown = await t.json('/api/auth/password-reset', { body: { email: 'nobody@riverside.example' } });
    expect(unknown.status).toBe(202);
    const known = await t.json('/api/auth/password-reset', { body: { email: t.council.users.siteStaff.email } });
    expect(known.status).toBe(202);
    await t.json('/api/auth/password-reset', { body: { email: t.council.users.siteStaff.email } });
    expect(smtp.mails.length).toBe(before + 1);
    expect(smtp.mails.at(-1)!.to).toEqual([t.council.users.siteStaff.email]);
  });

  it("keeps an organisation admin to its own organisation's people", async () => {
    const elsewhere = await makeOrganisation(t.store, { slug: 'elsewhere', name: 'Elsewhere' });
    const stranger = await makeUser(t.store, 'analyst', { type: 'organisation', id: elsewhere.id }, 'stranger@elsewhere.example');
    const root = await t.store.db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, ADMIN.email) });
    for (const id of [stranger.id, root!.id]) {
      const refused = await t.json(`/api/users/${id}/password-link`, { token: admin, body: { forgetPassword: true } });
      expect(refused.status).toBe(404);
      expectErrorShape(refused.body);
    }
    expect((await t.json('/api/auth/login', { body: { email: stranger.email, password: stranger.password } })).status).toBe(200);
  });
});

describe('without SMTP', () => {
  let offline: CouncilApp;
  beforeAll(async () => {
    offline = await makeCouncilApp();
  });
  afterAll(() => offline.close());

  it('keeps mail in the outbox, shown to the admins of the organisation it is about and nobody else', async () => {
    const councilAdmin = await offline.login(offline.council.users.admin.email, offline.council.users.admin.password);
    await offline.json('/api/users', {
      token: councilAdmin,
      body: { email: 'kept@riverside.example', name: 'Kept', role: 'analyst', scope: { type: 'organisation', id: offline.council.organisation.id } },
    });
    expect((await outboxMailTo(offline, 'kept@riverside.example')).subject).toBe('Your hubvoice account: set your password');
    const elsewhere = await makeOrganisation(offline.store, { slug: 'other', name: 'Other Council' });
    const otherAdmin = await makeUser(offline.store, 'admin', { type: 'organisation', id: elsewhere.id });
    const page = async (email: string, password: string) =>
      (await offline.app.request('/outbox', { headers: { authorization: `Bearer ${await offline.login(email, password)}` } })).text();
    expect(await page(offline.council.users.admin.email, offline.council.users.admin.password)).toContain('kept@riverside.example');
    expect(await page(otherAdmin.email, otherAdmin.password)).not.toContain('kept@riverside.example');
    expect(await acceptLink(offline, 'kept@riverside.example', 'kept a password too')).toBe(204);
  });
});
