import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // DuckDB builds and browser tests take seconds, not milliseconds, on a 2-core CI machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // A folder where fixture databases are built once per run (test/helpers/global-setup.ts).
    globalSetup: ['test/helpers/global-setup.ts'],
  },
});
