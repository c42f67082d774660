import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{survey,server,db,analysis,widget,test,cli}/**/*.test.{ts,tsx}'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
