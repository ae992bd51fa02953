import type { Migration } from './index';

export const m001Initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at TEXT NOT NULL
      );

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE stores (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        currency TEXT NOT NULL,
        created_at TEXT NOT NULL
      );

      CREATE TABLE staff (
        id TEXT PRIMARY KEY,
        store_id TEXT NOT NULL REFERENCES stores(id),
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('cashier', 'manager')),
        pin_hash TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
      );

      CREATE TABLE audit_log (
        id TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        staff_id TEXT REFERENCES staff(id),
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX audit_log_at ON audit_log(at);

      CREATE TABLE tiers (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL,
        rank INTEGER NOT NULL UNIQUE
      );

      CREATE TABLE products (
        id TEXT PRIMARY KEY,
        sku TEXT NOT NULL UNIQUE,
        barcode TEXT UNIQUE,
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL,
        category TEXT NOT NULL,
        price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
        currency TEXT NOT NULL
      );

      CREATE TABLE members (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        phone_e164 TEXT NOT NULL UNIQUE,
        phone_last4 TEXT NOT NULL,
        phone_national TEXT NOT NULL,
        birthday TEXT,
        gender TEXT NOT NULL,
        community TEXT,
        interests TEXT NOT NULL DEFAULT '[]',
        referral_code TEXT NOT NULL UNIQUE,
        referred_by TEXT REFERENCES members(id),
        store_id TEXT REFERENCES stores(id),
        enrolled_by TEXT REFERENCES staff(id),
        enrolled_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX members_phone_last4 ON members(phone_last4, enrolled_at);

      -- Everything that identifies a member at a scanner: physical cards now, phone QR later.
      CREATE TABLE member_cards (
        number TEXT PRIMARY KEY,
        member_id TEXT NOT NULL REFERENCES members(id),
        kind TEXT NOT NULL DEFAULT 'card',
        status TEXT NOT NULL CHECK (status IN ('active', 'blocked')),
        issued_at TEXT NOT NULL,
        issued_by TEXT REFERENCES staff(id),
        blocked_at TEXT,
        block_reason TEXT,
        blocked_by TEXT REFERENCES staff(id)
      );
      CREATE INDEX member_cards_member ON member_cards(member_id, status, issued_at);

      -- A history, never updated: the latest row per purpose is in force.
      CREATE TABLE consents (
        id TEXT PRIMARY KEY,
        member_id TEXT NOT NULL REFERENCES members(id),
        purpose TEXT NOT NULL,
        granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
        recorded_at TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('counter', 'terminal')),
        staff_id TEXT REFERENCES staff(id)
      );
      CREATE INDEX consents_member ON consents(member_id, purpose, recorded_at);

      -- rowid = members.rowid; tokens from domain/name-search.ts (CJK characters one by one).
      CREATE VIRTUAL TABLE member_names USING fts5(tokens, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');

      -- Written in the same transaction as the change it describes; sent to the hub later.
      CREATE TABLE outbox (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        aggregate_id TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
    `);
  },
};
