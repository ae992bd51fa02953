// A reward voucher across two shops and one hub (startChain: a real hub over PGlite on loopback,
// two cores on their own SQLite files). Redeemed at A's self-service terminal, the voucher (a
// personal coupon whose definition rides along) reaches B, which accepts it once; A refuses it
// once it has pulled B's use. The points spent count at the hub and at B. An online-only voucher
// used at B is refused by the hub at once when A tries it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckoutRequest } from '../contract';
import { startChain, type Chain } from './support/chain';
import { balance, cashSale, requestId, type LoyaltyCore } from './support/loyalty';
import { enrolment } from './support/temp-core';

const poll = { timeout: 20_000 };
let chain: Chain;
let a: LoyaltyCore;
let b: LoyaltyCore;
let memberId: string;
let card: string;

const bigSale = (l: LoyaltyCore, codes: string[]): CheckoutRequest =>
  cashSale(l, {
    memberId,
    lines: [{ productId: l.products['TEA-002']!.id, quantity: 2 }],
    couponCodes: codes,
    tenders: [{ method: 'cash', amountMinor: 30_000 }],
  });

const quoteError = (l: LoyaltyCore, code: string) =>
  l.core.methods.quoteSale(bigSale(l, [code])).then(
    () => null,
    (error: { code: string }) => error.code,
  );

const drained = (l: LoyaltyCore) => l.repos.outbox.counts().waiting === 0;

/** The member at A's self-service terminal redeems the reward with this English name. */
async function redeemAtA(nameEn: string) {
  await a.core.methods.startCustomer({ text: card });
  const reward = (await a.core.methods.listRewards()).find((r) => r.name.en === nameEn)!;
  return a.core.methods.redeemReward({ rewardId: reward.id, requestId: requestId() });
}

describe('a reward voucher across two shops and the hub', () => {
  beforeAll(async () => {
    chain = await startChain();
    a = await chain.terminal('CUIHU', '翠湖店');
    b = await chain.terminal('BINJIANG', '滨江店');
    const enrolled = await a.core.methods.enrolMember(enrolment({ name: '吴芳', phone: '13955508888' }));
    if (!enrolled.created) throw new Error('the phone was taken');
    memberId = enrolled.member.id;
    card = enrolled.member.activeCard!;
    await a.core.methods.adjustPoints({ memberId, points: 8000, reason: '开业赠送' });
    await a.core.methods.setSelfServiceSettings({ role: 'self-service' });
  }, 60_000);
  afterAll(async () => chain?.close());

  it('printed at A, accepted once at B, then refused at A once A has pulled the use', async () => {
    await expect.poll(() => b.repos.members.get(memberId)?.name, poll).toBe('吴芳');
    const voucher = await redeemAtA('¥30 voucher');
    expect(voucher.balance).toBe(5200);

    // B learns the coupon with its definition, and the points spent, from the hub.
    await expect.poll(() => b.repos.coupons.coupon(voucher.code)?.memberId, poll).toBe(memberId);
    const definition = b.repos.coupons.definition(b.repos.coupons.coupon(voucher.code)!.definitionId);
    expect(definition).toMatchObject({ kind: 'amount_off', amountOffMinor: 3000, validTo: voucher.validUntil });
    await expect.poll(() => balance(b.db, memberId), poll).toBe(5200);
    const { rows } = await chain.storage.query<{ kind: string; points: number }>(
      "SELECT kind, points FROM points_entries WHERE member_id = $1 AND kind = 'redeem'",
      [memberId],
    );
    expect(rows).toEqual([{ kind: 'redeem', points: -2800 }]);

    const atB = await b.core.methods.checkout(bigSale(b, [voucher.code]));
    expect(atB.sale.couponDiscountMinor).toBe(3000);
    await expect(b.core.methods.checkout(bigSale(b, [voucher.code]))).rejects.toMatchObject({ code: 'COUPON_USED' });

    await expect.poll(() => quoteError(a, voucher.code), poll).toBe('COUPON_USED');
    await expect(a.core.methods.checkout(bigSale(a, [voucher.code]))).rejects.toMatchObject({ code: 'COUPON_USED' });
  });

  it('an online-only voucher used at B is refused by the hub when A tries it', async () => {
    await a.core.methods.addReward({
      nameZh: '联网20元券',
      nameEn: 'Online ¥20 voucher',
      kind: 'voucher',
      pointsCost: 1500,
      amountOffMinor: 2000,
      stock: null,
      validDays: 7,
      onlineOnly: true,
    });
    const voucher = await redeemAtA('Online ¥20 voucher');
    await expect.poll(() => b.repos.coupons.coupon(voucher.code)?.memberId, poll).toBe(memberId);
    // B asks the hub before completing: confirmed, the first use.
    const atB = await b.core.methods.checkout(bigSale(b, [voucher.code]));
    expect(atB.sale.couponDiscountMinor).toBe(2000);
    await expect.poll(() => drained(b), poll).toBe(true);
    // A asks the hub too, whatever it has pulled: the hub knows the voucher is used.
    await expect(a.core.methods.checkout(bigSale(a, [voucher.code]))).rejects.toMatchObject({ code: 'COUPON_USED' });
  });
});
