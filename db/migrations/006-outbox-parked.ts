import type { Migration } from './index';

// Push to the hub (issue 9). The outbox holds exactly what the hub has not acknowledged: the sync
// client deletes an event when the hub answers `applied` or `duplicate` (the hub keeps its id, so a
// resend after a lost answer is harmless). An event the hub refuses moves to outbox_parked with the
// hub's reason, in the same transaction as the rest of that answer: it is never resent by itself
// (one bad event must not block the queue, nor be hammered at the hub) and managers see it listed.
// seq is the event's place in the outbox, kept so a manager's later resend keeps the order known.
export const m006OutboxParked: Migration = {
  version: 6,
  name: 'outbox-parked',
  up(db) {
    db.exec(`
      CREATE TABLE outbox_parked (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        type TEXT NOT NULL,
        aggregate_id TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL,
        reason TEXT NOT NULL,
        detail TEXT,
        parked_at TEXT NOT NULL
      );
    `);
  },
};
