// Coupons across the chain (docs/sync-conflicts.md, decision 0019). Issued coupons are kept with the
// definition the issuing terminal sent, so the hub knows a personal coupon is single-use. A use that
// broke a coupon's rule because two shops redeemed it while offline is kept (the sale was real) but
// marked `conflict`: it never counts, and neither does its return. A claim is the hub's confirmation
// of an online-only coupon for one sale, made before that sale commits at the terminal; it holds the
// use until the sale arrives, or lapses at held_until if it never does.
import type { Migration } from './migration';

export const migration005: Migration = {
  version: 5,
  name: 'coupons',
  statements: [
    `ALTER TABLE coupon_uses ADD COLUMN conflict boolean NOT NULL DEFAULT false`,
    `CREATE INDEX coupon_uses_sale ON coupon_uses (sale_id, code)`,
    `CREATE INDEX coupon_uses_member ON coupon_uses (member_id)`,
    `CREATE TABLE coupons (
      code text PRIMARY KEY,
      definition_id text NOT NULL,
      member_id text NOT NULL,
      issued_at text NOT NULL,
      definition jsonb,
      store_id text NOT NULL REFERENCES stores (id),
      event_id text NOT NULL
    )`,
    `CREATE TABLE coupon_claims (
      sale_id text NOT NULL,
      code text NOT NULL,
      definition_id text NOT NULL,
      member_id text,
      store_id text NOT NULL REFERENCES stores (id),
      terminal_id text NOT NULL,
      status text NOT NULL CHECK (status IN ('confirmed', 'refused')),
      reason text,
      rule_limit integer,
      created_at timestamptz NOT NULL DEFAULT now(),
      held_until timestamptz NOT NULL,
      PRIMARY KEY (sale_id, code)
    )`,
    `CREATE INDEX coupon_claims_code ON coupon_claims (code) WHERE status = 'confirmed'`,
  ],
};
