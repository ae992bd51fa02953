import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loginAs, tempDir } from './support/temp-core';
import { balance, cashSale, demoMember, openLoyaltyCore, rowCounts, type LoyaltyCore } from './support/loyalty';

const temp = tempDir('linli-accounts-');
afterAll(() => temp.remove());
let n = 0;
let l: LoyaltyCore;
beforeEach(async () => {
  l = await openLoyaltyCore(join(temp.dir, `a${n++}`));
});
afterEach(async () => l.close());

describe("a member's points and tier", () => {
  it('the member screen shows balance, tier, progress, recent entries and points expiring soon', async () => {
    const sale = await l.core.methods.checkout(cashSale(l));
    const loyalty = await l.core.methods.getMemberLoyalty({ memberId: l.goldMemberId });
    expect(loyalty.balance).toBe(demoMember.openingPoints + sale.sale.pointsEarned);
    expect(loyalty.tier.code).toBe('gold');
    expect(loyalty.progress).toMatchObject({ next: null, fraction: 1 });
    expect(loyalty.recent[0]).toMatchObject({
      kind: 'earn',
      points: sale.sale.pointsEarned,
      receiptNo: sale.sale.receiptNo,
      staffName: '张伟 Zhang Wei',
      expiresOn: '2027-12-31',
    });
    // Everything expires at the end of next year: not soon in June 2026.
    expect(loyalty.expiring).toEqual({ points: loyalty.balance, on: '2027-12-31', soon: false });
    l.clock.now = new Date('2027-11-20T04:00:00.000Z');
    expect((await l.core.methods.getMemberLoyalty({ memberId: l.goldMemberId })).expiring?.soon).toBe(true);
    expect(loyalty.coupons.map((c) => c.code)).toContain('CDEMOBIRTHDAY');
  });

  it('the expiry job writes expire entries first in, first out, and only once', async () => {
    // Spend 3000 points now: they come out of the opening balance (oldest first).
    await l.core.methods.checkout(
      cashSale(l, { pointsToRedeem: 3000, tenders: [{ method: 'cash', amountMinor: 6500 }] }),
    );
    const afterSale = balance(l.db, l.goldMemberId);
    l.clock.now = new Date('2028-01-01T00:30:00.000Z'); // 08:30 on 1 January 2028 in Beijing
    const job = await l.core.methods.runLoyaltyJobs();
    expect(job).toMatchObject({ expiredMembers: 1, expiredPoints: afterSale });
    expect(balance(l.db, l.goldMemberId)).toBe(0);
    const counts = rowCounts(l.db);
    expect(await l.core.methods.runLoyaltyJobs()).toMatchObject({ expiredPoints: 0 });
    expect(rowCounts(l.db).points_ledger).toBe(counts.points_ledger);
    expect(l.repos.outbox.pending().filter((e) => e.type === 'points.expired')).toHaveLength(1);
  });

  it('each run writes off what fell due since the previous one, year after year', async () => {
    // Points from 2026 expire at the end of 2027; points earned in 2027 at the end of 2028.
    l.clock.now = new Date('2027-03-01T04:00:00.000Z');
    const later = await l.core.methods.checkout(cashSale(l));
    l.clock.now = new Date('2028-01-01T04:00:00.000Z');
    expect(await l.core.methods.runLoyaltyJobs()).toMatchObject({
      expiredMembers: 1,
      expiredPoints: demoMember.openingPoints,
    });
    expect(balance(l.db, l.goldMemberId)).toBe(later.sale.pointsEarned);
    l.clock.now = new Date('2028-07-01T04:00:00.000Z');
    expect(await l.core.methods.runLoyaltyJobs()).toMatchObject({ expiredPoints: 0 });
    l.clock.now = new Date('2029-01-01T04:00:00.000Z');
    expect(await l.core.methods.runLoyaltyJobs()).toMatchObject({
      expiredMembers: 1,
      expiredPoints: later.sale.pointsEarned,
    });
    expect(balance(l.db, l.goldMemberId)).toBe(0);
  });

  it('points past their last day are not usable even before the job runs', async () => {
    l.clock.now = new Date('2028-01-02T04:00:00.000Z');
    expect((await l.core.methods.getMemberLoyalty({ memberId: l.goldMemberId })).balance).toBe(0);
    await expect(
      l.core.methods.quoteSale({
        memberId: l.goldMemberId,
        lines: cashSale(l).lines,
        couponCodes: [],
        pointsToRedeem: 100,
      }),
    ).rejects.toMatchObject({ code: 'POINTS_INSUFFICIENT' });
  });

  it('a gold member who stops buying is downgraded by the scheduled evaluation, not before a full year', async () => {
    l.clock.now = new Date('2026-12-01T04:00:00.000Z');
    expect((await l.core.methods.runLoyaltyJobs()).downgraded).toBe(0);
    l.clock.now = new Date('2027-06-16T04:00:00.000Z');
    expect((await l.core.methods.runLoyaltyJobs()).downgraded).toBe(1);
    expect((await l.core.methods.getMemberLoyalty({ memberId: l.goldMemberId })).tier.code).toBe('normal');
    const changes = l.repos.outbox.pending().filter((e) => e.type === 'member.tier_changed');
    expect(changes.map((e) => e.payload)).toMatchObject([{ from: 'gold', to: 'normal', change: 'downgrade' }]);
  });

  it('only a manager adjusts points, with a reason, and never below zero', async () => {
    const counts = rowCounts(l.db);
    await expect(
      l.core.methods.adjustPoints({ memberId: l.goldMemberId, points: 100, reason: 'goodwill' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await loginAs(l.core, 'manager');
    await expect(
      l.core.methods.adjustPoints({ memberId: l.goldMemberId, points: 100, reason: '  ' }),
    ).rejects.toMatchObject({ code: 'REASON_REQUIRED' });
    await expect(
      l.core.methods.adjustPoints({ memberId: l.goldMemberId, points: 1.5, reason: 'x' }),
    ).rejects.toMatchObject({ code: 'POINTS_INVALID' });
    await expect(
      l.core.methods.adjustPoints({ memberId: l.goldMemberId, points: -99_999, reason: 'x' }),
    ).rejects.toMatchObject({ code: 'POINTS_INSUFFICIENT' });
    expect(rowCounts(l.db)).toEqual(counts);
    const after = await l.core.methods.adjustPoints({
      memberId: l.goldMemberId,
      points: -500,
      reason: '重复积分更正 duplicate earn',
    });
    expect(after.balance).toBe(demoMember.openingPoints - 500);
    expect(after.recent[0]).toMatchObject({
      kind: 'adjust',
      points: -500,
      reason: '重复积分更正 duplicate earn',
      staffName: '李娜 Li Na',
    });
    expect(l.repos.outbox.pending().filter((e) => e.type === 'points.adjusted')).toHaveLength(1);
  });
});

describe('day close', () => {
  it('X shows the running day; Z closes it and the next period starts empty', async () => {
    const a = await l.core.methods.checkout(cashSale(l, { couponCodes: ['SAVE10'], pointsToRedeem: 1000 }));
    await l.core.methods.checkout(
      cashSale(l, { memberId: null, tenders: [{ method: 'bank_card', amountMinor: 10_700, reference: 'UP-1' }] }),
    );
    await l.core.methods.refund({
      requestId: `refund-${Date.now()}`,
      receiptNo: a.sale.receiptNo,
      lines: [{ lineId: a.sale.lines[1]!.id, quantity: 1 }],
      tender: { method: 'cash' },
    });
    const x = await l.core.methods.dayReport();
    expect(x.report).toMatchObject({
      kind: 'x',
      number: null,
      sales: 2,
      refunds: 1,
      couponsUsed: 1,
      couponDiscountMinor: 1000,
      memberSavingsMinor: 1200,
      // The demo store's gold member is a customer of long standing, not a new member of the day.
      newMembers: 0,
    });
    expect(x.report.grossMinor).toBe(a.sale.totalMinor + 10_700);
    const cash = x.report.tenders.find((t) => t.method === 'cash')!;
    expect(cash.salesMinor).toBe(a.sale.amountDueMinor);
    expect(x.report.tenders.find((t) => t.method === 'bank_card')).toMatchObject({
      salesMinor: 10_700,
      refundsMinor: 0,
    });
    expect(x.report.tenders.find((t) => t.method === 'points')?.salesMinor).toBe(1000);
    expect(x.report.pointsRedeemed).toBeLessThan(1000); // part of the redeemed points came back with the refund
    expect(x.report.staff).toMatchObject([{ staffName: '张伟 Zhang Wei', sales: 2, refunds: 1 }]);
    expect(x.receipt.kind).toBe('report');

    l.clock.now = new Date('2026-06-15T12:00:00.000Z');
    const z = await l.core.methods.closeDay();
    expect(z.report).toMatchObject({ kind: 'z', number: 1, sales: 2 });
    l.clock.now = new Date('2026-06-16T02:00:00.000Z');
    const next = await l.core.methods.dayReport();
    expect(next.report).toMatchObject({ sales: 0, refunds: 0, from: z.report.to });
    expect((await l.core.methods.closeDay()).report.number).toBe(2);
  });
});
