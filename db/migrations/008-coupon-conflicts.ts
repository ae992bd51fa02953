import type { Migration } from './index';

// Coupons across the chain (issue 9, docs/sync-conflicts.md). Uses pulled from the hub land in
// coupon_uses beside this terminal's own (the same coupon used at another shop is used here too). A
// use the hub kept as a coupon_reused conflict (two shops redeemed it while both were offline, the
// other shop's use reached the hub first) is named here by sale and code: coupon_uses stays a
// history, and neither that use nor its return counts, so every terminal counts the coupon once.
export const m008CouponConflicts: Migration = {
  version: 8,
  name: 'coupon-conflicts',
  up(db) {
    db.exec(`
      CREATE TABLE coupon_use_conflicts (
        sale_id TEXT NOT NULL,
        code TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (sale_id, code)
      ) WITHOUT ROWID;
      CREATE INDEX coupon_uses_sale ON coupon_uses(sale_id, code);
    `);
  },
};
