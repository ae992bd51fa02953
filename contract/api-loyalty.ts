// Loyalty and checkout: catalogue, points ledger, tiers, coupons, sales, refunds, day close.
import { z } from 'zod';
import { methodsOf } from './method';
import { fail, id, int, noInput, oneOf, text } from './schema-kit';
import {
  externalTenderMethods,
  type CheckoutResult,
  type CouponDefinitionInfo,
  type DayReportResult,
  type LoyaltyJobResult,
  type MemberCoupon,
  type MemberLoyalty,
  type ProductInfo,
  type RefundPreview,
  type RefundResult,
  type SaleQuote,
  type SaleRecord,
  type TierInfo,
} from './loyalty-types';

const m = methodsOf('loyalty');

const memberId = id('MEMBER_UNKNOWN');
/** Made by the client once per sale or refund; a retry with the same id answers the first result. */
const requestId = z.string(fail('REQUEST_ID_INVALID')).regex(/^[A-Za-z0-9_-]{8,64}$/, fail('REQUEST_ID_INVALID'));
/** Enough for any till: a bigger amount is a typing mistake. */
const maxAmountMinor = 10_000_000_00;
const reference = text('TENDER_REFERENCE_REQUIRED', { max: 64, field: 'reference' });

export const saleLineInput = z.object({
  productId: id('PRODUCT_UNKNOWN'),
  quantity: int('QUANTITY_INVALID', 1, 999, 'quantity'),
});

export const saleDraft = z.object({
  memberId: memberId.nullish().transform((v) => v ?? null),
  lines: z
    .array(saleLineInput, fail('INVALID_INPUT', { field: 'lines' }))
    .max(100, fail('INVALID_INPUT', { field: 'lines' })),
  couponCodes: z
    .array(text('COUPON_UNKNOWN', { max: 64, field: 'coupon' }), fail('INVALID_INPUT', { field: 'couponCodes' }))
    .max(5, fail('INVALID_INPUT', { field: 'couponCodes' }))
    .default([]),
  pointsToRedeem: int('POINTS_INVALID', 0, Number.MAX_SAFE_INTEGER, 'points').default(0),
});
/** A basket as the counter holds it (every field present); clients may leave defaults out. */
export type SaleDraft = z.output<typeof saleDraft>;
export type SaleLineInput = z.input<typeof saleLineInput>;

const tenderMethod = oneOf(['cash', ...externalTenderMethods], 'TENDER_INVALID', 'tenders');
export const tenderInput = z.object({
  method: tenderMethod,
  amountMinor: int('TENDER_INVALID', 0, maxAmountMinor, 'tenders'),
  /** Card and mobile payments: the terminal's transaction reference (required when an amount is paid). */
  reference: reference.nullish(),
});
export type TenderInput = z.input<typeof tenderInput>;

export const checkoutRequest = saleDraft.extend({
  requestId,
  tenders: z
    .array(tenderInput, fail('TENDER_INVALID', { field: 'tenders' }))
    .max(4, fail('TENDER_INVALID', { field: 'tenders' })),
});
export type CheckoutRequest = z.input<typeof checkoutRequest>;

export const refundLineInput = z.object({
  lineId: text('INVALID_INPUT', { max: 64, field: 'lines' }),
  quantity: int('QUANTITY_INVALID', 0, 999, 'quantity'),
});
export type RefundLineInput = z.input<typeof refundLineInput>;

export const refundRequest = z.object({
  requestId,
  receiptNo: text('SALE_UNKNOWN', { max: 64, field: 'receiptNo' }),
  lines: z.array(refundLineInput, fail('REFUND_EMPTY')).max(100, fail('INVALID_INPUT', { field: 'lines' })),
  tender: z.object(
    { method: oneOf(['cash', ...externalTenderMethods], 'TENDER_INVALID', 'tender'), reference: reference.nullish() },
    fail('TENDER_INVALID', { field: 'tender' }),
  ),
});
export type RefundRequest = z.input<typeof refundRequest>;

/** A refund as the cashier is choosing it: no request id (nothing is recorded). */
export const refundPreviewRequest = refundRequest.omit({ requestId: true });
export type RefundPreviewRequest = z.input<typeof refundPreviewRequest>;

export const loyaltyMethods = {
  listProducts: m.staff(noInput).returns<ProductInfo[]>(),
  listTiers: m.staff(noInput).returns<TierInfo[]>(),
  listCouponDefinitions: m.staff(noInput).returns<CouponDefinitionInfo[]>(),
  getMemberLoyalty: m.staff(z.object({ memberId })).returns<MemberLoyalty>(),
  /** `points` may be negative; a reason is required. */
  adjustPoints: m
    .manager(
      z.object({
        memberId,
        points: int('POINTS_INVALID', -1_000_000, 1_000_000, 'points'),
        reason: text('REASON_REQUIRED', { max: 200, tooLong: 'REASON_TOO_LONG', field: 'reason', required: true }),
      }),
    )
    .returns<MemberLoyalty>(),
  issueCoupon: m.staff(z.object({ memberId, definitionId: id('COUPON_DEFINITION_UNKNOWN') })).returns<MemberCoupon>(),
  /** Prices a sale in progress without writing anything; refuses a bad coupon with its reason. */
  quoteSale: m.staff(saleDraft).returns<SaleQuote>(),
  /** Records the sale; the same requestId retried records it once. */
  checkout: m.staff(checkoutRequest).returns<CheckoutResult>(),
  getSale: m
    .staff(z.object({ receiptNo: text('SALE_UNKNOWN', { max: 64, field: 'receiptNo' }) }))
    .returns<SaleRecord>(),
  /** What `refund` with the same lines would give back (money, points, coupons); writes nothing. */
  previewRefund: m.staff(refundPreviewRequest).returns<RefundPreview>(),
  refund: m.staff(refundRequest).returns<RefundResult>(),
  /** Points expiry and tier downgrades; also runs on a schedule. */
  runLoyaltyJobs: m.staff(noInput).returns<LoyaltyJobResult>(),
  /** X report: the running day, nothing is closed; printed only when asked. */
  dayReport: m
    .staff(z.object({ print: z.boolean(fail('INVALID_INPUT', { field: 'print' })).optional() }).optional())
    .returns<DayReportResult>(),
  /** Z report: closes the day on this terminal. */
  closeDay: m.staff(noInput).returns<DayReportResult>(),
};

export interface LoyaltyEvents {
  /** A sale or refund committed on this terminal (other screens refresh balances). */
  saleRecorded: { saleId: string; receiptNo: string; memberId: string | null; kind: 'sale' | 'refund' };
}
