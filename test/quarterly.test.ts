/**
 * The quarterly report (issue 15) through real HTTP on a real libSQL file: FFT against last quarter
 * and the same quarter last year with significance, suppression, representative quotes that never
 * show words under safeguarding review, actions published in the quarter, the page, and the PDF
 * (read back with pdftotext).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comments } from '../server/quarterly-figures';
import { renderQuarterlyPdf } from '../server/quarterly-pdf';
import { addResponses, expectErrorShape } from './helpers/app';
import { makeCouncilApp, type CouncilApp } from './helpers/factories';

let t: CouncilApp;
let admin: string;
const DISCLOSURE = 'My partner hits me when the crying starts and the staff never noticed';
const COMMENTS = [
  'The singing group is lovely and the staff are so warm and welcoming',
  'Staff were warm and welcoming and remembered our names',
  'Lovely staff, very welcoming, my son loves the singing',
  'Please run the stay and play on Saturdays, weekday mornings are hard with work',
  'Sessions are always full, we could not get a place at stay and play',
  'The room was cold and the toys were broken',
  'Parking is impossible near the hub, we had to walk a long way with the pram',
];

beforeAll(async () => {
  // Now is 2026-12-05 (the fourth quarter); the PDF writer is the Node server's.
  t = await makeCouncilApp({}, { quarterlyPdf: renderQuarterlyPdf, now: () => new Date('2026-12-05T10:00:00Z') });
  admin = await t.login();
  const { ash } = t.council.sites;
  // 1 = very good, 4 = poor (FFT codes). This quarter 30 of 40 positive; last quarter 20 of 40; a year ago 8 of 10.
  await addResponses(t, ash.code, 30, 1, '2026-10-15T10:00:00Z');
  await addResponses(t, ash.code, 10, 4, '2026-11-02T10:00:00Z');
  await addResponses(t, ash.code, 20, 1, '2026-08-10T10:00:00Z');
  await addResponses(t, ash.code, 20, 4, '2026-08-11T10:00:00Z');
  await addResponses(t, ash.code, 8, 1, '2025-11-10T10:00:00Z');
  await addResponses(t, ash.code, 2, 4, '2025-11-11T10:00:00Z');
  // Comments this quarter (submitted now), one of them a disclosure under an open flag.
  for (const [i, text] of [...COMMENTS, DISCLOSURE].entries()) {
    const response = await t.json('/api/responses', {
      body: {
        code: ash.code,
        channel: i % 2 ? 'widget' : 'qr',
        language: 'en',
        idempotencyKey: `quarterly-${i}-comment`,
        answers: { fft: 'poor', better: text },
      },
    });
    expect(response.status).toBe(201);
  }
  // A "You said, we did" published now.
  const action = await t.json('/api/actions', {
    token: admin,
    body: { youSaid: { en: 'Stay and play fills up too fast' }, weDid: { en: 'A second session on Thursdays' }, places: [ash.code] },
  });
  await t.json(`/api/actions/${action.body.id}/publish`, { token: admin, method: 'POST' });
}, 60_000);
afterAll(() => t.close());

const report = async (query: string) => t.json(`/api/reports/quarterly?${query}`, { token: admin });

describe('the quarterly report', () => {
  it('gives FFT % positive with its interval against last quarter and the same quarter last year, with significance', async () => {
    const { status, body } = await report(`quarter=2026-Q4&site=${t.council.sites.ash.code}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ quarter: '2026-Q4', range: { from: '2026-10-01', to: '2026-12-31' }, periods: { previous: '2026-Q3', lastYear: '2025-Q4' } });
    // 30 very good of 40, plus 8 comments answered "poor": 30 of 48.
    expect(body.fft.current).toMatchObject({ n: 48, suppressed: false });
    expect(body.fft.current.positive).toBeCloseTo(30 / 48, 5);
    expect(body.fft.current.ci95[0]).toBeLessThan(30 / 48);
    expect(body.fft.vsPrevious.base).toMatchObject({ n: 40, positive: 0.5 });
    expect(body.fft.vsPrevious.significant).toBe(false);
    expect(body.fft.vsLastYear.base).toMatchObject({ n: 10, positive: 0.8 });
    expect(body.responses).toBe(48);
    // 4 by the widget is under 5, so hidden; the QR count would give it away, so it is hidden too.
    expect(body.byChannel.map((row: { key: string; n: number | null; suppressed: boolean }) => [row.key, row.n, row.suppressed])).toEqual(
      expect.arrayContaining([
        ['qr', null, true],
        ['widget', null, true],
      ]),
    );
    expect(body.actions).toEqual(
      expect.arrayContaining([expect.objectContaining({ youSaid: 'Stay and play fills up too fast', weDid: 'A second session on Thursdays' })]),
    );
    expect(body.meetings).toEqual({ total: 0, participants: 0, byKind: [] });
  });

  it('quotes typical, varied words and never those under safeguarding review', async () => {
    const { body } = await report(`quarter=2026-Q4&site=${t.council.sites.ash.code}`);
    const quotes: string[] = body.themes.top.flatMap((theme: { quotes: string[] }) => theme.quotes);
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.join(' ')).not.toContain('hits me');
    for (const theme of body.themes.top as { quotes: string[] }[]) expect(new Set(theme.quotes).size).toBe(theme.quotes.length);
  });

  it('suppresses small groups in who we are hearing from, and refuses a quarter or place that is not one', async () => {
    const { body } = await report(`quarter=2025-Q4&site=${t.council.sites.ash.code}`);
    expect(body.responses).toBe(10);
    for (const group of body.hearingFrom as { groups: { n: number | null; suppressed: boolean }[] }[]) {
      for (const cell of group.groups) if (!cell.suppressed) expect(cell.n).toBeGreaterThanOrEqual(5);
    }
    const bad = await report('quarter=2026-Q5');
    expect(bad.status).toBe(422);
    expectErrorShape(bad.body);
    const elsewhere = await report('quarter=2026-Q4&site=nowhere');
    expect(elsewhere.status).toBe(422);
    expectErrorShape(elsewhere.body);
  });

  it('is a page with every section, and a PDF whose text says the same', async () => {
    const headers = { authorization: `Bearer ${admin}` };
    const page = await t.app.request(`/reports/quarterly?quarter=2026-Q4&scope=site:${t.council.sites.ash.code}`, { headers });
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const heading of [
      'Friends and Family Test',
      'Responses by channel and language',
      'Equity gaps',
      'What families wrote about',
      'You said, we did',
      'Meetings held with families',
      'Who we are and are not hearing from',
    ]) {
      expect(html).toContain(heading);
    }
    expect(html).toContain('href="/reports/quarterly.pdf?');
    expect(html).toContain('@page{size:A4');

    const pdf = await t.app.request(`/reports/quarterly.pdf?quarter=2026-Q4&scope=site:${t.council.sites.ash.code}`, { headers });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'hubvoice-quarterly-'));
    writeFileSync(join(dir, 'report.pdf'), Buffer.from(await pdf.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Quarterly report: 2026-Q4');
    expect(text).toContain(`${Math.round((30 / 48) * 100)}% positive of 48 responses`);
    expect(text).toContain('A second session on Thursdays');
    expect(text).not.toContain('hits me');
  });

  it('counts comments in words that agree with the number', () => {
    expect([comments(0), comments(1), comments(2), comments(1204)]).toEqual(['0 comments', '1 comment', '2 comments', '1,204 comments']);
  });

  it('where no PDF writer runs (Workers), says to print the page, in the error shape', async () => {
    const edge = await makeCouncilApp();
    try {
      const token = await edge.login();
      const pdf = await edge.app.request('/reports/quarterly.pdf?quarter=2026-Q4', { headers: { authorization: `Bearer ${token}` } });
      expect(pdf.status).toBe(501);
      expectErrorShape(await pdf.json());
      const page = await (await edge.app.request('/reports/quarterly?quarter=2026-Q4', { headers: { authorization: `Bearer ${token}` } })).text();
      expect(page).not.toContain('/reports/quarterly.pdf');
      expect(page).toContain('Print this page to save it as a PDF');
    } finally {
      await edge.close();
    }
  });
});
