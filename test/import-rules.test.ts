/**
 * The import rules in .dependency-cruiser.cjs bite: dependency-cruiser, run with that config over a
 * small tree that breaks each rule (and keeps it), reports exactly the breaks; and with a baseline
 * of known breaks (`--ignore-known`, as `npm run lint` runs it) it still fails on a new one.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const tree = mkdtempSync(join(tmpdir(), 'hubvoice-import-rules-'));
afterAll(() => rmSync(tree, { recursive: true, force: true }));

/** Each file of the tree and what it imports. */
const FILES: Record<string, string[]> = {
  // Stand-ins for the packages the rules name.
  'node_modules/zod/index.js': [],
  'node_modules/natural/index.js': [],
  'node_modules/drizzle-orm/index.js': [],
  'survey/schema.ts': ['zod', './catalogue.json'],
  'survey/catalogue.json': [],
  'survey/reads-files.ts': ['node:fs', '../db/queries'],
  'survey/schema.test.ts': ['node:fs', '../db/queries'],
  'analysis/stats.ts': ['../survey/schema', 'natural'],
  'analysis/reads-files.ts': ['node:fs', 'zod', '../db/queries'],
  'db/schema.ts': ['drizzle-orm'],
  'db/queries.ts': ['./schema', '../survey/schema', '../analysis/stats'],
  'db/knows-http.ts': ['../server/app', '../widget/embed'],
  'widget/embed.ts': ['../survey/schema'],
  'widget/knows-the-store.ts': ['../server/app', '../db/queries'],
  'server/app.ts': ['../db/queries', './routes/answers'],
  'server/routes/answers.ts': ['../../db/queries'],
  'server/routes/touches-tables.ts': ['../../db/schema', 'drizzle-orm'],
  // A cycle inside one layer is allowed; one through two layers is not.
  'server/left.ts': ['./right'],
  'server/right.ts': ['./left'],
  'cli/command.ts': ['../server/wired'],
  'server/wired.ts': ['../cli/command'],
};

function writeTree(): void {
  for (const [file, imports] of Object.entries(FILES)) {
    const path = join(tree, file);
    mkdirSync(dirname(path), { recursive: true });
    if (file.endsWith('.json')) writeFileSync(path, '{}');
    else
      writeFileSync(
        path,
        `${imports.map((from, i) => `import * as m${i} from '${from}';`).join('\n')}\nexport const uses = [${imports.map((_, i) => `m${i}`).join(', ')}];\n`,
      );
    if (file.startsWith('node_modules/')) writeFileSync(join(dirname(path), 'package.json'), JSON.stringify({ name: file.split('/')[1], main: 'index.js' }));
  }
  writeFileSync(join(tree, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', resolveJsonModule: true } }));
}

/** Runs a dependency-cruiser command over the tree with the project's config, as `npm run lint` does. */
const cruise = (command: 'depcruise' | 'depcruise-baseline', ...options: string[]) =>
  spawnSync(
    join(root, 'node_modules/.bin', command),
    ['survey', 'analysis', 'db', 'server', 'widget', 'cli', '--config', join(root, '.dependency-cruiser.cjs'), ...options],
    {
      cwd: tree,
      encoding: 'utf8',
    },
  );

describe('the import rules (.dependency-cruiser.cjs)', () => {
  it('report every import that crosses a closed door, and nothing else', () => {
    writeTree();
    const run = cruise('depcruise', '--output-type', 'json');
    const { summary } = JSON.parse(run.stdout) as {
      summary: { violations: { rule: { name: string }; from: string; to: string; cycle?: { name: string }[] }[] };
    };
    // A cycle is reported once, from whichever of its modules dependency-cruiser meets first.
    const found = summary.violations.map((v) => `${v.rule.name}: ${v.cycle ? [v.from, v.to].sort().join(' ⇄ ') : `${v.from} → ${v.to}`}`).sort();
    expect(found).toEqual(
      [
        'survey-imports-only-zod: survey/reads-files.ts → fs',
        'survey-imports-only-zod: survey/reads-files.ts → db/queries.ts',
        'analysis-imports-only-survey: analysis/reads-files.ts → fs',
        'analysis-imports-only-survey: analysis/reads-files.ts → node_modules/zod/index.js',
        'analysis-imports-only-survey: analysis/reads-files.ts → db/queries.ts',
        'db-never-imports-server-or-widget: db/knows-http.ts → server/app.ts',
        'db-never-imports-server-or-widget: db/knows-http.ts → widget/embed.ts',
        'widget-never-imports-server-or-db: widget/knows-the-store.ts → server/app.ts',
        'widget-never-imports-server-or-db: widget/knows-the-store.ts → db/queries.ts',
        'routes-never-touch-tables: server/routes/touches-tables.ts → db/schema.ts',
        'routes-never-touch-tables: server/routes/touches-tables.ts → node_modules/drizzle-orm/index.js',
        'no-cycles-across-layers: cli/command.ts ⇄ server/wired.ts',
      ].sort(),
    );
  }, 60_000);

  it('fail on a new break, while the breaks listed in the baseline pass', () => {
    writeTree();
    expect(cruise('depcruise-baseline').status).toBe(0);
    writeFileSync(join(tree, 'widget/new-break.ts'), "import { uses } from '../db/queries';\nexport const again = uses;\n");
    const run = cruise('depcruise', '--ignore-known', '--output-type', 'err');
    expect(run.status).not.toBe(0);
    expect(run.stdout).toContain('widget-never-imports-server-or-db: widget/new-break.ts → db/queries.ts');
    expect(run.stdout).not.toContain('knows-the-store');
  }, 90_000);
});
