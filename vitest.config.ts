import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    // Vitest's default is one worker fewer than the cores: one on a 2-core CI machine, where most of a
    // test's time is spent waiting on a child host, Chromium or a database. Three keeps the cores busy;
    // the end-to-end files still run one at a time (their project sets fileParallelism: false).
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'contract/**/*.test.ts',
            'domain/**/*.test.ts',
            'features/**/*.test.ts',
            'host-support/**/*.test.ts',
            'browser-host/**/*.test.ts',
            'db/**/*.test.ts',
            'hardware/**/*.test.ts',
            'renderer/**/*.test.ts',
            'electron/**/*.test.ts',
            'test/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        // The brand's hub: its own tests and the ones beside its source, on PGlite and PostgreSQL.
        test: {
          name: 'hub',
          include: ['hub/**/*.test.ts', 'test/hub/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
