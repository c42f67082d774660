import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../db/store';
import { makeCouncil, type MadeSite } from '../helpers/factories';
import { COUNCIL_SURVEY, questionTitle } from '../helpers/surveys';
import { storedResponses, useServerAndBrowser, waitFor } from './helpers';

const { server, newContext } = useServerAndBrowser();
/** The Children's Centre with the kiosk, and its two service points. */
let centre: MadeSite;
beforeAll(async () => {
  centre = (await makeCouncil(createStore(server().db))).sites.cob;
});

const TABLET = { viewport: { width: 1024, height: 768 }, hasTouch: true };
const withKey = async (key: string) => (await storedResponses(server().db)).filter((r) => r.idempotency_key === key);
const queue = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('hubvoice.kiosk.queue') ?? '[]') as unknown[]);

describe('kiosk mode in Chromium', () => {
  it('queues a submission made offline and sends it exactly once when the connection returns', async () => {
    const context = await newContext(TABLET);
    const page = await context.newPage();
    // The key of every submission the server answered: a resend under any key would show here.
    const delivered: string[] = [];
    page.on('response', (response) => {
      const request = response.request();
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/responses') delivered.push(request.postDataJSON().idempotencyKey);
    });
    await page.goto(`${server().base}/f/${centre.points[0]!.code}?kiosk=1`);
    const key = await page.locator('input[name="_key"]').inputValue();
    await context.setOffline(true);
    await page.getByLabel('Very good').check();
    await page.getByLabel(questionTitle(COUNCIL_SURVEY, 'good')).fill('Calm and friendly');
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await page.locator('#kiosk-done').waitFor({ state: 'visible' });
    expect(await queue(page)).toHaveLength(1);
    expect(await withKey(key)).toHaveLength(0);

    await context.setOffline(false);
    const rows = await waitFor(
      () => withKey(key),
      (r) => r.length > 0,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'kiosk', point_code: centre.points[0]!.code, language: 'en', fft: 1 });
    expect(rows[0]?.answers).toEqual({ fft: 'veryGood', good: 'Calm and friendly' });
    expect(
      await waitFor(
        () => queue(page),
        (q) => q.length === 0,
      ),
    ).toEqual([]);
    expect(delivered).toEqual([key]);
    // Another 'online' and a reload must not send it again, under its key or any other.
    await page.evaluate(() => dispatchEvent(new Event('online')));
    await page.reload({ waitUntil: 'networkidle' });
    expect(await queue(page)).toEqual([]);
    expect(delivered).toEqual([key]);
    expect(await withKey(key)).toHaveLength(1);
    await context.close();
  });

  it('returns to a fresh form with a new key after an offline thank-you', async () => {
    const context = await newContext(TABLET);
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(`${server().base}/f/${centre.code}?kiosk=1&lang=ro`);
    const key = await page.locator('input[name="_key"]').inputValue();
    await context.setOffline(true);
    await page.locator('#q-fft').check();
    await page.locator('button[type=submit]').click();
    await page.locator('#kiosk-done').waitFor({ state: 'visible' });
    await page.clock.runFor(9_000);
    await page.locator('form.survey').waitFor({ state: 'visible' });
    expect(await page.locator('#q-fft').isChecked()).toBe(false);
    expect(await page.locator('input[name="_key"]').inputValue()).not.toBe(key);
    await context.setOffline(false);
    await context.close();
  });

  it('online, shows the server’s thank-you page, which goes back to a fresh kiosk form', async () => {
    const context = await newContext(TABLET);
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(`${server().base}/f/${centre.points[1]!.code}?kiosk=1`);
    const key = await page.locator('input[name="_key"]').inputValue();
    await page.getByLabel('Poor', { exact: true }).check();
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await page.waitForURL(new RegExp(`/f/${centre.points[1]!.code}/thanks\\?lang=en&kiosk=1$`));
    expect(await withKey(key)).toHaveLength(1);
    await page.clock.runFor(16_000);
    await page.waitForURL(new RegExp(`/f/${centre.points[1]!.code}\\?lang=en&kiosk=1$`));
    expect(await page.locator('input[name="_key"]').inputValue()).not.toBe(key);
    await context.close();
  });
});
