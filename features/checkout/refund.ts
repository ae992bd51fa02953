// Refunds against the original receipt: full or partial, by line and quantity. Each refunded unit
// reverses its share of the points it earned and returns its share of the points it was paid
// with (domain/ledger.ts); the quantity check (here and a trigger in the database) means
// nothing can be reversed twice. Coupon rule (docs/decisions/0004): a partial refund keeps the
// coupon used and refunds what the customer actually paid for the lines; refunding the whole sale
// gives the coupon back if it is still within its validity window.
import { LinliError, externalTenderMethods, type ExternalTenderMethod, type RefundRecord, type RefundRequest, type RefundResult, type SaleRecord, type TenderRecord } from '../../contract';
import { refundLine } from '../../domain/ledger';
import { cumulativeShare } from '../../domain/money';
import { formatReceiptNo, normaliseReceiptNo, terminalTag } from '../../domain/receipt-number';
import { refundReceipt } from '../../domain/sale-receipt';
import type { RefundRow } from '../../db/repositories/sales';
import type { ServiceContext } from '../context';
import { expiresOnFor } from '../loyalty/loyalty-accounts';
import { loyaltyPolicy, receiptStore, today } from '../loyalty/loyalty-config';
import { checkRequestId, isUniqueViolation, queuePrint, saleRecord } from './sale-views';
import { requireStaff } from '../staff/staff-session';

export function getSale(ctx: ServiceContext, input: { receiptNo: string }): SaleRecord {
  requireStaff(ctx);
  const receiptNo = normaliseReceiptNo(input?.receiptNo);
  const row = receiptNo ? ctx.repos.sales.byReceiptNo(receiptNo) : null;
  if (!row) throw new LinliError('SALE_UNKNOWN', undefined, 'receiptNo');
  return saleRecord(ctx, row);
}

function refundRecord(ctx: ServiceContext, row: RefundRow, saleReceiptNo: string): RefundRecord {
  return {
    id: row.id,
    receiptNo: row.receiptNo,
    saleReceiptNo,
    at: row.at,
    amountMinor: row.amountMinor,
    pointsReversed: row.pointsReversed,
    pointsReturned: row.pointsReturned,
    couponsReturned: row.couponsReturned,
    lines: ctx.repos.sales.refundLines(row.id),
    tender: { method: row.tenderMethod, amountMinor: row.amountMinor, reference: row.tenderReference },
  };
}

function checkTender(input: unknown): { method: TenderRecord['method']; reference: string | null } {
  const t = input as { method?: unknown; reference?: unknown } | null;
  if (t?.method === 'cash') return { method: 'cash', reference: null };
  if (!externalTenderMethods.includes(t?.method as ExternalTenderMethod)) throw new LinliError('TENDER_INVALID', undefined, 'tender');
  const reference = typeof t!.reference === 'string' ? t!.reference.trim() : '';
  if (!reference || reference.length > 64) throw new LinliError('TENDER_REFERENCE_REQUIRED', undefined, 'reference');
  return { method: t!.method as ExternalTenderMethod, reference };
}

