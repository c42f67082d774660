/**
 * People in real Chromium: an admin invites a commissioner for one provider; the invitation is
 * read from a real SMTP server; the commissioner follows its link, chooses a password, signs in
 * and sees only that provider's sites. Then, on a server with no SMTP, the invitation waits in the
 * outbox. axe on every page; SCREENSHOT_DIR keeps 390 px and 1280 px screenshots.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../db/store';
import { makeCouncil, type Council } from '../helpers/factories';
import { startSmtpInbox, type SmtpInbox } from '../helpers/smtp-inbox';
import { axeViolations, launchChromium, PHONE, startServer, type RunningServer } from './helpers';
import { choosePassword, invitationLinkFromInbox, invitePerson, signIn } from './people-steps';

const SCREENSHOTS = process.env.SCREENSHOT_DIR;
const ADMIN = { email: 'admin@localhost', password: 'correct horse battery staple' };
const DESKTOP = { viewport: { width: 1280, height: 900 } };

let inbox: SmtpInbox;
let server: RunningServer;
let browser: Browser;
let council: Council;

beforeAll(async () => {
  inbox = await startSmtpInbox();
  [server, browser] = await Promise.all([startServer({ SMTP_URL: inbox.url, MAIL_FROM: 'hubvoice <no-reply@riverside.example>' }), launchChromium()]);
  council = await makeCouncil(createStore(server.db));
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await inbox?.close();
});

/** Checks axe and sideways scrolling, and keeps a screenshot at this width when asked. */
async function look(page: Page, name: string) {
  expect(await axeViolations(page), `${name}: axe`).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${name}: sideways scroll`).toBe(0);
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe('inviting a commissioner for one provider', () => {
  it('sends the invitation by SMTP; the commissioner sets a password, signs in and sees only that provider', async () => {
    const admin = await (await browser.newContext(DESKTOP)).newPage();
    await signIn(admin, server.base, ADMIN.email, ADMIN.password);
    const commissioner = {
      name: 'Priya Shah',
      email: 'priya.shah@northgate.example',
      role: 'Commissioner',
      place: `Provider: ${council.providers.north.name}`,
    };
    await invitePerson(admin, server.base, commissioner);
    await look(admin, 'people-invited-1280');

    const link = await invitationLinkFromInbox(inbox, commissioner.email);
    expect(link.startsWith(`${server.base}/set-password?token=`)).toBe(true);
    const mail = inbox.mails.find((m) => m.to.includes(commissioner.email))!;
    expect(mail.raw).toMatch(/Subject: Your hubvoice account: set your password/);

    const phone = await (await browser.newContext(PHONE)).newPage();
    await phone.goto(link);
    expect(await phone.getByRole('heading', { level: 1 }).textContent()).toBe('Choose your password');
    await look(phone, 'set-password-390');
    // Too short first: the error is shown and nothing is used up.
    await phone.getByLabel('New password', { exact: true }).fill('short');
    await phone.getByLabel('Type the new password again').fill('short');
    await phone.getByRole('button', { name: 'Save password' }).click();
    expect(await phone.locator('.es').textContent()).toContain('Password must be 12 characters or more');
    await look(phone, 'set-password-error-390');
    await choosePassword(phone, link, 'a long password Priya chose');
    expect(await phone.getByLabel('Email address').inputValue()).toBe(commissioner.email);
    await signIn(phone, server.base, commissioner.email, 'a long password Priya chose');
    expect(new URL(phone.url()).pathname).toBe('/dashboard');
    const sites = await phone.locator('select#site option').allTextContents();
    const north = Object.values(council.sites).filter((s) => s.provider.id === council.providers.north.id);
    expect(sites.slice(1).sort()).toEqual(north.map((s) => s.name).sort());
    // The link worked once.
    await phone.goto(link);
    expect(await phone.getByRole('heading', { level: 1 }).textContent()).toBe('This link no longer works');

    // The admin sees the sign-in, and the person's page.
    await admin.goto(`${server.base}/people`);
    const row = admin.getByRole('row', { name: /Priya Shah/ });
    expect(await row.textContent()).toMatch(/Commissioner, Northgate Family Services \(provider\).*Active.*just now/);
    await row.getByRole('link', { name: 'Priya Shah' }).click();
    await look(admin, 'person-1280');
  });

  it('resets a password from the person page: the person is signed out and mailed a new link', async () => {
    const admin = await (await browser.newContext(PHONE)).newPage();
    await signIn(admin, server.base, ADMIN.email, ADMIN.password);
    await admin.goto(`${server.base}/people`);
    await look(admin, 'people-390');
    await admin.getByRole('link', { name: council.users.analyst.email.split('@')[0]! }).click();
    await look(admin, 'person-390');
    const before = inbox.mails.length;
    await admin.getByRole('button', { name: 'Reset password' }).click();
    await admin.getByRole('heading', { name: /password is reset/ }).waitFor();
    const link = await invitationLinkFromInbox(inbox, council.users.analyst.email);
    expect(inbox.mails.length).toBe(before + 1);
    const analyst = await (await browser.newContext(DESKTOP)).newPage();
    await analyst.goto(`${server.base}/sign-in`);
    await analyst.getByLabel('Email address').fill(council.users.analyst.email);
    await analyst.getByLabel('Password', { exact: true }).fill(council.users.analyst.password);
    await analyst.getByRole('button', { name: 'Sign in' }).click();
    expect(await analyst.locator('.es').textContent()).toContain('not right');
    await choosePassword(analyst, link, 'the analyst’s new password');
    await signIn(analyst, server.base, council.users.analyst.email, 'the analyst’s new password');
    expect(new URL(analyst.url()).pathname).toBe('/dashboard');
  });

  it('leads a person who forgot their password from the sign-in page to a link by email', async () => {
    const page = await (await browser.newContext(PHONE)).newPage();
    await page.goto(`${server.base}/sign-in`);
    await page.getByRole('link', { name: 'Forgotten your password?' }).click();
    await look(page, 'password-help-390');
    await page.getByLabel('Email address').fill(council.users.providerManager.email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    const link = await invitationLinkFromInbox(inbox, council.users.providerManager.email);
    await choosePassword(page, link, 'manager remembered nothing');
    await signIn(page, server.base, council.users.providerManager.email, 'manager remembered nothing');
  });

  it('shows settings and the audit log to the admin, each with no axe violations at both widths', async () => {
    for (const [width, options] of [
      ['1280', DESKTOP],
      ['390', PHONE],
    ] as const) {
      const page = await (await browser.newContext(options)).newPage();
      await signIn(page, server.base, ADMIN.email, ADMIN.password);
      await page.goto(`${server.base}/settings`);
      if (width === '1280') {
        // The form has one empty contact row: fill it with a webhook, which gets a signing secret.
        await page.getByLabel('Name or team').fill('Case system');
        await page.getByLabel('Webhook address').fill('https://cases.riverside.example/hooks/hubvoice');
        await page.getByRole('button', { name: 'Save settings' }).click();
        await page.getByRole('heading', { name: 'Settings saved' }).waitFor();
        expect(await page.locator('.secret code').textContent()).toMatch(/^whsec_/);
      }
      await look(page, `settings-${width}`);
      await page.getByLabel('Accent colour').fill('#ffdd00');
      await page.getByRole('button', { name: 'Save settings' }).click();
      expect(await page.locator('.es').textContent()).toMatch(/contrast of 1\.35:1/);
      await look(page, `settings-error-${width}`);
      await page.getByLabel('Accent colour').fill('#1d70b8');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByRole('heading', { name: 'Settings saved' }).waitFor();
      await page.goto(`${server.base}/audit`);
      await look(page, `audit-${width}`);
      await page.getByLabel('What').selectOption({ label: 'Invitation sent' });
      await page.getByRole('button', { name: 'Filter' }).click();
      // Counting before the filtered page has loaded counts the page being left (or none at all).
      await page.waitForURL(/[?&]action=invitation_sent/);
      expect(await page.locator('tbody tr').count()).toBe(1);
      expect(await page.locator('tbody').textContent()).toContain('admin@localhost');
    }
  });
});

describe('without SMTP', () => {
  let offline: RunningServer;
  beforeAll(async () => {
    offline = await startServer();
    await makeCouncil(createStore(offline.db));
  }, 60_000);
  afterAll(() => offline?.close());

  it('keeps the invitation in the outbox, whose link works', async () => {
    const admin = await (await browser.newContext(DESKTOP)).newPage();
    await signIn(admin, offline.base, ADMIN.email, ADMIN.password);
    await invitePerson(admin, offline.base, {
      name: 'Tom Baker',
      email: 'tom@riverside.example',
      role: 'Analyst',
      place: 'Riverside Borough Council: the whole organisation',
    });
    await admin.getByRole('link', { name: 'outbox' }).click();
    await look(admin, 'outbox-1280');
    const link = await admin.locator('.mail', { hasText: 'tom@riverside.example' }).getByRole('link').first().getAttribute('href');
    const tom = await (await browser.newContext(PHONE)).newPage();
    await choosePassword(tom, link!, 'toms own password here');
    await signIn(tom, offline.base, 'tom@riverside.example', 'toms own password here');
    expect(new URL(tom.url()).pathname).toBe('/dashboard');
    const phoneAdmin = await (await browser.newContext(PHONE)).newPage();
    await signIn(phoneAdmin, offline.base, ADMIN.email, ADMIN.password);
    await phoneAdmin.goto(`${offline.base}/outbox`);
    await look(phoneAdmin, 'outbox-390');
  });
});
