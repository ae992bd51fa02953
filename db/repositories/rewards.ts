import type { RewardInfo, RewardKind } from '../../contract';
import type { Db } from '../open';
import type { RewardsRepository } from '../store';

interface RewardRaw {
  id: string;
  nameZh: string;
  nameEn: string;
  kind: RewardKind;
  pointsCost: number;
  amountOffMinor: number | null;
  productId: string | null;
  productZh: string | null;
  productEn: string | null;
  stock: number | null;
  active: number;
  validDays: number;
  onlineOnly: number;
  redeemed: number;
  createdAt: string;
}

export interface NewReward {
  id: string;
  nameZh: string;
  nameEn: string;
  kind: RewardKind;
  pointsCost: number;
  amountOffMinor: number | null;
  productId: string | null;
  stock: number | null;
  validDays: number;
  onlineOnly: boolean;
  at: string;
}

export interface RedemptionRow {
  id: string;
  requestId: string;
  rewardId: string;
  memberId: string;
  points: number;
  ledgerEntryId: string;
  couponCode: string;
  validUntil: string;
  printJobId: string | null;
  at: string;
}

const columns = `r.id, r.name_zh AS nameZh, r.name_en AS nameEn, r.kind, r.points_cost AS pointsCost,
  r.amount_off_minor AS amountOffMinor, r.product_id AS productId, p.name_zh AS productZh, p.name_en AS productEn,
  r.stock, r.active, r.valid_days AS validDays, r.online_only AS onlineOnly, r.created_at AS createdAt,
  (SELECT count(*) FROM reward_redemptions x WHERE x.reward_id = r.id) AS redeemed
  FROM rewards r LEFT JOIN products p ON p.id = r.product_id`;

const toReward = (r: RewardRaw): RewardInfo => ({
  id: r.id,
  name: { zh: r.nameZh, en: r.nameEn },
  kind: r.kind,
  pointsCost: r.pointsCost,
  amountOffMinor: r.amountOffMinor,
  productId: r.productId,
  productName: r.productId ? { zh: r.productZh ?? '', en: r.productEn ?? '' } : null,
  stock: r.stock,
  active: r.active === 1,
  validDays: r.validDays,
  onlineOnly: r.onlineOnly === 1,
  redeemed: r.redeemed,
  createdAt: r.createdAt,
});

const redemptionColumns = `id, request_id AS requestId, reward_id AS rewardId, member_id AS memberId, points,
  ledger_entry_id AS ledgerEntryId, coupon_code AS couponCode, valid_until AS validUntil, print_job_id AS printJobId, at`;

/** The shop's rewards and the redemptions made of them. */
export function rewardsRepository(db: Db): RewardsRepository {
  const insert = db.prepare(`INSERT INTO rewards (id, name_zh, name_en, kind, points_cost, amount_off_minor, product_id,
      stock, active, valid_days, online_only, created_at, updated_at)
    VALUES (@id, @nameZh, @nameEn, @kind, @pointsCost, @amountOffMinor, @productId, @stock, 1, @validDays, @onlineOnly, @at, @at)`);
  const all = db.prepare<[], RewardRaw>(`SELECT ${columns} ORDER BY r.active DESC, r.points_cost, r.id`);
  const one = db.prepare<[string], RewardRaw>(`SELECT ${columns} WHERE r.id = ?`);
  const setStock = db.prepare('UPDATE rewards SET stock = ?, updated_at = ? WHERE id = ?');
  const retire = db.prepare('UPDATE rewards SET active = 0, updated_at = ? WHERE id = ?');
  // Unlimited stock stays NULL; a counted one never goes below zero.
  const takeOne = db.prepare(
    'UPDATE rewards SET stock = stock - 1, updated_at = ? WHERE id = ? AND (stock IS NULL OR stock > 0)',
  );
  const insertRedemption = db.prepare(`INSERT INTO reward_redemptions (id, request_id, reward_id, member_id, points,
      ledger_entry_id, coupon_code, valid_until, print_job_id, at)
    VALUES (@id, @requestId, @rewardId, @memberId, @points, @ledgerEntryId, @couponCode, @validUntil, @printJobId, @at)`);
  const byRequest = db.prepare<[string], RedemptionRow>(
    `SELECT ${redemptionColumns} FROM reward_redemptions WHERE request_id = ?`,
  );
  const setPrintJob = db.prepare('UPDATE reward_redemptions SET print_job_id = ? WHERE id = ?');
  return {
    insert: (r: NewReward) => void insert.run({ ...r, onlineOnly: r.onlineOnly ? 1 : 0 }),
    all: (): RewardInfo[] => all.all().map(toReward),
    get: (id: string): RewardInfo | null => {
      const r = one.get(id);
      return r ? toReward(r) : null;
    },
    setStock: (id: string, stock: number | null, at: string) => void setStock.run(stock, at, id),
    retire: (id: string, at: string) => void retire.run(at, id),
    takeOne: (id: string, at: string): boolean => takeOne.run(at, id).changes === 1,
    insertRedemption: (row: RedemptionRow) => void insertRedemption.run(row),
    redemptionByRequest: (requestId: string): RedemptionRow | null => byRequest.get(requestId) ?? null,
    setPrintJob: (redemptionId: string, jobId: string) => void setPrintJob.run(jobId, redemptionId),
  };
}
