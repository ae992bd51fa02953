import type { CouponDefinitionInfo, CouponKind } from '../../contract';
import type { Db } from '../open';
import type { CouponsRepository } from '../store';

interface DefinitionRaw {
  id: string;
  nameZh: string;
  nameEn: string;
  kind: CouponKind;
  amountOffMinor: number | null;
  percentOff: number | null;
  capMinor: number | null;
  freeProductId: string | null;
  minSpendMinor: number;
  categories: string;
  validFrom: string;
  validTo: string;
  perMemberLimit: number | null;
  offlineAllowed: number;
  genericCode: string | null;
}

const definitionColumns = `id, name_zh AS nameZh, name_en AS nameEn, kind, amount_off_minor AS amountOffMinor, percent_off AS percentOff,
  cap_minor AS capMinor, free_product_id AS freeProductId, min_spend_minor AS minSpendMinor, categories, valid_from AS validFrom,
  valid_to AS validTo, per_member_limit AS perMemberLimit, offline_allowed AS offlineAllowed, generic_code AS genericCode`;

const toDefinition = ({ nameZh, nameEn, categories, offlineAllowed, ...r }: DefinitionRaw): CouponDefinitionInfo => ({
  ...r,
  name: { zh: nameZh, en: nameEn },
  categories: JSON.parse(categories) as string[],
  offlineAllowed: offlineAllowed === 1,
});

/** Uses the hub kept as a conflict count for nothing, nor do their returns (migration 008). */
const counted = `NOT EXISTS (SELECT 1 FROM coupon_use_conflicts k WHERE k.sale_id = u.sale_id AND k.code = u.code)`;

/** One use of a coupon (+1, with a sale) or its return (-1, with a refund). */
export interface CouponUseRow {
  id: string;
  code: string;
  definitionId: string;
  memberId: string | null;
  saleId: string;
  refundId: string | null;
  delta: 1 | -1;
  at: string;
}