export function refund(ctx: ServiceContext, input: RefundRequest): RefundResult {
  const staff = requireStaff(ctx);
  const requestId = checkRequestId(input?.requestId);
  const earlier = ctx.repos.sales.refundByRequestId(requestId);
  if (earlier) return replay(ctx, earlier);
  const sale = getSale(ctx, { receiptNo: input.receiptNo });
  if (!Array.isArray(input.lines) || input.lines.length === 0) throw new LinliError('REFUND_EMPTY');
  const wanted = new Map<string, number>();
  for (const l of input.lines) {
    if (!Number.isSafeInteger(l?.quantity) || l.quantity < 0) throw new LinliError('QUANTITY_INVALID', undefined, 'quantity');
    if (!sale.lines.some((s) => s.id === l.lineId)) throw new LinliError('INVALID_INPUT', undefined, 'lines');
    if (l.quantity > 0) wanted.set(l.lineId, (wanted.get(l.lineId) ?? 0) + l.quantity);
  }
  if (wanted.size === 0) throw new LinliError('REFUND_EMPTY');
  const tender = checkTender(input.tender);
  const at = ctx.now().toISOString();
  const refundId = ctx.newId();
  const store = receiptStore(ctx);
  let balanceAfter: number | null = null;
  let printJobId: string | null = null;
  try {
    ctx.repos.transaction(() => {
      // Read again inside the transaction: another refund of the same receipt may have committed.
      const lines = ctx.repos.sales.lines(sale.id);
      const memberId = sale.member?.id ?? null;
      const expiresOn = expiresOnFor(ctx, loyaltyPolicy(ctx).expiry);
      const seq = ctx.repos.sales.nextSequence(ctx.terminalId);
      const receiptNo = formatReceiptNo(terminalTag(ctx.terminalId), seq);
      const rows: { id: string; saleLineId: string; quantity: number; amountMinor: number; netMinor: number; pointsReversed: number; pointsReturned: number }[] = [];
      for (const [lineId, quantity] of wanted) {
        const line = lines.find((l) => l.id === lineId)!;
        if (line.refundedQuantity + quantity > line.quantity) throw new LinliError('REFUND_QUANTITY', { max: line.quantity - line.refundedQuantity }, 'quantity');
        const r = refundLine({ quantity: line.quantity, pointsEarned: line.pointsEarned, pointsRedeemed: line.pointsRedeemed, valueMinor: line.netMinor - line.pointsValueMinor, refundedQuantity: line.refundedQuantity }, quantity);
        rows.push({
          id: ctx.newId(), saleLineId: lineId, quantity, amountMinor: r.amountMinor,
          netMinor: cumulativeShare(line.netMinor, line.quantity, line.refundedQuantity, quantity),
          pointsReversed: r.reverseEarned, pointsReturned: r.returnRedeemed,
        });
        line.refundedQuantity += quantity;
      }
      const everything = lines.every((l) => l.refundedQuantity === l.quantity);
      const day = today(ctx);
      const couponsReturned = everything
        ? ctx.repos.sales.coupons(sale.id).filter((c) => (ctx.repos.coupons.definition(c.definitionId)?.validTo ?? '') >= day).map((c) => c.code)
        : [];
      const row: RefundRow = {
        id: refundId, requestId, receiptNo, terminalId: ctx.terminalId, seq, saleId: sale.id, staffId: staff.id, at,
        amountMinor: rows.reduce((a, r) => a + r.amountMinor, 0), netMinor: rows.reduce((a, r) => a + r.netMinor, 0),
        pointsReversed: rows.reduce((a, r) => a + r.pointsReversed, 0), pointsReturned: rows.reduce((a, r) => a + r.pointsReturned, 0),
        tenderMethod: tender.method, tenderReference: tender.reference, couponsReturned,
      };
      ctx.repos.sales.insertRefund(row);
      for (const r of rows) {
        ctx.repos.sales.insertRefundLine({ ...r, refundId });
        if (!memberId) continue;
        const entry = { memberId, saleId: sale.id, sourceId: r.id, storeId: store.id, terminalId: ctx.terminalId, staffId: staff.id, at, reason: 'refund' };
        if (r.pointsReversed) ctx.repos.points.append({ ...entry, id: ctx.newId(), kind: 'reverse', points: r.pointsReversed, expiresOn: null });
        if (r.pointsReturned) ctx.repos.points.append({ ...entry, id: ctx.newId(), kind: 'reverse', points: r.pointsReturned, expiresOn });
      }
      for (const c of ctx.repos.sales.coupons(sale.id)) {
        if (!couponsReturned.includes(c.code)) continue;
        ctx.repos.coupons.recordUse({ id: ctx.newId(), code: c.code, definitionId: c.definitionId, memberId, saleId: sale.id, refundId, delta: -1, at });
      }
      if (memberId) balanceAfter = ctx.repos.points.balance(memberId);
      const record = refundRecord(ctx, row, sale.receiptNo);
      ctx.repos.outbox.append({ id: ctx.newId(), type: 'sale.refunded', aggregateId: sale.id, payload: { ...record, saleId: sale.id, memberId, staffId: staff.id, terminalId: ctx.terminalId, requestId }, createdAt: at });
      const doc = refundReceipt(record, saleRecord(ctx, ctx.repos.sales.get(sale.id)!), store, balanceAfter);
      ctx.repos.sales.setRefundReceipt(refundId, doc);
      printJobId = queuePrint(ctx, doc);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'refunds.request_id')) {
      const winner = ctx.repos.sales.refundByRequestId(requestId);
      if (winner) return replay(ctx, winner);
    }
    if (error instanceof Error && /refund exceeds the quantity sold/.test(error.message)) throw new LinliError('REFUND_QUANTITY');
    throw error;
  }
  const result = replay(ctx, ctx.repos.sales.refundByRequestId(requestId)!);
  result.replayed = false;
  result.balanceAfter = balanceAfter;
  result.printJobId = printJobId;
  ctx.emit('saleRecorded', { saleId: sale.id, receiptNo: result.refund.receiptNo, memberId: sale.member?.id ?? null, kind: 'refund' });
  return result;
}

function replay(ctx: ServiceContext, row: RefundRow): RefundResult {
  const saleRow = ctx.repos.sales.get(row.saleId)!;
  return {
    refund: refundRecord(ctx, row, saleRow.receiptNo),
    sale: saleRecord(ctx, saleRow),
    receipt: ctx.repos.sales.refundReceipt(row.id),
    printJobId: null,
    replayed: true,
    balanceAfter: saleRow.memberId ? ctx.repos.points.balance(saleRow.memberId) : null,
  };
}
