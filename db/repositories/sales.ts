import type {
  QuoteCoupon,
  ReceiptDocument,
  SaleLineRecord,
  SaleSettlement,
  SaleTotals,
  TenderMethod,
  TenderRecord,
} from '../../contract';
import type { Db } from '../open';

export interface SaleRow extends SaleTotals, SaleSettlement {
  id: string;
  requestId: string;
  /** Hash of what the request asked for (null for sales recorded before it was kept). */
  requestHash: string | null;
  receiptNo: string;
  terminalId: string;
  seq: number;
  storeId: string | null;
  staffId: string;
  memberId: string | null;
  tierCode: string | null;
  at: string;
  currency: string;
}

export interface NewSaleLine extends Omit<SaleLineRecord, 'refundedQuantity' | 'name'> {
  saleId: string;
  lineNo: number;
  nameZh: string;
  nameEn: string;
}

/** One refunded sale line: what it paid back and the points it moved. */
export interface RefundLineRow {
  id: string;
  saleLineId: string;
  quantity: number;
  amountMinor: number;
  netMinor: number;
  pointsReversed: number;
  pointsReturned: number;
}

export interface RefundRow {
  id: string;
  requestId: string;
  requestHash: string | null;
  receiptNo: string;
  terminalId: string;
  seq: number;
  saleId: string;
  staffId: string;
  at: string;
  amountMinor: number;
  netMinor: number;
  pointsReversed: number;
  pointsReturned: number;
  tenderMethod: TenderMethod;
  tenderReference: string | null;
  couponsReturned: string[];
}

const saleColumns = `id, request_id AS requestId, request_hash AS requestHash, receipt_no AS receiptNo, terminal_id AS terminalId, seq, store_id AS storeId, staff_id AS staffId,
  member_id AS memberId, tier_code AS tierCode, at, currency, list_total_minor AS listTotalMinor, member_savings_minor AS memberSavingsMinor,
  coupon_discount_minor AS couponDiscountMinor, total_minor AS totalMinor, tax_minor AS taxMinor, points_redeemed AS pointsRedeemed,
  points_value_minor AS pointsValueMinor, amount_due_minor AS amountDueMinor, cash_received_minor AS cashReceivedMinor,
  change_minor AS changeMinor, points_earned AS pointsEarned`;

const refundColumns = `id, request_id AS requestId, request_hash AS requestHash, receipt_no AS receiptNo, terminal_id AS terminalId, seq, sale_id AS saleId, staff_id AS staffId, at,
  amount_minor AS amountMinor, net_minor AS netMinor, points_reversed AS pointsReversed, points_returned AS pointsReturned,
  tender_method AS tenderMethod, tender_reference AS tenderReference, coupons_returned AS couponsReturned`;

type RefundRaw = Omit<RefundRow, 'couponsReturned'> & { couponsReturned: string };
const toRefund = (r: RefundRaw): RefundRow => ({ ...r, couponsReturned: JSON.parse(r.couponsReturned) as string[] });

