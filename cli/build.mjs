/**
 * `npm run build`: the Node server as plain JavaScript in dist/, made with esbuild:
 * dist/node.js (what `npm start` runs) and dist/ingest-worker.js (the ingestion thread it starts).
 * Our own code is bundled (JSON catalogues and generated bundles included); packages stay
 * imports from node_modules, which is there at run time.
 *
 * Beside them, dist/meta.json is esbuild's list of every source file the build read. The build is
 * stale when any of those, tsconfig.json or this script is newer than that list, or is gone.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
const meta = `${dist}/meta.json`;

/** dist/<name>.js ← its source. */
const ENTRIES = { node: 'server/node.ts', 'ingest-worker': 'server/ingest-worker.ts' };

/** Whether dist/ is missing, or older than any source it was built from. */
export function isStale() {
  if (!existsSync(meta) || Object.keys(ENTRIES).some((name) => !existsSync(`${dist}/${name}.js`))) return true;
  const built = statSync(meta).mtimeMs;
  const { inputs } = JSON.parse(readFileSync(meta, 'utf8'));
  const sources = [...Object.keys(inputs), 'tsconfig.json', 'cli/build.mjs'];
  return sources.some((source) => !existsSync(`${root}${source}`) || statSync(`${root}${source}`).mtimeMs > built);
}

export async function build() {
  // Imported here, so that a start with an up-to-date dist/ never loads esbuild.
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: Object.entries(ENTRIES).map(([out, entry]) => ({ in: entry, out })),
    outdir: dist,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  writeFileSync(meta, JSON.stringify(result.metafile));
}

/** Builds unless dist/ is up to date; says so when it builds. */
export async function buildIfStale() {
  if (!isStale()) return false;
  const started = performance.now();
  await build();
  console.error(`built dist/ in ${Math.round(performance.now() - started)} ms`);
  return true;
}

/** vitest's globalSetup (vitest.config.ts): in tests, too, the ingestion thread starts from dist/. */
export async function setup() {
  await buildIfStale();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--if-stale')) await buildIfStale();
  else await build();
}
