// Prices a basket: member prices by tier, coupons in the order applied, points as a tender, tax,
// and the points the sale earns. Pure: the checkout use case and the quote both call this, so what
// the cashier saw is exactly what is recorded.
import type {
  CouponDefinitionInfo,
  ErrorCode,
  LocalName,
  QuoteCoupon,
  QuoteLine,
  SaleTotals,
  TierInfo,
} from '../contract';
import { couponDiscount, type CouponRefusal } from './coupons';
import { allocate, mulDivRound } from './money';
import {
  checkRedemption,
  earnPoints,
  maxRedeemable,
  pointsValueMinor,
  type EarningRules,
  type RedeemRate,
} from './points';
import { unitPriceFor } from './tiers';

export interface TaxConfig {
  /** Chinese shelf prices include VAT; some markets add it at the till. */
  included: boolean;
  /** Basis points: 1300 = 13 %. */
  rateBp: number;
}

export interface PricingProduct {
  id: string;
  sku: string;
  name: LocalName;
  category: string;
  listPriceMinor: number;
  tierPrices: Record<string, number>;
  pointsEligible: boolean;
}

export interface PricingInput {
  lines: { product: PricingProduct; quantity: number }[];
  tier: TierInfo | null;
  tiers: readonly TierInfo[];
  coupons: { code: string; definition: CouponDefinitionInfo }[];
  pointsToRedeem: number;
  /** Usable points; null for an anonymous sale. */
  balance: number | null;
  redeem: RedeemRate;
  earning: EarningRules;
  birthdayMonth: boolean;
  tax: TaxConfig;
}

/** A quote line plus how the sale's points were spread over it (for refunds, line by line). */
export interface PricedLine extends QuoteLine {
  pointsRedeemed: number;
  pointsValueMinor: number;
  pointsEarned: number;
}

/** The priced basket: its lines and coupons, and the one totals value the sale carries. */
export interface PricedSale extends SaleTotals {
  lines: PricedLine[];
  coupons: QuoteCoupon[];
  maxRedeemablePoints: number;
}

export class PricingRefusal extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params?: Record<string, string | number>,
    readonly couponCode?: string,
  ) {
    super(code);
  }
}

export function taxOf(totalMinor: number, tax: TaxConfig): number {
  if (tax.rateBp <= 0) return 0;
  return tax.included
    ? mulDivRound(totalMinor, tax.rateBp, 10_000 + tax.rateBp)
    : mulDivRound(totalMinor, tax.rateBp, 10_000);
}

export function priceSale(input: PricingInput): PricedSale {
  const lines: PricedLine[] = input.lines.map(({ product, quantity }) => {
    const unit = unitPriceFor(product.listPriceMinor, product.tierPrices, input.tier, input.tiers);
    const amount = unit * quantity;
    return {
      productId: product.id,
      sku: product.sku,
      name: product.name,
      category: product.category,
      quantity,
      listUnitMinor: product.listPriceMinor,
      unitMinor: unit,
      amountMinor: amount,
      memberSavingMinor: (product.listPriceMinor - unit) * quantity,
      couponDiscountMinor: 0,
      netMinor: amount,
      pointsEligible: product.pointsEligible,
      pointsRedeemed: 0,
      pointsValueMinor: 0,
      pointsEarned: 0,
    };
  });

  const coupons: QuoteCoupon[] = [];
  for (const { code, definition } of input.coupons) {
    const result = couponDiscount(
      definition,
      lines.map((l) => ({
        productId: l.productId,
        category: l.category,
        unitMinor: l.unitMinor,
        quantity: l.quantity,
        netMinor: l.netMinor,
      })),
    );
    if (!('perLine' in result)) {
      const refusal = result as CouponRefusal;
      throw new PricingRefusal(refusal.code, refusal.params, code);
    }
    result.perLine.forEach((d, i) => {
      lines[i]!.couponDiscountMinor += d;
      lines[i]!.netMinor -= d;
    });
    coupons.push({
      code,
      definitionId: definition.id,
      name: definition.name,
      discountMinor: result.perLine.reduce((a, b) => a + b, 0),
    });
  }

  const netTotal = lines.reduce((a, l) => a + l.netMinor, 0);
  const taxMinor = taxOf(netTotal, input.tax);
  const totalMinor = input.tax.included ? netTotal : netTotal + taxMinor;
  const balance = input.balance ?? 0;
  const maxRedeemablePoints = input.balance === null ? 0 : maxRedeemable(balance, totalMinor, input.redeem);

  const points = input.pointsToRedeem;
  if (points !== 0 || !Number.isSafeInteger(points)) {
    if (input.balance === null) throw new PricingRefusal('POINTS_MEMBER_REQUIRED');
    const refusal = checkRedemption(points, balance, totalMinor, input.redeem);
    if (refusal) throw new PricingRefusal(refusal, { balance, max: maxRedeemablePoints });
  }
  const valueMinor = pointsValueMinor(points, input.redeem);
  // Points are a tender, but they are split over the lines so a refund returns each line's share.
  const weights = lines.map((l) => l.netMinor);
  const values = lines.length ? allocate(valueMinor, weights) : [];
  const pointsPerLine = lines.length ? allocate(points, weights) : [];
  lines.forEach((l, i) => {
    l.pointsValueMinor = values[i]!;
    l.pointsRedeemed = pointsPerLine[i]!;
  });

  let pointsEarned = 0;
  if (input.tier) {
    const earned = earnPoints(
      lines.map((l) => ({
        eligibleMinor: l.pointsEligible ? Math.max(0, l.netMinor - l.pointsValueMinor) : 0,
        category: l.category,
      })),
      input.earning,
      input.tier.pointsMultiplierPct,
      input.birthdayMonth,
    );
    earned.perLine.forEach((p, i) => (lines[i]!.pointsEarned = p));
    pointsEarned = earned.total;
  }

  const listTotalMinor = lines.reduce((a, l) => a + l.listUnitMinor * l.quantity, 0);
  return {
    lines,
    coupons,
    listTotalMinor,
    memberSavingsMinor: lines.reduce((a, l) => a + l.memberSavingMinor, 0),
    couponDiscountMinor: lines.reduce((a, l) => a + l.couponDiscountMinor, 0),
    totalMinor,
    taxMinor,
    pointsRedeemed: points,
    pointsValueMinor: valueMinor,
    maxRedeemablePoints,
    amountDueMinor: totalMinor - valueMinor,
    pointsEarned,
  };
}

export interface TenderCheck {
  code: ErrorCode;
  params?: Record<string, string | number>;
}

/**
 * External tenders (card, mobile) must not exceed what is due; cash may, and the difference is
 * change. Cash change can only come from cash: a card payment larger than the bill is refused.
 */
export function settleTenders(
  amountDueMinor: number,
  tenders: readonly { method: string; amountMinor: number }[],
): { changeMinor: number; cashReceivedMinor: number } | TenderCheck {
  const external = tenders.filter((t) => t.method !== 'cash').reduce((a, t) => a + t.amountMinor, 0);
  const cash = tenders.filter((t) => t.method === 'cash').reduce((a, t) => a + t.amountMinor, 0);
  if (external > amountDueMinor) return { code: 'TENDER_OVERPAID' };
  if (external + cash < amountDueMinor)
    return { code: 'TENDER_SHORT', params: { due: amountDueMinor - external - cash } };
  const change = external + cash - amountDueMinor;
  if (change > cash) return { code: 'TENDER_OVERPAID' };
  return { changeMinor: change, cashReceivedMinor: cash };
}
