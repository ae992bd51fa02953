// Plain data for loyalty and checkout. Money is always an integer in minor units (fen) plus the
// store currency; points are integers; dates are ISO strings (local calendar days as YYYY-MM-DD).
import type { ReceiptDocument } from './receipt';
import type { MemberSummary } from './types';
import type { QuoteEntrant } from './contests-types';

export interface LocalName {
  zh: string;
  en: string;
}

export interface ProductInfo {
  id: string;
  sku: string;
  barcode: string | null;
  name: LocalName;
  category: string;
  listPriceMinor: number;
  /** Price per tier code ("gold member price"); tiers without an entry pay the list price. */
  tierPrices: Record<string, number>;
  pointsEligible: boolean;
  currency: string;
}

export type QualifyMetric = 'spend' | 'points';

export interface TierInfo {
  code: string;
  name: LocalName;
  rank: number;
  qualifyMetric: QualifyMetric;
  /** Fen of net spend or points earned within the window needed to reach this tier. */
  threshold: number;
  windowDays: number;
  /** 100 = ×1, 150 = ×1.5. */
  pointsMultiplierPct: number;
}

export interface TierProgressInfo {
  current: TierInfo;
  next: TierInfo | null;
  metric: QualifyMetric;
  /** What the member has in the next tier's window (fen or points). */
  value: number;
  /** What the next tier needs; null at the top tier. */
  target: number | null;
  /** 0..1, 1 at the top tier. */
  fraction: number;
}

export const ledgerKinds = ['earn', 'redeem', 'adjust', 'expire', 'reverse'] as const;
export type LedgerKind = (typeof ledgerKinds)[number];

export interface LedgerEntryInfo {
  id: string;
  kind: LedgerKind;
  points: number;
  reason: string;
  saleId: string | null;
  receiptNo: string | null;
  at: string;
  expiresOn: string | null;
  staffName: string | null;
}

export interface ExpiringPoints {
  points: number;
  /** The last day these points can be used. */
  on: string;
  /** Within the store's "expiring soon" window. */
  soon: boolean;
}

export interface MemberCoupon {
  code: string;
  qrPayload: string;
  definition: CouponDefinitionInfo;
  used: boolean;
}

export interface MemberLoyalty {
  memberId: string;
  balance: number;
  tier: TierInfo;
  progress: TierProgressInfo;
  expiring: ExpiringPoints | null;
  recent: LedgerEntryInfo[];
  coupons: MemberCoupon[];
  /** How many points one currency unit of redemption costs, for the checkout hint. */
  redeemRate: { points: number; valueMinor: number };
}

export type CouponKind = 'amount_off' | 'percent_off' | 'free_item';

export interface CouponDefinitionInfo {
  id: string;
  name: LocalName;
  kind: CouponKind;
  amountOffMinor: number | null;
  percentOff: number | null;
  capMinor: number | null;
  freeProductId: string | null;
  minSpendMinor: number;
  /** Empty means every category. */
  categories: string[];
  validFrom: string;
  validTo: string;
  perMemberLimit: number | null;
  offlineAllowed: boolean;
  /** A code anyone may use (printed on a flyer); null when coupons are issued one per member. */
  genericCode: string | null;
}

export const externalTenderMethods = ['bank_card', 'mobile'] as const;
export type ExternalTenderMethod = (typeof externalTenderMethods)[number];
export type TenderMethod = 'cash' | ExternalTenderMethod;

export interface QuoteLine {
  productId: string;
  sku: string;
  name: LocalName;
  category: string;
  quantity: number;
  listUnitMinor: number;
  unitMinor: number;
  /** quantity × unit price (member price). */
  amountMinor: number;
  /** (list − member price) × quantity. */
  memberSavingMinor: number;
  couponDiscountMinor: number;
  /** amountMinor − couponDiscountMinor: what this line costs the customer. */
  netMinor: number;
  pointsEligible: boolean;
  /** The line's share of the points redeemed on the sale (pricing spreads them by net amount). */
  pointsRedeemed: number;
  /** What those points paid of this line: netMinor − pointsValueMinor is paid in money. */
  pointsValueMinor: number;
}

export interface QuoteCoupon {
  code: string;
  definitionId: string;
  name: LocalName;
  discountMinor: number;
}

/**
 * A sale's totals: one value, made by pricing (domain/pricing.ts) and carried unchanged by the
 * quote, the sale record, the receipt and the database row. The keys are the declaration.
 */
export const saleTotalKeys = [
  /** List prices × quantities. */
  'listTotalMinor',
  /** What member (tier) prices saved against list prices. */
  'memberSavingsMinor',
  'couponDiscountMinor',
  /** What the sale costs after member prices and coupons, tax included. */
  'totalMinor',
  'taxMinor',
  'pointsRedeemed',
  /** What the redeemed points paid. */
  'pointsValueMinor',
  /** To be paid by cash or external tenders: totalMinor − pointsValueMinor. */
  'amountDueMinor',
  'pointsEarned',
] as const;
export type SaleTotals = Record<(typeof saleTotalKeys)[number], number>;

