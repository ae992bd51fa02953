import type { Migration } from './index';

// Referral points (issue 10, decision 0026): one row per friend whose first purchase paid the
// referral points (the primary key is what makes it once). The ledger entries themselves are in
// points_ledger, as every other points change.
export const m013Referrals: Migration = {
  version: 13,
  name: 'referrals',
  up(db) {
    db.exec(`
      CREATE TABLE referral_rewards (
        friend_id TEXT PRIMARY KEY REFERENCES members(id),
        referrer_id TEXT NOT NULL REFERENCES members(id),
        sale_id TEXT NOT NULL,
        referrer_points INTEGER NOT NULL,
        friend_points INTEGER NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX referral_rewards_referrer ON referral_rewards(referrer_id);
    `);
  },
};
