/**
 * The survey editor in real Chromium: add a question with its answers in English and Polish, give
 * it a skip rule, see the missing translations counted, save, preview in Polish where the rule
 * works, publish; and without JavaScript, the same page is a plain JSON form. axe on every state;
 * SCREENSHOT_DIR keeps screenshots for a look by eye.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../db/store';
import { makeCouncil, type Council } from '../helpers/factories';
import { axeViolations, PHONE, useServerAndBrowser } from './helpers';
import { addTranslatedQuestionWithRule, openNewDraftEditor, signIn } from './setup-steps';

const SCREENSHOTS = process.env.SCREENSHOT_DIR;
const { server, newContext } = useServerAndBrowser();
let council: Council;
beforeAll(async () => {
  council = await makeCouncil(createStore(server().db));
});

async function look(page: Page, name: string) {
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  expect(await axeViolations(page), name).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${name} scrolls sideways`).toBe(0);
}

describe('the survey editor', () => {
  for (const [name, options] of [
    ['desktop', { viewport: { width: 1280, height: 900 } }],
    ['phone', PHONE],
  ] as const) {
    it(`adds a translated question with a skip rule, previews it in Polish and publishes it (${name})`, async () => {
      const base = server().base;
      const page = await (await newContext(options)).newPage();
      await signIn(page, base, council.users.admin.email, council.users.admin.password, '/admin/surveys');
      await page.waitForURL(/\/admin\/surveys$/);
      await openNewDraftEditor(page, `Editor ${name}`);
      await look(page, `editor-${name}`);

      const card = await addTranslatedQuestionWithRule(page, {
        en: 'Did you find the room easily?',
        pl: 'Czy łatwo znalazłeś salę?',
        answers: [
          ['Yes, easily', 'Tak, łatwo'],
          ['It took a while', 'Zajęło to chwilę'],
        ],
      });
      // English and Polish are written: the other four languages are each missing this question and its two answers.
      await expect.poll(() => card.locator('.ed-missing').count()).toBe(12);
      expect(await page.locator('.ed-tr').textContent()).toContain('Română: 3 missing');
      expect(await card.getByLabel('Very good').isChecked()).toBe(true);
      await look(page, `editor-question-${name}`);
      if (SCREENSHOTS) await card.screenshot({ path: join(SCREENSHOTS, `editor-card-${name}.png`) });

      // A mistake is named and linked, and nothing is sent.
      await card.getByRole('group', { name: 'Answer 2', exact: true }).getByLabel('English').fill('');
      await page.getByRole('button', { name: 'Save draft' }).first().click();
      const summary = page.getByRole('alert');
      await expect.poll(() => summary.textContent()).toContain('answer 2 needs words in English');
      await look(page, `editor-error-${name}`);
      await card.getByRole('group', { name: 'Answer 2', exact: true }).getByLabel('English').fill('It took a while');

      await page.getByRole('button', { name: 'Save and preview' }).click();
      await page.waitForURL(/\/admin\/surveys\/[^/]+#preview-h$/);
      expect(await page.getByRole('note').first().textContent()).toContain('Unpublished changes');
      await page.getByLabel('Language').selectOption({ label: 'Polski' });
      await page.getByRole('button', { name: 'Show' }).click();
      const preview = page.frameLocator('iframe.preview');
      const asked = preview.getByText('Czy łatwo znalazłeś salę?');
      await expect.poll(() => preview.locator('html').getAttribute('lang')).toBe('pl');
      expect(await asked.isVisible()).toBe(false);
      await preview.getByLabel('Bardzo dobrze').check();
      await expect.poll(() => asked.isVisible()).toBe(true);
      await look(page, `editor-preview-pl-${name}`);
      // With JavaScript off the frame runs no script: the question shows at once, with its rule in words.
      await page.getByLabel('JavaScript').selectOption('off');
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL(/script=off/);
      const noScript = page.frameLocator('iframe.preview');
      await expect.poll(() => noScript.getByText('Czy łatwo znalazłeś salę?').isVisible()).toBe(true);
      expect(await noScript.getByLabel('Bardzo dobrze').isChecked()).toBe(false);

      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      await page.waitForURL(/done=live/);
      expect(await page.locator('.tag').first().textContent()).toBe('Live');
      expect(await page.locator('.questions').textContent()).toContain('Did you find the room easily?');
    });
  }

  it('without JavaScript, shows the survey as a JSON form that saves a draft', async () => {
    const base = server().base;
    const page = await (await newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false })).newPage();
    page.setDefaultTimeout(20_000);
    await signIn(page, base, council.users.admin.email, council.users.admin.password, '/admin/surveys');
    await page.waitForURL(/\/admin\/surveys$/);
    await page.getByLabel('Survey name').fill('Editor without script');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/done=created/);
    await page.getByRole('link', { name: 'Edit questions and translations' }).click();
    const json = page.getByLabel('The survey’s definition (JSON)');
    const definition = JSON.parse(await json.inputValue()) as { title: { en: string } };
    definition.title.en = 'Edited without script';
    await json.fill(JSON.stringify(definition));
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'editor-no-script-phone.png'), fullPage: true });
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/done=saved/);
    expect(await page.getByRole('note').first().textContent()).toContain('Unpublished changes');

    // The same markup, checked by axe: script on (axe needs it) but the editor's own script blocked.
    const checked = await (await newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await checked.route('**/assets/survey-editor/**', (route) => route.abort());
    await signIn(checked, base, council.users.admin.email, council.users.admin.password, page.url().replace(/\?.*$/, '').replace(base, '') + '/edit');
    await checked.getByLabel('The survey’s definition (JSON)').waitFor();
    await look(checked, 'editor-no-script-axe-phone');
  });
});
