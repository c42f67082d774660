import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{survey,server,db,analysis,widget,test,cli}/**/*.test.{ts,tsx}'],
    // Builds dist/ when stale: the ingestion thread starts from dist/ingest-worker.js (server/ingest-thread.ts).
    globalSetup: ['cli/build.mjs'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
