// Coupons: whether one may be used right now, and what it takes off. Every refusal is an error
// code the cashier sees translated; the checks run in a fixed order so the reason shown is the
// one that matters most (a coupon that is both expired and someone else's is "expired").
import type { CouponDefinitionInfo, ErrorCode } from '../contract';
import { allocate, mulDivFloor } from './money';

export const couponQrPrefix = 'LINLI:CPN:';
const codeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Typed, scanned or read from a QR code: the code itself, or null when it cannot be one. */
export function normaliseCouponCode(input: string): string | null {
  let text = input.trim();
  if (text.toUpperCase().startsWith(couponQrPrefix)) text = text.slice(couponQrPrefix.length);
  const code = text.toUpperCase().replace(/\s/g, '');
  return /^[A-Z0-9][A-Z0-9-]{3,31}$/.test(code) ? code : null;
}

export function couponQrPayload(code: string): string {
  return couponQrPrefix + code;
}

/** Issued codes: 'C' and ten characters without look-alikes (about 50 bits). */
export function generateCouponCode(randomInt: (max: number) => number): string {
  let code = 'C';
  for (let i = 0; i < 10; i++) code += codeAlphabet[randomInt(codeAlphabet.length)];
  return code;
}

export interface CouponRefusal {
  code: ErrorCode;
  params?: Record<string, string | number>;
}

export interface CouponState {
  definition: CouponDefinitionInfo;
  /** The member an issued coupon belongs to; null for a generic code. */
  ownerMemberId: string | null;
  /** For an issued coupon: redemptions minus returns (single use). */
  timesUsed: number;
  /** How often this member has used this definition (per-member limit). */
  memberUses: number;
}

export interface CouponCheckContext {
  memberId: string | null;
  today: string;
  online: boolean;
}

/** The checks that do not depend on the basket. */
export function checkCoupon(state: CouponState, ctx: CouponCheckContext): CouponRefusal | null {
  const def = state.definition;
  if (ctx.today < def.validFrom) return { code: 'COUPON_NOT_YET_VALID', params: { from: def.validFrom } };
  if (ctx.today > def.validTo) return { code: 'COUPON_EXPIRED', params: { to: def.validTo } };
  if (state.ownerMemberId !== null) {
    if (ctx.memberId === null) return { code: 'COUPON_MEMBER_REQUIRED' };
    if (ctx.memberId !== state.ownerMemberId) return { code: 'COUPON_NOT_MEMBER' };
    if (state.timesUsed > 0) return { code: 'COUPON_USED' };
  }
  if (def.perMemberLimit !== null) {
    if (ctx.memberId === null) return { code: 'COUPON_MEMBER_REQUIRED' };
    if (state.memberUses >= def.perMemberLimit)
      return { code: 'COUPON_LIMIT_REACHED', params: { limit: def.perMemberLimit } };
  }
  if (!def.offlineAllowed && !ctx.online) return { code: 'COUPON_OFFLINE' };
  return null;
}

export interface CouponLine {
  productId: string;
  category: string;
  unitMinor: number;
  quantity: number;
  /** What is left of the line after earlier coupons. */
  netMinor: number;
}

export function isEligible(def: CouponDefinitionInfo, line: CouponLine): boolean {
  return def.categories.length === 0 || def.categories.includes(line.category);
}

/**
 * What the coupon takes off each line. Minimum spend counts the eligible lines at member prices
 * before this coupon; the discount is split over the eligible lines by largest remainder.
 */
export function couponDiscount(
  def: CouponDefinitionInfo,
  lines: readonly CouponLine[],
): { perLine: number[] } | CouponRefusal {
  const eligible = lines.map((l) => isEligible(def, l));
  const base = lines.reduce((sum, l, i) => (eligible[i] ? sum + l.netMinor : sum), 0);
  if (def.kind === 'free_item') {
    const index = lines.findIndex((l) => l.productId === def.freeProductId && l.netMinor > 0);
    if (index < 0) return { code: 'COUPON_NOT_APPLICABLE' };
    const total = lines.reduce((sum, l) => sum + l.netMinor, 0);
    if (total < def.minSpendMinor) return { code: 'COUPON_MIN_SPEND', params: { min: def.minSpendMinor } };
    const line = lines[index]!;
    return { perLine: lines.map((_, i) => (i === index ? Math.min(line.unitMinor, line.netMinor) : 0)) };
  }
  if (base <= 0) return { code: 'COUPON_NOT_APPLICABLE' };
  if (base < def.minSpendMinor) return { code: 'COUPON_MIN_SPEND', params: { min: def.minSpendMinor } };
  let discount: number;
  if (def.kind === 'amount_off') discount = Math.min(def.amountOffMinor ?? 0, base);
  else {
    // Percent off rounds down: the customer is never promised a fen the coupon does not give.
    discount = mulDivFloor(base, def.percentOff ?? 0, 100);
    if (def.capMinor !== null) discount = Math.min(discount, def.capMinor);
  }
  const perLine = allocate(
    discount,
    lines.map((l, i) => (eligible[i] ? l.netMinor : 0)),
  );
  return { perLine };
}
