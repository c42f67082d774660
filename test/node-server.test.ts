import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_SITES } from '../db/demo';
import { startNodeServer } from '../server/node';
import { parseConfig } from '../server/config';
import { SECURITY_HEADERS } from '../server/security-headers';

const dir = mkdtempSync(join(tmpdir(), 'hubvoice-node-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A first `npm start` seeds the demo council: these tests use a form code it seeds.
const code = DEMO_SITES[0]!.code;
const config = parseConfig({ DATABASE_URL: `file:${join(dir, 'hubvoice.db')}`, PORT: '0', HOST: '127.0.0.1', SEED_RESPONSES: '50' });

async function start() {
  const running = await startNodeServer(config);
  const address = running.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { ...running, base: `http://127.0.0.1:${port}` };
}

describe('the Node server', () => {
  it('serves /health over real HTTP on the embedded file, and keeps data across a restart', async () => {
    const first = await start();
    expect(first.report.seeded).toBe(true);
    expect(first.report.admin?.generatedPassword).toMatch(/^[\w-]{16}$/);
    expect(await (await fetch(`${first.base}/health`)).json()).toEqual({ status: 'ok', db: 'ok' });
    const posted = await fetch(`${first.base}/api/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, channel: 'qr', language: 'en', idempotencyKey: 'restart-test-1', answers: { fft: 'veryGood' } }),
    });
    expect(posted.status).toBe(201);
    const { id } = (await posted.json()) as { id: string };
    await first.close();

    const second = await start();
    expect(second.report).toMatchObject({ migrated: [], seeded: false });
    expect(second.report.admin).toBeUndefined();
    const again = await fetch(`${second.base}/api/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, channel: 'qr', language: 'en', idempotencyKey: 'restart-test-1', answers: { fft: 'veryGood' } }),
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id });
    await second.close();
  });

  it('stamps the security headers on every response', async () => {
    const running = await start();
    try {
      const answers = await Promise.all([
        fetch(`${running.base}/f/${code}`),
        fetch(`${running.base}/health`),
        fetch(`${running.base}/no/such/page`),
        ...['good', 'splendid'].map((fft, i) =>
          fetch(`${running.base}/api/responses`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ code, idempotencyKey: `node-headers-${i}`, answers: { fft } }),
          }),
        ),
      ]);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 404, 201, 422]);
      for (const answer of answers) {
        for (const [name, value] of SECURITY_HEADERS) expect(answer.headers.get(name), `${answer.url} ${name}`).toBe(value);
      }
    } finally {
      await running.close();
    }
  });
});

describe('a request Node cannot parse', () => {
  it('gets the one error shape, not a bare 400', async () => {
    const running = await start();
    try {
      const { connect } = await import('node:net');
      const port = Number(new URL(running.base).port);
      const reply = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write('POST /api/responses HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n'));
        let text = '';
        socket.on('data', (chunk) => (text += chunk.toString()));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
      expect(reply).toMatch(/^HTTP\/1\.1 400/);
      const body = JSON.parse(reply.slice(reply.indexOf('\r\n\r\n') + 4));
      expect(body).toEqual({ error: { code: 'bad_request', message: expect.stringContaining('Content-Length') } });
    } finally {
      await running.close();
    }
  });
});
