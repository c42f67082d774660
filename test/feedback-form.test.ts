import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorShape } from './helpers/app';
import { makeCouncilApp, type CouncilApp, type MadePoint, type MadeSite } from './helpers/factories';
import { COUNCIL_SURVEY } from './helpers/surveys';

let t: CouncilApp;
/** A hub with service points and its own "You said, we did"; its first point; a hub without its own. */
let hub: MadeSite, point: MadePoint, other: MadeSite;
beforeAll(async () => {
  t = await makeCouncilApp({ PUBLIC_URL: 'https://feedback.example.org' });
  hub = t.council.sites.ash;
  point = hub.points[0]!;
  other = t.council.sites.dun;
});
afterAll(() => t.close());

const escaped = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

const page = async (path: string, headers: Record<string, string> = {}) => {
  const response = await t.app.request(path, { headers });
  return { status: response.status, html: await response.text(), headers: response.headers };
};
const post = async (path: string, fields: [string, string][], env?: unknown, app = t.app) => {
  const response = await app.request(
    path,
    { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() },
    env,
  );
  return { status: response.status, html: await response.text(), location: response.headers.get('location'), headers: response.headers };
};
const keyOf = (html: string) => html.match(/name="_key" value="([^"]+)"/)?.[1];
const rowsWithKey = async (key: string) => (await t.store.client.execute({ sql: 'SELECT * FROM responses WHERE idempotency_key = ?', args: [key] })).rows;

