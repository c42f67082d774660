/**
 * The staff navigation on a phone is one row that scrolls sideways. In real Chromium at 390 px, the
 * link to the page you are on is in view when the page opens, whichever page it is (the last ones,
 * Settings and Audit, start far off the right edge), and the row still scrolls by hand. Without
 * JavaScript the row is the same and still scrolls. On a desktop the row wraps and nothing moves.
 * SCREENSHOT_DIR keeps the screenshots.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../db/store';
import { makeCouncil, type Council } from '../helpers/factories';
import { axeViolations, useServerAndBrowser } from './helpers';
import { signIn } from './people-steps';

const SCREENSHOTS = process.env.SCREENSHOT_DIR;
const { server, phone, newContext } = useServerAndBrowser();
let council: Council;

beforeAll(async () => {
  council = await makeCouncil(createStore(server().db));
});

/** Where the current link sits against the navigation row's visible box, in CSS pixels. */
function currentLink(page: Page) {
  return page.evaluate(() => {
    const link = document.querySelector<HTMLElement>('nav[aria-label="Staff"] [aria-current="page"]');
    const row = link?.closest<HTMLElement>('ul');
    if (!link || !row) return null;
    const l = link.getBoundingClientRect();
    const r = row.getBoundingClientRect();
    return {
      text: link.textContent?.trim(),
      left: l.left - r.left,
      right: r.right - l.right,
      scrollLeft: row.scrollLeft,
      scrolls: row.scrollWidth > row.clientWidth,
    };
  });
}

describe('the staff navigation', () => {
  it('opens with the current page’s link in view on a phone, for the first link and the last', async () => {
    const { page } = await phone();
    await signIn(page, server().base, council.users.admin.email, council.users.admin.password);
    for (const [path, name] of [
      ['/audit', 'Audit'],
      ['/settings', 'Settings'],
      ['/dashboard', 'Dashboard'],
    ] as const) {
      await page.goto(`${server().base}${path}`);
      const at = await currentLink(page);
      expect(at?.text, path).toBe(name);
      expect(at?.scrolls, `${path}: the row scrolls on a phone`).toBe(true);
      // Wholly inside the row's visible box, not behind its faded right edge.
      expect(at!.left, `${path}: left edge in view`).toBeGreaterThanOrEqual(0);
      expect(at!.right, `${path}: right edge in view`).toBeGreaterThanOrEqual(16);
      if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `staff-nav${path.replace('/', '-')}-390.png`) });
    }
    expect(await axeViolations(page)).toEqual([]);
    // Scrolled by hand, the row goes back to its start.
    await page.goto(`${server().base}/audit`);
    await page.locator('nav[aria-label="Staff"] ul').evaluate((row) => row.scrollTo({ left: 0 }));
    expect(await page.locator('nav[aria-label="Staff"] ul').evaluate((row) => row.scrollLeft)).toBe(0);
  });

  it('keeps a scrolling row without JavaScript, and a wrapped one on a desktop', async () => {
    const { page } = await phone({ javaScriptEnabled: false });
    await signIn(page, server().base, council.users.admin.email, council.users.admin.password);
    await page.goto(`${server().base}/audit`);
    const noScript = await currentLink(page);
    expect(noScript?.text).toBe('Audit');
    expect(noScript?.scrolls).toBe(true);

    const desktop = await (await newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(desktop, server().base, council.users.admin.email, council.users.admin.password);
    await desktop.goto(`${server().base}/audit`);
    const wide = await currentLink(desktop);
    expect(wide?.scrolls).toBe(false);
    expect(wide?.scrollLeft).toBe(0);
    expect(wide!.right).toBeGreaterThanOrEqual(0);
    if (SCREENSHOTS) await desktop.screenshot({ path: join(SCREENSHOTS, 'staff-nav-audit-1280.png') });
  });
});
