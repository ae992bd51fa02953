import type { Migration } from './index';

// A request id reused with a different basket or refund is refused, not replayed: keep what each
// request asked for (a hash) beside its id. Rows written before this stay NULL and replay as before.
export const m004RequestHash: Migration = {
  version: 4,
  name: 'request-hash',
  up(db) {
    db.exec(`
      ALTER TABLE sales ADD COLUMN request_hash TEXT;
      ALTER TABLE refunds ADD COLUMN request_hash TEXT;
    `);
  },
};
