// Referrals on a real SQLite file: a friend enrols with a member's code at the counter; their first
// purchase pays both the referral points once (a refund and another purchase pay nothing more); a
// member's own code is refused wherever a code is given, writing nothing.
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  balance,
  cashSale,
  demoMember,
  openLoyaltyCore,
  requestId,
  rowCounts,
  type LoyaltyCore,
} from './support/loyalty';
import { enrolment, tempDir } from './support/temp-core';

const temp = tempDir('linli-referrals-');
afterAll(() => temp.remove());
let n = 0;
let l: LoyaltyCore;
beforeEach(async () => {
  l = await openLoyaltyCore(join(temp.dir, `r${n++}`), 'manager');
});
afterEach(async () => l.close());

const referralEntries = (l: LoyaltyCore) =>
  l.db
    .prepare(
      "SELECT member_id AS memberId, points, reason FROM points_ledger WHERE reason LIKE 'referral%' ORDER BY reason",
    )
    .all() as { memberId: string; points: number; reason: string }[];

describe('referrals', () => {
  it("pays both after the friend's first purchase, once", async () => {
    const code = l.repos.members.get(l.goldMemberId)!.referralCode;
    const friend = await l.core.methods.enrolMember(
      enrolment({ name: '赵小芳', phone: '13912345678', referralCode: code.toLowerCase() }),
    );
    if (!friend.created) throw new Error('expected a new member');
    expect(friend.member.referredBy).toMatchObject({ id: l.goldMemberId });
    const referrerBefore = balance(l.db, l.goldMemberId);

    const first = await l.core.methods.checkout(cashSale(l, { memberId: friend.member.id }));
    expect(referralEntries(l)).toEqual([
      { memberId: l.goldMemberId, points: 200, reason: 'referral' },
      { memberId: friend.member.id, points: 200, reason: 'referral_welcome' },
    ]);
    expect(balance(l.db, l.goldMemberId)).toBe(referrerBefore + 200);
    // The receipt's balance includes the welcome points.
    expect(first.balanceAfter).toBe(balance(l.db, friend.member.id));

    // A refund, then another purchase: nothing more.
    await l.core.methods.refund({
      requestId: requestId(),
      receiptNo: first.sale.receiptNo,
      lines: first.sale.lines.map((x) => ({ lineId: x.id, quantity: x.quantity })),
      tender: { method: 'cash' },
    });
    await l.core.methods.checkout(cashSale(l, { memberId: friend.member.id }));
    expect(referralEntries(l)).toHaveLength(2);
    const events = l.db.prepare("SELECT count(*) AS n FROM outbox WHERE type = 'points.adjusted'").get() as {
      n: number;
    };
    expect(events.n).toBe(2);

    // The referrer sees the friend, masked, and the points earned.
    await l.core.methods.setSelfServiceSettings({ role: 'self-service' });
    await l.core.methods.startCustomer({ text: demoMember.card, source: 'wedge' });
    const mine = await l.core.methods.myReferrals();
    expect(mine).toMatchObject({
      code,
      pointsEarned: 200,
      friends: [{ maskedName: '赵*芳', rewarded: true, points: 200 }],
    });
  });

  it("refuses the member's own code at enrolment, writing nothing", async () => {
    const code = l.repos.members.get(l.goldMemberId)!.referralCode;
    const before = rowCounts(l.db);
    await expect(
      l.core.methods.enrolMember(enrolment({ name: demoMember.name, phone: demoMember.phone, referralCode: code })),
    ).rejects.toMatchObject({ code: 'REFERRAL_SELF', field: 'referralCode' });
    expect(rowCounts(l.db)).toEqual(before);
  });

  it('a member without a referrer names one at the terminal before buying; their own code is refused', async () => {
    const friend = await l.core.methods.enrolMember(
      enrolment({ name: '赵小芳', phone: '13912345678', card: { mode: 'generate' } }),
    );
    if (!friend.created) throw new Error('expected a new member');
    const card = friend.member.cards[0]!.number;
    await l.core.methods.setSelfServiceSettings({ role: 'self-service' });
    await l.core.methods.startCustomer({ text: card, source: 'wedge' });
    const own = (await l.core.methods.myReferrals()).code;
    expect((await l.core.methods.myReferrals()).canNameReferrer).toBe(true);
    const outbox = (l.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
    await expect(l.core.methods.nameReferrer({ code: own })).rejects.toMatchObject({ code: 'REFERRAL_SELF' });
    expect((l.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n).toBe(outbox);
    expect(l.repos.members.get(friend.member.id)!.referredBy).toBeNull();

    const goldCode = l.repos.members.get(l.goldMemberId)!.referralCode;
    const named = await l.core.methods.nameReferrer({ code: goldCode });
    expect(named).toMatchObject({ canNameReferrer: false, referredBy: '陈*卡' });
    await expect(l.core.methods.nameReferrer({ code: goldCode })).rejects.toMatchObject({
      code: 'REFERRAL_ALREADY_SET',
    });
  });
});
