// Refunds against the original receipt: full or partial, by line and quantity. Each refunded unit
// reverses its share of the points it earned and returns its share of the points it was paid
// with (domain/ledger.ts); the quantity check (here and a trigger in the database) means
// nothing can be reversed twice. Coupon rule (docs/decisions/0004): a partial refund keeps the
// coupon used and refunds what the customer actually paid for the lines; refunding the whole sale
// gives the coupon back if it is still within its validity window.
import {
  LinliError,
  type ParsedInput,
  type RefundRecord,
  type RefundResult,
  type SaleRecord,
  type TenderRecord,
} from '../../contract';
import { refundLine } from '../../domain/ledger';
import { cumulativeShare } from '../../domain/money';
import { formatReceiptNo, normaliseReceiptNo, terminalTag } from '../../domain/receipt-number';
import { refundReceipt } from '../../domain/sale-receipt';
import type { RefundLineRow, RefundRow } from '../../db/repositories/sales';
import type { Ports } from '../ports';
import { expiresOnFor } from '../loyalty/loyalty-accounts';
import { loyaltyPolicy, receiptStore, today } from '../loyalty/loyalty-config';
import type { SomeHandlers } from '../handler';
import { checkReplay, duplicateRequest, queuePrint, requestHash, saleRecord } from './sale-views';

export function getSale(ports: Ports, input: { receiptNo: string }): SaleRecord {
  const receiptNo = normaliseReceiptNo(input.receiptNo);
  const row = receiptNo ? ports.store.sales.byReceiptNo(receiptNo) : null;
  if (!row) throw new LinliError('SALE_UNKNOWN', undefined, 'receiptNo');
  return saleRecord(ports, row);
}

function refundRecord(ports: Ports, row: RefundRow, saleReceiptNo: string): RefundRecord {
  return {
    id: row.id,
    receiptNo: row.receiptNo,
    saleReceiptNo,
    at: row.at,
    amountMinor: row.amountMinor,
    pointsReversed: row.pointsReversed,
    pointsReturned: row.pointsReturned,
    couponsReturned: row.couponsReturned,
    lines: ports.store.sales.refundLines(row.id),
    tender: { method: row.tenderMethod, amountMinor: row.amountMinor, reference: row.tenderReference },
  };
}

function checkTender(t: ParsedInput<'refund'>['tender']): { method: TenderRecord['method']; reference: string | null } {
  if (t.method === 'cash') return { method: 'cash', reference: null };
  const reference = t.reference?.trim() ?? '';
  if (!reference) throw new LinliError('TENDER_REFERENCE_REQUIRED', undefined, 'reference');
  return { method: t.method, reference };
}

