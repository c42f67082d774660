/**
 * The staff side in real Chromium: signing in through the form, the dashboard's charts on a
 * council's worth of synthetic responses, the flag page an alert links to, and axe on each. Set
 * SCREENSHOT_DIR to keep desktop and phone screenshots for a look by eye.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedResponses } from '../../db/seed';
import { createStore } from '../../db/store';
import { makeCouncil, type MadeUser } from '../helpers/factories';
import { axeViolations, PHONE, useServerAndBrowser } from './helpers';

const ADMIN = { email: 'admin@localhost', password: 'correct horse battery staple' };
let LEAD: MadeUser;
const DISCLOSURE = 'My partner hits me when he drinks and I am scared for my kids';
const COMMENTS = [
  'The staff were so friendly and never made me feel judged',
  'Sessions are always full, we could not get a place at stay and play',
  'Parking is impossible near the hub, we were late every time',
  'The infant feeding support helped me keep breastfeeding',
  'It would be good to have sessions on Saturdays for working dads',
  'The room was cold and there were not enough toys for toddlers',
];
const SCREENSHOTS = process.env.SCREENSHOT_DIR;

const { server, newContext } = useServerAndBrowser({ RATE_LIMIT_PER_MINUTE: '100000' });
let flagId: string;

beforeAll(async () => {
  const store = createStore(server().db);
  const council = await makeCouncil(store);
  LEAD = council.users.safeguardingLead;
  // 3,000 synthetic responses over two years, as `npm run seed` adds them: enough for every site and month to mean something.
  await seedResponses(store, 3000);
  // Seeded responses carry no comments; these go through ingestion, so they are themed and one is flagged.
  const codes = Object.values(council.sites).map((site) => site.points[0]!.code);
  const sends = Array.from({ length: 48 }, (_, i) => ({
    code: codes[i % codes.length],
    channel: 'qr',
    language: 'en',
    idempotencyKey: `dashboard-browser-${i}`,
    answers: { fft: i % 4 === 0 ? 'poor' : 'good', [i % 2 ? 'better' : 'good']: COMMENTS[i % COMMENTS.length] },
  }));
  sends.push({
    code: council.sites.elm.points[0]!.code,
    channel: 'qr',
    language: 'en',
    idempotencyKey: 'dashboard-browser-flag',
    answers: { fft: 'neither', better: DISCLOSURE },
  });
  for (const body of sends) {
    const response = await fetch(`${server().base}/api/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
  }
  const flag = await server().db.execute('SELECT id FROM safeguarding_flags ORDER BY created_at DESC LIMIT 1');
  flagId = String(flag.rows[0]!.id);
}, 60_000);

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.getByLabel('Email address').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function screenshot(page: Page, name: string) {
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });
}

describe('the staff side in Chromium', () => {
  it('signs in through the form and shows the dashboard with its charts, with no axe violations', async () => {
    const context = await newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server().base}/dashboard`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await axeViolations(page)).toEqual([]);

    await signIn(page, { ...ADMIN, password: 'wrong password' });
    expect(await page.locator('.es').textContent()).toContain('The email address or password is not right');
    expect(await page.getByLabel('Email address').inputValue()).toBe(ADMIN.email);
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/dashboard$/);
    expect(await page.locator('h1').textContent()).toBe('Family feedback');
    expect(await page.locator('figure.chart svg[role="img"]').count()).toBe(2);
    expect(await page.locator('#by-breakdown-title + svg rect.bar').count()).toBeGreaterThan(5);
    expect(await page.locator('.chart-svg .dot').count()).toBeGreaterThan(6);
    expect(await page.locator('.theme').count()).toBeGreaterThan(2);
    expect(Number((await page.locator('.kpi-v').first().textContent())!.replace(/,/g, ''))).toBeGreaterThan(500);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-desktop.png');

    // The numbers behind each chart, for screen readers, are one click away.
    await page.getByText('Show the numbers as a table').first().click();
    expect(await page.locator('details.data[open] tbody tr').count()).toBeGreaterThan(5);

    await page.getByLabel('Compare by').selectOption('firstLanguage');
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.waitForURL(/dimension=firstLanguage/);
    expect(await page.locator('#equity th[scope="col"]').first().textContent()).toBe('First language');

    // Another breakdown from the page, kept with the equity choice in a URL that opens the same view elsewhere.
    await page.getByLabel('Break down by').selectOption({ label: 'Language of the form' });
    await page.locator('form[aria-label="Breakdown"]').getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/by=language/);
    expect(page.url()).toContain('dimension=firstLanguage');
    expect(await page.locator('#by-breakdown-title').textContent()).toMatch(/^% positive by language of the form \(\d+ languages?\)$/);
    const shared = page.url();
    const fresh = await newContext({ viewport: { width: 1280, height: 900 } });
    const freshPage = await fresh.newPage();
    await freshPage.goto(shared);
    await signIn(freshPage, ADMIN);
    await freshPage.waitForURL(/by=language/);
    expect(await freshPage.getByLabel('Break down by').inputValue()).toBe('language');
    expect(await freshPage.getByLabel('Compare by').inputValue()).toBe('firstLanguage');
    expect(await freshPage.locator('#by-breakdown-title + svg rect.bar').count()).toBeGreaterThan(1);
    expect((await freshPage.locator('#breakdown table th[scope="row"]').allTextContents()).length).toBeGreaterThan(1);
    expect(await axeViolations(freshPage)).toEqual([]);
    await screenshot(freshPage, 'dashboard-by-language-desktop.png');
    await fresh.close();

    const phone = await newContext(PHONE);
    await phone.addCookies(await context.cookies());
    const phonePage = await phone.newPage();
    await phonePage.goto(`${server().base}/dashboard`);
    const overflow = await phonePage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await screenshot(phonePage, 'dashboard-phone.png');
    await Promise.all([context.close(), phone.close()]);
  });

  it('takes a safeguarding lead from the alert link to the family’s words and records a review', async () => {
    const context = await newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server().base}/safeguarding/flags/${flagId}`);
    await signIn(page, LEAD);
    await page.waitForURL(new RegExp(`/safeguarding/flags/${flagId}$`));
    expect(await page.locator('blockquote').textContent()).toBe(DISCLOSURE);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'flag-desktop.png');

    const phone = await newContext(PHONE);
    await phone.addCookies(await context.cookies());
    const phonePage = await phone.newPage();
    await phonePage.goto(`${server().base}/safeguarding/flags/${flagId}`);
    await screenshot(phonePage, 'flag-phone.png');
    await phonePage.goto(`${server().base}/safeguarding`);
    await screenshot(phonePage, 'queue-phone.png');
    expect(await axeViolations(phonePage)).toEqual([]);

    await page.getByRole('button', { name: 'Save review' }).click();
    expect(await page.locator('.es').textContent()).toContain('Select where this is now');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Closed: action has been taken or none is needed').check();
    await page.getByLabel('What was done').fill('Called the family; referred to MASH');
    await page.getByRole('button', { name: 'Save review' }).click();
    await page.waitForURL(/reviewed=1/);
    expect(await page.locator('.ok-banner').textContent()).toContain('Your review has been recorded');
    const stored = await server().db.execute({ sql: 'SELECT status, action_taken FROM safeguarding_flags WHERE id = ?', args: [flagId] });
    expect(stored.rows[0]).toMatchObject({ status: 'closed', action_taken: 'Called the family; referred to MASH' });
    await Promise.all([context.close(), phone.close()]);
  });
});
