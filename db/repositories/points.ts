import type { LedgerKind } from '../../contract';
import type { Db } from '../open';
import type { PointsRepository } from '../store';

export interface LedgerRow {
  id: string;
  memberId: string;
  kind: LedgerKind;
  points: number;
  reason: string;
  saleId: string | null;
  sourceId: string | null;
  storeId: string | null;
  terminalId: string;
  staffId: string | null;
  at: string;
  expiresOn: string | null;
}

export interface LedgerView extends LedgerRow {
  receiptNo: string | null;
  staffName: string | null;
}

/** One entry of a member's tier history. */
export interface TierChangeRow {
  id: string;
  memberId: string;
  tierCode: string;
  change: 'initial' | 'upgrade' | 'downgrade';
  saleId: string | null;
  at: string;
}

/** The points ledger (append only: the table refuses UPDATE and DELETE) and the tier history. */
export function pointsRepository(db: Db): PointsRepository {
  const insert =
    db.prepare(`INSERT INTO points_ledger (id, member_id, kind, points, reason, sale_id, source_id, store_id, terminal_id, staff_id, at, expires_on)
    VALUES (@id, @memberId, @kind, @points, @reason, @saleId, @sourceId, @storeId, @terminalId, @staffId, @at, @expiresOn)`);
  const insertPulled =
    db.prepare(`INSERT INTO points_ledger (id, member_id, kind, points, reason, sale_id, source_id, store_id, terminal_id, staff_id, at, expires_on)
    VALUES (@id, @memberId, @kind, @points, @reason, @saleId, @sourceId, @storeId, @terminalId, @staffId, @at, @expiresOn)
    ON CONFLICT DO NOTHING`);
  const balance = db.prepare<[string], { n: number }>(
    'SELECT coalesce(sum(points), 0) AS n FROM points_ledger WHERE member_id = ?',
  );
  const forExpiry = db.prepare<[string], { points: number; expiresOn: string | null; at: string }>(
    'SELECT points, expires_on AS expiresOn, at FROM points_ledger WHERE member_id = ?',
  );
  const recent = db.prepare<
    [string, number],
    LedgerView
  >(`SELECT l.id, l.member_id AS memberId, l.kind, l.points, l.reason, l.sale_id AS saleId,
      l.source_id AS sourceId, l.store_id AS storeId, l.terminal_id AS terminalId, l.staff_id AS staffId, l.at, l.expires_on AS expiresOn,
      coalesce(s.receipt_no, (SELECT r.receipt_no FROM refund_lines rl JOIN refunds r ON r.id = rl.refund_id WHERE rl.id = l.source_id)) AS receiptNo,
      st.name AS staffName
    FROM points_ledger l LEFT JOIN sales s ON s.id = l.sale_id LEFT JOIN staff st ON st.id = l.staff_id
    WHERE l.member_id = ? ORDER BY l.at DESC, l.id DESC LIMIT ?`);
  const earnedSince = db.prepare<[string, string], { n: number }>(
    `SELECT coalesce(sum(points), 0) AS n FROM points_ledger WHERE member_id = ? AND at >= ? AND (kind = 'earn' OR (kind = 'reverse' AND points < 0))`,
  );
  const membersWithCredits = db.prepare<[string, string], { memberId: string }>(
    `SELECT DISTINCT member_id AS memberId FROM points_ledger WHERE expires_on IS NOT NULL AND expires_on >= ? AND expires_on < ?`,
  );
  const insertTier = db.prepare(
    'INSERT INTO member_tiers (id, member_id, tier_code, change, sale_id, at) VALUES (@id, @memberId, @tierCode, @change, @saleId, @at)',
  );
  const currentTier = db.prepare<[string], { tierCode: string; at: string }>(
    'SELECT tier_code AS tierCode, at FROM member_tiers WHERE member_id = ? ORDER BY at DESC, id DESC LIMIT 1',
  );
  const tieredMembers = db.prepare<
    [],
    { memberId: string; tierCode: string; at: string }
  >(`SELECT member_id AS memberId, tier_code AS tierCode, at FROM (
      SELECT member_id, tier_code, at, row_number() OVER (PARTITION BY member_id ORDER BY at DESC, id DESC) AS n FROM member_tiers) WHERE n = 1`);
  return {
    append: (row: LedgerRow) => void insert.run(row),
    appendPulled: (row: LedgerRow): boolean => insertPulled.run(row).changes === 1,
    balance: (memberId: string): number => balance.get(memberId)!.n,
    entriesForExpiry: (memberId: string) => forExpiry.all(memberId),
    recent: (memberId: string, limit: number): LedgerView[] => recent.all(memberId, limit),
    earnedSince: (memberId: string, since: string): number => earnedSince.get(memberId, since)!.n,
    membersWithExpiredCredits: (since: string | null, today: string): string[] =>
      membersWithCredits.all(since ?? '', today).map((r) => r.memberId),
    setTier: (row: TierChangeRow) => void insertTier.run(row),
    currentTier: (memberId: string): { tierCode: string; at: string } | null => currentTier.get(memberId) ?? null,
    tieredMembers: () => tieredMembers.all(),
  };
}
