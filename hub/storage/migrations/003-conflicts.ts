// Two things later features stand on. Conflicts: what the hub could not decide alone (a single-use
// coupon redeemed at two shops while both were offline, a phone or card claimed by two members), kept
// for the brand's people to see and resolve. And changes written by the admin API (a price, a tier, a
// coupon, a merge), which come from no terminal and no event.
import type { Migration } from './migration';

export const migration003: Migration = {
  version: 3,
  name: 'conflicts',
  statements: [
    `ALTER TABLE changes ALTER COLUMN store_id DROP NOT NULL`,
    `ALTER TABLE changes ALTER COLUMN terminal_id DROP NOT NULL`,
    `ALTER TABLE changes ALTER COLUMN event_id DROP NOT NULL`,
    // id is made from what caused it (event id, kind, subject), so an event applied once records it once.
    `CREATE TABLE conflicts (
      id text PRIMARY KEY,
      kind text NOT NULL,
      subject text NOT NULL,
      store_id text REFERENCES stores (id),
      terminal_id text,
      event_id text,
      detail jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      resolved_at timestamptz,
      resolution text
    )`,
    `CREATE INDEX conflicts_open ON conflicts (created_at) WHERE resolved_at IS NULL`,
    `CREATE INDEX conflicts_subject ON conflicts (kind, subject)`,
  ],
};
