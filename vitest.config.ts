import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'web/src/**/*.test.tsx', 'web/src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Suites that share one PostgreSQL database or one browser run one file at a time.
    fileParallelism: true,
    pool: 'forks',
  },
});
