// The brand's catalogue, kept at the hub and sent to every terminal through the `catalogue` pull
// stream (decision 0018): products with their list and member prices, the member tiers, the earning
// rules, coupon definitions and campaigns. Written only through the admin API; each write appends
// its change to `changes` in the same transaction.
import type { Migration } from './migration';

export const migration004: Migration = {
  version: 4,
  name: 'catalogue',
  statements: [
    // The SKU is the brand's key (the admin API upserts by it); the id is what terminals store.
    // member_prices: tier code → price in minor units; a tier left out pays the list price.
    `CREATE TABLE products (
      id text PRIMARY KEY,
      sku text NOT NULL UNIQUE,
      barcode text UNIQUE,
      name_zh text NOT NULL,
      name_en text NOT NULL,
      category text NOT NULL,
      list_price_minor bigint NOT NULL CHECK (list_price_minor >= 0),
      member_prices jsonb NOT NULL DEFAULT '{}',
      points_eligible boolean NOT NULL DEFAULT true,
      active boolean NOT NULL DEFAULT true,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE TABLE tiers (
      code text PRIMARY KEY,
      name_zh text NOT NULL,
      name_en text NOT NULL,
      rank integer NOT NULL UNIQUE,
      qualify_metric text NOT NULL CHECK (qualify_metric IN ('spend', 'points')),
      threshold bigint NOT NULL CHECK (threshold >= 0),
      window_days integer NOT NULL CHECK (window_days > 0),
      points_multiplier_pct integer NOT NULL CHECK (points_multiplier_pct >= 0),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    // One row: the brand's rules are one document (earning, redemption, expiry), set as a whole.
    `CREATE TABLE loyalty_rules (
      id integer PRIMARY KEY CHECK (id = 1),
      rules jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE TABLE coupon_definitions (
      id text PRIMARY KEY,
      name_zh text NOT NULL,
      name_en text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('amount_off', 'percent_off', 'free_item')),
      amount_off_minor bigint,
      percent_off integer,
      cap_minor bigint,
      free_product_sku text REFERENCES products (sku),
      min_spend_minor bigint NOT NULL DEFAULT 0,
      categories jsonb NOT NULL DEFAULT '[]',
      valid_from text NOT NULL,
      valid_to text NOT NULL,
      per_member_limit integer,
      offline_allowed boolean NOT NULL DEFAULT true,
      generic_code text UNIQUE,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE TABLE campaigns (
      id text PRIMARY KEY,
      title_zh text NOT NULL,
      title_en text NOT NULL,
      body_zh text NOT NULL,
      body_en text NOT NULL,
      target_tiers jsonb NOT NULL DEFAULT '[]',
      target_tags jsonb NOT NULL DEFAULT '[]',
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
      slides jsonb NOT NULL DEFAULT '[]',
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
  ],
};
