/**
 * Reusable browser steps for people and passwords, as a person does them in Chromium (no API
 * call, no SQL): sign in, invite someone from /people, read the invitation from a real SMTP inbox,
 * follow its link and choose a password. The issue's end-to-end test chains them with the other
 * pages' steps.
 */
import type { Page } from 'playwright-core';
import type { SmtpInbox } from '../helpers/smtp-inbox';
import { setPasswordLink } from '../helpers/invitations';
import { waitFor } from './helpers';

/** Signs in on /sign-in (going there first) and waits to leave it. */
export async function signIn(page: Page, base: string, email: string, password: string): Promise<void> {
  if (!page.url().includes('/sign-in')) await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/**
 * Invites a person from /people with one role: `role` as the list says it ("Commissioner"),
 * `place` as the list says it ("Provider: Northgate Family Services"). Waits for the banner.
 */
export async function invitePerson(page: Page, base: string, person: { name: string; email: string; role: string; place: string }): Promise<void> {
  await page.goto(`${base}/people`);
  await page.getByLabel('Full name').fill(person.name);
  await page.getByLabel('Email address').fill(person.email);
  const role = page.getByLabel('Role', { exact: true });
  const roleValue = await role.locator('option', { hasText: new RegExp(`^${person.role}:`) }).getAttribute('value');
  await role.selectOption(roleValue!);
  await page.getByLabel('Where').selectOption({ label: person.place });
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await page.waitForURL(/\/people\?invited=/);
  await page.getByRole('heading', { name: `Invitation sent to ${person.email}` }).waitFor();
}

/** The set-password link in the newest mail to `email` that the SMTP server received (waiting up to 10 s for it). */
export async function invitationLinkFromInbox(inbox: SmtpInbox, email: string): Promise<string> {
  const mails = await waitFor(
    async () => inbox.mails.filter((m) => m.to.includes(email)),
    (found) => found.length > 0,
  );
  const mail = mails[mails.length - 1];
  if (!mail) throw new Error(`no mail to ${email} arrived`);
  return setPasswordLink(mail.raw);
}

/** Follows a set-password link, chooses `password` (typed twice) and lands on sign-in with the email filled in. */
export async function choosePassword(page: Page, link: string, password: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Type the new password again').fill(password);
  await page.getByRole('button', { name: 'Save password' }).click();
  await page.waitForURL(/\/sign-in\?passwordSet=1/);
}
