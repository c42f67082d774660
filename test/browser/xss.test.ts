/**
 * Issue 17, "prove it": an XSS corpus as families' feedback (and a disclosure), as names staff set
 * (organisation, provider, site, service point, person, survey, panel), as survey wording, as the
 * theme names of an adopted model and as "You said, we did", then every page that shows them opened in real Chromium as an admin and as
 * a safeguarding lead. Nothing may execute and no injected element may exist: each payload marks
 * its element `data-xss` and its script sets `window.__xss`, so escaping is checked on its own,
 * not only the Content-Security-Policy behind it.
 */
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultTaxonomy, seedModelJson } from '../../analysis/text/default-model';
import { createStore } from '../../db/store';
import { makeCouncil, type Council } from '../helpers/factories';
import { useServerAndBrowser } from './helpers';

const PAYLOADS = [
  `<img data-xss src=x onerror="window.__xss='img'">`,
  `"><svg data-xss onload="window.__xss='svg'">`,
  `</script><script data-xss>window.__xss='script'</script>`,
  `'><a data-xss href="javascript:window.__xss='href'">link</a>`,
  `</textarea><iframe data-xss srcdoc="<script>parent.__xss='srcdoc'</script>"></iframe>`,
  `</title><style data-xss>body{display:none}</style>`,
  `{{constructor.constructor('window.__xss="template"')()}}`,
  `<details data-xss open ontoggle="window.__xss='toggle'">`,
];
const corpus = (i: number) => PAYLOADS[i % PAYLOADS.length]!;
/** This quarter, when the corpus is sent: the quarterly report shows its quotes. */
const QUARTER = `${new Date().getUTCFullYear()}-Q${Math.floor(new Date().getUTCMonth() / 3) + 1}`;

const { server, newContext } = useServerAndBrowser({ RATE_LIMIT_PER_MINUTE: '100000' });
let council: Council;
let token: string;
const ids: Record<string, string> = {};

async function api(path: string, method: string, body?: unknown) {
  const response = await fetch(`${server().base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, origin: server().base },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

beforeAll(async () => {
  council = await makeCouncil(createStore(server().db));
  const db = server().db;
  const { ash, bay } = council.sites;
  // Names staff set, each carrying one payload.
  await db.execute({ sql: 'UPDATE organisations SET name = ? WHERE id = ?', args: [`Riverside ${corpus(0)}`, council.organisation.id] });
  await db.execute({ sql: 'UPDATE providers SET name = ? WHERE code = ?', args: [`Northgate ${corpus(1)}`, 'north'] });
  await db.execute({ sql: 'UPDATE sites SET name = ? WHERE code = ?', args: [`Ashby ${corpus(2)}`, ash.code] });
  await db.execute({ sql: 'UPDATE service_points SET name = ? WHERE code = ?', args: [`Rhymes ${corpus(3)}`, ash.points[0]!.code] });
  await db.execute({ sql: 'UPDATE users SET name = ? WHERE email = ?', args: [`Ana ${corpus(4)}`, council.users.analyst.email] });

  const login = await fetch(`${server().base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: council.users.admin.email, password: council.users.admin.password }),
  });
  token = ((await login.json()) as { token: string }).token;

  // Theme names from an adopted model: every theme of the default taxonomy renamed with a payload.
  const themes = defaultTaxonomy.map((theme, i) => ({ ...theme, name: `${theme.name} ${corpus(i)}` }));
  await api('/api/themes/model', 'POST', seedModelJson(themes));

  const survey = await api('/api/surveys', 'POST', {
    name: `Survey ${corpus(5)}`,
    assignTo: [bay.code],
    definition: {
      title: { en: `Title ${corpus(6)}`, pl: `Tytuł ${corpus(7)}` },
      intro: { en: `Intro ${corpus(0)}` },
      pages: [
        {
          id: 'p1',
          title: { en: `Page ${corpus(1)}` },
          questions: [
            { id: 'fft', type: 'fft', required: true },
            {
              id: 'pick',
              type: 'single',
              title: { en: `Pick ${corpus(2)}` },
              options: [
                { value: 'a', label: { en: `A ${corpus(3)}` } },
                { value: 'b', label: { en: 'B' } },
              ],
            },
            { id: 'better', type: 'longtext', title: { en: `Better ${corpus(4)}` }, showIf: { question: 'pick', in: ['a'] } },
          ],
        },
      ],
    },
  });
  ids.survey = String(survey.id);
  const panel = await api('/api/panels', 'POST', { name: `Panel ${corpus(6)}`, kind: 'other', siteCode: ash.code });
  ids.panel = String(panel.id);
  const meeting = await api('/api/meetings', 'POST', {
    kind: 'focus_group',
    title: `Meeting ${corpus(1)}`,
    site: ash.code,
    heldOn: new Date().toISOString().slice(0, 10),
    participants: 5,
    demographics: { [`Group ${corpus(5)}`.slice(0, 100)]: 3 },
    notes: `Notes ${corpus(3)}`,
    quotes: PAYLOADS.map((payload) => `A quote ${payload}`),
  });
  ids.meeting = String(meeting.id);
  const action = await api('/api/actions', 'POST', { youSaid: { en: `You said ${corpus(7)}` }, weDid: { en: `We did ${corpus(0)}` }, places: [ash.code] });
  await api(`/api/actions/${action.id}/publish`, 'POST');
  ids.action = String(action.id);

  // Families' words: every payload as feedback, and one inside a disclosure.
  for (const [i, payload] of PAYLOADS.entries()) {
    const response = await fetch(`${server().base}/api/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        code: ash.points[0]!.code,
        channel: 'qr',
        language: 'en',
        idempotencyKey: `xss-feedback-${i}`,
        answers: { fft: 'poor', good: payload, better: `staff ${payload}` },
      }),
    });
    expect(response.status, await response.clone().text()).toBe(201);
  }
  const disclosure = await fetch(`${server().base}/api/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      code: ash.code,
      channel: 'qr',
      language: 'en',
      idempotencyKey: 'xss-disclosure',
      answers: { fft: 'poor', better: `My partner hits me ${corpus(2)} ${corpus(4)}` },
    }),
  });
  const flagged = await db.execute({
    sql: 'SELECT id FROM safeguarding_flags WHERE response_id = ?',
    args: [((await disclosure.json()) as { id: string }).id],
  });
  ids.flag = String(flagged.rows[0]!.id);
  const user = await db.execute({ sql: 'SELECT id FROM users WHERE email = ?', args: [council.users.analyst.email] });
  ids.user = String(user.rows[0]!.id);
}, 120_000);

