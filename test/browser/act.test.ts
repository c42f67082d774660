/**
 * Acting on what families said, in real Chromium: a commissioner publishes "You said, we did" and a
 * family sees it on the thank-you page in Polish; exports downloaded as CSV and XLSX and read back
 * with real readers (csv-parse, exceljs). axe on every page. Set SCREENSHOT_DIR to keep screenshots
 * at 390 and 1280 px.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedResponses } from '../../db/seed';
import { createStore } from '../../db/store';
import { makeCouncil, type MadeUser } from '../helpers/factories';
import { axeViolations, PHONE, useServerAndBrowser } from './helpers';

const SCREENSHOTS = process.env.SCREENSHOT_DIR;
const FORMULA = '=HYPERLINK("http://evil.example","click") the room was cold';
const { server, newContext } = useServerAndBrowser({ RATE_LIMIT_PER_MINUTE: '100000' });
let COMMISSIONER: MadeUser;

beforeAll(async () => {
  const store = createStore(server().db);
  const council = await makeCouncil(store);
  COMMISSIONER = council.users.commissioner;
  await seedResponses(store, 600);
  for (let i = 0; i < 6; i++) {
    const response = await fetch(`${server().base}/api/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        code: 'dun',
        channel: 'qr',
        language: 'en',
        idempotencyKey: `act-browser-${i}`,
        answers: { fft: 'good', better: i === 0 ? FORMULA : `Please open on Saturdays, week ${i}` },
      }),
    });
    expect(response.status).toBe(201);
  }
}, 60_000);

async function signedIn(path: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${server().base}${path}`);
  await page.getByLabel('Email address').fill(COMMISSIONER.email);
  await page.getByLabel('Password').fill(COMMISSIONER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === path);
  return { context, page };
}

/** Screenshots at 1280 px (this page) and 390 px (a phone with the same cookies), and no sideways scroll on the phone. */
async function look(context: BrowserContext, page: Page, name: string) {
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${name}-1280.png`), fullPage: true });
  const phone = await newContext(PHONE);
  await phone.addCookies(await context.cookies());
  const small = await phone.newPage();
  await small.goto(page.url());
  expect(await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  if (SCREENSHOTS) await small.screenshot({ path: join(SCREENSHOTS, `${name}-390.png`), fullPage: true });
  expect(await axeViolations(small)).toEqual([]);
  await phone.close();
}

describe('You said, we did in Chromium', () => {
  it('publishes an action that a family then sees on the thank-you page in Polish', async () => {
    const { context, page } = await signedIn('/actions');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Write an action' }).click();
    await page.getByLabel('You said (English)').fill('Rhymes and stories is too busy.');
    await page.getByLabel('We did (English)').fill('We added a second session on Thursdays.');
    await page.getByLabel('You said (Polish)').fill('Rymowanki i bajki są zbyt zatłoczone.');
    await page.getByLabel('We did (Polish)').fill('Dodaliśmy drugie zajęcia w czwartki.');
    await page.getByLabel('When it changed (or will)').fill('2026-11-05');
    await page.getByLabel('Rhymes & stories').check();
    expect(await axeViolations(page)).toEqual([]);
    await look(context, page, 'action-new');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.waitForURL(/\/actions\/act[^/]+\?done=saved$/);
    expect(await page.getByRole('status').textContent()).toContain('Saved as a draft');

    const family = await newContext(PHONE);
    const thanks = await family.newPage();
    await thanks.goto(`${server().base}/f/ash-play/thanks?lang=pl`);
    expect(await thanks.locator('main').textContent()).not.toContain('Dodaliśmy drugie zajęcia w czwartki.');

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.waitForURL(/\?done=published$/);
    expect(await axeViolations(page)).toEqual([]);
    await look(context, page, 'action-published');

    await thanks.reload();
    expect(await thanks.locator('html').getAttribute('lang')).toBe('pl');
    expect(await thanks.locator('.ysw-list').textContent()).toContain('Dodaliśmy drugie zajęcia w czwartki.');
    expect(await axeViolations(thanks)).toEqual([]);
    if (SCREENSHOTS) await thanks.screenshot({ path: join(SCREENSHOTS, 'thanks-pl-390.png'), fullPage: true });

    await thanks.goto(`${server().base}/sites/ash/you-said-we-did?lang=pl`);
    expect(await thanks.locator('main').textContent()).toContain('Dodaliśmy drugie zajęcia w czwartki.');
    expect(await axeViolations(thanks)).toEqual([]);
    if (SCREENSHOTS) await thanks.screenshot({ path: join(SCREENSHOTS, 'hub-page-pl-390.png'), fullPage: true });

    if (SCREENSHOTS) {
      for (const path of ['/f/ash-play/thanks?lang=pl', '/sites/ash/you-said-we-did?lang=pl']) {
        await page.goto(`${server().base}${path}`);
        await page.screenshot({ path: join(SCREENSHOTS, `${path.includes('thanks') ? 'thanks' : 'hub-page'}-pl-1280.png`), fullPage: true });
      }
    }
    await page.goto(`${server().base}/actions`);
    expect(await page.locator('main').textContent()).toContain('Rhymes and stories is too busy.');
    await look(context, page, 'actions-list');
    await family.close();
  });
});

describe('exports in Chromium', () => {
  it('downloads comments as CSV from the dashboard: BOM, redacted, a formula-looking comment neutralised', async () => {
    const { context, page } = await signedIn('/dashboard');
    await page.getByRole('link', { name: /Download these figures/ }).click();
    await page.waitForURL(/\/exports/);
    expect(await axeViolations(page)).toEqual([]);
    await look(context, page, 'exports');
    await page.getByLabel('Comments', { exact: true }).check();
    await page.getByLabel('CSV (opens in any spreadsheet)').check();
    await page.getByLabel('From').fill('');
    await page.getByRole('button', { name: 'Start the download' }).click();
    await page.getByRole('link', { name: /^Download hubvoice-comments/ }).waitFor({ timeout: 30_000 });
    expect(await page.locator('h1').textContent()).toBe('Your download is ready');
    expect(await axeViolations(page)).toEqual([]);
    await look(context, page, 'export-ready');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Download hubvoice-comments/ }).click()]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true, relax_column_count: true }) as string[][];
    const header = rows.findIndex((r) => r[0] === 'Comment');
    const texts = rows.slice(header + 1).map((r) => r[rows[header]!.indexOf('Text (redacted)')]);
    expect(texts).toContain(`'${FORMULA}`);
    expect(texts).toContain('Please open on Saturdays, week 3');
  });

  it('downloads the satisfaction table as XLSX whose figures and suppression match the report', async () => {
    const { page } = await signedIn('/exports');
    await page.getByLabel('Satisfaction', { exact: true }).check();
    await page.getByLabel('Satisfaction and trends: one row per').selectOption('site');
    await page.getByLabel('Excel workbook (XLSX)').check();
    await page.getByLabel('From').fill('2020-01-01');
    await page.getByLabel('To').fill('2030-12-31');
    await page.getByRole('button', { name: 'Start the download' }).click();
    const link = page.getByRole('link', { name: /^Download hubvoice-satisfaction/ });
    await link.waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.getWorksheet('Satisfaction')!;
    const values: (string | number | null)[][] = [];
    sheet.eachRow((row) => values.push((row.values as (string | number | null)[]).slice(1)));
    const header = values.findIndex((r) => r[0] === 'Group');
    const byGroup = new Map(values.slice(header + 1).map((r) => [r[0], r]));
    const report = await (await page.request.get(`${server().base}/api/reports/satisfaction?from=2020-01-01&to=2030-12-31`)).json();
    expect(report.rows.length).toBeGreaterThan(3);
    for (const row of report.rows) {
      const cells = byGroup.get(row.label)!;
      expect(cells[1] ?? null).toBe(row.n);
      expect(cells[2] ?? null).toBe(row.fftPositive === null ? null : Math.round(row.fftPositive * 1000) / 10);
      expect(cells[values[header]!.indexOf('Suppressed')] ?? null).toBe(row.suppressed ? `suppressed (${row.suppressionReason})` : null);
    }
    expect(byGroup.get('Total')![1]).toBe(report.total.n);
  });
});
