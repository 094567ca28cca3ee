import { defineConfig } from 'vitest/config';

// The probes of issue 13 §8 (crash loop, latency under a large export, login burst) run real server
// processes for a minute or two: CI runs them (JIXIAO_PROBES=1 in .ci/run), `npm run probes` alone.
const probes = process.env.JIXIAO_PROBES === '1' ? ['test/probes/**/*.probe.ts'] : [];

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'web/src/**/*.test.tsx', 'web/src/**/*.test.ts', 'test/**/*.test.ts', ...probes],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Suites that share one PostgreSQL database or one browser run one file at a time.
    fileParallelism: true,
    pool: 'forks',
  },
});
