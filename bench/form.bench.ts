/**
 * The QR form's first view and render time (issue: "QR feedback forms and posters"):
 * - the first view of /f/{code} (HTML with its inline CSS and any script; nothing else is fetched)
 *   must be at most 14 KB gzipped, so it arrives in TCP's first round trip;
 * - the server must render the form, gzipped as phones ask for it, in under 2 ms median.
 * Measured through `app.request` on the tests' app (a real libSQL temp file).
 */
import { makeTestApp } from '../test/helpers/app';
import type { BenchRow } from './types';

const BUDGET_BYTES = 14 * 1024;
const RENDERS = 2_000;

export default async function formBench(): Promise<BenchRow[]> {
  const { app, close } = await makeTestApp({ SEED: 'demo' }); // the demo council's default survey, as families meet it
  const gzip = { headers: { 'accept-encoding': 'gzip' } };
  const rows: BenchRow[] = [];
  try {
    for (const [label, path] of [
      ['English', '/f/dvp-play'],
      ['Arabic', '/f/dvp-play?lang=ar'],
      ['children, kiosk', '/f/dvp-play?for=child&kiosk=1'],
    ] as const) {
      const response = await app.request(path, gzip);
      const gzipped = (await response.arrayBuffer()).byteLength;
      const html = await (await app.request(path)).text();
      const external = (html.match(/<link[^>]+rel="?stylesheet|<script[^>]+src=|<img[^>]+src=/g) ?? []).length;
      rows.push({
        bench: 'form',
        measure: `first view of ${path} (${label}), gzip, ${external} other requests`,
        value: Math.round((gzipped / 1024) * 10) / 10,
        unit: 'KB',
        target: '≤ 14 KB, one round trip',
        met: response.headers.get('content-encoding') === 'gzip' && gzipped <= BUDGET_BYTES && external === 0,
      });
    }
    for (let i = 0; i < 200; i++) await (await app.request('/f/dvp-play', gzip)).arrayBuffer();
    const times: number[] = [];
    for (let i = 0; i < RENDERS; i++) {
      const start = performance.now();
      const response = await app.request('/f/dvp-play', gzip);
      await response.arrayBuffer();
      times.push(performance.now() - start);
      if (response.status !== 200) throw new Error(`/f/dvp-play answered ${response.status} on render ${i + 1}`);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const p95 = times[Math.floor(times.length * 0.95)]!;
    rows.push({
      bench: 'form',
      measure: `server render of /f/{code} (gzip), median of ${RENDERS.toLocaleString('en-GB')}`,
      value: median,
      unit: 'ms',
      target: '< 2 ms',
      met: median < 2,
    });
    rows.push({ bench: 'form', measure: 'server render of /f/{code} (gzip), p95', value: p95, unit: 'ms' });
  } finally {
    await close();
  }
  return rows;
}
