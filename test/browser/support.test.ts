/**
 * Help after a possible disclosure, in real Chromium: the QR form's thank-you page for an adult
 * (English, and Arabic right to left), the children's form, and an online kiosk; axe-core on each.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../db/store';
import { makeCouncil } from '../helpers/factories';
import { axeViolations, storedResponses, useServerAndBrowser } from './helpers';

const { server, phone } = useServerAndBrowser();
/** A hub of the fixture council, on its default survey (which asks `better`). */
let hub: string;
beforeAll(async () => {
  hub = (await makeCouncil(createStore(server().db))).sites.ash.code;
});

const keyOf = (page: Page) => page.locator('input[name="_key"]').inputValue();
const rowsWithKey = async (key: string) => (await storedResponses(server().db)).filter((r) => r.idempotency_key === key);

describe('help after a possible disclosure, in Chromium', () => {
  it('shows an adult the help box with 999 and the domestic abuse line, with no axe-core violations', async () => {
    const { page } = await phone();
    await page.goto(`${server().base}/f/${hub}`);
    await page.locator('#q-fft-3').check();
    await page.locator('[name="better"]').fill('My partner hits me and I am scared to go home');
    await page.locator('button[type=submit]').click();
    const help = page.getByRole('region', { name: 'Help if you need it' });
    await help.waitFor();
    expect(await help.getByRole('link', { name: '999' }).getAttribute('href')).toBe('tel:999');
    expect(await help.getByRole('link', { name: /0808\s2000\s247/ }).getAttribute('href')).toBe('tel:08082000247');
    expect(new URL(page.url()).pathname).toBe(`/f/${hub}`);
    expect(await page.content()).not.toContain('scared to go home');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('lays the help out right to left in Arabic, each number still reading left to right, with no axe-core violations', async () => {
    const { page } = await phone();
    await page.goto(`${server().base}/f/${hub}?lang=ar`);
    await page.locator('#q-fft-3').check();
    await page.locator('[name="better"]').fill('زوجي يضربني');
    await page.locator('button[type=submit]').click();
    const help = page.locator('section.help');
    await help.waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    // The digit groups of a number stay in order: their left edges increase from first to last.
    const number = help.getByRole('link', { name: /0808\s2000\s247/ });
    const order = await number.evaluate((link) => {
      const text = link.firstChild!;
      const starts = ['0808', '2000', '247'].map((group) => {
        const range = document.createRange();
        const at = text.textContent!.indexOf(group);
        range.setStart(text, at);
        range.setEnd(text, at + group.length);
        return range.getBoundingClientRect().left;
      });
      return starts;
    });
    expect(order[0]).toBeLessThan(order[1]!);
    expect(order[1]).toBeLessThan(order[2]!);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('speaks to a child on the children’s form, with Childline and no axe-core violations', async () => {
    const { page } = await phone();
    await page.goto(`${server().base}/f/${hub}?for=child`);
    await page.locator('#q-fft-4').check();
    await page.locator('[name="better"]').fill('my dad hits me');
    await page.locator('button[type=submit]').click();
    const help = page.getByRole('region', { name: 'You can get help' });
    await help.waitFor();
    expect(await help.getByRole('link', { name: /0800\s1111/ }).getAttribute('href')).toBe('tel:08001111');
    expect(await page.getByText('We got your answers.').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('on an online kiosk, ends on the help page, stores the response once, and gives the family a minute before starting again', async () => {
    const { page } = await phone();
    await page.goto(`${server().base}/f/${hub}?kiosk=1`);
    const key = await keyOf(page);
    await page.locator('#q-fft-3').check();
    await page.locator('[name="better"]').fill('my husband beats me');
    await page.locator('button[type=submit]').click();
    await page.locator('section.help').waitFor();
    expect(page.url()).not.toContain('/thanks');
    expect(await page.locator('a[data-kiosk-reset]').getAttribute('data-kiosk-reset')).toBe('60');
    const rows = await rowsWithKey(key);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'kiosk' });
  });
});
