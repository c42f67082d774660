import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCouncilApp, updateSettings, type CouncilApp } from './helpers/factories';

let t: CouncilApp;
/** A hub of the fixture council, on its default survey (which asks `better` and `relationship`). */
let hub: string;
beforeAll(async () => {
  t = await makeCouncilApp();
  hub = t.council.sites.ash.code;
});
afterAll(() => t.close());

let keys = 0;
const nextKey = () => `support-test-key-${String(++keys).padStart(4, '0')}`;
const post = async (path: string, fields: [string, string][]) => {
  const response = await t.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams([...fields, ['_key', nextKey()]]).toString(),
  });
  return { status: response.status, html: await response.text(), location: response.headers.get('location'), headers: response.headers };
};
const flagsFor = async (key: string) =>
  (
    await t.store.client.execute({
      sql: 'SELECT f.categories FROM safeguarding_flags f JOIN responses r ON r.id = f.response_id WHERE r.idempotency_key = ?',
      args: [key],
    })
  ).rows;
/** The help box's text, or null when the page has none. */
const helpBox = (html: string) => html.match(/<section class="help"[\s\S]*?<\/section>/)?.[0] ?? null;
/** Numbers are written with no-break spaces between their digit groups. */
const number = (digits: string) => new RegExp(digits.split(' ').join('\u00a0'));

const setSupportLines = (lines: unknown[]) => updateSettings(t, t.council.organisation.id, { supportLines: lines as never });

