// What a refund gives back, line by line: worked out once here for both the refund (inside its
// transaction) and its preview (before the cashier confirms), so the two cannot disagree.
import {
  LinliError,
  type RefundPreview,
  type SaleLineRecord,
  type SaleRecord,
  type TenderMethod,
} from '../../contract';
import { refundLine } from '../../domain/ledger';
import { cumulativeShare } from '../../domain/money';
import { today } from '../loyalty/loyalty-config';
import type { Ports } from '../ports';

export interface PlannedRefundLine {
  saleLineId: string;
  quantity: number;
  /** Money back: the units' share of what was paid other than with points. */
  amountMinor: number;
  /** The units' share of the line's net amount (money and points together). */
  netMinor: number;
  pointsReversed: number;
  pointsReturned: number;
}

export interface RefundPlan {
  lines: PlannedRefundLine[];
  amountMinor: number;
  netMinor: number;
  pointsReversed: number;
  pointsReturned: number;
  couponsReturned: string[];
}

/** The quantities asked for, by sale line; refuses a line of another sale and an empty refund. */
export function wantedLines(
  sale: SaleRecord,
  lines: readonly { lineId: string; quantity: number }[],
): Map<string, number> {
  if (lines.length === 0) throw new LinliError('REFUND_EMPTY');
  const wanted = new Map<string, number>();
  for (const l of lines) {
    if (!sale.lines.some((s) => s.id === l.lineId)) throw new LinliError('INVALID_INPUT', undefined, 'lines');
    if (l.quantity > 0) wanted.set(l.lineId, (wanted.get(l.lineId) ?? 0) + l.quantity);
  }
  if (wanted.size === 0) throw new LinliError('REFUND_EMPTY');
  return wanted;
}

/**
 * `lines` are the sale's lines as stored now (what earlier refunds took is in refundedQuantity).
 * Coupon rule (docs/decisions/0004): only the refund that leaves nothing of the sale gives its
 * coupons back, and only those still within their validity window.
 */
export function planRefund(
  ports: Ports,
  saleId: string,
  lines: readonly SaleLineRecord[],
  wanted: ReadonlyMap<string, number>,
): RefundPlan {
  const refunded = new Map(lines.map((l) => [l.id, l.refundedQuantity]));
  const planned: PlannedRefundLine[] = [];
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
    planned.push({
      saleLineId: lineId,
      quantity,
      amountMinor: r.amountMinor,
      netMinor: cumulativeShare(line.netMinor, line.quantity, line.refundedQuantity, quantity),
      pointsReversed: r.reverseEarned,
      pointsReturned: r.returnRedeemed,
    });
    refunded.set(lineId, line.refundedQuantity + quantity);
  }
  const everything = lines.every((l) => refunded.get(l.id) === l.quantity);
  const day = today(ports);
  const couponsReturned = everything
    ? ports.store.sales
        .coupons(saleId)
        .filter((c) => (ports.store.coupons.definition(c.definitionId)?.validTo ?? '') >= day)
        .map((c) => c.code)
    : [];
  const sum = (pick: (l: PlannedRefundLine) => number) => planned.reduce((a, l) => a + pick(l), 0);
  return {
    lines: planned,
    amountMinor: sum((l) => l.amountMinor),
    netMinor: sum((l) => l.netMinor),
    pointsReversed: sum((l) => l.pointsReversed),
    pointsReturned: sum((l) => l.pointsReturned),
    couponsReturned,
  };
}

/** The plan as the cashier confirms it; `balance` is the member's points before the refund. */
export function refundPreview(plan: RefundPlan, method: TenderMethod, balance: number | null): RefundPreview {
  return {
    tender: { method, amountMinor: plan.amountMinor },
    pointsReversed: plan.pointsReversed,
    pointsReturned: plan.pointsReturned,
    couponsReturned: plan.couponsReturned,
    lines: plan.lines.map((l) => ({ lineId: l.saleLineId, quantity: l.quantity, amountMinor: l.amountMinor })),
    balanceAfter: balance === null ? null : balance + plan.pointsReversed + plan.pointsReturned,
  };
}
