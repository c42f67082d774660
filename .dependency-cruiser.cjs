/**
 * Import rules that hold the layers (STYLE.md, "Doors that stay shut"), run by `npm run lint`:
 * `depcruise --ignore-known` fails on any violation not listed in
 * .dependency-cruiser-known-violations.json. Mend a known one, then rewrite that list with
 * `npm run -s lint:imports:baseline` so it can only shrink.
 *
 * Tests are left out of the layer rules (they may reach across layers to set things up).
 * Type-only imports count: a type from db/schema.ts in a route is still a route knowing a table.
 */
const TESTS = '\\.test\\.tsx?$';
const LAYERS = 'survey|analysis|db|server|widget|cli';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'survey-imports-only-zod',
      comment: 'survey/ is the neutral survey core: everyone imports it, it imports only zod (and its own files and catalogues).',
      severity: 'error',
      from: { path: '^survey/', pathNot: TESTS },
      to: { pathNot: ['^survey/', '^node_modules/zod/'] },
    },
    {
      name: 'analysis-imports-only-survey',
      comment: 'analysis/ is pure: rows in, results out. It imports survey/, natural (stemming) and its own files; no I/O, no store, no server.',
      severity: 'error',
      from: { path: '^analysis/', pathNot: TESTS },
      to: { pathNot: ['^analysis/', '^survey/', '^node_modules/natural/'] },
    },
    {
      name: 'db-never-imports-server-or-widget',
      comment: 'db/ knows no HTTP and no browser code.',
      severity: 'error',
      from: { path: '^db/', pathNot: TESTS },
      to: { path: '^(server|widget)/' },
    },
    {
      name: 'widget-never-imports-server-or-db',
      comment: 'widget/ ships to browsers: nothing from server/ or db/.',
      severity: 'error',
      from: { path: '^widget/', pathNot: TESTS },
      to: { path: '^(server|db)/' },
    },
    {
      name: 'routes-never-touch-tables',
      comment: 'Routes validate, call a service and map the result to HTTP: no table objects (db/schema.ts) and no query builder (drizzle-orm).',
      severity: 'error',
      from: { path: '^server/routes/', pathNot: TESTS },
      to: { path: ['^db/schema\\.ts$', '^node_modules/drizzle-orm/'] },
    },
    {
      name: 'no-cycles-across-layers',
      comment: 'A cycle through two layers ties them together: neither can change, load or be tested alone.',
      severity: 'error',
      from: { path: `^(${LAYERS})/`, pathNot: TESTS },
      to: { circular: true, via: { pathNot: '^$1/' } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '\\.gen\\.ts$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
