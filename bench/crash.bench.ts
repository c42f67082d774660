/**
 * Crash test (issue 17, "prove it"): the real Node server on one embedded libSQL file takes
 * submissions from 20 concurrent clients and is killed with SIGKILL, again and again, then
 * restarted on the same file. Clients behave as the widget and kiosk do: what was not
 * acknowledged is sent again, under the same idempotency key, once the server is back. At the end
 * every acknowledged submission must be in the file exactly once.
 * Reports runs, acknowledged, lost (goal 0) and duplicated (goal 0).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openClient } from '../db/client';
import { startServer } from './ingest.bench';
import type { BenchRow } from './types';

const RUNS = Number(process.env.CRASH_RUNS ?? 6);
const CLIENTS = 20;

export default async function crashBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hubvoice-crash-'));
  const databaseUrl = `file:${join(dir, 'crash.db')}`;
  /** Acknowledged: idempotency key → the id the server gave. */
  const acknowledged = new Map<string, string>();
  /** Sent but not acknowledged (the server died under it): sent again after the restart. */
  let pending: string[] = [];
  let sequence = 0;
  try {
    for (let run = 0; run <= RUNS; run++) {
      const server = await startServer('real', { DATABASE_URL: databaseUrl });
      let alive = true;
      const send = async (key: string) => {
        try {
          const response = await fetch(`${server.url}/api/responses`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ code: 'dvp-play', channel: 'kiosk', language: 'en', idempotencyKey: key, answers: { fft: 'good', better: `visit ${key}` } }),
          });
          const body = (await response.json()) as { id?: string };
          if ((response.status === 201 || response.status === 200) && body.id) {
            const before = acknowledged.get(key);
            if (before && before !== body.id) throw new Error(`key ${key} acknowledged as ${before} and then ${body.id}`);
            acknowledged.set(key, body.id);
            return true;
          }
        } catch (error) {
          if ((error as Error).message.startsWith('key ')) throw error;
        }
        return false;
      };
      const retries = pending;
      pending = [];
      const worker = async (mine: string[]) => {
        for (const key of mine) if (!(await send(key))) pending.push(key);
        while (alive && run < RUNS) {
          const key = `crash-${process.pid}-${++sequence}`;
          if (!(await send(key))) pending.push(key);
        }
      };
      const workers = Array.from({ length: CLIENTS }, (_, i) => worker(retries.filter((_, j) => j % CLIENTS === i)));
      if (run < RUNS) {
        // Killed at a different moment each run, mid-load.
        await new Promise((resolve) => setTimeout(resolve, 700 + ((run * 397) % 900)));
        alive = false;
        await server.stop('SIGKILL');
        await Promise.all(workers);
      } else {
        // The last start: only the retries, then a clean stop.
        alive = false;
        await Promise.all(workers);
        await server.stop('SIGTERM');
      }
    }
    const client = await openClient(databaseUrl);
    const rows = (await client.execute("SELECT id, idempotency_key FROM responses WHERE idempotency_key LIKE 'crash-%'")).rows;
    client.close();
    const stored = new Map<string, string[]>();
    for (const row of rows) stored.set(String(row.idempotency_key), [...(stored.get(String(row.idempotency_key)) ?? []), String(row.id)]);
    const lost = [...acknowledged].filter(([key, id]) => !stored.get(key)?.includes(id)).length;
    const duplicated = [...stored.values()].filter((ids) => ids.length > 1).length;
    return [
      { bench: 'crash', measure: 'SIGKILLs under load (then a restart on the same file)', value: RUNS, unit: 'runs' },
      { bench: 'crash', measure: 'submissions acknowledged', value: acknowledged.size, unit: 'responses' },
      { bench: 'crash', measure: 'sent but unanswered when killed (sent again after the restart)', value: pending.length, unit: 'left unanswered at the end' },
      { bench: 'crash', measure: 'acknowledged but lost', value: lost, unit: 'responses', target: '0', met: lost === 0 && acknowledged.size > 0 },
      { bench: 'crash', measure: 'stored more than once', value: duplicated, unit: 'responses', target: '0', met: duplicated === 0 },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
