// Shared test data for the loyalty rules' tests (tiers like the demo store's, a coupon definition).
import type { CouponDefinitionInfo, ReceiptDocument, SaleRecord, TierInfo } from '../contract';

const tier = (code: string, rank: number, threshold: number, mult = 100): TierInfo => ({
  code,
  name: { zh: code, en: code },
  rank,
  qualifyMetric: 'spend',
  threshold,
  windowDays: 365,
  pointsMultiplierPct: mult,
});

/** Deliberately out of order: the rules must sort by rank themselves. */
export const tiers: TierInfo[] = [tier('gold', 2, 200_000, 150), tier('normal', 0, 0), tier('silver', 1, 50_000, 125)];

export const definition = (over: Partial<CouponDefinitionInfo> = {}): CouponDefinitionInfo => ({
  id: 'd1',
  name: { zh: '满50减10', en: '¥10 off ¥50' },
  kind: 'amount_off',
  amountOffMinor: 1000,
  percentOff: null,
  capMinor: null,
  freeProductId: null,
  minSpendMinor: 5000,
  categories: [],
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  perMemberLimit: null,
  offlineAllowed: true,
  genericCode: 'SAVE10',
  ...over,
});

/** ¥136.00 → 13600, -¥6.00 → -600 (receipts print two decimals). */
export function minorOf(text: string): number {
  const m = /^(-?)\D*?(\d+)\.(\d\d)$/.exec(text.trim());
  if (!m) throw new Error(`not an amount: ${text}`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
}

/**
 * A sale receipt's amount column, read the way a customer checks it: the line amounts above the
 * subtotal, the signed adjustments between it and the total, the points between total and due.
 */
export function amountColumn(doc: ReceiptDocument) {
  const rows = doc.blocks;
  const at = (prefix: string) => rows.findIndex((b) => b.type === 'row' && b.left.startsWith(prefix));
  const amounts = (from: number, to: number) =>
    rows.slice(from, to).flatMap((b) => (b.type === 'row' ? [minorOf(b.right)] : []));
  const value = (i: number) => {
    const b = rows[i];
    return b?.type === 'row' ? minorOf(b.right) : NaN;
  };
  const subtotal = at('小计');
  const total = at('合计');
  const due = at('应付');
  const start = rows.slice(0, subtotal).findLastIndex((b) => b.type === 'rule');
  const before = rows.slice(0, start).findLastIndex((b) => b.type === 'rule');
  return {
    lines: amounts(before + 1, start),
    subtotal: value(subtotal),
    adjustments: amounts(subtotal + 1, total),
    total: value(total),
    payments: due < 0 ? [] : amounts(total + 1, due),
    due: due < 0 ? value(total) : value(due),
  };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** True when the column adds up: lines = subtotal, subtotal ± adjustments = total, total − points = due. */
export function columnAddsUp(c: ReturnType<typeof amountColumn>): boolean {
  return (
    c.lines.length > 0 &&
    sum(c.lines) === c.subtotal &&
    c.subtotal + sum(c.adjustments) === c.total &&
    c.total + sum(c.payments) === c.due
  );
}

/** A gold member's sale: member price, a coupon, points and cash (receipt tests). */
export const sampleSale: SaleRecord = {
  id: 's1',
  receiptNo: 'AB12-000007',
  at: '2026-06-15T04:05:00.000Z',
  staffName: '张伟',
  currency: 'CNY',
  member: {
    id: 'm1',
    name: '陈金卡',
    phone: '+8613700000888',
    phoneDisplay: '137 0000 0888',
    community: null,
    enrolledAt: '',
    activeCard: null,
  },
  lines: [
    {
      id: 'l1',
      productId: 'p1',
      sku: 'TEA-001',
      name: { zh: '桂花乌龙茶', en: 'Oolong' },
      category: 'tea',
      quantity: 2,
      listUnitMinor: 6800,
      unitMinor: 6500,
      amountMinor: 13_000,
      memberSavingMinor: 600,
      couponDiscountMinor: 1000,
      netMinor: 12_000,
      pointsEligible: true,
      pointsEarned: 150,
      pointsRedeemed: 2000,
      pointsValueMinor: 2000,
      refundedQuantity: 0,
    },
  ],
  coupons: [{ code: 'SAVE10', definitionId: 'd1', name: { zh: '满50减10', en: '' }, discountMinor: 1000 }],
  tenders: [{ method: 'cash', amountMinor: 10_000, reference: null }],
  listTotalMinor: 13_600,
  memberSavingsMinor: 600,
  couponDiscountMinor: 1000,
  taxMinor: 1381,
  pointsValueMinor: 2000,
  totalMinor: 12_000,
  amountDueMinor: 10_000,
  cashReceivedMinor: 10_000,
  changeMinor: 0,
  pointsEarned: 150,
  pointsRedeemed: 2000,
  refundedMinor: 0,
};
