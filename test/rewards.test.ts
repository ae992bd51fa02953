// Rewards bought with points, in one core: the redemption transaction (ledger entry, stock, the
// voucher as a single-use coupon, outbox events, the printed slip), its idempotency, every refusal
// writing nothing, the voucher accepted once at checkout, and the manager's catalogue.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { RewardInfo } from '../contract';
import { tempDir } from './support/temp-core';
import { balance, cashSale, demoMember, openLoyaltyCore, requestId, type LoyaltyCore } from './support/loyalty';
import { loginAs } from './support/temp-core';

const temp = tempDir('linli-rewards-');
afterAll(() => temp.remove());
let n = 0;
let l: LoyaltyCore;
let rewards: Record<string, RewardInfo>;

beforeEach(async () => {
  l = await openLoyaltyCore(join(temp.dir, `r${n++}`), 'manager');
  await l.core.methods.setSelfServiceSettings({ role: 'self-service' });
  await l.core.methods.startCustomer({ text: demoMember.card });
  rewards = Object.fromEntries((await l.core.methods.listRewards()).map((r) => [r.name.en, r]));
});
afterEach(async () => l.close());

const count = (table: string, where = '1') =>
  (l.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;

/** Everything a redemption writes. */
function snapshot() {
  return {
    balance: balance(l.db, l.goldMemberId),
    stock: l.repos.rewards.all().map((r) => [r.id, r.stock]),
    redemptions: count('reward_redemptions'),
    coupons: count('coupons'),
    definitions: count('coupon_definitions'),
    ledger: count('points_ledger'),
    outbox: count('outbox'),
    printJobs: count('print_jobs'),
  };
}

async function refused(rewardId: string, code: string) {
  const before = snapshot();
  await expect(l.core.methods.redeemReward({ rewardId, requestId: requestId() })).rejects.toMatchObject({ code });
  expect(snapshot()).toEqual(before);
}

describe('redeeming a reward', () => {
  it('spends the points, takes one from stock, issues the voucher and prints it, in one go', async () => {
    const thirty = rewards['¥30 voucher']!;
    const listed = await l.core.methods.customerRewards();
    expect(listed.balance).toBe(5000);
    expect(listed.rewards.find((r) => r.id === thirty.id)).toMatchObject({
      pointsCost: 2800,
      stock: 50,
      pointsShort: 0,
    });

    const voucher = await l.core.methods.redeemReward({ rewardId: thirty.id, requestId: requestId() });
    expect(voucher).toMatchObject({ pointsSpent: 2800, balance: 2200, validUntil: '2026-07-14', kind: 'voucher' });
    expect(balance(l.db, l.goldMemberId)).toBe(2200);
    expect(l.repos.rewards.get(thirty.id)!.stock).toBe(49);

    const entry = l.db
      .prepare("SELECT kind, points, reason, source_id AS sourceId FROM points_ledger WHERE kind = 'redeem'")
      .get();
    expect(entry).toEqual({
      kind: 'redeem',
      points: -2800,
      reason: '兑换 30元代金券 / ¥30 voucher',
      sourceId: voucher.redemptionId,
    });

    // The voucher is one of the member's coupons, on member home with its code.
    const home = await l.core.methods.customerHome();
    expect(home.balance).toBe(2200);
    expect(home.coupons.map((c) => c.code)).toContain(voucher.code);

    const events = l.repos.outbox
      .pending()
      .filter((e) => e.type === 'reward.redeemed' || e.type === 'coupon.issued')
      .map((e) => ({ type: e.type, payload: e.payload as Record<string, unknown> }));
    expect(events.map((e) => e.type)).toEqual(['reward.redeemed', 'coupon.issued']);
    expect(events[0]!.payload).toMatchObject({ points: 2800, couponCode: voucher.code, memberId: l.goldMemberId });
    expect(events[1]!.payload).toMatchObject({
      code: voucher.code,
      definition: { kind: 'amount_off', amountOffMinor: 3000, validTo: '2026-07-14' },
    });

    const job = l.repos.printJobs.get(voucher.printJobId!)!;
    expect(job.document.kind).toBe('voucher');
    const printed = JSON.stringify(job.document.blocks);
    expect(printed).toContain(voucher.code);
    expect(printed).toContain('陈*卡');
    expect(printed).not.toContain(demoMember.name);
    expect(printed).toContain('2026-07-14');
  });

  it('redeems once for a double tap: the same request answers the same voucher', async () => {
    const ten = rewards['¥10 voucher']!;
    const id = requestId();
    const [a, b] = await Promise.all([
      l.core.methods.redeemReward({ rewardId: ten.id, requestId: id }),
      l.core.methods.redeemReward({ rewardId: ten.id, requestId: id }),
    ]);
    const c = await l.core.methods.redeemReward({ rewardId: ten.id, requestId: id });
    expect(b.code).toBe(a.code);
    expect(c.code).toBe(a.code);
    expect(balance(l.db, l.goldMemberId)).toBe(4000);
    expect(count('reward_redemptions')).toBe(1);
    expect(count('print_jobs', "kind = 'voucher'")).toBe(1);
  });

  it('the voucher is accepted once at checkout and refused the second time', async () => {
    const ten = rewards['¥10 voucher']!;
    const voucher = await l.core.methods.redeemReward({ rewardId: ten.id, requestId: requestId() });
    await loginAs(l.core, 'cashier');
    const sale = await l.core.methods.checkout(cashSale(l, { couponCodes: [voucher.code] }));
    expect(sale.sale.coupons).toEqual([expect.objectContaining({ code: voucher.code, discountMinor: 1000 })]);
    await expect(l.core.methods.checkout(cashSale(l, { couponCodes: [voucher.code] }))).rejects.toMatchObject({
      code: 'COUPON_USED',
    });
  });

  it('a gift voucher takes the product off at the counter', async () => {
    const cakes = rewards['Box of mung bean cakes']!;
    const voucher = await l.core.methods.redeemReward({ rewardId: cakes.id, requestId: requestId() });
    const quote = await l.core.methods.quoteSale(
      cashSale(l, { couponCodes: [voucher.code], lines: [{ productId: l.products['SNK-002']!.id, quantity: 1 }] }),
    );
    expect(quote.coupons.map((c) => c.code)).toEqual([voucher.code]);
    expect(quote.amountDueMinor).toBe(0);
  });
});

describe('redeeming refuses, with its reason, and writes nothing', () => {
  it('not enough points', async () => {
    await l.core.methods.redeemReward({ rewardId: rewards['¥30 voucher']!.id, requestId: requestId() });
    const cup = rewards['Limited celadon cup']!;
    expect((await l.core.methods.customerRewards()).rewards.find((r) => r.id === cup.id)!.pointsShort).toBe(1800);
    const before = snapshot();
    await expect(l.core.methods.redeemReward({ rewardId: cup.id, requestId: requestId() })).rejects.toMatchObject({
      code: 'REWARD_POINTS_SHORT',
      params: { cost: 4000, balance: 2200 },
    });
    expect(snapshot()).toEqual(before);
  });

  it('out of stock', async () => {
    const cup = rewards['Limited celadon cup']!;
    await l.core.methods.redeemReward({ rewardId: cup.id, requestId: requestId() });
    expect(l.repos.rewards.get(cup.id)!.stock).toBe(0);
    await l.core.methods.adjustPoints({ memberId: l.goldMemberId, points: 5000, reason: '测试' });
    await refused(cup.id, 'REWARD_OUT_OF_STOCK');
  });

  it('retired, or unknown', async () => {
    const ten = rewards['¥10 voucher']!;
    await l.core.methods.retireReward({ rewardId: ten.id });
    expect((await l.core.methods.customerRewards()).rewards.map((r) => r.id)).not.toContain(ten.id);
    await refused(ten.id, 'REWARD_RETIRED');
    await refused('01JUNKNOWNREWARD00000000000', 'REWARD_UNKNOWN');
  });

  it('without a member in the session', async () => {
    await l.core.methods.endCustomer();
    await expect(
      l.core.methods.redeemReward({ rewardId: rewards['¥10 voucher']!.id, requestId: requestId() }),
    ).rejects.toMatchObject({ code: 'CUSTOMER_SESSION_ENDED' });
  });
});

describe('the manager keeps the catalogue', () => {
  const voucher = {
    nameZh: '5元券',
    kind: 'voucher',
    pointsCost: 500,
    amountOffMinor: 500,
    stock: null,
    validDays: 7,
  } as const;

  it('adds, restocks and retires', async () => {
    const added = await l.core.methods.addReward(voucher);
    expect(added).toMatchObject({ name: { zh: '5元券', en: '5元券' }, active: true, stock: null, redeemed: 0 });
    expect((await l.core.methods.setRewardStock({ rewardId: added.id, stock: 3 })).stock).toBe(3);
    expect((await l.core.methods.retireReward({ rewardId: added.id })).active).toBe(false);
    const gift = await l.core.methods.addReward({
      nameZh: '瓜子',
      nameEn: 'Seeds',
      kind: 'gift',
      pointsCost: 300,
      productId: l.products['SNK-003']!.id,
      stock: 10,
      validDays: 14,
    });
    expect(gift.productName).toEqual({ zh: '原味瓜子 200g', en: 'Roasted sunflower seeds 200 g' });
  });

  it.each([
    [{ ...voucher, nameZh: '  ' }, 'REWARD_NAME_REQUIRED'],
    [{ ...voucher, amountOffMinor: null }, 'REWARD_AMOUNT_INVALID'],
    [{ ...voucher, pointsCost: 0 }, 'REWARD_COST_INVALID'],
    [{ ...voucher, stock: -1 }, 'REWARD_STOCK_INVALID'],
    [{ ...voucher, validDays: 0 }, 'REWARD_VALID_DAYS_INVALID'],
    [{ ...voucher, kind: 'gift', amountOffMinor: null, productId: 'nope' }, 'REWARD_PRODUCT_REQUIRED'],
  ] as const)('refuses a bad reward: %#', async (input, code) => {
    const before = count('rewards');
    await expect(l.core.methods.addReward(input)).rejects.toMatchObject({ code });
    expect(count('rewards')).toBe(before);
  });

  it('is for managers only', async () => {
    await loginAs(l.core, 'cashier');
    await expect(l.core.methods.addReward(voucher)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await l.core.methods.listRewards()).length).toBe(4);
  });
});
