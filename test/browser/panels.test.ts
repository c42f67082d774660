/**
 * Panels in real Chromium against the real Node server and a real SMTP server: an admin starts a
 * panel, adds and imports members and opens a wave from the staff pages; a member follows the
 * link in their invitation on a phone, answers, and cannot answer twice; then unsubscribes.
 * axe finds nothing on any of these pages. SCREENSHOT_DIR=... keeps screenshots at 390 and 1280 px.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../db/store';
import { makeCouncil, type Council } from '../helpers/factories';
import { startSmtpInbox, type SmtpInbox } from '../helpers/smtp-inbox';
import { axeViolations, useServerAndBrowser } from './helpers';

const SCREENSHOTS = process.env.SCREENSHOT_DIR;
const env: Record<string, string> = { RATE_LIMIT_PER_MINUTE: '100000', PANEL_CONTACT_KEYS: `k1:${Buffer.alloc(32, 3).toString('base64')}` };
let smtp: SmtpInbox;
// Registered before the server's hook, so the server starts with this inbox as its SMTP server.
beforeAll(async () => {
  smtp = await startSmtpInbox();
  env.SMTP_URL = smtp.url;
});
afterAll(() => smtp.close());
const { server, newContext, phone } = useServerAndBrowser(env);
let council: Council;

beforeAll(async () => {
  council = await makeCouncil(createStore(server().db));
});

async function shots(page: Page, name: string) {
  if (!SCREENSHOTS) return;
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
  }
}

/** Clicks a button that posts a form and waits for the page it leads to. */
async function submit(page: Page, name: string | RegExp) {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).click()]);
}

async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

describe('panels in Chromium', () => {
  it('an admin runs a panel from the staff pages, and a member answers once from their link', async () => {
    const context = await newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const base = server().base;
    await page.goto(`${base}/panels`);
    await page.getByLabel('Email address').fill(council.users.admin.email);
    await page.getByLabel('Password').fill(council.users.admin.password);
    await submit(page, 'Sign in');
    await expect.poll(() => page.url()).toBe(`${base}/panels`);
    await expectNoAxeViolations(page);

    await page.getByLabel('Name').fill('Start for Life parent and carer panel');
    await page.getByLabel('Count answers under').selectOption('twn');
    await submit(page, 'Start the panel');
    await expect.poll(() => page.url()).toMatch(/\/panels\/pnl_/);

    // One by hand, keyboard only.
    await page.getByLabel('Email', { exact: true }).fill('parent@example.org');
    await page.getByLabel('Children (optional)').fill('2026-05');
    await page.getByLabel('Consent wording version they agreed to').fill('v3');
    await submit(page, 'Add the member');
    expect(await page.getByRole('status').textContent()).toContain('Member added');

    // A CSV with a bad row: named, and nothing added.
    await page
      .locator('#file')
      .setInputFiles({ name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from('name,email,mobile\nSam,sam@example.org,\nNo contact,,\n') });
    await page.getByLabel('Consent wording version they all agreed to').fill('v3');
    await submit(page, 'Import');
    expect(await page.getByRole('alert').textContent()).toContain('row 3');
    await expectNoAxeViolations(page);
    await page
      .locator('#file')
      .setInputFiles({ name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from('name,email,mobile,children\nSam,sam@example.org,,due 2027-06\n') });
    await page.getByLabel('Consent wording version they all agreed to').fill('v3');
    await submit(page, 'Import');
    expect(await page.getByRole('status').textContent()).toContain('Members imported');
    expect(await page.getByRole('table').last().textContent()).toContain('Pregnancy');
    await expectNoAxeViolations(page);
    await shots(page, 'panel');

    await page.getByLabel('Wave name').fill('Winter 2026');
    await page.getByLabel('Opens').fill('2026-01-01');
    await page.getByLabel('Closes').fill('2099-12-31');
    await submit(page, 'Plan the wave');
    await expect.poll(() => page.url()).toMatch(/\/waves\/wav_/);
    await submit(page, 'Open and send the links');
    expect(await page.getByRole('status').textContent()).toContain('2 members invited');
    await expectNoAxeViolations(page);

    await expect.poll(() => smtp.mails.filter((m) => m.to.includes('parent@example.org')).length).toBe(1);
    const mail = smtp.mails.find((m) => m.to.includes('parent@example.org'))!.raw.replace(/=\r?\n/g, '');
    const link = /http:\/\/127\.0\.0\.1:\d+\/p\/[\w-]{16}(?!\/)/.exec(mail)![0];

    const member = await phone();
    await member.page.goto(link);
    await expectNoAxeViolations(member.page);
    await shots(member.page, 'panel-link');
    await member.page.setViewportSize({ width: 390, height: 844 });
    await member.page.getByLabel('Good', { exact: true }).check();
    await submit(member.page, /send|submit/i);
    expect(await member.page.getByRole('heading', { level: 1 }).textContent()).toBe('Thank you');
    await expectNoAxeViolations(member.page);
    const stored = await server().db.execute('SELECT r.channel, r.fft FROM responses r JOIN wave_answers a ON a.response_id = r.id');
    expect(stored.rows).toEqual([expect.objectContaining({ channel: 'panel', fft: 2 })]);

    // The link cannot answer twice.
    const again = await member.page.goto(link);
    expect(again?.status()).toBe(409);
    expect(await member.page.getByRole('heading', { level: 1 }).textContent()).toBe('You have already answered');
    await expectNoAxeViolations(member.page);

    // Unsubscribe from the same message.
    await member.page.goto(`${link}/stop`);
    await expectNoAxeViolations(member.page);
    await submit(member.page, 'Stop messages');
    expect(await member.page.getByRole('heading', { level: 1 }).textContent()).toBe('You will get no more messages');

    await page.reload();
    // Two invited: too few to show, so the counts are hidden.
    expect(await page.locator('main').textContent()).toContain('Hidden: fewer than 5');
    await shots(page, 'wave');
    await page.goto(`${base}/panels`);
    await shots(page, 'panels');
  });

  it('staff key in a paper form with the keyboard alone, and the pages pass axe', async () => {
    const context = await newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const base = server().base;
    await page.goto(`${base}/paper`);
    await page.getByLabel('Email address').fill(council.users.siteStaff.email);
    await page.getByLabel('Password').fill(council.users.siteStaff.password);
    await submit(page, 'Sign in');
    await expect.poll(() => page.url()).toBe(`${base}/paper`);
    await expectNoAxeViolations(page);
    await shots(page, 'paper-start');
    await page.getByLabel('Date on the paper').fill('2026-11-28');
    await submit(page, 'Start keying in');
    await expect.poll(() => page.url()).toBe(`${base}/paper/ash?date=2026-11-28`);
    await expectNoAxeViolations(page);
    // Keyboard only: focus the first option, choose with the arrows, save with Enter.
    await page.getByLabel('Very good').focus();
    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(await page.getByRole('status').textContent()).toContain('Saved 1 form');
    await expectNoAxeViolations(page);
    await shots(page, 'paper-entry');
    const stored = await server().db.execute(
      "SELECT r.fft, p.paper_date FROM responses r JOIN paper_entries p ON p.response_id = r.id WHERE r.channel = 'paper'",
    );
    expect(stored.rows).toEqual([expect.objectContaining({ fft: 2, paper_date: '2026-11-28' })]);
  });
});
