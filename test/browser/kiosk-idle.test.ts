/**
 * Issue 17, item 11: a kiosk left with a half-filled form asks "Still there?" and then clears it,
 * so the next family cannot read the last one's words. Real Chromium, the real page with its
 * default times (the prompt after 2 minutes without a touch, the answers cleared 30 seconds later),
 * with the browser's clock moved forward by Playwright instead of waiting.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../db/store';
import { makeCouncil, type MadeSite } from '../helpers/factories';
import { COUNCIL_SURVEY, questionTitle } from '../helpers/surveys';
import { axeViolations, useServerAndBrowser } from './helpers';

const SCREENSHOTS = process.env.SCREENSHOT_DIR;
const { server, newContext } = useServerAndBrowser();
let centre: MadeSite;
beforeAll(async () => {
  centre = (await makeCouncil(createStore(server().db))).sites.cob;
});

const TABLET = { viewport: { width: 1024, height: 768 }, hasTouch: true };

describe('a kiosk left alone', () => {
  it('asks "Still there?", keeps the answers for a family who carries on, and clears them for the next one', async () => {
    const page = await (await newContext(TABLET)).newPage();
    await page.clock.install();
    await page.goto(`${server().base}/f/${centre.points[0]!.code}?kiosk=1`);
    // Something already waiting in the offline queue, which clearing must leave alone.
    await page.evaluate(() => localStorage.setItem('hubvoice.kiosk.queue', JSON.stringify([{ idempotencyKey: 'waiting-to-send' }])));
    const comment = page.getByLabel(questionTitle(COUNCIL_SURVEY, 'good'));
    const key = await page.locator('input[name="_key"]').inputValue();
    await page.getByLabel('Very good').check();
    await comment.fill('My partner Sam and I liked the singing');

    const prompt = page.getByRole('alertdialog', { name: 'Still there?' });
    await page.clock.runFor(115_000);
    expect(await prompt.isVisible()).toBe(false);
    await page.clock.runFor(6_000);
    await prompt.waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kiosk-idle');
    expect(await prompt.textContent()).toContain('cleared in 30 seconds');
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'kiosk-idle-en.png') });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Yes, carry on' }).click();
    expect(await prompt.isVisible()).toBe(false);
    expect(await comment.inputValue()).toBe('My partner Sam and I liked the singing');
    expect(await page.getByLabel('Very good').isChecked()).toBe(true);

    // Nobody touches it again: the prompt, then nothing left to read.
    await page.clock.runFor(121_000);
    await prompt.waitFor({ state: 'visible' });
    await page.clock.runFor(25_000);
    expect(await comment.inputValue()).toBe('My partner Sam and I liked the singing');
    await page.clock.runFor(6_000);
    await prompt.waitFor({ state: 'hidden' });
    expect(await comment.inputValue()).toBe('');
    expect(await page.getByLabel('Very good').isChecked()).toBe(false);
    expect(await page.locator('input[name="_key"]').inputValue()).not.toBe(key);
    expect(await page.evaluate(() => localStorage.getItem('hubvoice.kiosk.queue'))).toBe(JSON.stringify([{ idempotencyKey: 'waiting-to-send' }]));
  });

  it('asks in the family’s language, right to left in Arabic, and leaves an untouched form alone', async () => {
    const page = await (await newContext(TABLET)).newPage();
    await page.clock.install();
    await page.goto(`${server().base}/f/${centre.code}?kiosk=1&lang=ar`);
    // An empty form left alone is not asked about.
    await page.clock.runFor(300_000);
    expect(await page.locator('#kiosk-idle').isVisible()).toBe(false);
    await page.locator('textarea').first().fill('شكرا');
    const prompt = page.getByRole('alertdialog', { name: 'هل ما زلت هنا؟' });
    await page.clock.runFor(121_000);
    await prompt.waitFor({ state: 'visible' });
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'kiosk-idle-ar.png') });
    expect(await axeViolations(page)).toEqual([]);
    // Any touch counts as still here.
    await page.locator('h1').click();
    expect(await prompt.isVisible()).toBe(false);
    expect(await page.locator('textarea').first().inputValue()).toBe('شكرا');
  });
});
