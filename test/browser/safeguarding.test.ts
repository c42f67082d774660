/**
 * The safeguarding queue and a flag's page in real Chromium under a flood (issue 17): counts, the
 * likely-flood banner, paging, every review on the flag page, axe on each, no sideways scrolling on
 * a phone. Set SCREENSHOT_DIR to keep desktop and phone screenshots for a look by eye.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../db/store';
import { makeCouncil, type Council } from '../helpers/factories';
import { axeViolations, PHONE, useServerAndBrowser } from './helpers';

const SCREENSHOTS = process.env.SCREENSHOT_DIR;
const DISCLOSURE = 'My partner hits me when he drinks and I am scared for my kids';
const { server, newContext } = useServerAndBrowser({ RATE_LIMIT_PER_MINUTE: '100000' });
let council: Council;
let disclosureFlag: string;

beforeAll(async () => {
  council = await makeCouncil(createStore(server().db));
  const send = async (code: string, better: string, key: string) => {
    const response = await fetch(`${server().base}/api/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, channel: 'qr', language: 'en', idempotencyKey: key, answers: { fft: 'neither', better } }),
    });
    expect(response.status).toBe(201);
    return (await response.json()).id as string;
  };
  const real = await send(council.sites.ash.points[1]!.code, DISCLOSURE, 'browser-real-disclosure');
  for (let i = 0; i < 60; i++) await send(council.sites.elm.points[0]!.code, `he hits me ${i}`, `browser-flood-${i}`);
  const flag = await server().db.execute({ sql: 'SELECT id FROM safeguarding_flags WHERE response_id = ?', args: [real] });
  disclosureFlag = String(flag.rows[0]!.id);
}, 90_000);

async function screenshot(page: Page, name: string, fullPage = true) {
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, name), fullPage });
}

async function signedIn(options: Parameters<typeof newContext>[0]) {
  const context = await newContext(options);
  const page = await context.newPage();
  await page.goto(`${server().base}/safeguarding`);
  await page.getByLabel('Email address').fill(council.users.safeguardingLead.email);
  await page.getByLabel('Password').fill(council.users.safeguardingLead.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/safeguarding$/);
  return page;
}

describe('the safeguarding queue under a flood', () => {
  for (const [name, options] of [
    ['desktop', { viewport: { width: 1280, height: 900 } }],
    ['phone', PHONE],
  ] as const) {
    it(`names the flood, counts every flag and pages through them all (${name})`, async () => {
      const page = await signedIn(options);
      expect(await page.locator('.flood h2').textContent()).toBe('Likely flood');
      expect(await page.locator('.flood').textContent()).toContain(`60 open flags came from the code ${council.sites.elm.points[0]!.code}`);
      expect(await page.getByText(/61 flags are waiting/).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      await screenshot(page, `queue-flood-${name}.png`, false);
      const seen = new Set(await page.locator('.card h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))));
      await page.getByRole('link', { name: 'Next flags' }).click();
      for (const href of await page.locator('.card h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))) seen.add(href);
      expect(seen.size).toBe(61);
      expect(seen.has(`/safeguarding/flags/${disclosureFlag}`)).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  it('shows where a flag came from and every review on its page', async () => {
    const page = await signedIn({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server().base}/safeguarding/flags/${disclosureFlag}`);
    for (const [status, action] of [
      ['In review: I am dealing with it', 'Rang mum, no answer; trying again at 4'],
      ['Closed: action has been taken or none is needed', 'Spoke to mum; referred to MASH'],
    ] as const) {
      await page.getByLabel(status).check();
      await page.getByLabel('What was done').fill(action);
      await page.getByRole('button', { name: 'Save review' }).click();
      await page.waitForURL(/reviewed=1/);
    }
    expect(await page.locator('.reviews li').allTextContents()).toEqual([
      expect.stringMatching(/^In review.*Rang mum, no answer; trying again at 4$/),
      expect.stringMatching(/^Closed.*Spoke to mum; referred to MASH$/),
    ]);
    const details = await page.locator('dl.sl').textContent();
    expect(details).toContain(council.sites.ash.points[1]!.name);
    expect(details).toContain('Centre feedback (version 1)');
    expect(await page.getByText('Present risk: review now').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'flag-reviews-desktop.png');
    const phone = await newContext(PHONE);
    await phone.addCookies(await page.context().cookies());
    const phonePage = await phone.newPage();
    await phonePage.goto(`${server().base}/safeguarding/flags/${disclosureFlag}`);
    expect(await axeViolations(phonePage)).toEqual([]);
    expect(await phonePage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await screenshot(phonePage, 'flag-reviews-phone.png');
  });
});
