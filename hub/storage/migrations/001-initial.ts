// The hub's first schema: who may talk to it (stores, one-time codes, terminals), every event a
// terminal pushed (the key on the terminal-made id is what makes a re-sent batch harmless), and the
// projections of those events the brand reads and, later, pull streams serve.
import type { Migration } from './migration';

export const migration001: Migration = {
  version: 1,
  name: 'initial',
  statements: [
    `CREATE TABLE stores (
      id text PRIMARY KEY,
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    // Only the hash of a code is kept: a copy of the database cannot register a terminal.
    `CREATE TABLE registration_codes (
      code_hash text PRIMARY KEY,
      store_id text NOT NULL REFERENCES stores (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      terminal_id text
    )`,
    `CREATE TABLE terminals (
      id text PRIMARY KEY,
      store_id text NOT NULL REFERENCES stores (id),
      name text NOT NULL,
      credential_hash text NOT NULL UNIQUE,
      registered_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz,
      last_seen_at timestamptz
    )`,
    `CREATE INDEX terminals_store ON terminals (store_id)`,
    // seq orders events as the hub received them; created_at is the terminal's clock, kept as sent.
    `CREATE TABLE events (
      id text PRIMARY KEY,
      seq bigserial NOT NULL UNIQUE,
      store_id text NOT NULL REFERENCES stores (id),
      terminal_id text NOT NULL REFERENCES terminals (id),
      type text NOT NULL,
      schema_version integer NOT NULL,
      aggregate_id text NOT NULL,
      payload jsonb NOT NULL,
      created_at text NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX events_store_seq ON events (store_id, seq)`,
    `CREATE TABLE members (
      id text PRIMARY KEY,
      home_store_id text NOT NULL REFERENCES stores (id),
      phone text NOT NULL,
      name text NOT NULL,
      tier_code text,
      enrolled_at text NOT NULL,
      updated_at text NOT NULL,
      payload jsonb NOT NULL,
      event_id text NOT NULL
    )`,
    // Not unique: a phone claimed by two members while offline is a conflict to flag, not to refuse.
    `CREATE INDEX members_phone ON members (phone)`,
    `CREATE TABLE cards (
      number text PRIMARY KEY,
      member_id text NOT NULL,
      status text NOT NULL,
      issued_at text NOT NULL,
      blocked_at text,
      block_reason text,
      store_id text NOT NULL REFERENCES stores (id),
      event_id text NOT NULL
    )`,
    `CREATE TABLE consents (
      id text PRIMARY KEY,
      member_id text NOT NULL,
      purpose text NOT NULL,
      granted boolean NOT NULL,
      recorded_at text NOT NULL,
      store_id text NOT NULL REFERENCES stores (id),
      payload jsonb NOT NULL,
      event_id text NOT NULL
    )`,
    `CREATE INDEX consents_member ON consents (member_id, recorded_at)`,
    `CREATE TABLE points_entries (
      id text PRIMARY KEY,
      member_id text NOT NULL,
      store_id text NOT NULL REFERENCES stores (id),
      terminal_id text NOT NULL,
      kind text NOT NULL,
      points integer NOT NULL,
      reason text NOT NULL,
      source_id text,
      at text NOT NULL,
      event_id text NOT NULL
    )`,
    `CREATE INDEX points_entries_member ON points_entries (member_id)`,
    `CREATE TABLE sales (
      id text PRIMARY KEY,
      store_id text NOT NULL REFERENCES stores (id),
      terminal_id text NOT NULL,
      receipt_no text NOT NULL,
      member_id text,
      currency text NOT NULL,
      total_minor bigint NOT NULL,
      at text NOT NULL,
      payload jsonb NOT NULL,
      event_id text NOT NULL
    )`,
    `CREATE INDEX sales_store_at ON sales (store_id, at)`,
    `CREATE TABLE refunds (
      id text PRIMARY KEY,
      sale_id text NOT NULL REFERENCES sales (id),
      store_id text NOT NULL REFERENCES stores (id),
      terminal_id text NOT NULL,
      member_id text,
      amount_minor bigint NOT NULL,
      at text NOT NULL,
      payload jsonb NOT NULL,
      event_id text NOT NULL
    )`,
    `CREATE TABLE coupon_uses (
      id text PRIMARY KEY,
      code text NOT NULL,
      definition_id text NOT NULL,
      member_id text,
      sale_id text NOT NULL,
      refund_id text,
      delta integer NOT NULL,
      store_id text NOT NULL REFERENCES stores (id),
      at text NOT NULL,
      event_id text NOT NULL
    )`,
    `CREATE INDEX coupon_uses_code ON coupon_uses (code)`,
    `CREATE TABLE day_closes (
      id text PRIMARY KEY,
      store_id text NOT NULL REFERENCES stores (id),
      terminal_id text NOT NULL,
      kind text NOT NULL,
      number integer,
      closed_at text NOT NULL,
      payload jsonb NOT NULL,
      event_id text NOT NULL
    )`,
    // Events and points entries are history: a correction is a new row, never an edit. The database
    // itself refuses an UPDATE or DELETE, so no code path can rewrite what a terminal sent.
    `CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
      END
    $$`,
    `CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
      FOR EACH ROW EXECUTE FUNCTION refuse_history_change()`,
    `CREATE TRIGGER points_entries_append_only BEFORE UPDATE OR DELETE ON points_entries
      FOR EACH ROW EXECUTE FUNCTION refuse_history_change()`,
  ],
};
