import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { spawnSync } from 'node:child_process';

// The server suite runs once per store: SQLite always, PostgreSQL when there is one to
// run against (VERDICT_TEST_PG_URL, or initdb/pg_ctl to start a throwaway cluster).
// VERDICT_TEST_PG=0 leaves PostgreSQL out.
// (test/support/postgres.ts finds the binaries; here only whether there are any.)
const initdbFound =
  spawnSync('sh', ['-c', 'command -v initdb || ls /usr/lib/postgresql/*/bin/initdb'], { stdio: 'ignore' }).status === 0;
const withPostgres = process.env.VERDICT_TEST_PG !== '0' && (Boolean(process.env.VERDICT_TEST_PG_URL) || initdbFound);

// Two projects: pure logic and main-process services under plain Node, and
// React components under jsdom. End-to-end specs live under test/e2e and run
// in Playwright, not here.
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          exclude: ['test/unit/renderer/**'],
          testTimeout: 30_000,
        },
      },
      ...(withPostgres
        ? [
            {
              extends: true,
              test: {
                name: 'node-postgres',
                environment: 'node',
                include: ['test/integration/server/**/*.test.ts'],
                globalSetup: ['test/support/postgresGlobalSetup.ts'],
                env: { VERDICT_TEST_STORE: 'postgres' },
                testTimeout: 30_000,
              },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/unit/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/support/rendererSetup.ts'],
        },
      },
    ],
  },
});
