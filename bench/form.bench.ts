/**
 * The QR form's first view and render time (issue: "QR feedback forms and posters"):
 * - the first view of /f/{code} (HTML with its inline CSS and any script; nothing else is fetched)
 *   must be at most 14 KB gzipped, so it arrives in TCP's first round trip;
 * - the server must render the form in under 2 ms median.
 * Measured through `app.request` on a real libSQL temp file, as the tests build the app.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openClient } from '../db/client';
import { createApp } from '../server/app';
import { bootstrap } from '../server/bootstrap';
import { parseConfig } from '../server/config';
import { buildDeps } from '../server/deps';
import type { BenchRow } from './types';

const BUDGET_BYTES = 14 * 1024;
const RENDERS = 2_000;

export default async function formBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hubvoice-bench-form-'));
  const url = `file:${join(dir, 'hubvoice.db')}`;
  const config = parseConfig({ DATABASE_URL: url, SEED_RESPONSES: '0', ADMIN_PASSWORD: 'correct horse battery staple' });
  const client = await openClient(url);
  const deps = buildDeps(config, client);
  await bootstrap(deps.store, config);
  const app = createApp(deps);
  const rows: BenchRow[] = [];
  try {
    for (const [label, path] of [['English', '/f/dvp-play'], ['Arabic', '/f/dvp-play?lang=ar'], ['children, kiosk', '/f/dvp-play?for=child&kiosk=1']] as const) {
      const response = await app.request(path, { headers: { 'accept-encoding': 'gzip' } });
      const gzipped = (await response.arrayBuffer()).byteLength;
      const html = await (await app.request(path)).text();
      const external = (html.match(/<link[^>]+rel="?stylesheet|<script[^>]+src=|<img[^>]+src=/g) ?? []).length;
      rows.push({
        bench: 'form', measure: `first view of ${path} (${label}), gzip, ${external} other requests`,
        value: Math.round((gzipped / 1024) * 10) / 10, unit: 'KB', target: '≤ 14 KB, one round trip',
        met: response.headers.get('content-encoding') === 'gzip' && gzipped <= BUDGET_BYTES && external === 0,
      });
    }
    for (let i = 0; i < 200; i++) await app.request('/f/dvp-play');
    const times: number[] = [];
    for (let i = 0; i < RENDERS; i++) {
      const start = performance.now();
      const response = await app.request('/f/dvp-play');
      await response.text();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const p95 = times[Math.floor(times.length * 0.95)]!;
    rows.push({ bench: 'form', measure: `server render of /f/{code}, median of ${RENDERS.toLocaleString('en-GB')}`, value: median, unit: 'ms', target: '< 2 ms', met: median < 2 });
    rows.push({ bench: 'form', measure: 'server render of /f/{code}, p95', value: p95, unit: 'ms' });
  } finally {
    await deps.writer.flush();
    client.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
