/**
 * Flood test (issue 17, "prove it"): one client floods a hub's code with flagged text ("he hits
 * me …") as fast as 20 connections go, while a family at another address sends its feedback one
 * at a time and a safeguarding lead pages through the open queue. Measured on the real Node server
 * (embedded libSQL file), with the real limits (30 a minute per client per code) and TRUST_PROXY=1
 * so each simulated client has its own address on one machine.
 * Targets: the family's p99 within 2× its p99 with no flood, measured in the same run; every
 * acknowledged flagged submission's flag is in the queue (none pushed out).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer } from './ingest.bench';
import type { BenchRow } from './types';

const FAMILY_REQUESTS = Number(process.env.FLOOD_FAMILY_REQUESTS ?? 150);
const FLOOD_SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CODE = 'dvp-play';
const PASSWORD = 'bench admin password';

export default async function floodBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hubvoice-flood-'));
  const server = await startServer('real', {
    DATABASE_URL: `file:${join(dir, 'flood.db')}`,
    BENCH_RATE_LIMIT: '30',
    TRUST_PROXY: '1',
    ADMIN_EMAIL: 'bench@example.org',
    ADMIN_PASSWORD: PASSWORD,
  });
  try {
    const post = (address: string, key: string, better: string) =>
      fetch(`${server.url}/api/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify({ code: CODE, channel: 'qr', language: 'en', idempotencyKey: key, answers: { fft: 'good', better } }),
      });
    // A family: one submission at a time, each from a new address on the hub's Wi-Fi (as phones are).
    let familySequence = 0;
    const family = async () => {
      const latencies: number[] = [];
      const statuses: Record<number, number> = {};
      for (let i = 0; i < FAMILY_REQUESTS; i++) {
        const n = ++familySequence;
        const started = performance.now();
        const response = await post(`198.51.100.${n % 250}`, `family-${n}-${process.pid}`, 'Lovely singing group, thank you');
        await response.arrayBuffer();
        latencies.push(performance.now() - started);
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      }
      latencies.sort((a, b) => a - b);
      return { p99: latencies[Math.floor(latencies.length * 0.99) - 1]!, statuses };
    };

    await family(); // warm up
    const quiet = await family();

    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@example.org', password: PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    let leadReads = 0;
    let reading = true;
    const lead = (async () => {
      // A lead refreshing the queue every second.
      while (reading) {
        await openFlags(server.url, token);
        leadReads++;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    })();

    // The flood runs in its own process, so its load generator does not share the family's event loop.
    const flood = floodFrom(server.url);
    const [loaded, floodResult] = await Promise.all([family(), flood]);
    const acknowledgedFlagged = floodResult.ids;
    reading = false;
    await lead;
    const open = await openFlags(server.url, token);
    const missing = acknowledgedFlagged.filter((id) => !open.has(id)).length;
    const ratio = loaded.p99 / quiet.p99;
    const refused = floodResult.refused;
    return [
      { bench: 'flood', measure: 'family p99, no flood', value: quiet.p99, unit: 'ms' },
      { bench: 'flood', measure: 'family p99 during the flood', value: loaded.p99, unit: 'ms' },
      { bench: 'flood', measure: 'family p99 ratio (flood ÷ none)', value: ratio, unit: '×', target: '≤ 2', met: ratio <= 2 },
      {
        bench: 'flood',
        measure: 'family submissions stored during the flood',
        value: `${loaded.statuses[201] ?? 0}/${FAMILY_REQUESTS}`,
        unit: 'responses',
        target: 'all',
        met: (loaded.statuses[201] ?? 0) === FAMILY_REQUESTS,
      },
      { bench: 'flood', measure: 'flood requests sent / refused (429)', value: `${floodResult.total} / ${refused}`, unit: 'requests' },
      { bench: 'flood', measure: 'flood rate the server answered', value: Math.round(floodResult.total / FLOOD_SECONDS), unit: 'req/s' },
      { bench: 'flood', measure: 'queue reads by the lead during the flood (one a second)', value: leadReads, unit: 'reads' },
      {
        bench: 'flood',
        measure: 'acknowledged flagged submissions missing from the open queue',
        value: `${missing} of ${acknowledgedFlagged.length}`,
        unit: 'flags',
        target: '0',
        met: missing === 0,
      },
    ];
  } finally {
    await server.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One client flooding the code from a child process (autocannon, 20 connections): what it sent, what was refused, the ids stored. */
function floodFrom(base: string): Promise<{ total: number; refused: number; ids: string[] }> {
  const script = `
    import autocannon from 'autocannon';
    let n = 0;
    const ids = [];
    const result = await autocannon({
      url: ${JSON.stringify(`${base}/api/responses`)},
      connections: 20,
      duration: ${FLOOD_SECONDS},
      requests: [{
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.66' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ code: ${JSON.stringify(CODE)}, channel: 'qr', language: 'en',
          idempotencyKey: 'flood-' + process.pid + '-' + ++n, answers: { fft: 'veryPoor', better: 'he hits me ' + n } }) }),
        onResponse: (status, body) => { if (status === 201) ids.push(JSON.parse(body).id); },
      }],
    });
    console.log(JSON.stringify({ total: result.requests.total, refused: result.non2xx, ids }));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
      cwd: fileURLToPath(new URL('..', import.meta.url)),
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`flood exited with ${code}`))));
  });
}

/** Every open flag's response id, following the queue's pages. */
async function openFlags(base: string, token: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let next: string | null = `${base}/api/safeguarding/flags?status=open&limit=200`;
  while (next) {
    const response: Response = await fetch(next, { headers: { authorization: `Bearer ${token}` } });
    const page = (await response.json()) as { responseId: string }[];
    for (const flag of page) ids.add(flag.responseId);
    const link = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '');
    next = link ? new URL(link[1]!, base).href : null;
  }
  return ids;
}
