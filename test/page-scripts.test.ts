/**
 * The scripts inlined into family-facing and staff pages (widget/page/*.ts, built by
 * widget/bundle-page-scripts.ts): committed as built, within their budgets, and on the pages that
 * need them only. What they do in a browser is tested in test/browser/page-scripts.test.ts and
 * test/browser/kiosk.test.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPageScripts, pageScriptsModule } from '../widget/bundle-page-scripts';
import { pageScripts } from '../widget/page-scripts.gen';
import { makeCouncilApp, type CouncilApp } from './helpers/factories';
import { SKIP_LOGIC_SURVEY } from './helpers/surveys';

/**
 * Bytes, raw and gzipped (as a page is served), each a little above what the real modules build to
 * now, so any growth is a decision. Built (raw / gzip): skip logic 746 / 471, kiosk 2,701 / 1,414,
 * kiosk reset 144 / 142; the hand-written strings they replaced were 605 / 405, 1,830 / 1,005 and
 * 70 / 90. Skip logic rides on a phone's first view of a QR form (about 3.5 KB gzipped with it),
 * the kiosk only on a reception tablet. The kiosk grew to 4,130 / 1,930 when it learned to clear a
 * half-filled form left alone ("Still there?" first; issue 17): a decision, for a tablet on the hub's Wi-Fi.
 */
const BUDGETS: { name: keyof typeof pageScripts; raw: number; gzip: number }[] = [
  { name: 'skipLogic', raw: 780, gzip: 500 },
  { name: 'kiosk', raw: 4250, gzip: 2000 },
  { name: 'kioskReset', raw: 160, gzip: 160 },
  // Built 269 / 210: on every signed-in staff page, never on a family's.
  { name: 'staffNav', raw: 290, gzip: 230 },
];

let t: CouncilApp;
/** A site on the council's plain survey, and a service point given a survey with skip logic. */
let plain: string;
let skipping: string;
beforeAll(async () => {
  t = await makeCouncilApp();
  plain = t.council.sites.bay.code;
  skipping = t.council.sites.ash.points[0]!.code;
  const created = await t.json('/api/surveys', {
    token: await t.login(),
    body: { name: 'Visit with follow-ups', definition: SKIP_LOGIC_SURVEY, assignTo: [skipping] },
  });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
});
afterAll(() => t.close());

const html = async (path: string) => (await t.app.request(path)).text();
const inlineScripts = (page: string) => [...page.matchAll(/<script>(.*?)<\/script>/gs)].map((m) => m[1]);

describe('page scripts', () => {
  it('are committed exactly as widget/page/*.ts builds now (run `npm run build:page-scripts`)', async () => {
    const committed = readFileSync(fileURLToPath(new URL('../widget/page-scripts.gen.ts', import.meta.url)), 'utf8');
    expect(committed).toBe(pageScriptsModule(await buildPageScripts()));
  });

  it.each(BUDGETS)('keeps $name within $raw bytes, $gzip gzipped', ({ name, raw, gzip }) => {
    const code = pageScripts[name];
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(raw);
    expect(gzipSync(code).byteLength).toBeLessThanOrEqual(gzip);
  });

  it('carry no zod, no Preact and nothing that could end their <script> early', () => {
    for (const code of Object.values(pageScripts)) {
      expect(code).not.toMatch(/ZodError|\$ZodType|__html|createElement|<\/script|<!--/i);
    }
  });

  it('inline skip logic only on a form with conditional questions, and the kiosk queue only on a kiosk', async () => {
    expect(inlineScripts(await html(`/f/${plain}`))).toEqual([]);
    expect(inlineScripts(await html(`/f/${skipping}`))).toEqual([pageScripts.skipLogic]);
    expect(inlineScripts(await html(`/f/${plain}?kiosk=1`))).toEqual([pageScripts.kiosk]);
    expect(inlineScripts(await html(`/f/${skipping}?kiosk=1`))).toEqual([pageScripts.skipLogic, pageScripts.kiosk]);
  });

  it('tells the kiosk script the form’s code, language, thank-you page and question shapes', async () => {
    const page = await html(`/f/${skipping}?kiosk=1&for=child`);
    const form = page.match(/<form [^>]*class="survey"[^>]*>/)![0];
    const attribute = (name: string) =>
      form
        .match(new RegExp(`data-${name}="([^"]*)"`))?.[1]
        ?.replaceAll('&quot;', '"')
        .replaceAll('&amp;', '&');
    expect(attribute('code')).toBe(skipping);
    expect(attribute('lang')).toBe('en');
    expect(attribute('role')).toBe('child');
    expect(attribute('thanks')).toMatch(new RegExp(`^/f/${skipping}/thanks\\?`));
    expect(attribute('questions')).toContain(' helped:multiple ');
  });

  it('send a kiosk’s thank-you page back to a fresh kiosk form after 15 seconds, and no other thank-you page', async () => {
    const kiosk = await html(`/f/${plain}/thanks?lang=en&kiosk=1`);
    expect(inlineScripts(kiosk)).toEqual([pageScripts.kioskReset]);
    expect(kiosk).toContain(`<a href="/f/${plain}?lang=en&amp;kiosk=1" data-kiosk-reset="15">`);
    const phone = await html(`/f/${plain}/thanks?lang=en`);
    expect(inlineScripts(phone)).toEqual([]);
    expect(phone).not.toContain('data-kiosk-reset');
  });
});
