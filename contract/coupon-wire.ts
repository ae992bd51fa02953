// Coupons between terminals and the hub: an issued coupon and each use of one travel down the
// members pull stream, and an online-only coupon is claimed from the hub before the sale commits
// (POST /v1/coupons/claim). Until the hub is the source of coupon definitions, what the hub knows of
// a coupon's rules is what the terminals tell it: the definition with coupon.issued, the rules with
// each sale's coupons and with each claim (docs/sync-conflicts.md).
import { z } from 'zod';

const text = (max: number) => z.string().min(1).max(max);
const minor = z.number().int().min(0);

/** A coupon definition as a terminal keeps it (CouponDefinitionInfo), checked when it arrives. */
export const couponDefinitionWire = z.looseObject({
  id: text(64),
  name: z.object({ zh: z.string().max(200), en: z.string().max(200) }),
  kind: z.enum(['amount_off', 'percent_off', 'free_item']),
  amountOffMinor: minor.nullable(),
  percentOff: z.number().int().min(0).max(100).nullable(),
  capMinor: minor.nullable(),
  freeProductId: z.string().max(64).nullable(),
  minSpendMinor: minor,
  categories: z.array(z.string().max(40)).max(50),
  validFrom: text(10),
  validTo: text(10),
  perMemberLimit: z.number().int().min(1).nullable(),
  offlineAllowed: z.boolean(),
  genericCode: z.string().max(64).nullable(),
});
export type CouponDefinitionWire = z.infer<typeof couponDefinitionWire>;

/**
 * The rules of one coupon on a sale, as the selling terminal applied them: a personal (issued)
 * coupon is single-use; a definition may limit how often one member uses it. Optional on the wire:
 * an older terminal's sale says nothing and the hub then knows only what coupon.issued told it.
 */
export const saleCouponRules = {
  singleUse: z.boolean().optional(),
  perMemberLimit: z.number().int().min(1).nullable().optional(),
  offlineAllowed: z.boolean().optional(),
};

/** POST /v1/coupons/claim (terminal credential): an online-only coupon about to be used on a sale. */
export const couponClaimRequest = z.object({
  /** The sale the terminal is about to commit (made before the claim): a retry names the same one. */
  saleId: text(64),
  code: text(64),
  definitionId: text(64),
  memberId: text(64).nullable(),
  singleUse: z.boolean(),
  perMemberLimit: z.number().int().min(1).nullable(),
});
export type CouponClaimRequest = z.infer<typeof couponClaimRequest>;

/** Why the hub refused a claim; each is a terminal error code with its message. */
export const couponClaimRefusals = ['COUPON_USED', 'COUPON_LIMIT_REACHED', 'COUPON_NOT_MEMBER'] as const;
export type CouponClaimRefusal = (typeof couponClaimRefusals)[number];

export const couponClaimResponse = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('confirmed'),
    /** Until when the use is held for this sale if its sale.completed has not arrived (then it lapses). */
    heldUntil: z.string(),
  }),
  z.object({
    status: z.literal('refused'),
    reason: z.string(),
    limit: z.number().int().nullable().default(null),
  }),
]);
export type CouponClaimResponse =
  { status: 'confirmed'; heldUntil: string } | { status: 'refused'; reason: CouponClaimRefusal; limit: number | null };