/** Sales, refunds and the per-terminal receipt counter. */
export function salesRepository(db: Db) {
  const nextSeq = db.prepare<[string], { last: number }>(
    `INSERT INTO receipt_counters (terminal_id, last) VALUES (?, 1) ON CONFLICT (terminal_id) DO UPDATE SET last = last + 1 RETURNING last`,
  );
  const insertSale =
    db.prepare(`INSERT INTO sales (id, request_id, request_hash, receipt_no, terminal_id, seq, store_id, staff_id, member_id, tier_code, at, currency,
      list_total_minor, member_savings_minor, coupon_discount_minor, total_minor, tax_minor, points_redeemed, points_value_minor, amount_due_minor,
      cash_received_minor, change_minor, points_earned, receipt)
    VALUES (@id, @requestId, @requestHash, @receiptNo, @terminalId, @seq, @storeId, @staffId, @memberId, @tierCode, @at, @currency, @listTotalMinor,
      @memberSavingsMinor, @couponDiscountMinor, @totalMinor, @taxMinor, @pointsRedeemed, @pointsValueMinor, @amountDueMinor,
      @cashReceivedMinor, @changeMinor, @pointsEarned, @receipt)
    ON CONFLICT (request_id) DO NOTHING`);
  const insertLine =
    db.prepare(`INSERT INTO sale_lines (id, sale_id, line_no, product_id, sku, name_zh, name_en, category, quantity, list_unit_minor,
      unit_minor, amount_minor, member_saving_minor, coupon_discount_minor, net_minor, points_eligible, points_earned, points_redeemed, points_value_minor)
    VALUES (@id, @saleId, @lineNo, @productId, @sku, @nameZh, @nameEn, @category, @quantity, @listUnitMinor, @unitMinor, @amountMinor,
      @memberSavingMinor, @couponDiscountMinor, @netMinor, @pointsEligible, @pointsEarned, @pointsRedeemed, @pointsValueMinor)`);
  const insertCoupon = db.prepare(
    `INSERT INTO sale_coupons (sale_id, code, definition_id, name_zh, name_en, discount_minor) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertTender = db.prepare(
    'INSERT INTO sale_tenders (id, sale_id, method, amount_minor, reference) VALUES (?, ?, ?, ?, ?)',
  );
  const byRequest = db.prepare<[string], SaleRow>(`SELECT ${saleColumns} FROM sales WHERE request_id = ?`);
  const byReceipt = db.prepare<[string], SaleRow>(`SELECT ${saleColumns} FROM sales WHERE receipt_no = ?`);
  const byId = db.prepare<[string], SaleRow>(`SELECT ${saleColumns} FROM sales WHERE id = ?`);
  const receipt = db.prepare<[string], { receipt: string }>('SELECT receipt FROM sales WHERE id = ?');
  const lines = db.prepare<
    [string],
    Omit<SaleLineRecord, 'name' | 'pointsEligible'> & { nameZh: string; nameEn: string; pointsEligible: number }
  >(
    `SELECT l.id, l.product_id AS productId, l.sku, l.name_zh AS nameZh, l.name_en AS nameEn, l.category, l.quantity, l.list_unit_minor AS listUnitMinor,
      l.unit_minor AS unitMinor, l.amount_minor AS amountMinor, l.member_saving_minor AS memberSavingMinor,
      l.coupon_discount_minor AS couponDiscountMinor, l.net_minor AS netMinor, l.points_eligible AS pointsEligible,
      l.points_earned AS pointsEarned, l.points_redeemed AS pointsRedeemed, l.points_value_minor AS pointsValueMinor,
      (SELECT coalesce(sum(r.quantity), 0) FROM refund_lines r WHERE r.sale_line_id = l.id) AS refundedQuantity
    FROM sale_lines l WHERE l.sale_id = ? ORDER BY l.line_no`,
  );
  const coupons = db.prepare<
    [string],
    { code: string; definitionId: string; nameZh: string; nameEn: string; discountMinor: number }
  >(
    `SELECT code, definition_id AS definitionId, name_zh AS nameZh, name_en AS nameEn, discount_minor AS discountMinor FROM sale_coupons WHERE sale_id = ?`,
  );
  const tenders = db.prepare<[string], TenderRecord>(
    'SELECT method, amount_minor AS amountMinor, reference FROM sale_tenders WHERE sale_id = ? ORDER BY id',
  );
  const insertRefund =
    db.prepare(`INSERT INTO refunds (id, request_id, request_hash, receipt_no, terminal_id, seq, sale_id, staff_id, at, amount_minor, net_minor,
      points_reversed, points_returned, tender_method, tender_reference, coupons_returned, receipt)
    VALUES (@id, @requestId, @requestHash, @receiptNo, @terminalId, @seq, @saleId, @staffId, @at, @amountMinor, @netMinor, @pointsReversed, @pointsReturned,
      @tenderMethod, @tenderReference, @couponsReturned, @receipt)
    ON CONFLICT (request_id) DO NOTHING`);
  const insertRefundLine =
    db.prepare(`INSERT INTO refund_lines (id, refund_id, sale_line_id, quantity, amount_minor, net_minor, points_reversed, points_returned)
    VALUES (@id, @refundId, @saleLineId, @quantity, @amountMinor, @netMinor, @pointsReversed, @pointsReturned)`);
  const setRefundReceipt = db.prepare('UPDATE refunds SET receipt = ? WHERE id = ?');
  const refundByRequest = db.prepare<[string], RefundRaw>(`SELECT ${refundColumns} FROM refunds WHERE request_id = ?`);
  const refundReceipt = db.prepare<[string], { receipt: string }>('SELECT receipt FROM refunds WHERE id = ?');
  const refundLines = db.prepare<[string], { lineId: string; quantity: number; amountMinor: number }>(
    'SELECT sale_line_id AS lineId, quantity, amount_minor AS amountMinor FROM refund_lines WHERE refund_id = ? ORDER BY rowid',
  );
  const refundedOfSale = db.prepare<[string], { amount: number; net: number }>(
    'SELECT coalesce(sum(amount_minor), 0) AS amount, coalesce(sum(net_minor), 0) AS net FROM refunds WHERE sale_id = ?',
  );
  const spendSince = db.prepare<[string, string, string, string], { n: number }>(`SELECT
      (SELECT coalesce(sum(total_minor), 0) FROM sales WHERE member_id = ? AND at >= ?)
      - (SELECT coalesce(sum(r.net_minor), 0) FROM refunds r JOIN sales s ON s.id = r.sale_id WHERE s.member_id = ? AND r.at >= ?) AS n`);

  return {
    /** Advances this terminal's counter; call inside the sale's transaction so a rollback undoes it. */
    nextSequence: (terminalId: string): number => nextSeq.get(terminalId)!.last,
    /** The printed document is part of the sale: a retried request or a reprint shows the same paper. */
    /** 'duplicate' when a sale with this request id exists already: nothing is written then. */
    insertSale: (row: SaleRow, receipt: ReceiptDocument): 'inserted' | 'duplicate' =>
      insertSale.run({ ...row, receipt: JSON.stringify(receipt) }).changes === 1 ? 'inserted' : 'duplicate',
    insertLine: (line: NewSaleLine) => void insertLine.run({ ...line, pointsEligible: line.pointsEligible ? 1 : 0 }),
    insertCoupon: (saleId: string, c: QuoteCoupon) =>
      void insertCoupon.run(saleId, c.code, c.definitionId, c.name.zh, c.name.en, c.discountMinor),
    insertTender: (id: string, saleId: string, t: TenderRecord) =>
      void insertTender.run(id, saleId, t.method, t.amountMinor, t.reference),
    byRequestId: (requestId: string): SaleRow | null => byRequest.get(requestId) ?? null,
    byReceiptNo: (receiptNo: string): SaleRow | null => byReceipt.get(receiptNo) ?? null,
    get: (id: string): SaleRow | null => byId.get(id) ?? null,
    receipt: (saleId: string): ReceiptDocument => JSON.parse(receipt.get(saleId)!.receipt) as ReceiptDocument,
    lines: (saleId: string): SaleLineRecord[] =>
      lines.all(saleId).map(({ nameZh, nameEn, pointsEligible, ...l }) => ({
        ...l,
        name: { zh: nameZh, en: nameEn },
        pointsEligible: pointsEligible === 1,
      })),
    coupons: (saleId: string): QuoteCoupon[] =>
      coupons.all(saleId).map(({ nameZh, nameEn, ...c }) => ({ ...c, name: { zh: nameZh, en: nameEn } })),
    tenders: (saleId: string): TenderRecord[] => tenders.all(saleId),
    /** 'duplicate' when a refund with this request id exists already: nothing is written then. */
    insertRefund: (row: RefundRow): 'inserted' | 'duplicate' =>
      insertRefund.run({ ...row, couponsReturned: JSON.stringify(row.couponsReturned), receipt: '' }).changes === 1
        ? 'inserted'
        : 'duplicate',
    /** 'exceeds' when the database's own check finds more refunded than was sold (the use case checks first). */
    insertRefundLine(row: RefundLineRow & { refundId: string }): 'inserted' | 'exceeds' {
      try {
        insertRefundLine.run(row);
        return 'inserted';
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_TRIGGER') return 'exceeds';
        throw error;
      }
    },
    setRefundReceipt: (refundId: string, doc: ReceiptDocument) =>
      void setRefundReceipt.run(JSON.stringify(doc), refundId),
    refundByRequestId: (requestId: string): RefundRow | null => {
      const r = refundByRequest.get(requestId);
      return r ? toRefund(r) : null;
    },
    refundReceipt: (refundId: string): ReceiptDocument =>
      JSON.parse(refundReceipt.get(refundId)!.receipt) as ReceiptDocument,
    refundLines: (refundId: string) => refundLines.all(refundId),
    refundedOfSale: (saleId: string) => refundedOfSale.get(saleId)!,
    /** Net spend of a member since an instant: sales minus what was refunded since then. */
    spendSince: (memberId: string, since: string): number => spendSince.get(memberId, since, memberId, since)!.n,
  };
}
