import { createHash } from 'node:crypto';
import { LinliError, saleTotalsOf, type ReceiptDocument, type SaleRecord } from '../../contract';
import type { SaleRow } from '../../db/repositories/sales';
import type { Ports, PrintOptions } from '../ports';
import { toSummary } from '../members/member-views';

export function saleRecord(ports: Ports, row: SaleRow): SaleRecord {
  const member = row.memberId ? ports.store.members.get(row.memberId) : null;
  return {
    ...saleTotalsOf(row),
    cashReceivedMinor: row.cashReceivedMinor,
    changeMinor: row.changeMinor,
    id: row.id,
    receiptNo: row.receiptNo,
    at: row.at,
    staffName: ports.store.staff.get(row.staffId)?.name ?? '',
    member: member ? toSummary(ports, member) : null,
    currency: row.currency,
    lines: ports.store.sales.lines(row.id),
    coupons: ports.store.sales.coupons(row.id),
    tenders: ports.store.sales.tenders(row.id),
    refundedMinor: ports.store.sales.refundedOfSale(row.id).amount,
  };
}

/**
 * What a request asked for, as a hash: a retry carries the same id and the same request, so it
 * answers the first result; the same id with another basket is a client bug, refused (as payment
 * APIs refuse a reused idempotency key) instead of silently replaying the first sale.
 */
export function requestHash(request: unknown): string {
  // The request as the schema parsed it: keys in the schema's order, defaults filled in, so the
  // same request always serialises to the same text.
  return createHash('sha256').update(JSON.stringify(request)).digest('base64url');
}

/**
 * Thrown inside a sale's or refund's transaction when the insert finds its request id taken (the
 * same request committed from another window first): the transaction rolls back and the caller
 * answers the one that won.
 */
export const duplicateRequest = new Error('duplicate request');

/** The earlier record of a retried request; refused when the retry asks for something else. Rows from before hashes were kept (null) replay. */
export function checkReplay<T extends { requestHash: string | null }>(earlier: T, hash: string): T {
  if (earlier.requestHash !== null && earlier.requestHash !== hash) throw new LinliError('REQUEST_ID_REUSED');
  return earlier;
}

/**
 * Queues a printout. Called inside the use case's transaction: the print job row commits with the
 * sale (a committed sale always has its receipt queued, with one fsync instead of two) and the
 * queue only starts printing after the transaction. A queue problem never undoes a sale.
 */
export function queuePrint(ports: Ports, doc: ReceiptDocument, options?: PrintOptions): string | null {
  try {
    return ports.printer.print(doc, options);
  } catch {
    return null;
  }
}