describe('the QR form after a possible disclosure', () => {
  it('shows an adult 999 and the domestic abuse helpline on the thank-you page, drawn in the answer rather than named in a redirect', async () => {
    const { status, html, location, headers } = await post(`/f/${hub}`, [
      ['fft', 'poor'],
      ['better', 'My partner hits me when the kids are asleep'],
    ]);
    expect(status).toBe(200);
    expect(location).toBeNull();
    expect(headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('We have your feedback.');
    const help = helpBox(html)!;
    expect(help).toContain('Help if you need it');
    expect(help).toContain('href="tel:999"');
    expect(help).toContain('press 55 when asked');
    expect(help).toContain('National Domestic Abuse Helpline');
    expect(help).toMatch(number('0808 2000 247'));
    expect(help).toContain('href="tel:08082000247"');
    expect(help).not.toContain('Childline');
    // A language link would lead to the plain thank-you page and lose the help.
    expect(html).not.toContain('class="langs"');
    // Never the family's words back, never a word about flags.
    expect(html).not.toContain('partner hits');
    expect(html.toLowerCase()).not.toContain('flag');
  });

  it('stores the flag the safeguarding lead sees for the response that got the help', async () => {
    const key = 'support-flag-key-0001';
    const response = await t.app.request(`/f/${hub}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([
        ['fft', 'poor'],
        ['better', 'my partner hits me'],
        ['_key', key],
      ]).toString(),
    });
    expect(helpBox(await response.text())).not.toBeNull();
    expect(await flagsFor(key)).toHaveLength(1);
  });

  it('offers Samaritans and Shout, not the domestic abuse line, after words about self-harm', async () => {
    const help = helpBox(
      (
        await post(`/f/${hub}`, [
          ['fft', 'poor'],
          ['better', 'Some days I want to kill myself'],
        ])
      ).html,
    )!;
    expect(help).toContain('Samaritans');
    expect(help).toMatch(number('116 123'));
    expect(help).toContain('Text SHOUT to 85258');
    expect(help).toContain('href="tel:999"');
    expect(help).not.toContain('Domestic Abuse');
  });

  it('shows the help in the family’s language, right to left in Arabic', async () => {
    const { html } = await post(`/f/${hub}?lang=ar`, [
      ['fft', 'poor'],
      ['better', 'زوجي يضربني'],
    ]);
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(helpBox(html)).toContain('مساعدة إذا احتجت إليها');
    expect(helpBox(html)).toMatch(number('0808 2000 247'));
  });

  it('speaks to a child on the children’s form: simple words, Childline, and the whole page in a child’s words', async () => {
    const { status, html } = await post(`/f/${hub}?for=child`, [
      ['fft', 'veryPoor'],
      ['better', 'my dad hits me'],
    ]);
    expect(status).toBe(200);
    const help = helpBox(html)!;
    expect(help).toContain('You can get help');
    expect(help).toContain('Childline');
    expect(help).toMatch(number('0800 1111'));
    expect(help).toContain('If you are in danger right now, call 999.');
    expect(help).not.toContain('NSPCC');
    expect(html).toContain('We got your answers.');
    expect(html).toContain('tell a grown-up you trust');
    expect(html).not.toContain('We have your feedback.');
    expect(html).not.toContain('dad hits');
  });

  it('thanks an answer that discloses nothing as before: a redirect to a page with no help box', async () => {
    const { status, location } = await post(`/f/${hub}`, [
      ['fft', 'good'],
      ['better', 'More parking please'],
    ]);
    expect(status).toBe(303);
    expect(location).toBe(`/f/${hub}/thanks?lang=en`);
    const html = await (await t.app.request(location!)).text();
    expect(html).toContain('We have your feedback.');
    expect(html).toContain('class="langs"');
    expect(helpBox(html)).toBeNull();
  });

  it('words the children’s thank-you page for a child in every language, without any help box of its own', async () => {
    const english = await (await t.app.request(`/f/${hub}/thanks?for=child`)).text();
    expect(english).toContain('We got your answers.');
    expect(english).toContain('Tell us something else');
    expect(english).not.toContain('We have your feedback.');
    expect(helpBox(english)).toBeNull();
    const polish = await (await t.app.request(`/f/${hub}/thanks?for=child&lang=pl`)).text();
    expect(polish).toContain('Mamy twoje odpowiedzi.');
    const arabic = await (await t.app.request(`/f/${hub}/thanks?for=child&lang=ar`)).text();
    expect(arabic).toContain('وصلتنا إجاباتك.');
  });
});

describe('POST /api/responses after a possible disclosure', () => {
  const submit = (answers: Record<string, unknown>, idempotencyKey: string, extra: Record<string, unknown> = {}) =>
    t.json('/api/responses', { body: { code: hub, answers, idempotencyKey, ...extra } });

  it('adds the help to the 201 only when the words may disclose harm, and again on a resend under the same key', async () => {
    const plain = await submit({ fft: 'good', better: 'Longer opening hours' }, 'api-support-0001');
    expect(plain.status).toBe(201);
    expect(Object.keys(plain.body)).toEqual(['id']);

    const disclosed = await submit({ fft: 'poor', better: 'my husband beats me' }, 'api-support-0002', { language: 'pl' });
    expect(disclosed.status).toBe(201);
    expect(disclosed.body.support.kind).toBe('adult');
    expect(disclosed.body.support.title).toBe('Pomoc, jeśli jej potrzebujesz');
    expect(disclosed.body.support.lines.map((line: { href: string }) => line.href)).toEqual(['tel:999', 'tel:08082000247']);
    expect(JSON.stringify(disclosed.body)).not.toContain('husband');

    // The family whose first answer was lost on the way sends again: stored once, help shown still.
    const again = await submit({ fft: 'poor', better: 'my husband beats me' }, 'api-support-0002', { language: 'pl' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(disclosed.body);
  });

  it('gives the children’s help to a young person who says so in the “about you” questions', async () => {
    const sent = await submit({ fft: 'poor', better: 'my stepdad hits me', relationship: 'young_person' }, 'api-support-0004');
    expect(sent.body.support.kind).toBe('child');
  });

  it('answers the same help when the ingestion thread reads and commits the response', async () => {
    const threaded = await makeCouncilApp({}, {}, { ingestOnThread: true });
    try {
      const sent = await threaded.json('/api/responses', {
        body: { code: threaded.council.sites.ash.code, answers: { fft: 'poor', better: 'my partner hits me' }, idempotencyKey: 'api-support-thread-1' },
      });
      expect(sent.status).toBe(201);
      expect(sent.body.support.lines.map((line: { href: string }) => line.href)).toEqual(['tel:999', 'tel:08082000247']);
    } finally {
      await threaded.close();
    }
  });

  it('gives the children’s help to a child', async () => {
    const sent = await submit({ fft: 'poor', better: 'my mum hurts me' }, 'api-support-0003', { respondentRole: 'child' });
    expect(sent.body.support.kind).toBe('child');
    expect(sent.body.support.lines[0]).toMatchObject({ name: 'Childline', href: 'tel:08001111' });
  });
});

describe('a council’s own numbers', () => {
  afterAll(() => setSupportLines([]));

  it('appear after the national lines, for whom the council says', async () => {
    await setSupportLines([
      { name: 'Plymouth Gateway (children’s services)', number: '01752 668000', note: 'Monday to Friday, 9am to 5pm' },
      { name: 'Young people’s drop-in', number: '01752 000111', for: 'child' },
    ]);
    const adult = helpBox(
      (
        await post(`/f/${hub}`, [
          ['fft', 'poor'],
          ['better', 'my partner hits me'],
        ])
      ).html,
    )!;
    expect(adult).toContain('Plymouth Gateway (children’s services)');
    expect(adult).toContain('href="tel:01752668000"');
    expect(adult).toContain('Monday to Friday, 9am to 5pm');
    expect(adult.indexOf('Plymouth Gateway')).toBeGreaterThan(adult.indexOf('Domestic Abuse'));
    expect(adult).not.toContain('drop-in');
    const child = helpBox(
      (
        await post(`/f/${hub}?for=child`, [
          ['fft', 'poor'],
          ['better', 'my dad hits me'],
        ])
      ).html,
    )!;
    expect(child).toContain('Young people’s drop-in');
    expect(child).toContain('Plymouth Gateway');
  });
});
