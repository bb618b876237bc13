import { defineConfig } from 'vitest/config';

// One test run for every workspace package. Real-model tests are slow on 2 cores, so they get
// generous timeouts; nothing here asserts on wall-clock time (benchmarks print tables instead).
export default defineConfig({
  test: {
    // .test.tsx: unit tests of the app's browser-only modules, type-checked with the DOM's types.
    include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx', 'packages/*/test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
