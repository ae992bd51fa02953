// Loyalty and checkout: catalogue, points ledger, tiers, coupons, sales, refunds, day close.
import type {
  CheckoutRequest,
  CheckoutResult,
  CouponDefinitionInfo,
  DayReportResult,
  LoyaltyJobResult,
  MemberCoupon,
  MemberLoyalty,
  ProductInfo,
  RefundRequest,
  RefundResult,
  SaleDraft,
  SaleQuote,
  SaleRecord,
  TierInfo,
} from './loyalty-types';

export interface LoyaltyMethods {
  listProducts(): Promise<ProductInfo[]>;
  listTiers(): Promise<TierInfo[]>;
  listCouponDefinitions(): Promise<CouponDefinitionInfo[]>;
  getMemberLoyalty(input: { memberId: string }): Promise<MemberLoyalty>;
  /** Manager only; `points` may be negative; a reason is required. */
  adjustPoints(input: { memberId: string; points: number; reason: string }): Promise<MemberLoyalty>;
  issueCoupon(input: { memberId: string; definitionId: string }): Promise<MemberCoupon>;
  /** Prices a sale in progress without writing anything; refuses a bad coupon with its reason. */
  quoteSale(input: SaleDraft): Promise<SaleQuote>;
  /** Records the sale; the same requestId retried records it once. */
  checkout(input: CheckoutRequest): Promise<CheckoutResult>;
  getSale(input: { receiptNo: string }): Promise<SaleRecord>;
  refund(input: RefundRequest): Promise<RefundResult>;
  /** Points expiry and tier downgrades; also runs on a schedule. */
  runLoyaltyJobs(): Promise<LoyaltyJobResult>;
  /** X report: the running day, nothing is closed; printed only when asked. */
  dayReport(input?: { print?: boolean }): Promise<DayReportResult>;
  /** Z report: closes the day on this terminal. */
  closeDay(): Promise<DayReportResult>;
}

export const loyaltyMethodNames = [
  'listProducts',
  'listTiers',
  'listCouponDefinitions',
  'getMemberLoyalty',
  'adjustPoints',
  'issueCoupon',
  'quoteSale',
  'checkout',
  'getSale',
  'refund',
  'runLoyaltyJobs',
  'dayReport',
  'closeDay',
] as const satisfies readonly (keyof LoyaltyMethods)[];

export interface LoyaltyEvents {
  /** A sale or refund committed on this terminal (other screens refresh balances). */
  saleRecorded: { saleId: string; receiptNo: string; memberId: string | null; kind: 'sale' | 'refund' };
}
