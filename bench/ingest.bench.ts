/**
 * Acknowledged submissions per second through `POST /api/responses` on the real Node server
 * (embedded libSQL file, WAL, synchronous=FULL, group commit) against a bare Hono route that only
 * parses the JSON, both driven by autocannon with 50 connections in the same run. Afterwards the real
 * server is killed with SIGKILL (no flush, as in a power cut short of the disk) and every
 * acknowledged id is looked up in the file: acknowledged means durable.
 * Target (issue 2): ≥ 0.5 × bare Hono.
 *
 * Both servers and the load generator share this machine's cores, so the bench also gives the CPU
 * each acknowledged response costs (read from /proc: the server's main thread, its other threads
 * (ingestion, garbage collection), and the load generator) and the ceiling those costs set: the
 * rate at which they would fill every core, however well the work were scheduled.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { openClient } from '../db/client';
import type { BenchRow } from './types';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 50;

export default async function ingestBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hubvoice-bench-'));
  try {
    const bare = await startServer('bare', {});
    const bareRate = await load(bare.url, bare.pid);
    await bare.stop('SIGTERM');

    const databaseUrl = `file:${join(dir, 'bench.db')}`;
    const real = await startServer('real', { DATABASE_URL: databaseUrl });
    const realRate = await load(real.url, real.pid);
    await real.stop('SIGKILL');

    const client = await openClient(databaseUrl);
    const storedIds = new Set((await client.execute('SELECT id FROM responses')).rows.map((row) => String(row.id)));
    client.close();
    const durable = realRate.ids.filter((id) => storedIds.has(id)).length;
    const ratio = realRate.perSecond / bareRate.perSecond;
    const { synchronous, journalMode } = real.store;
    const durableConfig = synchronous === 2 && journalMode.toLowerCase() === 'wal';
    return [
      { bench: 'ingest', measure: 'bare Hono JSON route', value: Math.round(bareRate.perSecond), unit: 'req/s' },
      { bench: 'ingest', measure: 'POST /api/responses acknowledged', value: Math.round(realRate.perSecond), unit: 'req/s' },
      { bench: 'ingest', measure: 'ratio to bare Hono', value: ratio, unit: '×', target: '≥ 0.5', met: ratio >= 0.5 },
      {
        bench: 'ingest',
        measure: `acknowledged and found in the file after SIGKILL (synchronous=${synchronous}, ${journalMode})`,
        value: `${durable}/${realRate.ids.length}`,
        unit: 'responses',
        target: 'all, with synchronous FULL (2) and WAL',
        met: durableConfig && durable === realRate.ids.length && durable > 0,
      },
      { bench: 'ingest', measure: 'p99 latency of POST /api/responses', value: realRate.p99, unit: 'ms' },
      ...cpuRows(bareRate, realRate),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts bench/ingest-server.ts in a child process (its own core) and waits for its port. */
export async function startServer(mode: 'bare' | 'real', env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./ingest-server.ts', import.meta.url)), mode], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = await new Promise<ServerReady>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const line = chunk.split('\n').find((l) => l.startsWith('{"port":'));
      if (line) resolve(JSON.parse(line) as ServerReady);
    });
    child.once('exit', (code) => reject(new Error(`bench server (${mode}) exited with ${code}`)));
  });
  return {
    pid: child.pid!,
    url: `http://127.0.0.1:${ready.port}`,
    store: { synchronous: ready.synchronous ?? -1, journalMode: ready.journalMode ?? 'unknown' },
    stop: (signal: 'SIGTERM' | 'SIGKILL') =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/** The line bench/ingest-server.ts prints once listening; only the real server reports its store. */
interface ServerReady {
  port: number;
  synchronous?: number;
  journalMode?: string;
}

async function load(base: string, serverPid: number) {
  const serverBefore = threadTicks(serverPid);
  const loadBefore = process.cpuUsage();
  let sequence = 0;
  const ids: string[] = [];
  const result = await autocannon({
    url: `${base}/api/responses`,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({
            code: 'dvp-play',
            channel: 'qr',
            language: 'en',
            idempotencyKey: `bench-${process.pid}-${++sequence}`,
            answers: { fft: sequence % 5 ? 'veryGood' : 'poor', better: 'More sessions at weekends please' },
          }),
        }),
        onResponse: (status, body) => {
          if (status === 201) ids.push((JSON.parse(body) as { id: string }).id);
        },
      },
    ],
  });
  const acknowledged = result['2xx'];
  const loadCpu = process.cpuUsage(loadBefore);
  const serverAfter = threadTicks(serverPid);
  const perRequest = (ticks: number) => (ticks * 1e6) / TICKS_PER_SECOND / Math.max(1, acknowledged);
  const server =
    serverBefore && serverAfter
      ? {
          main: perRequest(serverAfter.main - serverBefore.main),
          others: perRequest(serverAfter.others - serverBefore.others),
        }
      : null;
  return { perSecond: acknowledged / SECONDS, ids, p99: result.latency.p99, server, loadMicros: (loadCpu.user + loadCpu.system) / Math.max(1, acknowledged) };
}

/** Linux's clock ticks per second for /proc CPU times (USER_HZ, 100 on every mainstream build). */
const TICKS_PER_SECOND = 100;

/** CPU ticks so far of a process's main thread and of all its other threads; null without /proc. */
function threadTicks(pid: number): { main: number; others: number } | null {
  const tasks = `/proc/${pid}/task`;
  if (!existsSync(tasks)) return null;
  let main = 0;
  let others = 0;
  for (const tid of readdirSync(tasks)) {
    let stat: string;
    try {
      stat = readFileSync(`${tasks}/${tid}/stat`, 'utf8');
    } catch {
      continue; // a thread that ended between listing and reading
    }
    // Fields after the command name (which may hold spaces) start at ") "; utime and stime are 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    if (Number(tid) === pid) main += ticks;
    else others += ticks;
  }
  return { main, others };
}

type LoadResult = Awaited<ReturnType<typeof load>>;

/** CPU per acknowledged response, and the rate at which the real server's costs would fill every core. */
function cpuRows(bare: LoadResult, real: LoadResult): BenchRow[] {
  if (!bare.server || !real.server) return [];
  const row = (measure: string, value: number): BenchRow => ({ bench: 'ingest', measure, value: Math.round(value), unit: 'µs CPU/response' });
  const serverMicros = real.server.main + real.server.others;
  const ceiling = (availableParallelism() * 1e6) / (serverMicros + real.loadMicros);
  return [
    row('bare Hono server, all threads', bare.server.main + bare.server.others),
    row('bare Hono load generator', bare.loadMicros),
    row('POST /api/responses server main thread (HTTP, validation)', real.server.main),
    row('POST /api/responses server other threads (ingestion: reading, SQL, fsync; GC)', real.server.others),
    row('POST /api/responses load generator', real.loadMicros),
    {
      bench: 'ingest',
      measure: `ceiling: rate at which those costs fill all ${availableParallelism()} cores (ratio to bare ${(ceiling / bare.perSecond).toFixed(2)})`,
      value: Math.round(ceiling),
      unit: 'req/s',
    },
  ];
}
