import type { Migration } from './index';

// Rewards bought with points (issue 10, decision 0023). A reward is a shop's own: its stock counts
// what this shop can hand out (NULL: unlimited). Its value (kind, amount, product) is fixed once
// added, so every voucher of it means the same; stock and the active flag change. A redemption is
// one row per client request (request_id UNIQUE: a double tap redeems once), next to its ledger
// entry and the coupon it issued (the voucher the counter accepts once).
export const m010Rewards: Migration = {
  version: 10,
  name: 'rewards',
  up(db) {
    db.exec(`
      CREATE TABLE rewards (
        id TEXT PRIMARY KEY,
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('voucher', 'gift')),
        points_cost INTEGER NOT NULL CHECK (points_cost > 0),
        amount_off_minor INTEGER CHECK (amount_off_minor > 0),
        product_id TEXT REFERENCES products(id),
        stock INTEGER CHECK (stock IS NULL OR stock >= 0),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        valid_days INTEGER NOT NULL CHECK (valid_days > 0),
        online_only INTEGER NOT NULL DEFAULT 0 CHECK (online_only IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((kind = 'voucher' AND amount_off_minor IS NOT NULL AND product_id IS NULL)
            OR (kind = 'gift' AND product_id IS NOT NULL AND amount_off_minor IS NULL))
      );

      CREATE TABLE reward_redemptions (
        id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL UNIQUE,
        reward_id TEXT NOT NULL REFERENCES rewards(id),
        member_id TEXT NOT NULL REFERENCES members(id),
        points INTEGER NOT NULL CHECK (points > 0),
        ledger_entry_id TEXT NOT NULL,
        coupon_code TEXT NOT NULL UNIQUE REFERENCES coupons(code),
        valid_until TEXT NOT NULL,
        print_job_id TEXT,
        at TEXT NOT NULL
      );
      CREATE INDEX reward_redemptions_member ON reward_redemptions(member_id, at);
      CREATE INDEX reward_redemptions_reward ON reward_redemptions(reward_id);
    `);
  },
};