function refund(ports: Ports, input: ParsedInput<'refund'>, staff: { id: string }): RefundResult {
  const { requestId, ...request } = input;
  const hash = requestHash(request);
  const earlier = ports.store.sales.refundByRequestId(requestId);
  if (earlier) return replay(ports, checkReplay(earlier, hash));
  const sale = getSale(ports, { receiptNo: input.receiptNo });
  if (input.lines.length === 0) throw new LinliError('REFUND_EMPTY');
  const wanted = new Map<string, number>();
  for (const l of input.lines) {
    if (!sale.lines.some((s) => s.id === l.lineId)) throw new LinliError('INVALID_INPUT', undefined, 'lines');
    if (l.quantity > 0) wanted.set(l.lineId, (wanted.get(l.lineId) ?? 0) + l.quantity);
  }
  if (wanted.size === 0) throw new LinliError('REFUND_EMPTY');
  const tender = checkTender(input.tender);
  const at = ports.clock.now().toISOString();
  const refundId = ports.ids.newId();
  const store = receiptStore(ports);
  let balanceAfter: number | null = null;
  let printJobId: string | null = null;
  try {
    ports.store.transaction(() => {
      // Read again inside the transaction: another refund of the same receipt may have committed.
      const lines = ports.store.sales.lines(sale.id);
      const memberId = sale.member?.id ?? null;
      const expiresOn = expiresOnFor(ports, loyaltyPolicy(ports).expiry);
      const seq = ports.store.sales.nextSequence(ports.config.terminalId);
      const receiptNo = formatReceiptNo(terminalTag(ports.config.terminalId), seq);
      const rows: RefundLineRow[] = [];
      for (const [lineId, quantity] of wanted) {
        const line = lines.find((l) => l.id === lineId)!;
        if (line.refundedQuantity + quantity > line.quantity)
          throw new LinliError('REFUND_QUANTITY', { max: line.quantity - line.refundedQuantity }, 'quantity');
        const r = refundLine(
          {
            quantity: line.quantity,
            pointsEarned: line.pointsEarned,
            pointsRedeemed: line.pointsRedeemed,
            valueMinor: line.netMinor - line.pointsValueMinor,
            refundedQuantity: line.refundedQuantity,
          },
          quantity,
        );
        rows.push({
          id: ports.ids.newId(),
          saleLineId: lineId,
          quantity,
          amountMinor: r.amountMinor,
          netMinor: cumulativeShare(line.netMinor, line.quantity, line.refundedQuantity, quantity),
          pointsReversed: r.reverseEarned,
          pointsReturned: r.returnRedeemed,
        });
        line.refundedQuantity += quantity;
      }
      const everything = lines.every((l) => l.refundedQuantity === l.quantity);
      const day = today(ports);
      const couponsReturned = everything
        ? ports.store.sales
            .coupons(sale.id)
            .filter((c) => (ports.store.coupons.definition(c.definitionId)?.validTo ?? '') >= day)
            .map((c) => c.code)
        : [];
      const row: RefundRow = {
        id: refundId,
        requestId,
        requestHash: hash,
        receiptNo,
        terminalId: ports.config.terminalId,
        seq,
        saleId: sale.id,
        staffId: staff.id,
        at,
        amountMinor: rows.reduce((a, r) => a + r.amountMinor, 0),
        netMinor: rows.reduce((a, r) => a + r.netMinor, 0),
        pointsReversed: rows.reduce((a, r) => a + r.pointsReversed, 0),
        pointsReturned: rows.reduce((a, r) => a + r.pointsReturned, 0),
        tenderMethod: tender.method,
        tenderReference: tender.reference,
        couponsReturned,
      };
      if (ports.store.sales.insertRefund(row) === 'duplicate') throw duplicateRequest;
      for (const r of rows) {
        if (ports.store.sales.insertRefundLine({ ...r, refundId }) === 'exceeds')
          throw new LinliError('REFUND_QUANTITY');
        if (!memberId) continue;
        const entry = {
          memberId,
          saleId: sale.id,
          sourceId: r.id,
          storeId: store.id,
          terminalId: ports.config.terminalId,
          staffId: staff.id,
          at,
          reason: 'refund',
        };
        // Earned points taken back (never expire: they are a debit), redeemed points given back.
        for (const [points, expires] of [
          [r.pointsReversed, null],
          [r.pointsReturned, expiresOn],
        ] as const) {
          if (points)
            ports.store.points.append({ ...entry, id: ports.ids.newId(), kind: 'reverse', points, expiresOn: expires });
        }
      }
      for (const c of ports.store.sales.coupons(sale.id)) {
        if (!couponsReturned.includes(c.code)) continue;
        ports.store.coupons.recordUse({
          id: ports.ids.newId(),
          code: c.code,
          definitionId: c.definitionId,
          memberId,
          saleId: sale.id,
          refundId,
          delta: -1,
          at,
        });
      }
      if (memberId) balanceAfter = ports.store.points.balance(memberId);
      const record = refundRecord(ports, row, sale.receiptNo);
      ports.store.outbox.append({
        id: ports.ids.newId(),
        type: 'sale.refunded',
        aggregateId: sale.id,
        payload: {
          ...record,
          saleId: sale.id,
          memberId,
          staffId: staff.id,
          terminalId: ports.config.terminalId,
          requestId,
        },
        createdAt: at,
      });
      const doc = refundReceipt(record, saleRecord(ports, ports.store.sales.get(sale.id)!), store, balanceAfter);
      ports.store.sales.setRefundReceipt(refundId, doc);
      printJobId = queuePrint(ports, doc, { source: { kind: 'refund', id: refundId } });
    });
  } catch (error) {
    // The same request committed from another window first: answer that one.
    if (error === duplicateRequest)
      return replay(ports, checkReplay(ports.store.sales.refundByRequestId(requestId)!, hash));
    throw error;
  }
  const result = replay(ports, ports.store.sales.refundByRequestId(requestId)!);
  result.replayed = false;
  result.balanceAfter = balanceAfter;
  result.printJobId = printJobId;
  ports.events.emit('saleRecorded', {
    saleId: sale.id,
    receiptNo: result.refund.receiptNo,
    memberId: sale.member?.id ?? null,
    kind: 'refund',
  });
  return result;
}

function replay(ports: Ports, row: RefundRow): RefundResult {
  const saleRow = ports.store.sales.get(row.saleId)!;
  return {
    refund: refundRecord(ports, row, saleRow.receiptNo),
    sale: saleRecord(ports, saleRow),
    receipt: ports.store.sales.refundReceipt(row.id),
    printJobId: null,
    replayed: true,
    balanceAfter: saleRow.memberId ? ports.store.points.balance(saleRow.memberId) : null,
  };
}

export const refundHandlers = {
  getSale: (input, { ports }) => getSale(ports, input),
  refund: (input, { ports, staff }) => refund(ports, input, staff),
} satisfies SomeHandlers;
