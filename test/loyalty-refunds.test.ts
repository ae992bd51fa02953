import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import fc from 'fast-check';
import { tempDir } from './support/temp-core';
import {
  balance,
  cashSale,
  demoMember,
  openLoyaltyCore,
  requestId,
  rowCounts,
  type LoyaltyCore,
} from './support/loyalty';

const temp = tempDir('linli-refunds-');
afterAll(() => temp.remove());
let n = 0;
let l: LoyaltyCore;
beforeEach(async () => {
  l = await openLoyaltyCore(join(temp.dir, `r${n++}`));
});
afterEach(async () => l.close());

const cash = { method: 'cash' } as const;

describe('refunds against the receipt', () => {
  it('a partial refund reverses that line’s points and returns its redeemed points, once', async () => {
    const sale = await l.core.methods.checkout(
      cashSale(l, {
        lines: [
          { productId: l.products['TEA-001']!.id, quantity: 2 },
          { productId: l.products['SNK-001']!.id, quantity: 1 },
        ],
        pointsToRedeem: 1000,
      }),
    );
    const tea = sale.sale.lines[0]!;
    const found = await l.core.methods.getSale({ receiptNo: sale.sale.receiptNo.toLowerCase() });
    expect(found.lines.map((x) => x.refundedQuantity)).toEqual([0, 0]);

    const before = balance(l.db, l.goldMemberId);
    const request = {
      requestId: requestId(),
      receiptNo: sale.sale.receiptNo,
      lines: [{ lineId: tea.id, quantity: 1 }],
      tender: cash,
    };
    const refund = await l.core.methods.refund(request);
    const reversed = Math.round(tea.pointsEarned / 2);
    const returned = Math.round(tea.pointsRedeemed / 2);
    expect(refund.refund).toMatchObject({ pointsReversed: -reversed, pointsReturned: returned, couponsReturned: [] });
    expect(refund.refund.amountMinor).toBe(Math.round((tea.netMinor - tea.pointsValueMinor) / 2));
    expect(refund.balanceAfter).toBe(before - reversed + returned);
    expect(balance(l.db, l.goldMemberId)).toBe(refund.balanceAfter);
    expect(refund.receipt.kind).toBe('refund');
    expect(refund.sale.lines[0]!.refundedQuantity).toBe(1);

    // Retried: nothing new. Refunding more than is left: refused, nothing written.
    const counts = rowCounts(l.db);
    expect((await l.core.methods.refund(request)).replayed).toBe(true);
    await expect(
      l.core.methods.refund({ ...request, requestId: requestId(), lines: [{ lineId: tea.id, quantity: 2 }] }),
    ).rejects.toMatchObject({ code: 'REFUND_QUANTITY' });
    expect(rowCounts(l.db)).toEqual(counts);
  });

  it('refunding everything returns the member to where they started and gives the coupon back', async () => {
    const start = balance(l.db, l.goldMemberId);
    const sale = await l.core.methods.checkout(
      cashSale(l, {
        couponCodes: ['SAVE10'],
        pointsToRedeem: 2000,
        lines: [
          { productId: l.products['TEA-001']!.id, quantity: 3 },
          { productId: l.products['SNK-001']!.id, quantity: 1 },
        ],
      }),
    );
    const [tea, cake] = sale.sale.lines as [(typeof sale.sale.lines)[0], (typeof sale.sale.lines)[0]];
    await l.core.methods.refund({
      requestId: requestId(),
      receiptNo: sale.sale.receiptNo,
      lines: [{ lineId: tea.id, quantity: 1 }],
      tender: cash,
    });
    await l.core.methods.refund({
      requestId: requestId(),
      receiptNo: sale.sale.receiptNo,
      lines: [{ lineId: tea.id, quantity: 2 }],
      tender: { method: 'mobile', reference: 'WX-1' },
    });
    const last = await l.core.methods.refund({
      requestId: requestId(),
      receiptNo: sale.sale.receiptNo,
      lines: [{ lineId: cake.id, quantity: 1 }],
      tender: cash,
    });
    expect(balance(l.db, l.goldMemberId)).toBe(start);
    expect(last.refund.couponsReturned).toEqual(['SAVE10']);
    expect(last.sale.refundedMinor).toBe(sale.sale.amountDueMinor);
    const reverses = l.db
      .prepare(`SELECT count(*) AS n FROM points_ledger WHERE kind = 'reverse' AND sale_id = ?`)
      .get(sale.sale.id) as { n: number };
    expect(reverses.n).toBe(6); // two entries per refunded line, three refunds
    await expect(
      l.core.methods.refund({
        requestId: requestId(),
        receiptNo: sale.sale.receiptNo,
        lines: [{ lineId: cake.id, quantity: 1 }],
        tender: cash,
      }),
    ).rejects.toMatchObject({ code: 'REFUND_QUANTITY' });
  });

  it('points spent before their sale is refunded leave a negative balance; the member can still buy', async () => {
    const first = await l.core.methods.checkout(cashSale(l));
    const earned = first.sale.pointsEarned;
    expect(earned).toBeGreaterThan(0);
    // Spend everything, the points the first sale earned included (100 points = ¥1, whole hundreds).
    const spend = balance(l.db, l.goldMemberId) - (balance(l.db, l.goldMemberId) % 100);
    // Reusable bags earn no points, so this sale only spends.
    const big = [{ productId: l.products['BAG-001']!.id, quantity: 999 }];
    await l.core.methods.checkout(
      cashSale(l, { lines: big, pointsToRedeem: spend, tenders: [{ method: 'cash', amountMinor: 200_000 }] }),
    );
    const afterSpend = balance(l.db, l.goldMemberId);
    const refund = await l.core.methods.refund({
      requestId: requestId(),
      receiptNo: first.sale.receiptNo,
      lines: first.sale.lines.map((line) => ({ lineId: line.id, quantity: line.quantity })),
      tender: cash,
    });
    expect(refund.balanceAfter).toBe(afterSpend - earned);
    expect(refund.balanceAfter).toBeLessThan(0);
    // Decision 0012: the member screen shows the negative balance (what the member owes).
    expect((await l.core.methods.getMemberLoyalty({ memberId: l.goldMemberId })).balance).toBe(refund.balanceAfter);

    // Buying without points works and earns the balance back up; redeeming is refused.
    const again = await l.core.methods.checkout(cashSale(l));
    expect(again.balanceAfter).toBe(refund.balanceAfter! + again.sale.pointsEarned);
    await expect(l.core.methods.checkout(cashSale(l, { pointsToRedeem: 100 }))).rejects.toMatchObject({
      code: 'POINTS_INSUFFICIENT',
    });
  });

  it('the database itself refuses a second reversal and any edit of the ledger', async () => {
    const sale = await l.core.methods.checkout(cashSale(l));
    const line = sale.sale.lines[0]!;
    await l.core.methods.refund({
      requestId: requestId(),
      receiptNo: sale.sale.receiptNo,
      lines: [{ lineId: line.id, quantity: 1 }],
      tender: cash,
    });
    const refundId = (l.db.prepare('SELECT id FROM refunds').get() as { id: string }).id;
    expect(() =>
      l.db
        .prepare(
          `INSERT INTO refund_lines (id, refund_id, sale_line_id, quantity, amount_minor, net_minor, points_reversed, points_returned) VALUES ('x', ?, ?, 1, 0, 0, 0, 0)`,
        )
        .run(refundId, line.id),
    ).toThrow(/exceeds/);
    expect(() => l.db.prepare('UPDATE points_ledger SET points = 1').run()).toThrow(/append-only/);
    expect(() => l.db.prepare('DELETE FROM points_ledger').run()).toThrow(/append-only/);
  });

  it('bad refund requests are refused with a reason', async () => {
    const sale = await l.core.methods.checkout(cashSale(l));
    const counts = rowCounts(l.db);
    await expect(
      l.core.methods.refund({ requestId: requestId(), receiptNo: 'ZZZZ-999999', lines: [], tender: cash }),
    ).rejects.toMatchObject({ code: 'SALE_UNKNOWN' });
    await expect(
      l.core.methods.refund({ requestId: requestId(), receiptNo: sale.sale.receiptNo, lines: [], tender: cash }),
    ).rejects.toMatchObject({ code: 'REFUND_EMPTY' });
    await expect(
      l.core.methods.refund({
        requestId: requestId(),
        receiptNo: sale.sale.receiptNo,
        lines: [{ lineId: sale.sale.lines[0]!.id, quantity: 1 }],
        tender: { method: 'bank_card', reference: '' },
      }),
    ).rejects.toMatchObject({ code: 'TENDER_REFERENCE_REQUIRED' });
    expect(rowCounts(l.db)).toEqual(counts);
  });
});

