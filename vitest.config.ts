import { defineConfig } from 'vitest/config';

/** Tests outside test/hub that open the hub's storage on PostgreSQL too: they run with the hub's. */
const hubDatabaseFiles = [
  'test/rewards-hub.test.ts',
  'test/sync-fault-proxy.test.ts',
  'test/sync-hub-down.test.ts',
  'test/sync-kill-before-ack.test.ts',
];

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    // Vitest's default is one worker fewer than the cores: one on a 2-core CI machine, where most of a
    // test's time is spent waiting on a child host, Chromium or a database. Three keeps the cores busy;
    // the end-to-end files and the hub's files still run one at a time (fileParallelism: false below).
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
          exclude: hubDatabaseFiles,
          environment: 'node',
        },
      },
      {
        // The brand's hub: its own tests and the ones beside its source, on PGlite and PostgreSQL.
        test: {
          name: 'hub',
          include: ['hub/**/*.test.ts', 'test/hub/**/*.test.ts', ...hubDatabaseFiles],
          environment: 'node',
          // One file at a time: the PostgreSQL tests share one database, and the pull's horizon (the
          // oldest transaction still open, hub/features/pull.ts) is the database's, not a schema's: another
          // file's open transaction would hold a pull back.
          fileParallelism: false,
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
