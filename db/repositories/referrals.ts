import type { Db } from '../open';
import type { ReferralsRepository } from '../store';

export interface ReferralRewardRow {
  friendId: string;
  referrerId: string;
  saleId: string;
  referrerPoints: number;
  friendPoints: number;
  at: string;
}

export interface ReferredFriendRow {
  id: string;
  name: string;
  enrolledAt: string;
  /** Points the referrer got for this friend; null while the friend has not bought anything. */
  referrerPoints: number | null;
}

/** Who brought whom (members.referred_by) and the referral points paid, once per friend. */
export function referralsRepository(db: Db): ReferralsRepository {
  const friends = db.prepare<[string], ReferredFriendRow>(
    `SELECT m.id, m.name, m.enrolled_at AS enrolledAt, r.referrer_points AS referrerPoints
     FROM members m LEFT JOIN referral_rewards r ON r.friend_id = m.id
     WHERE m.referred_by = ? AND m.merged_into IS NULL ORDER BY m.enrolled_at DESC, m.id`,
  );
  const reward = db.prepare<[string], ReferralRewardRow>(
    `SELECT friend_id AS friendId, referrer_id AS referrerId, sale_id AS saleId, referrer_points AS referrerPoints,
       friend_points AS friendPoints, at FROM referral_rewards WHERE friend_id = ?`,
  );
  const insert = db.prepare(`INSERT OR IGNORE INTO referral_rewards
      (friend_id, referrer_id, sale_id, referrer_points, friend_points, at)
    VALUES (@friendId, @referrerId, @saleId, @referrerPoints, @friendPoints, @at)`);
  const setReferrer = db.prepare('UPDATE members SET referred_by = ? WHERE id = ? AND referred_by IS NULL');
  const otherSales = db.prepare<[string, string], { n: number }>(
    'SELECT count(*) AS n FROM sales WHERE member_id = ? AND id <> ?',
  );
  const saleEntries = db.prepare<[string, string], { n: number }>(
    `SELECT count(*) AS n FROM points_ledger WHERE member_id = ? AND reason = 'sale' AND (sale_id IS NULL OR sale_id <> ?)`,
  );
  return {
    friendsOf: (referrerId: string): ReferredFriendRow[] => friends.all(referrerId),
    rewardFor: (friendId: string): ReferralRewardRow | null => reward.get(friendId) ?? null,
    recordReward: (r: ReferralRewardRow): boolean => insert.run(r).changes === 1,
    setReferrer: (memberId: string, referrerId: string): boolean => setReferrer.run(referrerId, memberId).changes === 1,
    boughtBefore: (memberId: string, saleId: string): boolean =>
      otherSales.get(memberId, saleId)!.n > 0 || saleEntries.get(memberId, saleId)!.n > 0,
  };
}