describe('points ledger through the real use cases (property-based)', () => {
  it('any mix of sales with points and partial refunds: balance = sum of entries ≥ 0 via redemption; refunding all restores it', async () => {
    await l.close();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({
              kind: fc.constant('sale' as const),
              qty: fc.integer({ min: 1, max: 3 }),
              sku: fc.constantFrom('TEA-001', 'TEA-002', 'SNK-001', 'BAG-001'),
              share: fc.integer({ min: 0, max: 100 }),
            }),
            fc.record({ kind: fc.constant('refund' as const), pick: fc.nat(), qty: fc.integer({ min: 1, max: 3 }) }),
          ),
          { minLength: 1, maxLength: 8 },
        ),
        async (ops) => {
          l = await openLoyaltyCore(join(temp.dir, `p${run++}`));
          const start = balance(l.db, l.goldMemberId);
          const sales: Awaited<ReturnType<typeof l.core.methods.checkout>>[] = [];
          for (const op of ops) {
            if (op.kind === 'sale') {
              const lines = [{ productId: l.products[op.sku]!.id, quantity: op.qty }];
              const q = await l.core.methods.quoteSale({
                memberId: l.goldMemberId,
                lines,
                couponCodes: [],
                pointsToRedeem: 0,
              });
              const points = Math.floor((q.maxRedeemablePoints * op.share) / 100);
              const due = q.totalMinor - points;
              sales.push(
                await l.core.methods.checkout({
                  requestId: requestId(),
                  memberId: l.goldMemberId,
                  lines,
                  couponCodes: [],
                  pointsToRedeem: points,
                  tenders: [{ method: 'cash', amountMinor: due }],
                }),
              );
            } else if (sales.length) {
              const sale = await l.core.methods.getSale({ receiptNo: sales[op.pick % sales.length]!.sale.receiptNo });
              const line = sale.lines[0]!;
              const left = line.quantity - line.refundedQuantity;
              if (left)
                await l.core.methods.refund({
                  requestId: requestId(),
                  receiptNo: sale.receiptNo,
                  lines: [{ lineId: line.id, quantity: Math.min(left, op.qty) }],
                  tender: cash,
                });
            }
            const loyalty = await l.core.methods.getMemberLoyalty({ memberId: l.goldMemberId });
            expect(loyalty.balance).toBe(balance(l.db, l.goldMemberId));
          }
          const redeemOverdrew = l.db
            .prepare(
              `SELECT count(*) AS n FROM points_ledger r WHERE r.kind = 'redeem' AND
            (SELECT sum(points) FROM points_ledger p WHERE p.member_id = r.member_id AND p.id < r.id) + r.points < 0`,
            )
            .get() as { n: number };
          expect(redeemOverdrew.n).toBe(0);
          for (const s of sales) {
            const sale = await l.core.methods.getSale({ receiptNo: s.sale.receiptNo });
            const line = sale.lines[0]!;
            const left = line.quantity - line.refundedQuantity;
            if (left)
              await l.core.methods.refund({
                requestId: requestId(),
                receiptNo: sale.receiptNo,
                lines: [{ lineId: line.id, quantity: left }],
                tender: cash,
              });
          }
          expect(balance(l.db, l.goldMemberId)).toBe(start);
          expect(start).toBe(demoMember.openingPoints);
          await l.close();
        },
      ),
      { numRuns: 12 },
    );
    l = await openLoyaltyCore(join(temp.dir, `after`));
  }, 60_000); // twelve runs, each on a fresh SQLite file with scrypt logins: more than the default 5 s on a loaded machine
});
