// What a sale and its refunds write to the points ledger. A sale writes one earn entry (+) and
// one redeem entry (−); each refund writes, per refunded line, the reversal of that line's earned
// points (−) and the return of its redeemed points (+), by the cumulative rule of money.ts. Because
// the amounts depend only on how many units were refunded before and now, and the quantity can
// never exceed what was sold, a line can never be reversed twice: refunding everything, in any
// number of refunds, writes exactly the opposite of the sale.
import { cumulativeShare } from './money';

export interface LedgerLine {
  quantity: number;
  pointsEarned: number;
  pointsRedeemed: number;
  valueMinor: number;
  /** Units refunded before this refund. */
  refundedQuantity: number;
}

export interface LineRefund {
  /** Negative or zero: earned points taken back. */
  reverseEarned: number;
  /** Positive or zero: redeemed points given back. */
  returnRedeemed: number;
  /** Money given back for the line: its share of what was paid other than with points. */
  amountMinor: number;
}

export function refundLine(line: LedgerLine, quantity: number): LineRefund {
  if (!Number.isSafeInteger(quantity) || quantity <= 0 || line.refundedQuantity + quantity > line.quantity) {
    throw new RangeError('refundLine: quantity out of range');
  }
  return {
    reverseEarned: -cumulativeShare(line.pointsEarned, line.quantity, line.refundedQuantity, quantity),
    returnRedeemed: cumulativeShare(line.pointsRedeemed, line.quantity, line.refundedQuantity, quantity),
    amountMinor: cumulativeShare(line.valueMinor, line.quantity, line.refundedQuantity, quantity),
  };
}
