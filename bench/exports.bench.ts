/**
 * Exporting 1,000,000 responses (issue 15): the responses export as CSV and as XLSX, through the
 * export service as the staff page and the API start it (scope, suppression, audit, a job writing
 * to a temporary file), on the reports bench's seeded database (bench/.cache/reports-v2-1000000.db;
 * `npm run bench -- reports` seeds it). Time, rows per second, file size, the process's peak RSS
 * (runs after the first start high: V8 and SQLite keep what they grew to), and the peak live heap
 * above the start, sampled after a full collection every 250 ms (which costs the timed runs a few
 * per cent). A quarter's export (about a fifth of the rows) is measured beside the whole: a live
 * heap as flat as the rows grow shows memory does not grow with them (keyset pages of 2,000,
 * written as they come).
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { openClient } from '../db/client';
import type { Principal } from '../db/scope';
import { bootstrap } from '../server/bootstrap';
import { parseConfig } from '../server/config';
import { buildDeps } from '../server/deps';
import type { ExportRequest } from '../server/services/exports';
import type { BenchRow } from './types';

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 1_000_000);
// A full collection on demand, to sample live memory rather than garbage awaiting collection.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const ADMIN: Principal = {
  userId: 'bench-exports',
  email: 'bench@example.org',
  name: 'bench',
  assignments: [{ role: 'admin', scopeType: 'platform', scopeId: null }],
};

export default async function exportsBench(): Promise<BenchRow[]> {
  const path = fileURLToPath(new URL(`./.cache/reports-v2-${RESPONSES}.db`, import.meta.url));
  if (!existsSync(path)) return [{ bench: 'exports', measure: 'skipped', value: `no ${path}: run \`npm run bench -- reports\` first to seed it`, unit: '' }];
  const url = `file:${path}`;
  const config = parseConfig({ DATABASE_URL: url, ADMIN_EMAIL: 'bench@example.org', ADMIN_PASSWORD: 'bench password 123', SEED_RESPONSES: '0' });
  const client = await openClient(url);
  const deps = buildDeps(config, client);
  await bootstrap(deps.store, config);
  const { exports } = deps.services;

  const rows: BenchRow[] = [];
  const run = async (label: string, request: ExportRequest) => {
    gc();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    let samples = 0;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      // Every 10th sample (250 ms) after a full collection: what the export keeps alive, not garbage not yet collected.
      if (++samples % 10 === 0) {
        gc();
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      }
    }, 25);
    const started = performance.now();
    const job = await exports.start(ADMIN, request);
    const done = await exports.finished(ADMIN, job.id);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    if (done.status !== 'done') throw new Error(`export ${label} ${done.status}`);
    const bytes = statSync(done.path).size;
    rmSync(done.path);
    rows.push(
      { bench: 'exports', measure: `${label}: rows`, value: done.written, unit: 'rows' },
      { bench: 'exports', measure: `${label}: time`, value: Math.round(seconds * 10) / 10, unit: 's' },
      { bench: 'exports', measure: `${label}: rate`, value: Math.round(done.written / seconds), unit: 'rows/s' },
      { bench: 'exports', measure: `${label}: file`, value: Math.round(bytes / 1e5) / 10, unit: 'MB' },
      {
        bench: 'exports',
        measure: `${label}: peak RSS of the process (at start)`,
        value: `${Math.round(peakRss / 1e6)} (${Math.round(before.rss / 1e6)})`,
        unit: 'MB',
      },
      {
        bench: 'exports',
        measure: `${label}: peak live heap above start (after GC, every 250 ms)`,
        value: Math.round((peakHeap - before.heapUsed) / 1e5) / 10,
        unit: 'MB',
      },
    );
    process.stderr.write(`bench: exports ${label}: ${done.written} rows in ${seconds.toFixed(1)} s\n`);
  };

  await run('responses CSV, all', { kind: 'responses', format: 'csv' });
  // A quarter of the rows, for comparison: the same export, smaller (and the same full walk of the table).
  await run('responses CSV, one quarter', { kind: 'responses', format: 'csv', from: '2026-07-01', to: '2026-09-30' });
  if (process.env.BENCH_EXPORTS_XLSX !== '0') await run('responses XLSX, all', { kind: 'responses', format: 'xlsx' });
  client.close();
  return rows;
}
