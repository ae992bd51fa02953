import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { amountColumn, columnAddsUp } from '../domain/fixtures';
import { brandFeedbackUrl, tempDir } from './support/temp-core';
import {
  balance,
  cashSale,
  demoMember,
  openLoyaltyCore,
  requestId,
  rowCounts,
  type LoyaltyCore,
} from './support/loyalty';

const temp = tempDir('linli-checkout-');
afterAll(() => temp.remove());
let n = 0;
let l: LoyaltyCore;
beforeEach(async () => {
  l = await openLoyaltyCore(join(temp.dir, `c${n++}`));
});
afterEach(async () => l.close());

describe('checkout on a real SQLite file', () => {
  it('a gold member pays gold prices with a coupon, points and cash, and every row is written once', async () => {
    const scan = await l.core.methods.handleScan({ text: demoMember.card, source: 'wedge' });
    expect(scan).toMatchObject({ kind: 'member', member: { name: demoMember.name } });
    const product = await l.core.methods.handleScan({ text: '6901234567892', source: 'wedge' });
    expect(product).toMatchObject({ kind: 'product', product: { sku: 'TEA-001', tierPrices: { gold: 6000 } } });

    // The brand has set its e-receipt address (receipts carry no QR code until it has).
    l.repos.settings.set('receipt.feedback_url', brandFeedbackUrl);
    const draft = { memberId: l.goldMemberId, lines: cashSale(l).lines, couponCodes: ['save10'], pointsToRedeem: 3000 };
    const quote = await l.core.methods.quoteSale(draft);
    expect(quote.lines.map((x) => x.unitMinor)).toEqual([6000, 3500]);
    expect(quote).toMatchObject({
      memberSavingsMinor: 1200,
      couponDiscountMinor: 1000,
      totalMinor: 8500,
      pointsValueMinor: 3000,
      amountDueMinor: 5500,
    });
    // Tea earns double: (eligible after coupon and points) tea ≈ ¥32.2 ×2 + cake ≈ ¥22.8, ×1.5 gold
    expect(quote.pointsEarned).toBeGreaterThan(0);

    const before = rowCounts(l.db);
    const result = await l.core.methods.checkout({
      ...draft,
      requestId: requestId(),
      tenders: [{ method: 'cash', amountMinor: 10_000 }],
    });
    expect(result.replayed).toBe(false);
    expect(result.sale).toMatchObject({
      totalMinor: 8500,
      amountDueMinor: 5500,
      cashReceivedMinor: 10_000,
      changeMinor: 4500,
      pointsRedeemed: 3000,
      pointsEarned: quote.pointsEarned,
    });
    expect(result.sale.receiptNo).toMatch(/^[0-9A-Z]{4}-000001$/);
    expect(result.balanceAfter).toBe(demoMember.openingPoints - 3000 + quote.pointsEarned);
    expect(balance(l.db, l.goldMemberId)).toBe(result.balanceAfter);
    const after = rowCounts(l.db);
    expect({
      sales: after.sales - before.sales,
      lines: after.sale_lines - before.sale_lines,
      tenders: after.sale_tenders - before.sale_tenders,
      ledger: after.points_ledger - before.points_ledger,
      couponUses: after.coupon_uses - before.coupon_uses,
    }).toEqual({ sales: 1, lines: 2, tenders: 1, ledger: 2, couponUses: 1 });
    const events = l.repos.outbox.pending().filter((e) => e.type === 'sale.completed');
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ receiptNo: result.sale.receiptNo, totalMinor: 8500 });

    // The receipt: store, staff, member savings, coupon, points earned / used / balance, a QR.
    const text = JSON.stringify(result.receipt.blocks);
    expect(result.receipt.kind).toBe('sale');
    for (const s of [
      '邻里体验店',
      '张伟',
      result.sale.receiptNo,
      '会员价节省',
      'SAVE10',
      '¥85.00',
      '¥45.00',
      `+${quote.pointsEarned}`,
      String(result.balanceAfter),
    ])
      expect(text).toContain(s);
    // Its amount column adds up: list amounts − member savings − coupon = total; − points = due.
    const column = amountColumn(result.receipt);
    expect(columnAddsUp(column)).toBe(true);
    expect(column).toMatchObject({ total: result.sale.totalMinor, due: result.sale.amountDueMinor });
    expect(column.subtotal).toBe(result.sale.listTotalMinor);
    expect(result.receipt.blocks.some((b) => b.type === 'qr')).toBe(true);
    expect(result.receipt.blocks.some((b) => b.type === 'drawer')).toBe(true);
    // The receipt was queued for the (simulated) printer together with the sale.
    expect(result.printJobId).not.toBeNull();
    // The job refers to the receipt stored with the sale (one copy, not two).
    const job = l.db
      .prepare('SELECT document, source_kind, source_id FROM print_jobs WHERE id = ?')
      .get(result.printJobId) as {
      document: string | null;
      source_kind: string;
      source_id: string;
    };
    expect(job).toEqual({ document: null, source_kind: 'sale', source_id: result.sale.id });
    expect(l.repos.printJobs.get(result.printJobId!)!.document).toEqual(result.receipt);
  });

  it('the same request retried records one sale and answers with the same receipt', async () => {
    const request = cashSale(l);
    const first = await l.core.methods.checkout(request);
    const counts = rowCounts(l.db);
    const again = await l.core.methods.checkout(request);
    expect(again.replayed).toBe(true);
    expect(again.printJobId).toBeNull(); // a retry does not print a second receipt
    expect(again.sale.id).toBe(first.sale.id);
    expect(again.receipt).toEqual(first.receipt);
    expect(rowCounts(l.db)).toEqual(counts);
    // Even a retry that arrives while the first is still in flight.
    const third = cashSale(l);
    const [a, b] = await Promise.all([l.core.methods.checkout(third), l.core.methods.checkout(third)]);
    expect(a.sale.id).toBe(b.sale.id);
    expect(rowCounts(l.db).sales).toBe(counts.sales + 1);
  });

  it('receipt numbers are gap-free: a refused checkout does not use a number', async () => {
    const first = await l.core.methods.checkout(cashSale(l));
    const before = rowCounts(l.db);
    await expect(
      l.core.methods.checkout(cashSale(l, { tenders: [{ method: 'cash', amountMinor: 100 }] })),
    ).rejects.toMatchObject({ code: 'TENDER_SHORT', params: { due: '¥94.00' } });
    expect(rowCounts(l.db)).toEqual(before);
    const second = await l.core.methods.checkout(cashSale(l));
    expect(Number(second.sale.receiptNo.slice(-6))).toBe(Number(first.sale.receiptNo.slice(-6)) + 1);
  });

  it('tenders: external ones need a reference and cannot exceed the bill; only cash gives change', async () => {
    const before = rowCounts(l.db);
    const due = 9500; // gold: 6000 + 3500
    await expect(
      l.core.methods.checkout(cashSale(l, { tenders: [{ method: 'mobile', amountMinor: due, reference: ' ' }] })),
    ).rejects.toMatchObject({ code: 'TENDER_REFERENCE_REQUIRED' });
    await expect(
      l.core.methods.checkout(
        cashSale(l, { tenders: [{ method: 'bank_card', amountMinor: due + 1, reference: 'A1' }] }),
      ),
    ).rejects.toMatchObject({ code: 'TENDER_OVERPAID' });
    await expect(
      l.core.methods.checkout(cashSale(l, { tenders: [{ method: 'cash', amountMinor: -5 }] })),
    ).rejects.toMatchObject({ code: 'TENDER_INVALID' });
    await expect(l.core.methods.checkout(cashSale(l, { requestId: 'x' }))).rejects.toMatchObject({
      code: 'REQUEST_ID_INVALID',
    });
    await expect(l.core.methods.checkout(cashSale(l, { lines: [] }))).rejects.toMatchObject({ code: 'SALE_EMPTY' });
    await expect(
      l.core.methods.checkout(cashSale(l, { lines: [{ productId: 'nope', quantity: 1 }] })),
    ).rejects.toMatchObject({ code: 'PRODUCT_UNKNOWN' });
    await expect(
      l.core.methods.checkout(cashSale(l, { lines: [{ productId: l.products['TEA-001']!.id, quantity: 0 }] })),
    ).rejects.toMatchObject({ code: 'QUANTITY_INVALID' });
    expect(rowCounts(l.db)).toEqual(before);
    const split = await l.core.methods.checkout(
      cashSale(l, {
        tenders: [
          { method: 'bank_card', amountMinor: 5000, reference: 'POS-778812' },
          { method: 'cash', amountMinor: 5000 },
        ],
      }),
    );
    expect(split.sale.changeMinor).toBe(500);
    expect(split.sale.tenders).toEqual([
      { method: 'bank_card', amountMinor: 5000, reference: 'POS-778812' },
      { method: 'cash', amountMinor: 5000, reference: null },
    ]);
  });

  it('anonymous sales pay list prices, earn nothing and cannot use points', async () => {
    const sale = await l.core.methods.checkout(cashSale(l, { memberId: null }));
    expect(sale.sale).toMatchObject({ totalMinor: 10_700, pointsEarned: 0, member: null });
    expect(sale.balanceAfter).toBeNull();
    await expect(
      l.core.methods.quoteSale({ memberId: null, lines: cashSale(l).lines, couponCodes: [], pointsToRedeem: 100 }),
    ).rejects.toMatchObject({ code: 'POINTS_MEMBER_REQUIRED' });
  });

  it('points: never more than the balance, never more than the sale', async () => {
    const draft = { memberId: l.goldMemberId, lines: cashSale(l).lines, couponCodes: [] };
    await expect(l.core.methods.quoteSale({ ...draft, pointsToRedeem: 9000 })).rejects.toMatchObject({
      code: 'POINTS_INSUFFICIENT',
      params: { balance: 5000 },
    });
    const cake = {
      memberId: l.goldMemberId,
      lines: [{ productId: l.products['SNK-001']!.id, quantity: 1 }],
      couponCodes: [],
    };
    await expect(l.core.methods.quoteSale({ ...cake, pointsToRedeem: 4000 })).rejects.toMatchObject({
      code: 'POINTS_OVER_TOTAL',
      params: { max: 3500 },
    });
    const one = {
      memberId: l.goldMemberId,
      lines: [{ productId: l.products['TEA-002']!.id, quantity: 1 }],
      couponCodes: [],
    };
    await l.core.methods.checkout({
      ...one,
      pointsToRedeem: 5000,
      requestId: requestId(),
      tenders: [{ method: 'cash', amountMinor: 6500 }],
    });
    const balanceNow = balance(l.db, l.goldMemberId);
    await expect(l.core.methods.quoteSale({ ...one, pointsToRedeem: balanceNow + 100 })).rejects.toMatchObject({
      code: 'POINTS_INSUFFICIENT',
    });
    await expect(l.core.methods.quoteSale({ ...one, pointsToRedeem: -100 })).rejects.toMatchObject({
      code: 'POINTS_INVALID',
    });
  });

  it('a new member is upgraded by the sale that qualifies, and sees it on the member screen', async () => {
    const enrolled = await l.core.methods.enrolMember({
      name: '刘新',
      phone: '13911112222',
      consents: { marketing_sms: false, marketing_wechat: false, marketing_email: false, data_processing: true },
    });
    if (!enrolled.created) throw new Error('expected a new member');
    const id = enrolled.member.id;
    expect((await l.core.methods.getMemberLoyalty({ memberId: id })).tier.code).toBe('normal');
    const small = await l.core.methods.checkout(
      cashSale(l, {
        memberId: id,
        lines: [{ productId: l.products['TEA-002']!.id, quantity: 3 }],
        tenders: [{ method: 'cash', amountMinor: 40_000 }],
      }),
    );
    // ¥384 at normal price: not yet silver (¥500).
    expect(small.tierChanged).toBeNull();
    const big = await l.core.methods.checkout(
      cashSale(l, {
        memberId: id,
        lines: [{ productId: l.products['TEA-002']!.id, quantity: 1 }],
        tenders: [{ method: 'cash', amountMinor: 20_000 }],
      }),
    );
    expect(big.tierChanged?.code).toBe('silver');
    const loyalty = await l.core.methods.getMemberLoyalty({ memberId: id });
    expect(loyalty.tier.code).toBe('silver');
    expect(loyalty.progress).toMatchObject({ next: { code: 'gold' }, value: 51_200, target: 200_000 });
    expect(loyalty.progress.fraction).toBeCloseTo(0.256);
    expect(l.repos.outbox.pending().filter((e) => e.type === 'member.tier_changed')).toHaveLength(1);
  });
});
