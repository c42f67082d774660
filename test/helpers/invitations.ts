/**
 * Following set-password links as a person would: read the newest mail to an address from the
 * outbox (the mailer tests use when SMTP is not configured) or from a raw SMTP message, take the
 * link out of it, and choose a password through `POST /api/auth/set-password`.
 */
import type { TestApp } from './app';

/** The set-password link in a message's text (a raw SMTP message may wrap it quoted-printable). */
export function setPasswordLink(text: string): string {
  const unwrapped = text.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const link = /https?:\/\/\S+\/set-password\?token=[\w%-]+/.exec(unwrapped)?.[0];
  if (!link) throw new Error(`no set-password link in:\n${text}`);
  return link;
}

/** The newest outbox message to this address. */
export async function outboxMailTo(t: TestApp, email: string): Promise<{ subject: string; text: string }> {
  const result = await t.store.client.execute({
    sql: 'SELECT subject, text FROM mail_outbox WHERE "to" = ? ORDER BY created_at DESC, id DESC LIMIT 1',
    args: [email],
  });
  const row = result.rows[0];
  if (!row) throw new Error(`no mail to ${email} in the outbox`);
  return { subject: String(row.subject), text: String(row.text) };
}

/** Follows the newest outbox link to this address, choosing `password`; returns the response status. */
export async function acceptLink(t: TestApp, email: string, password: string): Promise<number> {
  const link = new URL(setPasswordLink((await outboxMailTo(t, email)).text));
  const response = await t.json('/api/auth/set-password', { body: { token: link.searchParams.get('token'), password } });
  return response.status;
}

/** Invites through the API, accepts the invitation and signs in: the new account's id and token. */
export async function invite(
  t: TestApp,
  adminToken: string,
  account: { email: string; name: string; role: string; scope: { type: string; id: string | null } },
  password = 'a password chosen from the link',
): Promise<{ id: string; token: string }> {
  const created = await t.json('/api/users', { token: adminToken, body: account });
  if (created.status !== 201) throw new Error(`invitation failed: ${JSON.stringify(created.body)}`);
  const status = await acceptLink(t, account.email.toLowerCase(), password);
  if (status !== 204) throw new Error(`set-password answered ${status}`);
  return { id: created.body.id, token: await t.login(account.email, password) };
}
