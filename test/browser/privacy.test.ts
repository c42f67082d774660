/**
 * `/privacy` in real Chromium: an administrator finds a family's comments by the phone number they
 * wrote, sees only redacted text, and the page passes axe at phone and desktop width.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../db/store';
import { makeCouncil, type Council } from '../helpers/factories';
import { axeViolations, PHONE, useServerAndBrowser } from './helpers';
import { signIn } from './setup-steps';

const SCREENSHOTS = process.env.SCREENSHOT_DIR;
const { server, newContext } = useServerAndBrowser();
let council: Council;
beforeAll(async () => {
  council = await makeCouncil(createStore(server().db));
  const response = await fetch(`${server().base}/api/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      code: council.sites.ash.code,
      channel: 'qr',
      language: 'en',
      idempotencyKey: 'privacy-browser-1',
      answers: { fft: 'good', better: 'Call me on 07700 900555 about Saturday sessions' },
    }),
  });
  expect(response.status).toBe(201);
});

describe('requests about someone’s own words', () => {
  for (const [name, options] of [
    ['desktop', { viewport: { width: 1280, height: 900 } }],
    ['phone', PHONE],
  ] as const) {
    it(`finds a family’s comment by the number they wrote, redacted (${name})`, async () => {
      const page = await (await newContext(options)).newPage();
      await signIn(page, server().base, council.users.admin.email, council.users.admin.password, '/settings');
      await page.getByRole('link', { name: 'Requests about someone’s own words' }).click();
      await page.getByLabel('Email address or phone number they wrote').fill('07700900555');
      await page.getByRole('button', { name: 'Find' }).click();
      await page.getByRole('heading', { name: '1 comment found' }).waitFor();
      expect(await page.locator('.quote').textContent()).not.toContain('900555');
      if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `privacy-${name}.png`), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    });
  }
});
