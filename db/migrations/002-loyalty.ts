import type { Migration } from './index';

// Loyalty and checkout. Tables written by every sale are WITHOUT ROWID where their key is the
// terminal-made id, so a sale touches fewer b-trees (pages synced per commit: see bench/checkout).
// The points ledger, coupon uses and tier changes are histories: triggers
// refuse UPDATE and DELETE on the ledger, and refunds can never exceed what was sold (a trigger
// checks it again below the use case), so points can never be reversed twice.
export const m002Loyalty: Migration = {
  version: 2,
  name: 'loyalty',
  up(db) {
    db.exec(`
      ALTER TABLE products ADD COLUMN points_eligible INTEGER NOT NULL DEFAULT 1 CHECK (points_eligible IN (0, 1));
      ALTER TABLE products ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));

      CREATE TABLE product_tier_prices (
        product_id TEXT NOT NULL REFERENCES products(id),
        tier_code TEXT NOT NULL REFERENCES tiers(code),
        price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
        PRIMARY KEY (product_id, tier_code)
      ) WITHOUT ROWID;

      ALTER TABLE tiers ADD COLUMN qualify_metric TEXT NOT NULL DEFAULT 'spend' CHECK (qualify_metric IN ('spend', 'points'));
      ALTER TABLE tiers ADD COLUMN threshold INTEGER NOT NULL DEFAULT 0 CHECK (threshold >= 0);
      ALTER TABLE tiers ADD COLUMN window_days INTEGER NOT NULL DEFAULT 365 CHECK (window_days > 0);
      ALTER TABLE tiers ADD COLUMN points_multiplier_pct INTEGER NOT NULL DEFAULT 100 CHECK (points_multiplier_pct >= 0);

      -- The member's tier is the newest row; no row means the lowest tier.
      CREATE TABLE member_tiers (
        id TEXT PRIMARY KEY,
        member_id TEXT NOT NULL REFERENCES members(id),
        tier_code TEXT NOT NULL REFERENCES tiers(code),
        change TEXT NOT NULL CHECK (change IN ('initial', 'upgrade', 'downgrade')),
        sale_id TEXT,
        at TEXT NOT NULL
      );
      CREATE INDEX member_tiers_member ON member_tiers(member_id, at);

      CREATE TABLE points_ledger (
        id TEXT PRIMARY KEY,
        member_id TEXT NOT NULL REFERENCES members(id),
        kind TEXT NOT NULL CHECK (kind IN ('earn', 'redeem', 'adjust', 'expire', 'reverse')),
        points INTEGER NOT NULL CHECK (points <> 0),
        reason TEXT NOT NULL,
        sale_id TEXT,
        -- What caused the entry: the sale for earn/redeem, the refund line for reverse.
        source_id TEXT,
        store_id TEXT,
        terminal_id TEXT NOT NULL,
        staff_id TEXT REFERENCES staff(id),
        at TEXT NOT NULL,
        -- Credits only: the last local day the points can be used (NULL: never expire).
        expires_on TEXT
      ) WITHOUT ROWID;
      CREATE INDEX points_ledger_member ON points_ledger(member_id, at);
      -- The expiry job reads only the credits whose last day passed since its previous run.
      CREATE INDEX points_ledger_expiry ON points_ledger(expires_on, member_id) WHERE expires_on IS NOT NULL;
      -- One earn and one redeem per sale, one reversal each way per refund line: never twice.
      CREATE UNIQUE INDEX points_ledger_once ON points_ledger(kind, source_id, points > 0) WHERE source_id IS NOT NULL;
      CREATE TRIGGER points_ledger_no_update BEFORE UPDATE ON points_ledger BEGIN SELECT RAISE(ABORT, 'points ledger is append-only'); END;
      CREATE TRIGGER points_ledger_no_delete BEFORE DELETE ON points_ledger BEGIN SELECT RAISE(ABORT, 'points ledger is append-only'); END;

      CREATE TABLE coupon_definitions (
        id TEXT PRIMARY KEY,
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('amount_off', 'percent_off', 'free_item')),
        amount_off_minor INTEGER CHECK (amount_off_minor >= 0),
        percent_off INTEGER CHECK (percent_off BETWEEN 0 AND 100),
        cap_minor INTEGER CHECK (cap_minor >= 0),
        free_product_id TEXT REFERENCES products(id),
        min_spend_minor INTEGER NOT NULL DEFAULT 0 CHECK (min_spend_minor >= 0),
        categories TEXT NOT NULL DEFAULT '[]',
        valid_from TEXT NOT NULL,
        valid_to TEXT NOT NULL,
        per_member_limit INTEGER CHECK (per_member_limit > 0),
        offline_allowed INTEGER NOT NULL DEFAULT 1 CHECK (offline_allowed IN (0, 1)),
        generic_code TEXT UNIQUE,
        created_at TEXT NOT NULL
      );

      CREATE TABLE coupons (
        code TEXT PRIMARY KEY,
        definition_id TEXT NOT NULL REFERENCES coupon_definitions(id),
        member_id TEXT NOT NULL REFERENCES members(id),
        issued_at TEXT NOT NULL,
        issued_by TEXT REFERENCES staff(id)
      );
      CREATE INDEX coupons_member ON coupons(member_id, issued_at);

      -- +1 when a coupon is redeemed with a sale, -1 when a refund gives it back.
      CREATE TABLE coupon_uses (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        definition_id TEXT NOT NULL REFERENCES coupon_definitions(id),
        member_id TEXT REFERENCES members(id),
        sale_id TEXT NOT NULL,
        refund_id TEXT,
        delta INTEGER NOT NULL CHECK (delta IN (1, -1)),
        at TEXT NOT NULL,
        UNIQUE (code, sale_id, delta)
      );
      CREATE INDEX coupon_uses_code ON coupon_uses(code);
      CREATE INDEX coupon_uses_member ON coupon_uses(definition_id, member_id);

      -- Per-terminal receipt sequence, advanced inside the sale's transaction: gap-free.
      CREATE TABLE receipt_counters (
        terminal_id TEXT PRIMARY KEY,
        last INTEGER NOT NULL
      );

      CREATE TABLE sales (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL UNIQUE,
        receipt_no TEXT NOT NULL UNIQUE,
        terminal_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        store_id TEXT REFERENCES stores(id),
        staff_id TEXT NOT NULL REFERENCES staff(id),
        member_id TEXT REFERENCES members(id),
        tier_code TEXT,
        at TEXT NOT NULL,
        currency TEXT NOT NULL,
        list_total_minor INTEGER NOT NULL,
        member_savings_minor INTEGER NOT NULL,
        coupon_discount_minor INTEGER NOT NULL,
        total_minor INTEGER NOT NULL CHECK (total_minor >= 0),
        tax_minor INTEGER NOT NULL,
        points_redeemed INTEGER NOT NULL CHECK (points_redeemed >= 0),
        points_value_minor INTEGER NOT NULL,
        amount_due_minor INTEGER NOT NULL CHECK (amount_due_minor >= 0),
        cash_received_minor INTEGER NOT NULL,
        change_minor INTEGER NOT NULL CHECK (change_minor >= 0),
        points_earned INTEGER NOT NULL,
        -- receipt_no (terminal tag + seq) is unique, so (terminal_id, seq) needs no index of its own.
        receipt TEXT NOT NULL
      );
      CREATE INDEX sales_member ON sales(member_id, at);
      CREATE INDEX sales_terminal_at ON sales(terminal_id, at);

      CREATE TABLE sale_lines (
        id TEXT PRIMARY KEY,
        sale_id TEXT NOT NULL REFERENCES sales(id),
        line_no INTEGER NOT NULL,
        product_id TEXT NOT NULL REFERENCES products(id),
        sku TEXT NOT NULL,
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL,
        category TEXT NOT NULL,
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        list_unit_minor INTEGER NOT NULL,
        unit_minor INTEGER NOT NULL,
        amount_minor INTEGER NOT NULL,
        member_saving_minor INTEGER NOT NULL,
        coupon_discount_minor INTEGER NOT NULL,
        net_minor INTEGER NOT NULL,
        points_eligible INTEGER NOT NULL,
        points_earned INTEGER NOT NULL,
        points_redeemed INTEGER NOT NULL,
        points_value_minor INTEGER NOT NULL,
        UNIQUE (sale_id, line_no)
      ) WITHOUT ROWID;

      CREATE TABLE sale_coupons (
        sale_id TEXT NOT NULL REFERENCES sales(id),
        code TEXT NOT NULL,
        definition_id TEXT NOT NULL REFERENCES coupon_definitions(id),
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL,
        discount_minor INTEGER NOT NULL,
        PRIMARY KEY (sale_id, code)
      );

      -- Keyed by sale (one b-tree, not three): tenders are only ever read with their sale.
      CREATE TABLE sale_tenders (
        sale_id TEXT NOT NULL REFERENCES sales(id),
        id TEXT NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('cash', 'bank_card', 'mobile')),
        amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
        reference TEXT,
        PRIMARY KEY (sale_id, id)
      ) WITHOUT ROWID;

      CREATE TABLE refunds (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL UNIQUE,
        receipt_no TEXT NOT NULL UNIQUE,
        terminal_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        sale_id TEXT NOT NULL REFERENCES sales(id),
        staff_id TEXT NOT NULL REFERENCES staff(id),
        at TEXT NOT NULL,
        amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
        net_minor INTEGER NOT NULL,
        points_reversed INTEGER NOT NULL,
        points_returned INTEGER NOT NULL,
        tender_method TEXT NOT NULL CHECK (tender_method IN ('cash', 'bank_card', 'mobile')),
        tender_reference TEXT,
        coupons_returned TEXT NOT NULL DEFAULT '[]',
        receipt TEXT NOT NULL
      );
      CREATE INDEX refunds_sale ON refunds(sale_id);
      CREATE INDEX refunds_terminal_at ON refunds(terminal_id, at);

      CREATE TABLE refund_lines (
        id TEXT PRIMARY KEY,
        refund_id TEXT NOT NULL REFERENCES refunds(id),
        sale_line_id TEXT NOT NULL REFERENCES sale_lines(id),
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        amount_minor INTEGER NOT NULL,
        net_minor INTEGER NOT NULL,
        points_reversed INTEGER NOT NULL,
        points_returned INTEGER NOT NULL,
        UNIQUE (refund_id, sale_line_id)
      );
      CREATE INDEX refund_lines_line ON refund_lines(sale_line_id);
      CREATE TRIGGER refund_lines_within_sale BEFORE INSERT ON refund_lines
      WHEN (SELECT coalesce(sum(quantity), 0) FROM refund_lines WHERE sale_line_id = NEW.sale_line_id) + NEW.quantity
           > (SELECT quantity FROM sale_lines WHERE id = NEW.sale_line_id)
      BEGIN SELECT RAISE(ABORT, 'refund exceeds the quantity sold'); END;

      CREATE TABLE day_closes (
        id TEXT PRIMARY KEY,
        terminal_id TEXT NOT NULL,
        number INTEGER NOT NULL,
        from_at TEXT,
        to_at TEXT NOT NULL,
        staff_id TEXT NOT NULL REFERENCES staff(id),
        report TEXT NOT NULL,
        UNIQUE (terminal_id, number)
      );
    `);
  },
};