export function couponsRepository(db: Db): CouponsRepository {
  const insertDefinition =
    db.prepare(`INSERT INTO coupon_definitions (id, name_zh, name_en, kind, amount_off_minor, percent_off, cap_minor,
      free_product_id, min_spend_minor, categories, valid_from, valid_to, per_member_limit, offline_allowed, generic_code, created_at)
    VALUES (@id, @nameZh, @nameEn, @kind, @amountOffMinor, @percentOff, @capMinor, @freeProductId, @minSpendMinor, @categories, @validFrom,
      @validTo, @perMemberLimit, @offlineAllowed, @genericCode, @createdAt)`);
  const saveDefinition = db.prepare(`INSERT INTO coupon_definitions (id, name_zh, name_en, kind, amount_off_minor,
      percent_off, cap_minor, free_product_id, min_spend_minor, categories, valid_from, valid_to, per_member_limit,
      offline_allowed, generic_code, created_at)
    VALUES (@id, @nameZh, @nameEn, @kind, @amountOffMinor, @percentOff, @capMinor, @freeProductId, @minSpendMinor, @categories,
      @validFrom, @validTo, @perMemberLimit, @offlineAllowed, @genericCode, @createdAt)
    ON CONFLICT (id) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, kind = excluded.kind,
      amount_off_minor = excluded.amount_off_minor, percent_off = excluded.percent_off, cap_minor = excluded.cap_minor,
      free_product_id = excluded.free_product_id, min_spend_minor = excluded.min_spend_minor,
      categories = excluded.categories, valid_from = excluded.valid_from, valid_to = excluded.valid_to,
      per_member_limit = excluded.per_member_limit, offline_allowed = excluded.offline_allowed,
      generic_code = excluded.generic_code`);
  const definitionRow = (d: CouponDefinitionInfo & { createdAt: string }) => ({
    ...d,
    nameZh: d.name.zh,
    nameEn: d.name.en,
    categories: JSON.stringify(d.categories),
    offlineAllowed: d.offlineAllowed ? 1 : 0,
    name: undefined,
  });
  const definitions = db.prepare<[], DefinitionRaw>(
    `SELECT ${definitionColumns} FROM coupon_definitions ORDER BY valid_to, id`,
  );
  const definition = db.prepare<[string], DefinitionRaw>(
    `SELECT ${definitionColumns} FROM coupon_definitions WHERE id = ?`,
  );
  const byGeneric = db.prepare<[string], DefinitionRaw>(
    `SELECT ${definitionColumns} FROM coupon_definitions WHERE generic_code = ?`,
  );
  const insertCoupon = db.prepare(
    'INSERT INTO coupons (code, definition_id, member_id, issued_at, issued_by) VALUES (?, ?, ?, ?, ?)',
  );
  const coupon = db.prepare<[string], { code: string; definitionId: string; memberId: string }>(
    'SELECT code, definition_id AS definitionId, member_id AS memberId FROM coupons WHERE code = ?',
  );
  const ofMember = db.prepare<
    [string],
    { code: string; definitionId: string; used: number }
  >(`SELECT c.code, c.definition_id AS definitionId,
      (SELECT coalesce(sum(delta), 0) FROM coupon_uses u WHERE u.code = c.code AND ${counted}) AS used
    FROM coupons c WHERE c.member_id = ? ORDER BY c.issued_at DESC`);
  const timesUsed = db.prepare<[string], { n: number }>(
    `SELECT coalesce(sum(delta), 0) AS n FROM coupon_uses u WHERE code = ? AND ${counted}`,
  );
  const memberUses = db.prepare<[string, string], { n: number }>(
    `SELECT coalesce(sum(delta), 0) AS n FROM coupon_uses u WHERE definition_id = ? AND member_id = ? AND ${counted}`,
  );
  const useColumns = `(id, code, definition_id, member_id, sale_id, refund_id, delta, at)
    VALUES (@id, @code, @definitionId, @memberId, @saleId, @refundId, @delta, @at)`;
  const insertUse = db.prepare(`INSERT INTO coupon_uses ${useColumns}`);
  // A pulled use this terminal has already (same id, or its own use of that sale coming back) is kept once.
  const insertPulledUse = db.prepare(`INSERT OR IGNORE INTO coupon_uses ${useColumns}`);
  const markConflicted = db.prepare('INSERT OR IGNORE INTO coupon_use_conflicts (sale_id, code, at) VALUES (?, ?, ?)');
  return {
    insertDefinition: (d: CouponDefinitionInfo & { createdAt: string }) => void insertDefinition.run(definitionRow(d)),
    saveDefinition: (d: CouponDefinitionInfo & { createdAt: string }) => void saveDefinition.run(definitionRow(d)),
    definitions: (): CouponDefinitionInfo[] => definitions.all().map(toDefinition),
    definition: (id: string): CouponDefinitionInfo | null => {
      const r = definition.get(id);
      return r ? toDefinition(r) : null;
    },
    definitionByGenericCode: (code: string): CouponDefinitionInfo | null => {
      const r = byGeneric.get(code);
      return r ? toDefinition(r) : null;
    },
    issue: (code: string, definitionId: string, memberId: string, at: string, staffId: string | null) =>
      void insertCoupon.run(code, definitionId, memberId, at, staffId),
    coupon: (code: string) => coupon.get(code) ?? null,
    ofMember: (memberId: string) => ofMember.all(memberId),
    timesUsed: (code: string): number => timesUsed.get(code)!.n,
    memberUses: (definitionId: string, memberId: string): number => memberUses.get(definitionId, memberId)!.n,
    recordUse: (row: CouponUseRow) => void insertUse.run(row),
    recordPulledUse: (row: CouponUseRow): boolean => insertPulledUse.run(row).changes > 0,
    markConflicted: (saleId: string, code: string, at: string): boolean =>
      markConflicted.run(saleId, code, at).changes > 0,
  };
}
