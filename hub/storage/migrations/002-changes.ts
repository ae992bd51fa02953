// The change log pull streams read: one row per projection another terminal needs (a member, a
// card, a ledger entry), written in the push's own transaction. A table of its own rather than
// `events`: one event makes several changes (a sale: an earn and a redeem entry), a change carries
// what a terminal applies (not what the pusher sent), and later streams (catalogue, coupons) are
// written by the admin API, which has no event at all.
import type { Migration } from './migration';

export const migration002: Migration = {
  version: 2,
  name: 'changes',
  statements: [
    // txid is the writing transaction's id: a reader returns only rows of transactions older than
    // its snapshot's xmin (all of them finished), ordered by (txid, seq), so a row committed late
    // can never fall behind a cursor already handed out. seq alone would skip it.
    `CREATE TABLE changes (
      seq bigserial PRIMARY KEY,
      txid bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
      stream text NOT NULL,
      kind text NOT NULL,
      data jsonb NOT NULL,
      store_id text NOT NULL REFERENCES stores (id),
      terminal_id text NOT NULL REFERENCES terminals (id),
      event_id text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX changes_stream_order ON changes (stream, txid, seq)`,
    `CREATE TRIGGER changes_append_only BEFORE UPDATE OR DELETE ON changes
      FOR EACH ROW EXECUTE FUNCTION refuse_history_change()`,
  ],
};