/** Picks the totals out of anything that carries them (a priced sale, a record, a row). */
export function saleTotalsOf(source: SaleTotals): SaleTotals {
  return Object.fromEntries(saleTotalKeys.map((k) => [k, source[k]])) as SaleTotals;
}

export interface SaleQuote extends SaleTotals {
  currency: string;
  member: (MemberSummary & { tier: TierInfo; balance: number }) | null;
  lines: QuoteLine[];
  coupons: QuoteCoupon[];
  taxIncluded: boolean;
  taxRateBp: number;
  /** Most points this sale could take right now (balance, sale total, step). */
  maxRedeemablePoints: number;
  redeemRate: { points: number; valueMinor: number };
  balanceAfter: number | null;
  /** A contest entrant's code in the coupon field: the entrant this sale votes for (issue 10). */
  entrant?: QuoteEntrant | null;
}

export interface TenderRecord {
  method: TenderMethod;
  amountMinor: number;
  reference: string | null;
}

export interface SaleLineRecord extends QuoteLine {
  id: string;
  pointsEarned: number;
  refundedQuantity: number;
}

/** How the tenders settled the amount due. */
export interface SaleSettlement {
  cashReceivedMinor: number;
  changeMinor: number;
}

export interface SaleRecord extends SaleTotals, SaleSettlement {
  id: string;
  receiptNo: string;
  at: string;
  staffName: string;
  member: MemberSummary | null;
  currency: string;
  lines: SaleLineRecord[];
  coupons: QuoteCoupon[];
  tenders: TenderRecord[];
  refundedMinor: number;
}

export interface CheckoutResult {
  sale: SaleRecord;
  receipt: ReceiptDocument;
  printJobId: string | null;
  /** True when this request id had already been recorded (a retry): nothing new was written. */
  replayed: boolean;
  balanceAfter: number | null;
  tierChanged: TierInfo | null;
}

export interface RefundRecord {
  id: string;
  receiptNo: string;
  saleReceiptNo: string;
  at: string;
  amountMinor: number;
  pointsReversed: number;
  pointsReturned: number;
  couponsReturned: string[];
  lines: RefundLineAmount[];
  tender: TenderRecord;
}

/** One refunded line: how many units and the money they give back. */
export interface RefundLineAmount {
  lineId: string;
  quantity: number;
  amountMinor: number;
}

/**
 * What a refund gives back, worked out before anything is written (previewRefund) by the same code
 * the refund records with, so the figures the cashier confirms are the figures recorded.
 */
export interface RefundPreview {
  /** Money back, all to the one refund tender. */
  tender: { method: TenderMethod; amountMinor: number };
  /** Negative or zero: points the refunded units had earned, taken back. */
  pointsReversed: number;
  /** Positive or zero: points the refunded units were paid with, given back. */
  pointsReturned: number;
  couponsReturned: string[];
  lines: RefundLineAmount[];
  /** The member's points after the refund; null for an anonymous sale. */
  balanceAfter: number | null;
}

export interface RefundResult {
  refund: RefundRecord;
  sale: SaleRecord;
  receipt: ReceiptDocument;
  printJobId: string | null;
  replayed: boolean;
  balanceAfter: number | null;
}

export interface LoyaltyJobResult {
  expiredMembers: number;
  expiredPoints: number;
  downgraded: number;
}

export interface ReportTenderRow {
  method: TenderMethod | 'points';
  salesMinor: number;
  refundsMinor: number;
}

export interface ReportStaffRow {
  staffId: string;
  staffName: string;
  sales: number;
  salesMinor: number;
  refunds: number;
  refundsMinor: number;
}

export interface DayReport {
  kind: 'x' | 'z';
  /** Z reports are numbered per terminal; null for X. */
  number: number | null;
  from: string | null;
  to: string;
  currency: string;
  sales: number;
  refunds: number;
  grossMinor: number;
  refundsMinor: number;
  netMinor: number;
  memberSavingsMinor: number;
  couponDiscountMinor: number;
  couponsUsed: number;
  pointsIssued: number;
  pointsRedeemed: number;
  newMembers: number;
  tenders: ReportTenderRow[];
  staff: ReportStaffRow[];
}

export interface DayReportResult {
  report: DayReport;
  receipt: ReceiptDocument;
  printJobId: string | null;
}

export type {
  CheckoutRequest,
  RefundLineInput,
  RefundPreviewRequest,
  RefundRequest,
  SaleDraft,
  SaleLineInput,
  TenderInput,
} from './api-loyalty';
