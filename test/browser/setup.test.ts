/**
 * A council set up from an empty hubvoice (SEED=none) in real Chromium, pages only: the first
 * admin is led to setup, names the organisation and a provider, adds two sites with service points
 * by hand and a third (and a bad row) by CSV, then finds each site's QR codes and posters. axe on
 * every page. Set SCREENSHOT_DIR to keep phone and desktop screenshots for a look by eye.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, PHONE, useServerAndBrowser } from './helpers';
import { addSiteByHand, createOrganisationAndProvider, importSitesCsv, signIn } from './setup-steps';

const SCREENSHOTS = process.env.SCREENSHOT_DIR;
const { server, newContext } = useServerAndBrowser();

async function look(page: Page, name: string) {
  expect(await axeViolations(page), name).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${name} scrolls sideways`).toBe(0);
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe('setting up a council from an empty hubvoice', () => {
  it('leads the first admin through setup to sites with QR codes and posters, by hand and by CSV', async () => {
    const base = server().base;
    const page = await (await newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(page, base, 'admin@localhost', server().config.ADMIN_PASSWORD ?? '');
    await page.waitForURL(/\/admin\/sites/);
    await look(page, 'setup-start-desktop');
    await createOrganisationAndProvider(page, { name: 'Seaview Council', slug: 'seaview' }, { name: 'Seaview Early Years', code: 'seaview-ey' });
    await look(page, 'setup-provider-desktop');

    await addSiteByHand(page, base, {
      name: 'Harbour Family Hub',
      code: 'harbour-hub',
      kind: 'Family Hub',
      locality: 'Harbour',
      ward: 'Quayside',
      servicePoints: [
        { name: 'Baby clinic', code: 'harbour-baby' },
        { name: 'Stay and play', code: 'harbour-play' },
      ],
    });
    await look(page, 'site-page-desktop');
    await addSiteByHand(page, base, {
      name: 'Hillside Children’s Centre',
      code: 'hillside-cc',
      kind: 'Children’s Centre',
      locality: 'Hillside',
      servicePoints: [{ name: 'Speech and language', code: 'hillside-salt' }],
    });

    const report = await importSitesCsv(
      page,
      base,
      [
        'provider_code,provider_name,site_code,site_name,kind,locality,ward,language,service_point_code,service_point_name',
        'seaview-ey,,meadow-hub,Meadow Family Hub,Family Hub,Meadow,Fields,pl,meadow-bumps,Bumps and babies',
        'seaview-ey,,harbour-hub,A second harbour,Family Hub,Harbour,,,,',
      ].join('\n'),
    );
    expect(report).toContain('Imported 1 site, 1 service point');
    expect(report).toMatch(/Row 3: site_code: the code "harbour-hub" is already used/);
    await look(page, 'sites-imported-desktop');
    const listed = await page.locator('table a').allTextContents();
    expect(listed).toEqual(['Harbour Family Hub', 'Hillside Children’s Centre', 'Meadow Family Hub']);

    // The imported site's page: a QR code and a poster per language, the poster's QR opening that language.
    await page.goto(`${base}/admin/sites/meadow-hub`);
    expect((await page.locator('.qr-card h3').allTextContents()).map((t) => t.trim())).toEqual(['Meadow Family Hub', 'Bumps and babies']);
    expect(
      await page
        .locator('.qr-card img.qr')
        .first()
        .evaluate((img) => (img as HTMLImageElement).naturalWidth),
    ).toBeGreaterThan(0);
    const poster = page.locator('.qr-card').nth(1).getByRole('link', { name: 'Polski' });
    expect(await poster.getAttribute('href')).toBe('/f/meadow-bumps/poster?lang=pl');
    expect(await page.getByRole('link', { name: 'Print every poster for this site' }).getAttribute('href')).toBe('/sites/meadow-hub/posters');

    // A phone: the same pages, nothing off the side.
    const phone = await (await newContext(PHONE)).newPage();
    await signIn(phone, base, 'admin@localhost', server().config.ADMIN_PASSWORD ?? '', '/admin/sites');
    await phone.waitForURL(/\/admin\/sites$/);
    await look(phone, 'sites-phone');
    await phone.goto(`${base}/admin/sites/harbour-hub`);
    await look(phone, 'site-page-phone');
  });

  it('keeps what was typed and names the field when a code is taken', async () => {
    const base = server().base;
    const page = await (await newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(page, base, 'admin@localhost', server().config.ADMIN_PASSWORD ?? '', '/admin/sites');
    await page.waitForURL(/\/admin\/sites$/);
    await page.getByLabel('Site name').fill('Harbour again');
    await page.getByLabel('Form code').fill('harbour-baby');
    await page.getByLabel('Locality').fill('Harbour');
    await page.getByRole('button', { name: 'Add site' }).click();
    expect(await page.locator('.es').textContent()).toContain('the code "harbour-baby" is already used');
    expect(await page.getByLabel('Site name').inputValue()).toBe('Harbour again');
    await look(page, 'sites-error-desktop');
  });
});
