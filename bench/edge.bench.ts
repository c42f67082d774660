/**
 * The Workers bundle's size: what `npm run build:edge` (`wrangler deploy --dry-run`) would upload,
 * raw and gzipped. Cloudflare limits a Worker by its compressed size: 3 MB on the Free plan.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BenchRow } from './types';

const root = fileURLToPath(new URL('..', import.meta.url));
const FREE_PLAN_LIMIT_BYTES = 3 * 1024 * 1024;

export default async function edgeBench(): Promise<BenchRow[]> {
  const build = spawnSync('npm', ['run', '-s', 'build:edge'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build:edge failed: ${build.stderr || build.stdout}`);
  const code = readFileSync(`${root}dist/edge/worker.js`);
  // zlib's default level, as wrangler measures its "gzip" figure.
  const gzip = gzipSync(code).length;
  return [
    { bench: 'edge', measure: 'Workers bundle (dist/edge/worker.js)', value: code.length, unit: 'bytes' },
    { bench: 'edge', measure: 'Workers bundle gzip', value: gzip, unit: 'bytes', target: '≤ 3 MB (Workers Free plan)', met: gzip <= FREE_PLAN_LIMIT_BYTES },
  ];
}
