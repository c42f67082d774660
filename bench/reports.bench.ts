/**
 * The satisfaction report grouped by site for a year on 1,000,000 responses, through the real
 * route (`app.request`, auth and all), against the equivalent hand-written SQL GROUP BY on the same
 * database in the same run. Medians of interleaved runs; heap and max-RSS growth show nothing loads
 * all rows, and a row gives how many responses fall in the measured year.
 * Targets (issue 5): ≤ 1.2 × hand-written SQL, and under 300 ms.
 * Also timed: the themes report for the last 90 days, which counts every comment of that period
 * and the one before it (no target set).
 *
 * The seeded file is kept in bench/.cache so later runs skip the minutes of seeding; its name
 * carries the seed's version, so a file seeded before synthetic responses had comments is not reused.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openClient } from '../db/client';
import { progressBar } from '../db/progress';
import { seedResponses } from '../db/seed';
import { createApp } from '../server/app';
import { bootstrap } from '../server/bootstrap';
import { parseConfig, type Config } from '../server/config';
import { buildDeps } from '../server/deps';
import type { BenchRow } from './types';

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 1_000_000);
const RUNS = 9;
const NOW = new Date('2026-11-01T00:00:00Z');

export default async function reportsBench(): Promise<BenchRow[]> {
  const cache = fileURLToPath(new URL('./.cache', import.meta.url));
  mkdirSync(cache, { recursive: true });
  const path = `${cache}/reports-v2-${RESPONSES}.db`;
  const url = `file:${path}`;
  const config = parseConfig({ DATABASE_URL: url, ADMIN_EMAIL: 'bench@example.org', ADMIN_PASSWORD: 'bench password 123', SEED_RESPONSES: '0' });
  let { client, deps, have } = await open(url, config);
  if (have > 0 && have < RESPONSES) {
    // An interrupted seed: start again rather than top up, so every run measures the same data.
    client.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    ({ client, deps, have } = await open(url, config));
  }
  if (have === 0) {
    const started = performance.now();
    await seedResponses(deps.store, RESPONSES, { now: NOW, onProgress: progressBar('bench: seeding') });
    process.stderr.write(`bench: seeded in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  const app = createApp(deps);
  const login = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.org', password: 'bench password 123' }),
  });
  const { token } = (await login.json()) as { token: string };
  const from = '2025-11-01';
  const to = '2026-10-31';

  const viaApi = async () => {
    const response = await app.request(`/api/reports/satisfaction?groupBy=site&from=${from}&to=${to}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { rows: unknown[] };
    if (body.rows.length !== 12) throw new Error(`expected 12 sites, got ${JSON.stringify(body).slice(0, 200)}`);
  };
  // The same two GROUP BYs the report runs, written by hand: FFT counts and rating totals over the
  // year, and rating/NPS distributions over the responses that have them (through the partial
  // index, named as the report names it: see countResponses in db/reports.ts).
  const range = [Date.parse(from), Date.parse(to) + 86_400_000];
  const inYear = Number(
    (await client.execute({ sql: 'SELECT count(*) AS n FROM responses WHERE submitted_at >= ? AND submitted_at < ?', args: range })).rows[0]?.n,
  );
  const viaSql = async () => {
    const [main] = await Promise.all([
      client.execute({
        sql: `SELECT site_id, count(*) AS n, sum(fft = 1), sum(fft = 2), sum(fft = 3), sum(fft = 4), sum(fft = 5), sum(fft = 6),
                sum(rating), count(rating)
              FROM responses WHERE submitted_at >= ? AND submitted_at < ? GROUP BY site_id`,
        args: range,
      }),
      client.execute({
        sql: `SELECT site_id, ${[1, 2, 3, 4, 5].map((r) => `sum(rating = ${r})`).join(', ')}, ${Array.from({ length: 11 }, (_, s) => `sum(nps = ${s})`).join(', ')}
              FROM responses INDEXED BY responses_scored
              WHERE submitted_at >= ? AND submitted_at < ? AND (rating IS NOT NULL OR nps IS NOT NULL) GROUP BY site_id`,
        args: range,
      }),
    ]);
    if (main.rows.length !== 12) throw new Error('expected 12 sites');
  };
  await viaApi();
  await viaSql();
  const api: number[] = [];
  const raw: number[] = [];
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  // maxRSS (KB) also sees what the heap does not: libSQL's page cache and result buffers.
  const rssBefore = process.resourceUsage().maxRSS;
  for (let i = 0; i < RUNS; i++) {
    api.push(await time(viaApi));
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    raw.push(await time(viaSql));
  }
  const rssGrowth = process.resourceUsage().maxRSS - rssBefore;
  const themes: number[] = [];
  let themed = 0;
  for (let i = 0; i < 3; i++) {
    themes.push(
      await time(async () => {
        const response = await app.request('/api/reports/themes', { headers: { authorization: `Bearer ${token}` } });
        themed = ((await response.json()) as { comments: number }).comments;
      }),
    );
  }
  // The whole dashboard page for the year, as a commissioner opens it (issue 15: ≤ 500 ms, and no
  // slower than one raw GROUP BY scan of the year's responses, measured above in this run).
  const dashboard: number[] = [];
  for (let i = 0; i < 3; i++) {
    dashboard.push(
      await time(async () => {
        const response = await app.request(`/dashboard?from=${from}&to=${to}`, { headers: { authorization: `Bearer ${token}` } });
        if (response.status !== 200) throw new Error(`dashboard: ${response.status}`);
        await response.text();
      }),
    );
  }
  // Filtering by survey (issue 15: through an index, not a scan of every response).
  const surveyId = String((await client.execute('SELECT id FROM surveys LIMIT 1')).rows[0]?.id);
  const bySurvey: number[] = [];
  for (let i = 0; i < 3; i++) {
    bySurvey.push(
      await time(async () => {
        const response = await app.request(`/api/reports/satisfaction?groupBy=site&from=${from}&to=${to}&survey=${surveyId}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        if (response.status !== 200) throw new Error(`survey filter: ${response.status}`);
        await response.json();
      }),
    );
  }
  client.close();
  const apiMs = median(api);
  const dashboardMs = median(dashboard);
  const sqlMs = median(raw);
  return [
    { bench: 'reports', measure: `hand-written SQL GROUP BY, ${RESPONSES.toLocaleString('en-GB')} responses`, value: sqlMs, unit: 'ms' },
    { bench: 'reports', measure: `responses in the year ${from} to ${to}`, value: inYear, unit: 'responses' },
    { bench: 'reports', measure: 'GET /api/reports/satisfaction?groupBy=site (a year)', value: apiMs, unit: 'ms', target: '< 300 ms', met: apiMs < 300 },
    { bench: 'reports', measure: 'ratio to hand-written SQL', value: apiMs / sqlMs, unit: '×', target: '≤ 1.2', met: apiMs / sqlMs <= 1.2 },
    {
      bench: 'reports',
      measure: 'heap growth during the runs',
      value: Math.round((heapPeak - heapBefore) / 1024),
      unit: 'KB',
      target: 'flat',
      met: heapPeak - heapBefore < 20 * 1024 * 1024,
    },
    { bench: 'reports', measure: 'max RSS growth during the runs', value: rssGrowth, unit: 'KB', target: 'flat', met: rssGrowth < 20 * 1024 },
    { bench: 'reports', measure: 'GET /dashboard (a year, every section)', value: dashboardMs, unit: 'ms', target: '≤ 500 ms', met: dashboardMs <= 500 },
    {
      bench: 'reports',
      measure: 'dashboard against one raw GROUP BY scan of the year',
      value: dashboardMs / sqlMs,
      unit: '×',
      target: '≤ 1',
      met: dashboardMs <= sqlMs,
    },
    { bench: 'reports', measure: 'GET /api/reports/satisfaction filtered by survey (a year)', value: median(bySurvey), unit: 'ms' },
    {
      bench: 'reports',
      measure: `GET /api/reports/themes (last 90 days: ${themed.toLocaleString('en-GB')} comments, and the 90 before)`,
      value: median(themes),
      unit: 'ms',
    },
  ];
}

/** Opens the bench store, preparing it as `npm start` would, and counts the responses already seeded. */
async function open(url: string, config: Config) {
  const client = await openClient(url);
  const deps = buildDeps(config, client, { now: () => NOW });
  await bootstrap(deps.store, config);
  const have = Number((await client.execute('SELECT count(*) AS n FROM responses')).rows[0]?.n);
  return { client, deps, have };
}

async function time(run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
