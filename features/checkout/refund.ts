// Refunds against the original receipt: full or partial, by line and quantity. Each refunded unit
// reverses its share of the points it earned and returns its share of the points it was paid
// with (domain/ledger.ts); the quantity check (in refund-plan.ts and a trigger in the database)
// means nothing can be reversed twice. What a refund gives back (money, points, coupons: the rule
// of docs/decisions/0004) is worked out by planRefund, for the refund and for its preview alike.
import { withdrawPurchaseVotes } from '../contests/contests';
import {
  LinliError,
  type ParsedInput,
  type RefundPreview,
  type RefundRecord,
  type RefundResult,
  type SaleRecord,
  type TenderRecord,
} from '../../contract';
import { formatReceiptNo, normaliseReceiptNo, terminalTag } from '../../domain/receipt-number';
import { refundReceipt } from '../../domain/sale-receipt';
import type { RefundLineRow, RefundRow } from '../../db/repositories/sales';
import type { Ports } from '../ports';
import { expiresOnFor } from '../loyalty/loyalty-accounts';
import { loyaltyPolicy, receiptStore } from '../loyalty/loyalty-config';
import type { SomeHandlers } from '../handler';
import { planRefund, refundPreview, wantedLines } from './refund-plan';
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
  const wanted = wantedLines(sale, input.lines);
  const tender = checkTender(input.tender);
  const at = ports.clock.now().toISOString();
  const refundId = ports.ids.newId();
  const store = receiptStore(ports);
  let balanceAfter: number | null = null;
  let printJobId: string | null = null;
  let withdrawnFrom: string[] = [];
  try {
    ports.store.transaction(() => {
      // Read again inside the transaction: another refund of the same receipt may have committed.
      const lines = ports.store.sales.lines(sale.id);
      const memberId = sale.member?.id ?? null;
      const expiresOn = expiresOnFor(ports, loyaltyPolicy(ports).expiry);
      const seq = ports.store.sales.nextSequence(ports.config.terminalId);
      const receiptNo = formatReceiptNo(terminalTag(ports.config.terminalId), seq);
      const plan = planRefund(ports, sale.id, lines, wanted);
      const rows: RefundLineRow[] = plan.lines.map((l) => ({ ...l, id: ports.ids.newId() }));
      const { couponsReturned } = plan;
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
        amountMinor: plan.amountMinor,
        netMinor: plan.netMinor,
        pointsReversed: plan.pointsReversed,
        pointsReturned: plan.pointsReturned,
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
      // Refunded in full: the purchase's contest votes are withdrawn (decision 0025), once.
      const full = ports.store.sales.lines(sale.id).every((l) => l.refundedQuantity >= l.quantity);
      withdrawnFrom = withdrawPurchaseVotes(ports, sale.id, full, at);
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
  if (withdrawnFrom.length) ports.events.emit('contestVotes', { contestIds: withdrawnFrom });
  return result;
}

/** What `refund` would give back for these lines, by the same plan; writes nothing. */
function previewRefund(ports: Ports, input: ParsedInput<'previewRefund'>): RefundPreview {
  const sale = getSale(ports, { receiptNo: input.receiptNo });
  const plan = planRefund(ports, sale.id, ports.store.sales.lines(sale.id), wantedLines(sale, input.lines));
  const memberId = sale.member?.id ?? null;
  return refundPreview(plan, input.tender.method, memberId ? ports.store.points.balance(memberId) : null);
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
  previewRefund: (input, { ports }) => previewRefund(ports, input),
  refund: (input, { ports, staff }) => refund(ports, input, staff),
} satisfies SomeHandlers;
