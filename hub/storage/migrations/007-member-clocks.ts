// Members across shops (docs/sync-conflicts.md, decision 0022). Each field group a terminal may
// edit keeps the hybrid logical clock of the edit that set it, so an older edit arriving late (or
// from a terminal whose clock is hours off) is recorded but does not overwrite a newer one. Consents
// are a history: each row keeps its writer's clock and the one with the greatest clock per purpose
// is in force. A merged member stays (its events and ledger are history) and names its survivor.
import type { Migration } from './migration';

export const migration007: Migration = {
  version: 7,
  name: 'member-clocks',
  statements: [
    // '' sorts before every clock: rows written before this migration lose to any stamped edit.
    `ALTER TABLE members ADD COLUMN profile_hlc text NOT NULL DEFAULT ''`,
    `ALTER TABLE members ADD COLUMN tier_hlc text NOT NULL DEFAULT ''`,
    `ALTER TABLE members ADD COLUMN merged_into text REFERENCES members (id)`,
    `ALTER TABLE members ADD COLUMN merged_at timestamptz`,
    `ALTER TABLE consents ADD COLUMN hlc text NOT NULL DEFAULT ''`,
    `CREATE INDEX consents_member_purpose_hlc ON consents (member_id, purpose, hlc)`,
    `CREATE INDEX cards_member ON cards (member_id)`,
    // One row per merge, the admin's action: its id names the compensating ledger entries.
    `CREATE TABLE member_merges (
      id text PRIMARY KEY,
      survivor_id text NOT NULL REFERENCES members (id),
      merged_id text NOT NULL UNIQUE REFERENCES members (id),
      points_moved integer NOT NULL,
      cards jsonb NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    )`,
  ],
};
