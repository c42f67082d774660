/**
 * The survey pages in real Chromium: start a draft, see its state, preview it in Arabic (right to
 * left, inside the page at phone width), publish it. axe on every page; SCREENSHOT_DIR keeps
 * screenshots for a look by eye.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
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
});

async function look(page: Page, name: string) {
  expect(await axeViolations(page), name).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${name} scrolls sideways`).toBe(0);
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe('surveys', () => {
  for (const [name, options] of [
    ['desktop', { viewport: { width: 1280, height: 900 } }],
    ['phone', PHONE],
  ] as const) {
    it(`starts a draft, previews it in Arabic and publishes it (${name})`, async () => {
      const base = server().base;
      const page = await (await newContext(options)).newPage();
      await signIn(page, base, council.users.admin.email, council.users.admin.password, '/admin/surveys');
      await page.waitForURL(/\/admin\/surveys$/);
      await look(page, `surveys-list-${name}`);
      await page.getByLabel('Survey name').fill(`Spring panel ${name}`);
      await page.getByRole('button', { name: 'Create draft' }).click();
      await page.waitForURL(/done=created/);
      expect(await page.locator('.tag').first().textContent()).toBe('Draft');
      await page.getByLabel('Language').selectOption({ label: 'العربية' });
      await page.getByRole('button', { name: 'Show' }).click();
      const preview = page.frameLocator('iframe.preview');
      await expect.poll(() => preview.locator('html').getAttribute('dir')).toBe('rtl');
      await look(page, `survey-draft-ar-${name}`);
      await page.getByRole('button', { name: 'Publish' }).click();
      await page.waitForURL(/done=live/);
      expect(await page.locator('.tag').first().textContent()).toBe('Live');
      await look(page, `survey-live-${name}`);
    });
  }
});
