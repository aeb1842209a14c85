import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

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
