import { describe, expect, it } from 'vitest';
import { definition } from './fixtures';
import {
  checkCoupon,
  couponDiscount,
  couponQrPayload,
  generateCouponCode,
  normaliseCouponCode,
  type CouponState,
} from './coupons';

const state = (over: Partial<CouponState> = {}): CouponState => ({
  definition: definition(),
  ownerMemberId: null,
  timesUsed: 0,
  memberUses: 0,
  ...over,
});
const ctx = { memberId: 'm1', today: '2026-06-01', online: false };

describe('coupon checks: every refusal has its reason', () => {
  it('accepts a valid coupon', () => {
    expect(checkCoupon(state(), ctx)).toBeNull();
    expect(checkCoupon(state({ ownerMemberId: 'm1' }), ctx)).toBeNull();
  });
  it('not yet valid, expired (the last day still counts)', () => {
    expect(checkCoupon(state(), { ...ctx, today: '2025-12-31' })?.code).toBe('COUPON_NOT_YET_VALID');
    expect(checkCoupon(state(), { ...ctx, today: '2027-01-01' })?.code).toBe('COUPON_EXPIRED');
    expect(checkCoupon(state(), { ...ctx, today: '2026-12-31' })).toBeNull();
  });
  it("someone else's, no member, already used", () => {
    expect(checkCoupon(state({ ownerMemberId: 'm2' }), ctx)?.code).toBe('COUPON_NOT_MEMBER');
    expect(checkCoupon(state({ ownerMemberId: 'm2' }), { ...ctx, memberId: null })?.code).toBe(
      'COUPON_MEMBER_REQUIRED',
    );
    expect(checkCoupon(state({ ownerMemberId: 'm1', timesUsed: 1 }), ctx)?.code).toBe('COUPON_USED');
  });
  it('per-member limit, offline', () => {
    const limited = state({ definition: definition({ perMemberLimit: 1 }), memberUses: 1 });
    expect(checkCoupon(limited, ctx)).toEqual({ code: 'COUPON_LIMIT_REACHED', params: { limit: 1 } });
    const online = state({ definition: definition({ offlineAllowed: false }) });
    expect(checkCoupon(online, ctx)?.code).toBe('COUPON_OFFLINE');
    expect(checkCoupon(online, { ...ctx, online: true })).toBeNull();
  });
});

describe('coupon discounts', () => {
  const lines = [
    { productId: 'tea', category: 'tea', unitMinor: 6000, quantity: 1, netMinor: 6000 },
    { productId: 'cake', category: 'snacks', unitMinor: 3500, quantity: 1, netMinor: 3500 },
    { productId: 'cup', category: 'teaware', unitMinor: 4500, quantity: 2, netMinor: 9000 },
  ];
  it('amount off over a minimum, split over the lines', () => {
    const r = couponDiscount(definition(), lines);
    expect('perLine' in r && r.perLine.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(couponDiscount(definition({ minSpendMinor: 20_000 }), lines)).toEqual({
      code: 'COUPON_MIN_SPEND',
      params: { min: 20_000 },
    });
  });
  it('percent off eligible categories with a cap', () => {
    const tea10 = definition({
      kind: 'percent_off',
      amountOffMinor: null,
      percentOff: 10,
      capMinor: 2000,
      categories: ['tea'],
      minSpendMinor: 0,
    });
    expect(couponDiscount(tea10, lines)).toEqual({ perLine: [600, 0, 0] });
    const big = [{ ...lines[0]!, netMinor: 30_000, quantity: 5 }];
    expect(couponDiscount(tea10, big)).toEqual({ perLine: [2000] });
    expect(couponDiscount(tea10, [lines[1]!])).toEqual({ code: 'COUPON_NOT_APPLICABLE' });
  });
  it('a free item takes one unit of that product off', () => {
    const cup = definition({ kind: 'free_item', amountOffMinor: null, freeProductId: 'cup', minSpendMinor: 0 });
    expect(couponDiscount(cup, lines)).toEqual({ perLine: [0, 0, 4500] });
    expect(couponDiscount(cup, lines.slice(0, 2))).toEqual({ code: 'COUPON_NOT_APPLICABLE' });
  });
});

describe('coupon codes', () => {
  it('reads typed codes and QR payloads the same way', () => {
    expect(normaliseCouponCode(' save10 ')).toBe('SAVE10');
    expect(normaliseCouponCode(couponQrPayload('C0123456789'))).toBe('C0123456789');
    expect(normaliseCouponCode('linli:cpn:c0123456789')).toBe('C0123456789');
    expect(normaliseCouponCode('ab')).toBeNull();
    expect(normaliseCouponCode('bad code!')).toBeNull();
    let i = 0;
    expect(generateCouponCode(() => i++ % 32)).toMatch(/^C[0-9A-Z]{10}$/);
  });
});