/** What got out of hand on a page and its frames: injected elements and anything that ran. */
async function breaches(page: Page): Promise<string[]> {
  const found: string[] = [];
  const check = async (frame: Frame) => {
    const result = await frame.evaluate(() => ({
      ran: (window as unknown as { __xss?: string }).__xss ?? (window.parent as unknown as { __xss?: string }).__xss ?? null,
      injected: document.querySelectorAll('[data-xss]').length,
    }));
    if (result.ran) found.push(`${frame.url()}: script ran (${result.ran})`);
    if (result.injected) found.push(`${frame.url()}: ${result.injected} injected element(s)`);
  };
  for (const frame of page.frames()) await check(frame).catch(() => undefined);
  return found;
}

async function signedIn(email: string, password: string) {
  const page = await (await newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${server().base}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return { page, dialogs };
}

describe('the XSS corpus', () => {
  it('runs nowhere an admin looks', async () => {
    const { ash, bay } = council.sites;
    const { page, dialogs } = await signedIn(council.users.admin.email, council.users.admin.password);
    const pages = [
      '/dashboard',
      `/dashboard?site=${ash.code}`,
      '/dashboard/comments',
      `/dashboard/comments?site=${ash.code}`,
      `/reports/quarterly?quarter=${QUARTER}&scope=site:${ash.code}`,
      `/reports/quarterly?quarter=${QUARTER}&scope=provider:north`,
      '/population',
      '/admin/sites',
      `/admin/sites/${ash.code}`,
      '/admin/surveys',
      `/admin/surveys/${ids.survey}`,
      `/admin/surveys/${ids.survey}?lang=pl`,
      `/admin/surveys/${ids.survey}/edit`,
      `/admin/surveys/${ids.survey}/preview`,
      '/people',
      `/people/${ids.user}`,
      '/settings',
      '/privacy',
      '/audit',
      '/actions',
      '/actions/new',
      `/actions/${ids.action}`,
      '/exports',
      '/panels',
      `/panels/${ids.panel}`,
      '/meetings',
      `/meetings/${ids.meeting}`,
      '/meetings/new',
      '/dashboard?source=meetings',
      '/dashboard/comments?source=meetings',
      '/paper',
      `/paper/${ash.code}`,
      '/outbox',
      `/sites/${ash.code}/posters`,
      `/sites/${ash.code}/you-said-we-did`,
      `/f/${ash.code}`,
      `/f/${ash.points[0]!.code}`,
      `/f/${ash.code}/poster`,
      `/f/${bay.code}`,
      `/f/${bay.code}?lang=pl`,
      `/f/${bay.code}?for=child`,
    ];
    const found: string[] = [];
    let shown = 0;
    for (const path of pages) {
      const response = await page.goto(`${server().base}${path}`);
      expect(response?.status(), path).toBeLessThan(500);
      await page.waitForLoadState('load');
      found.push(...(await breaches(page)));
      // The payloads are there, as text: escaping shows them rather than dropping them.
      if ((await page.content()).includes('data-xss')) shown++;
    }
    expect(found).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(shown).toBeGreaterThan(pages.length / 2);
    // The adopted model's theme names reached the pages, as text.
    await page.goto(`${server().base}/actions/new`);
    const plain = defaultTaxonomy.findIndex((theme) => !/[&<>"']/.test(theme.name) && theme.id !== 'general-praise');
    expect(await page.content()).toContain(
      `${defaultTaxonomy[plain]!.name} ${corpus(plain).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}`,
    );
  });

  it('runs nowhere a safeguarding lead reads the family’s own words', async () => {
    const { page, dialogs } = await signedIn(council.users.safeguardingLead.email, council.users.safeguardingLead.password);
    const found: string[] = [];
    for (const path of ['/safeguarding', `/safeguarding/flags/${ids.flag}`]) {
      await page.goto(`${server().base}${path}`);
      found.push(...(await breaches(page)));
    }
    expect(await page.getByText('My partner hits me').count()).toBeGreaterThan(0);
    expect(await page.content()).toContain('&lt;script data-xss&gt;');
    expect(found).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
