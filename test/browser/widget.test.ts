/**
 * The embeddable widget in real Chromium, on a third-party page from another origin whose CSS is
 * hostile: embedded by its script tag, a multi-page survey with skip logic answered in Polish, axe
 * on the widget's shadow root, the button-and-dialog mode, and a connection cut mid-submit.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../db/store';
import pl from '../../survey/catalogues/pl.json';
import { makeCouncil, type MadeSite } from '../helpers/factories';
import { SKIP_LOGIC_SURVEY } from '../helpers/surveys';
import { publishSurvey, storedResponses, useServerAndBrowser, waitFor } from './helpers';

/** The hub the widget is embedded for; its first service point's code is the one embedded. */
let hub: MadeSite;
let CODE: string;
/** The council's "You said, we did" for every site, which the widget's thank-you shows (from the server). */
let everywhere: { weDid: Record<string, string> };
/** What a careless or hostile host page might do to everything on it. */
const HOSTILE_CSS = `* { display: block !important; color: red !important; font: 9px/1 "Comic Sans MS", cursive !important; }
div, button, input, label, h1 { visibility: hidden; opacity: .2 } input { display: none !important } head, script, style { display: none !important }`;

const { server, phone } = useServerAndBrowser({ ADMIN_EMAIL: 'admin@example.org' });
let thirdParty: Server;
let thirdPartyUrl: string;
let surveyVersionId: string;

beforeAll(async () => {
  const council = await makeCouncil(createStore(server().db));
  hub = council.sites.bay;
  everywhere = council.actions.everywhere;
  CODE = hub.points[0]!.code;
  const survey = await publishSurvey(server(), { name: 'Visit with follow-ups', definition: SKIP_LOGIC_SURVEY, assignTo: [CODE] });
  surveyVersionId = survey.versions[0]!.id;
  thirdParty = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://third-party');
    const mode = url.pathname === '/button' ? ' data-mode="button"' : '';
    const lang = url.searchParams.get('lang') ?? 'pl';
    const code = url.searchParams.get('code') ?? CODE;
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Council news</title>
<style>${HOSTILE_CSS}</style></head><body><main><h1>Family services</h1><p>Tell us how we did:</p>
<script src="${server().base}/widget.js" data-hubvoice="${code}" data-lang="${lang}"${mode} async></script><p>More council news.</p></main></body></html>`);
  });
  await new Promise<void>((resolve) => thirdParty.listen(0, '127.0.0.1', resolve));
  thirdPartyUrl = `http://localhost:${(thirdParty.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  await new Promise((resolve) => thirdParty?.close(resolve));
});

const rowsWithKey = async (key: string) => (await storedResponses(server().db)).filter((r) => r.idempotency_key === key);
/** axe-core on the widget alone (its shadow root), not on the host page it was put on. */
const widgetViolations = async (page: Page) => {
  const results = await new AxeBuilder({ page })
    .include('hubvoice-survey')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .disableRules(['region'])
    .analyze();
  return results.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
};
/** The third-party page (at `path`) on a phone, and the widget on it. */
const openWidget = async (path = '/') => {
  const { context, page } = await phone();
  page.setDefaultTimeout(15_000);
  await page.goto(`${thirdPartyUrl}${path}`);
  return { context, page, widget: page.locator('hubvoice-survey') };
};
/** Answers "good" on page 1 and `again` on page 2, leaving the widget on page 3 with its answers saved. */
const answerFirstTwoPages = async (widget: Locator, again: 'yes' | 'no') => {
  await widget.getByLabel(pl['fft.good'], { exact: true }).check();
  await widget.getByRole('button', { name: pl['form.next'] }).click();
  await widget.getByLabel(pl[`yesno.${again}`], { exact: true }).check();
  await widget.getByRole('button', { name: pl['form.next'] }).click();
  await widget.getByRole('button', { name: pl['form.submit'] }).waitFor();
};
/** The idempotency key a submission was sent under. */
const keysOf = (request: { postDataJSON: () => { idempotencyKey?: string } }) => String(request.postDataJSON().idempotencyKey);
const stored = (page: Page) =>
  page.evaluate((code) => JSON.parse(localStorage.getItem(`hubvoice:${code}`) ?? 'null') as { idempotencyKey: string; pending: boolean } | null, CODE);

