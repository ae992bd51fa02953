import { LinliError, type SaleRecord } from '../../contract';
import type { SaleRow } from '../../db/repositories/sales';
import type { ServiceContext } from '../context';
import { toSummary } from '../members/member-views';

export function saleRecord(ctx: ServiceContext, row: SaleRow): SaleRecord {
  const member = row.memberId ? ctx.repos.members.get(row.memberId) : null;
  return {
    id: row.id,
    receiptNo: row.receiptNo,
    at: row.at,
    staffName: ctx.repos.staff.get(row.staffId)?.name ?? '',
    member: member ? toSummary(ctx, member) : null,
    currency: row.currency,
    lines: ctx.repos.sales.lines(row.id),
    coupons: ctx.repos.sales.coupons(row.id),
    tenders: ctx.repos.sales.tenders(row.id),
    totalMinor: row.totalMinor,
    amountDueMinor: row.amountDueMinor,
    cashReceivedMinor: row.cashReceivedMinor,
    changeMinor: row.changeMinor,
    pointsEarned: row.pointsEarned,
    pointsRedeemed: row.pointsRedeemed,
    refundedMinor: ctx.repos.sales.refundedOfSale(row.id).amount,
  };
}

const requestIdPattern = /^[A-Za-z0-9_-]{8,64}$/;

export function checkRequestId(value: unknown): string {
  if (typeof value !== 'string' || !requestIdPattern.test(value)) throw new LinliError('REQUEST_ID_INVALID');
  return value;
}

/**
 * Queues a printout. Called inside the use case's transaction: the print job row commits with the
 * sale (a committed sale always has its receipt queued, with one fsync instead of two) and the
 * queue only starts printing after the transaction. A queue problem never undoes a sale.
 */
export function queuePrint(ctx: ServiceContext, doc: Parameters<ServiceContext['print']>[0]): string | null {
  try {
    return ctx.print(doc);
  } catch {
    return null;
  }
}

export function isUniqueViolation(error: unknown, what: string): boolean {
  return error instanceof Error && /UNIQUE constraint failed/.test(error.message) && error.message.includes(what);
}
