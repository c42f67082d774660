/**
 * A server for bench/ingest.bench.ts, in its own process so the load generator does not share its
 * event loop: `bare` (a Hono route that only parses JSON) or `real` (hubvoice on DATABASE_URL).
 * Prints `{"port":N}` once listening (the real server adds the store's `synchronous` and
 * `journal_mode`, so the bench can check it measured a durable configuration). The bench stops the
 * real server with SIGKILL, so nothing is flushed on the way out.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { openClient } from '../db/client';
import { parseConfig } from '../server/config';
import { startNodeServer } from '../server/node';

const mode = process.argv[2];
if (mode === 'bare') {
  const app = new Hono().post('/api/responses', async (c) => {
    const body = await c.req.json<{ idempotencyKey: string }>();
    return c.json({ id: body.idempotencyKey }, 201);
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(JSON.stringify({ port: info.port })));
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
} else {
  // Limits off for throughput; the flood bench sets BENCH_RATE_LIMIT to measure them.
  const config = parseConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_RESPONSES: '0',
    RATE_LIMIT_PER_MINUTE: process.env.BENCH_RATE_LIMIT ?? '1000000',
  });
  const { server, close } = await startNodeServer(config);
  const address = server.address();
  // startNodeServer keeps its client to itself, so ask a connection opened exactly as it opens one.
  const probe = await openClient(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
  const synchronous = Number((await probe.execute('PRAGMA synchronous')).rows[0]?.[0]);
  const journalMode = String((await probe.execute('PRAGMA journal_mode')).rows[0]?.[0]);
  probe.close();
  console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0, synchronous, journalMode }));
  process.once('SIGTERM', () => void close().then(() => process.exit(0)));
}
