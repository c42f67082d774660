/**
 * The quarterly report in real Chromium: axe-clean at phone and desktop width, no sideways
 * scrolling, and printed by the browser to A4 with every section and without the staff header.
 * SCREENSHOT_DIR keeps screenshots for a look by eye.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../db/store';
import { makeCouncil, type Council } from '../helpers/factories';
import { axeViolations, PHONE, useServerAndBrowser } from './helpers';
import { signIn } from './setup-steps';

const SCREENSHOTS = process.env.SCREENSHOT_DIR;
const { server, newContext } = useServerAndBrowser({ RATE_LIMIT_PER_MINUTE: '1000' });
let council: Council;
const quarter = `${new Date().getUTCFullYear()}-Q${Math.floor(new Date().getUTCMonth() / 3) + 1}`;

beforeAll(async () => {
  council = await makeCouncil(createStore(server().db));
  const words = [
    'Lovely warm staff and a great singing group',
    'Stay and play is always full, please add sessions',
    'The room was cold',
    'Friendly staff who listen',
  ];
  for (let i = 0; i < 24; i++) {
    const response = await fetch(`${server().base}/api/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        code: council.sites.ash.code,
        channel: 'qr',
        language: i % 3 ? 'en' : 'pl',
        idempotencyKey: `quarterly-browser-${i}`,
        // One Asian family among 24 answers: fewer than the population would lead us to expect.
        answers: { fft: i % 4 ? 'veryGood' : 'poor', better: words[i % words.length], ethnicity: i === 0 ? 'asian_indian' : 'white_british' },
      }),
    });
    expect(response.status).toBe(201);
  }
}, 60_000);

describe('the quarterly report page', () => {
  for (const [name, options] of [
    ['desktop', { viewport: { width: 1280, height: 900 } }],
    ['phone', PHONE],
  ] as const) {
    it(`reads well and passes axe (${name})`, async () => {
      const page = await (await newContext(options)).newPage();
      await signIn(page, server().base, council.users.commissioner.email, council.users.commissioner.password, '/dashboard');
      await page.getByRole('link', { name: 'The quarterly report, to print or send' }).click();
      await page.getByLabel('Quarter', { exact: true }).selectOption(quarter);
      await page.getByLabel('For', { exact: true }).selectOption({ label: `Site: ${council.sites.ash.name}` });
      await page.getByRole('button', { name: 'Show report' }).click();
      await page.waitForURL(/quarterly\?quarter=/);
      expect(await page.locator('h1').textContent()).toContain(`Quarterly report: ${quarter}`);
      if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `quarterly-${name}.png`), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    });
  }

  it('takes population figures from the page, then shows the groups not heard from', async () => {
    for (const [name, options] of [
      ['desktop', { viewport: { width: 1280, height: 900 } }],
      ['phone', PHONE],
    ] as const) {
      const page = await (await newContext(options)).newPage();
      await signIn(page, server().base, council.users.commissioner.email, council.users.commissioner.password, '/population');
      await page
        .getByLabel('Or paste it here')
        .fill('dimension,group,count,source\nethnicGroup,white,70000,Census 2021\nethnicGroup,asian,30000,Census 2021\nethnicGroup,martian,3,Census 2021');
      await page.getByRole('button', { name: 'Upload' }).click();
      await page.getByText('Stored 2 figures; 1 row was not used.').waitFor();
      expect(await page.getByRole('alert').textContent()).toContain('the group "martian"');
      if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `population-${name}.png`), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    }
    // The quarterly report now names the under-heard group first.
    const page = await (await newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(
      page,
      server().base,
      council.users.commissioner.email,
      council.users.commissioner.password,
      `/reports/quarterly?quarter=${quarter}&scope=site:${council.sites.ash.code}`,
    );
    const ethnic = page.locator('.hearing', { has: page.getByRole('heading', { name: 'Ethnic group' }) });
    expect(await ethnic.locator('svg text.lbl').first().textContent()).toMatch(/^Asian.*\(under-heard\)$/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('prints to A4 with every section and without the staff header', async () => {
    const page = await (await newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(
      page,
      server().base,
      council.users.commissioner.email,
      council.users.commissioner.password,
      `/reports/quarterly?quarter=${quarter}&scope=site:${council.sites.ash.code}`,
    );
    await page.waitForURL(/reports\/quarterly/);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const dir = mkdtempSync(join(tmpdir(), 'hubvoice-print-'));
    writeFileSync(join(dir, 'printed.pdf'), pdf);
    if (SCREENSHOTS) writeFileSync(join(SCREENSHOTS, 'quarterly-printed.pdf'), pdf);
    const text = execFileSync('pdftotext', [join(dir, 'printed.pdf'), '-'], { encoding: 'utf8' });
    const info = execFileSync('pdfinfo', [join(dir, 'printed.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:.*\(A4\)/);
    for (const heading of [
      'Friends and Family Test',
      'Responses by channel and language',
      'What families wrote about',
      'You said, we did',
      'Who we are and are not hearing from',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).not.toContain('Sign out');
    expect(text).not.toContain('Show report');
  });
});