describe('the widget on a third-party page with hostile CSS', () => {
  it('is embedded by its script tag and answered in Polish across three pages with skip logic, and stored once', async () => {
    const { page, widget } = await openWidget();
    await widget.getByRole('heading', { name: 'Twoja wizyta' }).waitFor();
    // The page's CSS stops at the shadow root.
    const heading = await widget
      .locator('h1')
      .evaluate((h1) => ({ color: getComputedStyle(h1).color, visibility: getComputedStyle(h1).visibility, size: getComputedStyle(h1).fontSize }));
    expect(heading).toEqual({ color: 'rgb(11, 12, 12)', visibility: 'visible', size: '28.8px' });
    expect(await widget.getByLabel(pl['fft.poor'], { exact: true }).isVisible()).toBe(true);
    expect(await widget.getByText(pl['widget.page'].replace('{page}', '1').replace('{pages}', '3')).isVisible()).toBe(true);

    const wrong = widget.getByLabel('Co poszło nie tak?');
    expect(await wrong.count()).toBe(0);
    await widget.getByLabel(pl['fft.poor'], { exact: true }).check();
    await wrong.waitFor();
    await widget.getByLabel(pl['fft.good'], { exact: true }).check();
    await wrong.waitFor({ state: 'detached' });
    await widget.getByLabel(pl['fft.veryPoor'], { exact: true }).check();
    await wrong.fill('Za długo czekaliśmy');
    await widget.getByRole('button', { name: pl['form.next'] }).click();

    // Page 2: a required question left unanswered gets the GOV.UK error summary, in Polish, focused.
    await widget.getByRole('heading', { name: 'Jeszcze trochę' }).waitFor();
    await widget.getByRole('button', { name: pl['form.next'] }).click();
    const summary = widget.locator('.es');
    await summary.waitFor();
    expect(await summary.textContent()).toContain(pl['error.select'].replace('{title}', 'Czy przyjdziesz ponownie?'));
    expect(await summary.evaluate((el) => el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    expect(await widgetViolations(page)).toEqual([]);
    await summary.getByRole('link').click();
    expect(await widget.locator('#q-again').evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    await widget.getByLabel(pl['yesno.yes'], { exact: true }).check();
    await widget.getByLabel('Personel').check();
    await widget.getByLabel('Sala').check();
    await widget.getByLabel('4', { exact: true }).check();
    await widget.getByRole('button', { name: pl['form.next'] }).click();

    // Back keeps the answers; forward again.
    await widget.getByRole('heading', { name: 'O Tobie' }).waitFor();
    await widget.getByRole('button', { name: pl['form.back'] }).click();
    expect(await widget.getByLabel('Sala').isChecked()).toBe(true);
    await widget.getByRole('button', { name: pl['form.next'] }).click();
    // The equality options in Polish, from survey/catalogues/pl.json.
    await widget.getByLabel('Mama', { exact: true }).check();
    expect(await widgetViolations(page)).toEqual([]);
    const key = (await stored(page))!.idempotencyKey;
    await widget.getByRole('button', { name: pl['form.submit'] }).click();

    await widget.getByText('Dziękujemy za opinię.').waitFor();
    // What it shows after sending came from the server: the place's You said, we did, in Polish.
    expect(await widget.getByRole('heading', { name: pl['ysw.title'] }).isVisible()).toBe(true);
    expect(await widget.getByText(everywhere.weDid.pl!).isVisible()).toBe(true);
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/widget-thanks-390.png`, fullPage: true });
    expect(await widgetViolations(page)).toEqual([]);
    const rows = await rowsWithKey(key);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'widget', language: 'pl', point_code: CODE, fft: 5, survey_version_id: surveyVersionId });
    expect(rows[0]?.answers).toEqual({ fft: 'veryPoor', wrong: 'Za długo czekaliśmy', again: 'yes', helped: ['staff', 'room'], stars: 4 });
    const demographics = await server().db.execute({
      sql: 'SELECT relationship FROM response_demographics WHERE response_id = ?',
      args: [String(rows[0]?.id)],
    });
    expect(demographics.rows[0]?.relationship).toBe('mum');
    expect(await stored(page)).toBeNull();
  });

  it('keeps the answers when the connection drops mid-submit and over a reload, says so, and sends them exactly once when it returns', async () => {
    const { page, widget } = await openWidget();
    await answerFirstTwoPages(widget, 'no');
    const key = (await stored(page))!.idempotencyKey;

    // The first request reaches the server and is stored, but the answer never comes back (the worst
    // case); then the connection stays down until `restored`. The server would quietly store a
    // resend under a new key as a second response, so every attempt's key is kept.
    let reached = false;
    let restored = false;
    const keys: string[] = [];
    let throughAfterRestore = 0;
    await page.route('**/api/responses', async (route) => {
      keys.push(keysOf(route.request()));
      if (restored) {
        throughAfterRestore++;
        return route.continue();
      }
      if (!reached) {
        reached = true;
        await route.fetch();
      }
      await route.abort('connectionreset');
    });
    await widget.getByRole('button', { name: pl['form.submit'] }).click();
    await widget.getByText(pl['widget.waiting']).waitFor();
    expect(await stored(page)).toMatchObject({ idempotencyKey: key, pending: true });
    expect(await rowsWithKey(key)).toHaveLength(1);
    // A reload while it is down loses nothing: the answers and their key are still on the device.
    await page.reload();
    await page.locator('hubvoice-survey').getByText(pl['widget.waiting']).waitFor();
    expect(await stored(page)).toMatchObject({ idempotencyKey: key, pending: true });

    restored = true;
    await page.locator('hubvoice-survey').getByText('Dziękujemy za opinię.').waitFor();
    expect(await stored(page)).toBeNull();
    const rows = await waitFor(
      () => rowsWithKey(key),
      (r) => r.length > 0,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.answers).toEqual({ fft: 'good', again: 'no' });
    expect(keys.length).toBeGreaterThan(1);
    expect(new Set(keys)).toEqual(new Set([key]));
    expect(throughAfterRestore).toBe(1);
  });

  it('after a possible disclosure, thanks with the help lines in the respondent’s language, with no axe-core violations', async () => {
    const { page, widget } = await openWidget();
    await widget.getByLabel(pl['fft.veryPoor'], { exact: true }).check();
    await widget.getByLabel('Co poszło nie tak?').fill('Mój mąż mnie bije');
    await widget.getByRole('button', { name: pl['form.next'] }).click();
    await widget.getByLabel(pl['yesno.no'], { exact: true }).check();
    await widget.getByRole('button', { name: pl['form.next'] }).click();
    const key = (await stored(page))!.idempotencyKey;
    await widget.getByRole('button', { name: pl['form.submit'] }).click();
    await widget.getByText(pl['support.emergency.note']).waitFor();
    expect(await widget.getByText(pl['support.intro']).isVisible()).toBe(true);
    expect(await widget.getByRole('link', { name: '999' }).getAttribute('href')).toBe('tel:999');
    expect(await widget.getByRole('link', { name: /0808\s2000\s247/ }).getAttribute('href')).toBe('tel:08082000247');
    expect(await widget.getByText('mąż mnie bije').count()).toBe(0);
    expect(await widgetViolations(page)).toEqual([]);
    expect(await rowsWithKey(key)).toHaveLength(1);
  });

  it('says it is offline when the network is cut mid-submit, and resends on `online` with the same key, storing one response', async () => {
    const { context, page, widget } = await openWidget();
    await answerFirstTwoPages(widget, 'yes');
    const key = (await stored(page))!.idempotencyKey;
    const keys: string[] = [];
    let attempts = 0;
    // What the server answered: the first attempt is stored but its answer is cut off.
    const answered: string[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/api/responses') answered.push(keysOf(response.request()));
    });
    await page.route('**/api/responses', async (route) => {
      keys.push(keysOf(route.request()));
      attempts++;
      if (attempts > 1) return route.continue();
      await route.fetch();
      await context.setOffline(true);
      await route.abort('internetdisconnected');
    });
    await widget.getByRole('button', { name: pl['form.submit'] }).click();
    await widget.getByText(pl['widget.offline']).waitFor();
    await context.setOffline(false);
    await widget.getByText('Dziękujemy za opinię.').waitFor();
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(new Set(keys)).toEqual(new Set([key]));
    expect(answered).toEqual([key]);
    expect(await rowsWithKey(key)).toHaveLength(1);
  });

  it('as a floating button, opens an accessible dialog that takes focus, closes on Escape and gives focus back', async () => {
    const { page, widget } = await openWidget('/button?lang=en');
    const open = widget.getByRole('button', { name: 'Give feedback' });
    await open.click();
    const dialog = widget.getByRole('dialog', { name: 'Your visit' });
    await dialog.waitFor();
    const focusIn = () =>
      widget.evaluate((host) => {
        const active = host.shadowRoot?.activeElement;
        return { inDialog: Boolean(active?.closest('dialog')), text: active?.textContent ?? '' };
      });
    expect((await focusIn()).inDialog).toBe(true);
    expect(await widgetViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focusIn()).toEqual({ inDialog: false, text: 'Give feedback' });
    await open.click();
    await widget.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await focusIn()).text).toBe('Give feedback');
  });

  it('refuses a page from an origin the organisation has not allowed, and says so plainly', async () => {
    const before = await server().db.execute('SELECT id, settings FROM organisations');
    await server().db.execute(`UPDATE organisations SET settings = json_set(settings, '$.allowedOrigins', json('["https://www.council.example"]'))`);
    try {
      // The server caches codes for 30 s; a fresh code avoids waiting: the hub's second service point has not been looked up.
      const { page } = await phone();
      page.setDefaultTimeout(15_000);
      const blocked: string[] = [];
      page.on('console', (message) => blocked.push(message.text()));
      await page.goto(`${thirdPartyUrl}/?code=${hub.points[1]!.code}&lang=en`);
      await page.locator('hubvoice-survey').getByText('The feedback form could not load').waitFor();
      expect(blocked.join('\n')).toMatch(/CORS|Access-Control-Allow-Origin/);
    } finally {
      for (const organisation of before.rows) {
        await server().db.execute({
          sql: 'UPDATE organisations SET settings = ? WHERE id = ?',
          args: [String(organisation.settings), String(organisation.id)],
        });
      }
    }
  });
});
