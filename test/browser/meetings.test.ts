/**
 * Meetings with families in real Chromium (issue 14): a site's staff record a focus group from the
 * page (a mistake named and what was typed kept), the meeting reads back redacted with its themes,
 * and a commissioner finds its quote on the dashboard marked "From a focus group", then reads only
 * meetings' words by choosing so, a choice kept in the URL. axe finds nothing at phone and desktop
 * width, and nothing scrolls sideways. SCREENSHOT_DIR keeps screenshots for a look by eye.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../db/store';
import { makeCouncil, type Council } from '../helpers/factories';
import { axeViolations, PHONE, useServerAndBrowser } from './helpers';
import { signIn } from './setup-steps';

const SCREENSHOTS = process.env.SCREENSHOT_DIR;
const { server, newContext } = useServerAndBrowser({ RATE_LIMIT_PER_MINUTE: '1000' });
let council: Council;
const today = new Date().toISOString().slice(0, 10);
const QUOTE = 'We waited eight months for a speech therapy appointment and nobody called us back.';

beforeAll(async () => {
  council = await makeCouncil(createStore(server().db));
}, 60_000);

async function look(page: Page, name: string) {
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  expect(await axeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
}

describe('meetings with families', () => {
  for (const [name, options] of [
    ['phone', PHONE],
    ['desktop', { viewport: { width: 1280, height: 900 } }],
  ] as const) {
    it(`are recorded from the page by a site's staff and read back redacted (${name})`, async () => {
      const page = await (await newContext(options)).newPage();
      await signIn(page, server().base, council.users.siteStaff.email, council.users.siteStaff.password, '/dashboard');
      await page.getByRole('link', { name: 'Meetings', exact: true }).click();
      await page.getByRole('link', { name: 'Record a meeting' }).click();
      await page.getByLabel('Focus group').check();
      await page.getByLabel('Title').fill(`Dads and speech therapy (${name})`);
      await page.getByLabel('Site', { exact: true }).selectOption({ label: `${council.sites.ash.name} (Northgate)` });
      await page.getByLabel('Date held').fill(today);
      await page.getByLabel('How many people took part').fill('seven');
      await page.getByLabel('Who took part (optional)').fill('Dads: 6\nPolish-speaking parents: 2');
      await page.getByLabel('Notes', { exact: true }).fill('Dads want evening sessions. Call Tom Baxter on 07700 900123.');
      await page.getByLabel('Quotes').fill(`${QUOTE}\nThe staff were lovely and so welcoming to us dads.`);
      await page.getByRole('button', { name: 'Save the meeting' }).click();
      // The mistake is named, and everything typed is still there.
      await page.getByRole('alert').getByText('Enter how many people took part, as a number').waitFor();
      expect(await page.getByLabel('Quotes').inputValue()).toContain(QUOTE);
      expect(await page.getByLabel('Title').inputValue()).toBe(`Dads and speech therapy (${name})`);
      await look(page, `meeting-form-error-${name}`);
      await page.getByLabel('How many people took part').fill('7');
      await page.getByRole('button', { name: 'Save the meeting' }).click();
      await page.getByRole('status').getByText('Meeting saved').waitFor();
      const notes = await page.locator('blockquote').first().textContent();
      expect(notes).not.toContain('07700');
      expect(notes).not.toContain('Baxter');
      expect(await page.getByText(QUOTE).count()).toBe(1);
      expect(await page.getByText('Dads: 6; Polish-speaking parents: 2').count()).toBe(1);
      await look(page, `meeting-${name}`);
      await page.getByRole('link', { name: 'Back to meetings' }).click();
      await page.getByRole('link', { name: `Dads and speech therapy (${name})` }).waitFor();
      await look(page, `meetings-${name}`);
    });
  }

  it('shows a meeting’s quote on the dashboard marked as such, and only meetings’ words when asked, in a URL to share', async () => {
    const page = await (await newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(page, server().base, council.users.commissioner.email, council.users.commissioner.password, '/dashboard');
    await page.getByLabel('Whose words').selectOption({ label: 'Meetings’ notes' });
    await page.locator('form[aria-label="Themes from"]').getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/source=meetings/);
    const themes = page.locator('#themes');
    await themes.getByText('From a focus group on').first().waitFor();
    const shared = page.url();
    const fresh = await (await newContext(PHONE)).newPage();
    await signIn(fresh, server().base, council.users.commissioner.email, council.users.commissioner.password, shared.replace(server().base, ''));
    expect(await fresh.getByLabel('Whose words').inputValue()).toBe('meetings');
    await fresh.locator('#themes').getByText('From a focus group on').first().waitFor();
    await look(fresh, 'dashboard-meetings-phone');
    // Drilling into a theme keeps to meetings' words, each saying where it came from.
    await fresh.locator('#themes h3 a').first().click();
    await fresh.waitForURL(/dashboard\/comments.*source=meetings/);
    expect(await fresh.locator('h1').textContent()).toContain('Meetings’ notes about');
    await fresh.getByText('From a focus group').first().waitFor();
    await look(fresh, 'meeting-comments-phone');
  });

  it('reads well wherever a meeting now shows: its flag, the quarterly report, the drill-down filters and a privacy search (phone and desktop)', async () => {
    const staff = await (await newContext(PHONE)).newPage();
    await signIn(staff, server().base, council.users.siteStaff.email, council.users.siteStaff.password, '/meetings/new');
    await staff.getByLabel('Outreach event').check();
    await staff.getByLabel('Title').fill('Stay and play in the park');
    await staff.getByLabel('Site', { exact: true }).selectOption({ label: `${council.sites.ash.name} (Northgate)` });
    await staff.getByLabel('Date held').fill(today);
    await staff.getByLabel('How many people took part').fill('9');
    await staff.getByLabel('Quotes').fill('My partner checks my phone every night and he hit me last week, I am scared to go home.');
    await staff.getByRole('button', { name: 'Save the meeting' }).click();
    await staff.getByText('The safeguarding leads have been alerted').waitFor();
    const flag = await server().db.execute('SELECT id FROM safeguarding_flags WHERE meeting_id IS NOT NULL');
    const quarter = `${today.slice(0, 4)}-Q${Math.floor(Number(today.slice(5, 7)) / 3.01) + 1}`;
    for (const [name, options] of [
      ['phone', PHONE],
      ['desktop', { viewport: { width: 1280, height: 900 } }],
    ] as const) {
      const lead = await (await newContext(options)).newPage();
      await signIn(
        lead,
        server().base,
        council.users.safeguardingLead.email,
        council.users.safeguardingLead.password,
        `/safeguarding/flags/${flag.rows[0]!.id}`,
      );
      await lead.getByText('What the meeting’s notes say').waitFor();
      // A lead by that role alone may not open /meetings: the meeting is named, not linked.
      await lead.getByText('Outreach event: Stay and play in the park').waitFor();
      expect(await lead.getByRole('link', { name: /Stay and play in the park/ }).count()).toBe(0);
      await look(lead, `meeting-flag-${name}`);
      const commissioner = await (await newContext(options)).newPage();
      await signIn(commissioner, server().base, council.users.commissioner.email, council.users.commissioner.password, `/reports/quarterly?quarter=${quarter}`);
      await commissioner.getByText(/meetings? with \d+ people taking part/).waitFor();
      await look(commissioner, `quarterly-meetings-${name}`);
      await commissioner.goto(`${server().base}/dashboard/comments?source=meetings&language=en&sentiment=-1`);
      expect(await commissioner.getByLabel('Whose words').inputValue()).toBe('meetings');
      await look(commissioner, `comments-filters-${name}`);
      const admin = await (await newContext(options)).newPage();
      await signIn(admin, server().base, council.users.admin.email, council.users.admin.password, '/privacy');
      await admin.getByLabel(/email address or phone number/i).fill('07700 900123');
      await admin.getByRole('button', { name: /find/i }).click();
      await admin.getByText('in a meeting’s notes').first().waitFor();
      await look(admin, `privacy-meeting-${name}`);
    }
  });
});