describe('GET /f/{code}', () => {
  it('renders the form for a service point, in any case, with the FFT as six radios and no caching', async () => {
    const { status, html, headers } = await page(`/f/${point.code.toUpperCase()}`);
    expect(status).toBe(200);
    expect(html).toMatch(/^<!doctype html><html lang="en" dir="ltr">/);
    expect(html).toContain(escaped(`${hub.name} · ${point.name}`));
    expect(html.match(/type="radio" id="q-fft[^"]*" name="fft"/g)).toHaveLength(6);
    expect(html).toContain(`action="/f/${point.code}?lang=en"`);
    expect(keyOf(html)).toMatch(/^[0-9a-f]{32}$/);
    expect(headers.get('cache-control')).toBe('no-store');
  });

  it('gives every render its own idempotency key', async () => {
    expect(keyOf((await page(`/f/${hub.code}`)).html)).not.toBe(keyOf((await page(`/f/${hub.code}`)).html));
  });

  it.each<{ query: string; headers: Record<string, string>; lang: string; dir: string; text: string }>([
    { query: '?lang=ar', headers: {}, lang: 'ar', dir: 'rtl', text: 'بشكل عام' },
    { query: '', headers: { 'accept-language': 'ro-RO,ro;q=0.9' }, lang: 'ro', dir: 'ltr', text: 'Trimiteți' },
    { query: '?lang=zh', headers: { 'accept-language': 'pl' }, lang: 'zh', dir: 'ltr', text: COUNCIL_SURVEY.title.zh },
    { query: '?lang=xx', headers: {}, lang: 'en', dir: 'ltr', text: 'Send feedback' },
  ])('speaks $lang for a hub’s form$query with $headers', async ({ query, headers, lang, dir, text }) => {
    const { html } = await page(`/f/${hub.code}${query}`, headers);
    expect(html).toContain(`<html lang="${lang}" dir="${dir}">`);
    expect(html).toContain(text);
  });

  it('offers the children’s version in simpler words with faces', async () => {
    const { html } = await page(`/f/${hub.code}?for=child`);
    expect(html).toContain('How was it today?');
    expect(html).toContain('Really good');
    expect(html.match(/class="face"/g)).toHaveLength(6);
    expect(html).not.toContain('name="ethnicity"');
  });

  it('answers an unknown code with a 404 page in plain words linking to the general form', async () => {
    const { status, html } = await page('/f/nowhere');
    expect(status).toBe(404);
    expect(html).toContain('We cannot find that form');
    expect(html).toContain(`href="/f/${t.council.organisation.generalFormCode}?lang=en"`);
    expect(html).toContain(`Give feedback to ${t.council.organisation.name}`);
  });
});

describe('POST /f/{code}', () => {
  it('gives the form back in the family’s language with everything they typed and the same key when the store fails (503)', async () => {
    const broken = await makeCouncilApp();
    try {
      expect((await broken.app.request(`/f/${hub.code}?lang=pl`)).status).toBe(200);
      broken.store.client.close();
      const fields: [string, string][] = [
        ['fft', 'good'],
        ['good', 'Bardzo miła obsługa'],
        ['_key', 'store-down-key-0001'],
        ['_website', ''],
      ];
      const { status, html, headers } = await post(`/f/${hub.code}?lang=pl`, fields, undefined, broken.app);
      expect(status).toBe(503);
      expect(headers.get('retry-after')).toBe('5');
      expect(html).toContain('Nie udało się teraz zapisać Twojej opinii');
      expect(html).toMatch(/<title>Błąd:/);
      expect(html).toMatch(/<textarea[^>]*name="good"[^>]*>Bardzo miła obsługa<\/textarea>/);
      expect(html).toMatch(/value="good"[^>]*checked|checked[^>]*value="good"/);
      expect(keyOf(html)).toBe('store-down-key-0001');
    } finally {
      await broken.close();
    }
  });

  it('stores a response with site, service point, channel qr, language and answers, then 303s to thanks', async () => {
    const key = 'form-test-key-0001';
    const result = await post(`/f/${hub.points[1]!.code}?lang=pl`, [
      ['fft', 'good'],
      ['good', 'Miła obsługa'],
      ['better', ''],
      ['ethnicity', 'white_other'],
      ['_key', key],
      ['_website', ''],
    ]);
    expect(result.status).toBe(303);
    expect(result.location).toBe(`/f/${hub.points[1]!.code}/thanks?lang=pl`);
    const [row] = await rowsWithKey(key);
    expect(row).toMatchObject({ channel: 'qr', language: 'pl', fft: 2 });
    expect(row?.service_point_id).toEqual(expect.any(String));
    expect(JSON.parse(String(row?.answers))).toEqual({ fft: 'good' });
    const comments = await t.store.client.execute({ sql: 'SELECT question_id, text FROM comments WHERE response_id = ?', args: [String(row?.id)] });
    expect(comments.rows.map((c) => [c.question_id, c.text])).toEqual([['good', 'Miła obsługa']]);
  });

  it('stores one response for a double tap or a resubmitted POST with the same key', async () => {
    const fields: [string, string][] = [
      ['fft', 'veryGood'],
      ['_key', 'form-test-key-0002'],
    ];
    const results = await Promise.all([post(`/f/${hub.code}`, fields), post(`/f/${hub.code}`, fields), post(`/f/${hub.code}`, fields)]);
    expect(results.map((r) => r.status)).toEqual([303, 303, 303]);
    expect(await rowsWithKey('form-test-key-0002')).toHaveLength(1);
  });

  it('answers 422 with an error summary linked to the field, keeping every value and the key', async () => {
    const key = 'form-test-key-0003';
    const { status, html } = await post(`/f/${hub.code}`, [
      ['good', 'Kind <staff> & "tea"'],
      ['postcode', 'PL4 8A'],
      ['relationship', 'dad'],
      ['_key', key],
    ]);
    expect(status).toBe(422);
    expect(html).toContain(`<title>Error: ${COUNCIL_SURVEY.title.en}`);
    expect(html).toContain('There is a problem');
    expect(html).toContain('href="#q-fft"');
    expect(html).toContain('href="#q-postcode"');
    expect(html).toContain('id="fft-error"');
    expect(html).toContain('aria-describedby="fft-error"');
    expect(html).toContain('Kind &lt;staff> &amp; &quot;tea&quot;</textarea>');
    expect(html).toContain('value="PL4 8A"');
    expect(html).toMatch(/value="dad" checked/);
    expect(html).toMatch(/<details class="page" id="page-about-you" open/);
    expect(keyOf(html)).toBe(key);
    expect(await rowsWithKey(key)).toHaveLength(0);
  });

  it('names the children’s question in its own words when it is missed', async () => {
    const { status, html } = await post(`/f/${hub.code}?for=child`, [['_key', 'form-test-key-0004']]);
    expect(status).toBe(422);
    expect(html).toContain('Select an answer for “How was it today?”');
  });

  it('stores the children’s version with the child role, and a kiosk’s as channel kiosk', async () => {
    await post(`/f/${hub.code}?for=child`, [
      ['fft', 'poor'],
      ['_key', 'form-test-key-0005'],
    ]);
    await post(`/f/${hub.code}?kiosk=1`, [
      ['fft', 'good'],
      ['_key', 'form-test-key-0006'],
    ]);
    expect((await rowsWithKey('form-test-key-0005'))[0]).toMatchObject({ respondent_role: 'child', fft: 4, channel: 'qr' });
    expect((await rowsWithKey('form-test-key-0006'))[0]).toMatchObject({ channel: 'kiosk' });
  });

  it('thanks a bot that filled the honeypot and stores nothing', async () => {
    const result = await post(`/f/${hub.code}`, [
      ['fft', 'veryPoor'],
      ['_website', 'http://spam.example'],
      ['_key', 'form-test-key-0007'],
    ]);
    expect(result.status).toBe(303);
    expect(result.location).toBe(`/f/${hub.code}/thanks?lang=en`);
    expect(await rowsWithKey('form-test-key-0007')).toHaveLength(0);
  });
});

describe('the thank-you page', () => {
  it('says what happens next and shows the site’s published You said, we did', async () => {
    const { atAsh, everywhere } = t.council.actions;
    const { status, html } = await page(`/f/${point.code}/thanks?lang=pl`);
    expect(status).toBe(200);
    expect(html).toContain('Dziękujemy');
    expect(html).toContain('Wy powiedzieliście, my zrobiliśmy');
    expect(html).toContain(escaped(atAsh.weDid.pl!));
    expect(html).toContain(escaped(everywhere.weDid.pl!));
  });

  it('shows only the organisation-wide items at another site', async () => {
    const { atAsh, everywhere } = t.council.actions;
    const { html } = await page(`/f/${other.code}/thanks`);
    expect(html).toContain(escaped(everywhere.weDid.en));
    expect(html).not.toContain(escaped(atAsh.weDid.en));
  });
});

describe('QR codes and posters', () => {
  it('serves an SVG QR code', async () => {
    const response = await t.app.request(`/f/${point.code}/qr.svg`);
    expect(response.headers.get('content-type')).toContain('image/svg+xml');
    expect(await response.text()).toMatch(/^<svg[^>]*viewBox/);
  });

  it('serves a PNG QR code that a real decoder reads back as exactly PUBLIC_URL/f/{code}', async () => {
    const response = await t.app.request(`/f/${point.code.toUpperCase()}/qr.png`);
    expect(response.headers.get('content-type')).toBe('image/png');
    const png = PNG.sync.read(Buffer.from(await response.arrayBuffer()));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(`https://feedback.example.org/f/${point.code}`);
  });

  it('prints a poster with the place, the question, the QR code, the short address and You said, we did', async () => {
    const { status, html } = await page(`/f/${point.code}/poster?lang=pt`);
    expect(status).toBe(200);
    expect(html).toContain(escaped(`${hub.name} · ${point.name}`));
    expect(html).toContain('Diga-nos como correu');
    expect(html).toContain('De um modo geral, como foi a sua experiência');
    expect(html).toContain('<svg');
    expect(html).toContain(`feedback.example.org/f/${point.code}`);
    expect(html).toContain('Disseram, fizemos');
    expect(html).toContain('@page{size:A4');
  });

  it('prints every poster of a site: the hub and each service point', async () => {
    const { status, html } = await page(`/sites/${hub.code}/posters`);
    expect(status).toBe(200);
    expect(html.match(/<article class="poster"/g)).toHaveLength(1 + hub.points.length);
    expect((await page('/sites/nowhere/posters')).status).toBe(404);
  });
});

describe('rate limits', () => {
  let limited: CouncilApp;
  beforeAll(async () => {
    limited = await makeCouncilApp({ RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => limited.close());
  const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
  const submit = (address: string, n: number, lang = 'en') =>
    limited.app.request(
      `/f/${limited.council.sites.bay.code}?lang=${lang}`,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `fft=good&_key=rate-limit-${address}-${n}` },
      from(address),
    );

  it('turns away a client flooding one code with a polite page in its language, while others still get through', async () => {
    const statuses = [];
    for (let n = 0; n < 4; n++) statuses.push((await submit('10.0.0.1', n, 'pl')).status);
    expect(statuses).toEqual([303, 303, 303, 429]);
    const refused = await submit('10.0.0.1', 9, 'pl');
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await refused.text()).toContain('Prosimy chwilę poczekać');
    expect((await submit('10.0.0.2', 0)).status).toBe(303);
  });

  it('limits POST /api/responses the same way, with the shared JSON error shape', async () => {
    const send = (n: number) =>
      limited.app.request(
        '/api/responses',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: limited.council.sites.elm.code, channel: 'widget', idempotencyKey: `api-limit-${n}`, answers: { fft: 'good' } }),
        },
        from('10.0.0.3'),
      );
    const statuses = [];
    for (let n = 0; n < 4; n++) statuses.push((await send(n)).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const body = await (await send(5)).json();
    expectErrorShape(body);
    expect(body.error.code).toBe('rate_limited');
  });
});
