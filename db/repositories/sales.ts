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
import type { SalesRepository } from '../store';

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

/** What a sale holds as its document: its lines (as sold), tenders and coupons. */
export interface SaleItems {
  lines: Omit<SaleLineRecord, 'refundedQuantity'>[];
  tenders: TenderRecord[];
  coupons: QuoteCoupon[];
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
export function salesRepository(db: Db): SalesRepository {
  const nextSeq = db.prepare<[string], { last: number }>(
    `INSERT INTO receipt_counters (terminal_id, last) VALUES (?, 1) ON CONFLICT (terminal_id) DO UPDATE SET last = last + 1 RETURNING last`,
  );
  const insertSale =
    db.prepare(`INSERT INTO sales (id, request_id, request_hash, receipt_no, terminal_id, seq, store_id, staff_id, member_id, tier_code, at, currency,
      list_total_minor, member_savings_minor, coupon_discount_minor, total_minor, tax_minor, points_redeemed, points_value_minor, amount_due_minor,
      cash_received_minor, change_minor, points_earned, lines, tenders, coupons, receipt)
    VALUES (@id, @requestId, @requestHash, @receiptNo, @terminalId, @seq, @storeId, @staffId, @memberId, @tierCode, @at, @currency, @listTotalMinor,
      @memberSavingsMinor, @couponDiscountMinor, @totalMinor, @taxMinor, @pointsRedeemed, @pointsValueMinor, @amountDueMinor,
      @cashReceivedMinor, @changeMinor, @pointsEarned, @lines, @tenders, @coupons, @receipt)
    ON CONFLICT (request_id) DO NOTHING`);
  const byRequest = db.prepare<[string], SaleRow>(`SELECT ${saleColumns} FROM sales WHERE request_id = ?`);
  const byReceipt = db.prepare<[string], SaleRow>(`SELECT ${saleColumns} FROM sales WHERE receipt_no = ?`);
  const byId = db.prepare<[string], SaleRow>(`SELECT ${saleColumns} FROM sales WHERE id = ?`);
  const receipt = db.prepare<[string], { receipt: string }>('SELECT receipt FROM sales WHERE id = ?');
  const items = db.prepare<[string], { lines: string; tenders: string; coupons: string }>(
    'SELECT lines, tenders, coupons FROM sales WHERE id = ?',
  );
  const refundedPerLine = db.prepare<[string], { lineId: string; quantity: number }>(
    `SELECT rl.sale_line_id AS lineId, sum(rl.quantity) AS quantity FROM refunds r JOIN refund_lines rl ON rl.refund_id = r.id
    WHERE r.sale_id = ? GROUP BY rl.sale_line_id`,
  );
  const itemsOf = (saleId: string): SaleItems => {
    const raw = items.get(saleId);
    if (!raw) return { lines: [], tenders: [], coupons: [] };
    return {
      lines: JSON.parse(raw.lines),
      tenders: JSON.parse(raw.tenders),
      coupons: JSON.parse(raw.coupons),
    } as SaleItems;
  };
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
    nextSequence: (terminalId: string): number => nextSeq.get(terminalId)!.last,
    insertSale: (row: SaleRow, saleItems: SaleItems, receipt: ReceiptDocument): 'inserted' | 'duplicate' =>
      insertSale.run({
        ...row,
        lines: JSON.stringify(saleItems.lines),
        tenders: JSON.stringify(saleItems.tenders),
        coupons: JSON.stringify(saleItems.coupons),
        receipt: JSON.stringify(receipt),
      }).changes === 1
        ? 'inserted'
        : 'duplicate',
    byRequestId: (requestId: string): SaleRow | null => byRequest.get(requestId) ?? null,
    byReceiptNo: (receiptNo: string): SaleRow | null => byReceipt.get(receiptNo) ?? null,
    get: (id: string): SaleRow | null => byId.get(id) ?? null,
    receipt: (saleId: string): ReceiptDocument => JSON.parse(receipt.get(saleId)!.receipt) as ReceiptDocument,
    lines(saleId: string): SaleLineRecord[] {
      const refunded = new Map(refundedPerLine.all(saleId).map((r) => [r.lineId, r.quantity]));
      return itemsOf(saleId).lines.map((line) => ({ ...line, refundedQuantity: refunded.get(line.id) ?? 0 }));
    },
    coupons: (saleId: string): QuoteCoupon[] => itemsOf(saleId).coupons,
    tenders: (saleId: string): TenderRecord[] => itemsOf(saleId).tenders,
    insertRefund: (row: RefundRow): 'inserted' | 'duplicate' =>
      insertRefund.run({ ...row, couponsReturned: JSON.stringify(row.couponsReturned), receipt: '' }).changes === 1
        ? 'inserted'
        : 'duplicate',
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
    spendSince: (memberId: string, since: string): number => spendSince.get(memberId, since, memberId, since)!.n,
  };
}
