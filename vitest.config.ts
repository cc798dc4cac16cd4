import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    // Some suites' setup runs the real command line on real files (a whole game): seconds on an idle
    // machine, tens of seconds on a loaded one. A limit, not a measure of speed (that is `npm run bench`).
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
