import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { CouponDefinitionInfo } from '../contract';
import { couponQrPayload } from '../domain/coupons';
import { tempDir } from './support/temp-core';
import { cashSale, openLoyaltyCore, rowCounts, type LoyaltyCore } from './support/loyalty';

const temp = tempDir('linli-coupons-');
afterAll(() => temp.remove());
let n = 0;
let l: LoyaltyCore;
beforeEach(async () => {
  l = await openLoyaltyCore(join(temp.dir, `c${n++}`));
});
afterEach(async () => l.close());

function define(over: Partial<CouponDefinitionInfo>): CouponDefinitionInfo {
  const d: CouponDefinitionInfo = {
    id: `def-${Math.random().toString(36).slice(2)}`,
    name: { zh: '测试券', en: 'Test' },
    kind: 'amount_off',
    amountOffMinor: 500,
    percentOff: null,
    capMinor: null,
    freeProductId: null,
    minSpendMinor: 0,
    categories: [],
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    perMemberLimit: null,
    offlineAllowed: true,
    genericCode: null,
    ...over,
  };
  l.repos.coupons.insertDefinition({ ...d, createdAt: '2026-01-01T00:00:00.000Z' });
  return d;
}

async function newMember(phone: string) {
  const r = await l.core.methods.enrolMember({
    name: '赵六',
    phone,
    consents: { marketing_sms: false, marketing_wechat: false, marketing_email: false, data_processing: true },
  });
  if (!r.created) throw new Error('expected a new member');
  return r.member.id;
}

/** Quote and checkout both refuse, with the reason, and nothing is written. */
async function refused(codes: string[], code: string, over: Parameters<typeof cashSale>[1] = {}) {
  const before = rowCounts(l.db);
  const request = cashSale(l, { couponCodes: codes, ...over });
  await expect(l.core.methods.quoteSale(request)).rejects.toMatchObject({ code, field: 'coupon' });
  await expect(l.core.methods.checkout(request)).rejects.toMatchObject({ code });
  expect(rowCounts(l.db)).toEqual(before);
}

describe('coupons at checkout: every refusal has its reason and writes nothing', () => {
  it('unknown code', () => refused(['NOSUCH'], 'COUPON_UNKNOWN'));
  it('expired', () => refused(['SPRING'], 'COUPON_EXPIRED'));
  it('not yet valid', async () => {
    define({ genericCode: 'AUTUMN', validFrom: '2026-09-01' });
    await refused(['AUTUMN'], 'COUPON_NOT_YET_VALID');
  });
  it('minimum spend not met', () =>
    refused(['SAVE10'], 'COUPON_MIN_SPEND', { lines: [{ productId: l.products['SNK-001']!.id, quantity: 1 }] }));
  it('nothing eligible in the basket', () =>
    refused(['TEA10'], 'COUPON_NOT_APPLICABLE', { lines: [{ productId: l.products['SNK-001']!.id, quantity: 1 }] }));
  // Accepted with the hub's confirmation: test/sync-coupons.test.ts, with a real hub.
  it('online only: refused at a terminal with no hub to confirm it', async () => {
    const big = { lines: [{ productId: l.products['TEA-002']!.id, quantity: 2 }] };
    await refused(['ONLINE30'], 'COUPON_OFFLINE', big);
  });
  it("another member's coupon, or no member at all", async () => {
    const other = await newMember('13922223333');
    const issued = await l.core.methods.issueCoupon({
      memberId: other,
      definitionId: l.repos.coupons.definitions().find((d) => d.genericCode === 'SAVE10')!.id,
    });
    await refused([issued.code], 'COUPON_NOT_MEMBER');
    await refused([issued.qrPayload], 'COUPON_MEMBER_REQUIRED', { memberId: null });
  });
  it('already used: an issued coupon works once, scanned as a QR code', async () => {
    const def = define({ name: { zh: '一次券', en: 'Once' } });
    const issued = await l.core.methods.issueCoupon({ memberId: l.goldMemberId, definitionId: def.id });
    expect(issued.qrPayload).toBe(couponQrPayload(issued.code));
    const scan = await l.core.methods.handleScan({ text: issued.qrPayload, source: 'wedge' });
    expect(scan).toMatchObject({ kind: 'coupon', code: issued.code, memberId: l.goldMemberId });
    const sale = await l.core.methods.checkout(cashSale(l, { couponCodes: [issued.qrPayload] }));
    expect(sale.sale.coupons).toMatchObject([{ code: issued.code, discountMinor: 500 }]);
    await refused([issued.code], 'COUPON_USED');
    expect(
      (await l.core.methods.getMemberLoyalty({ memberId: l.goldMemberId })).coupons.find((c) => c.code === issued.code)
        ?.used,
    ).toBe(true);
  });
  it('per-member limit reached', async () => {
    define({ genericCode: 'ONCEPP', perMemberLimit: 1 });
    await l.core.methods.checkout(cashSale(l, { couponCodes: ['ONCEPP'] }));
    await refused(['ONCEPP'], 'COUPON_LIMIT_REACHED');
    await refused(['ONCEPP'], 'COUPON_MEMBER_REQUIRED', { memberId: null });
  });
  it('the same coupon twice on one sale', () => refused(['SAVE10', 'save10'], 'COUPON_DUPLICATE'));
});

describe('coupon discounts', () => {
  it('10% off tea capped at ¥20, a free cup, and ¥10 off together, to the fen', async () => {
    const quote = await l.core.methods.quoteSale({
      memberId: l.goldMemberId,
      lines: [
        { productId: l.products['TEA-002']!.id, quantity: 2 },
        { productId: l.products['CUP-001']!.id, quantity: 1 },
      ],
      couponCodes: ['TEA10', 'FREECUP', 'SAVE10'],
      pointsToRedeem: 0,
    });
    // gold: 2 × 115 + 40 = 270; tea 10% of 230 = 23 → capped 20; cup free (40); 10 off the rest.
    expect(quote.coupons.map((c) => c.discountMinor)).toEqual([2000, 4000, 1000]);
    expect(quote.totalMinor).toBe(27_000 - 7000);
    expect(quote.lines.reduce((a, x) => a + x.couponDiscountMinor, 0)).toBe(7000);
  });
});
