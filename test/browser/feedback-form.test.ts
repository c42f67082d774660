import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../db/store';
import { makeCouncil, type Council } from '../helpers/factories';
import { COUNCIL_SURVEY, questionTitle } from '../helpers/surveys';
import { axeViolations, publishSurvey, storedResponses, useServerAndBrowser } from './helpers';

const { server, phone } = useServerAndBrowser();
let council: Council;
beforeAll(async () => {
  council = await makeCouncil(createStore(server().db));
});
const GOOD = questionTitle(COUNCIL_SURVEY, 'good');

const responseWithKey = async (page: Page) => {
  const key = await page.locator('input[name="_key"]').inputValue();
  return async () => (await storedResponses(server().db)).filter((r) => r.idempotency_key === key);
};

describe('the QR form in Chromium', () => {
  it('is filled and sent with JavaScript on, storing site, service point, channel, language and answers', async () => {
    const { context, page } = await phone();
    const { ash } = council.sites;
    const point = ash.points[0]!;
    await page.goto(`${server().base}/f/${point.code}`);
    const stored = await responseWithKey(page);
    await page.getByLabel('Good', { exact: true }).check();
    await page.getByLabel(GOOD).fill('The staff knew my name');
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await page.waitForURL(new RegExp(`/f/${point.code}/thanks`));
    expect(await page.locator('h1').textContent()).toBe('Thank you');
    expect(await page.locator('.ysw').count()).toBe(2);
    const [row] = await stored();
    expect(row).toMatchObject({ site_code: ash.code, point_code: point.code, channel: 'qr', language: 'en', fft: 2 });
    expect(row?.answers).toEqual({ fft: 'good', good: 'The staff knew my name' });
    await context.close();
  });

  it('is filled and sent with JavaScript off, in Polish', async () => {
    const { context, page } = await phone({ javaScriptEnabled: false });
    const point = council.sites.bay.points[2]!;
    await page.goto(`${server().base}/f/${point.code}?lang=pl`);
    const stored = await responseWithKey(page);
    await page.getByLabel('Bardzo dobrze').check();
    await page.getByLabel(questionTitle(COUNCIL_SURVEY, 'better', 'pl')).fill('Więcej zajęć w sobotę');
    await page.getByRole('button', { name: 'Wyślij opinię' }).click();
    await page.waitForURL(/\/thanks\?lang=pl/);
    expect(await page.locator('h1').textContent()).toBe('Dziękujemy');
    expect((await stored())[0]).toMatchObject({ point_code: point.code, channel: 'qr', language: 'pl', fft: 1 });
    await context.close();
  });

  it('shows the error summary with JavaScript off, keeps every answer, and links each problem to its field', async () => {
    const { context, page } = await phone({ javaScriptEnabled: false });
    const POSTCODE = questionTitle(COUNCIL_SURVEY, 'postcode');
    await page.goto(`${server().base}/f/${council.sites.ash.code}`);
    const stored = await responseWithKey(page);
    await page.getByLabel(GOOD).fill('Warm welcome');
    await page.getByText(COUNCIL_SURVEY.pages[1]!.title!.en).click();
    await page.getByLabel('Dad', { exact: true }).check();
    await page.getByLabel(POSTCODE).fill('PL4 8AA');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Send feedback' }).click(),
    ]);
    expect(response.status()).toBe(422);
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('es');
    expect(await page.getByLabel(GOOD).inputValue()).toBe('Warm welcome');
    expect(await page.getByLabel('Dad', { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel(POSTCODE).inputValue()).toBe('PL4 8AA');
    await page.getByRole('link', { name: /Select an answer for/ }).click();
    expect(page.url()).toMatch(/#q-fft$/);
    await page.getByLabel('Very good').check();
    await page.getByLabel(POSTCODE).fill('PL4');
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await page.waitForURL(/\/thanks/);
    const rows = await stored();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.answers).toEqual({ fft: 'veryGood', good: 'Warm welcome' });
    await context.close();
  });

  it('switches to Arabic from the visible switcher and lays the form out right to left', async () => {
    const { context, page } = await phone();
    await page.goto(`${server().base}/f/${council.sites.ash.code}`);
    await page.getByRole('link', { name: 'العربية' }).click();
    await page.waitForURL(/lang=ar/);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir, getComputedStyle(document.body).direction])).toEqual([
      'ar',
      'rtl',
      'rtl',
    ]);
    const radio = await page.locator('#q-fft').boundingBox();
    const text = await page.locator('label[for="q-fft"] span').boundingBox();
    expect(radio!.x).toBeGreaterThan(text!.x);
    await context.close();
  });

  it('can be answered and sent with the keyboard alone', async () => {
    const { context, page } = await phone();
    await page.goto(`${server().base}/f/${council.sites.elm.code}`);
    const stored = await responseWithKey(page);
    for (let i = 0; i < 12 && (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)) !== 'fft'; i++)
      await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Easy to find');
    for (let i = 0; i < 6 && (await page.evaluate(() => document.activeElement?.tagName)) !== 'BUTTON'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/thanks/);
    expect((await stored())[0]?.answers).toEqual({ fft: 'good', good: 'Easy to find' });
    await context.close();
  });

  it.each(['en', 'ar'])('has no axe-core violations on the form, the error state and the thank-you page in %s', async (lang) => {
    const { context, page } = await phone();
    await page.goto(`${server().base}/f/${council.sites.ash.points[2]!.code}?lang=${lang}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('details summary').click();
    await page.locator('button[type=submit]').click();
    await page.waitForSelector('.es');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#q-fft').check();
    await page.locator('button[type=submit]').click();
    await page.waitForURL(/\/thanks/);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it.each([
    ['en', 1],
    ['ar', -1],
  ])('lays a 1-5 rating out as one row at 320px, in reading order (%s), with no axe-core violations', async (lang, direction) => {
    // A service point of its own for each language: the server caches a code's survey for 30 s.
    const code = council.sites.bay.points[lang === 'en' ? 0 : 1]!.code;
    await publishSurvey(server(), {
      name: `Room rating ${lang}`,
      assignTo: [code],
      definition: {
        title: { en: 'The room' },
        pages: [
          {
            id: 'p',
            questions: [
              { id: 'fft', type: 'fft', required: true },
              { id: 'room', type: 'rating', required: false, title: { en: 'Rate the room' } },
            ],
          },
        ],
      },
    });
    const { context, page } = await phone();
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${server().base}/f/${code}?lang=${lang}`);
    const boxes = await Promise.all(
      [1, 2, 3, 4, 5].map(async (n) => (await page.locator(`label[for="q-room-${n}"], input[name="room"][value="${n}"] + label`).first().boundingBox())!),
    );
    expect(new Set(boxes.map((b) => Math.round(b.y))).size).toBe(1);
    for (let i = 1; i < boxes.length; i++) expect(Math.sign(boxes[i]!.x - boxes[i - 1]!.x)).toBe(direction);
    expect(Math.max(...boxes.map((b) => b.x + b.width))).toBeLessThanOrEqual(320);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
