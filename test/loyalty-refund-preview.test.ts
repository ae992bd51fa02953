import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { RefundPreview, RefundResult } from '../contract';
import { tempDir } from './support/temp-core';
import { balance, cashSale, openLoyaltyCore, requestId, rowCounts, type LoyaltyCore } from './support/loyalty';

const temp = tempDir('linli-refund-preview-');
afterAll(() => temp.remove());
let n = 0;
let l: LoyaltyCore;
beforeEach(async () => {
  l = await openLoyaltyCore(join(temp.dir, `p${n++}`));
});
afterEach(async () => l.close());

/** What the refund recorded, in the preview's shape: the two must be equal, figure for figure. */
function recorded(r: RefundResult): RefundPreview {
  return {
    tender: { method: r.refund.tender.method, amountMinor: r.refund.amountMinor },
    pointsReversed: r.refund.pointsReversed,
    pointsReturned: r.refund.pointsReturned,
    couponsReturned: r.refund.couponsReturned,
    lines: r.refund.lines,
    balanceAfter: r.balanceAfter,
  };
}

describe('refund preview', () => {
  it('shows exactly what each refund then gives back: partial, then the rest with the coupon, points and money', async () => {
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
    const receiptNo = sale.sale.receiptNo;
    const steps = [
      { lines: [{ lineId: tea.id, quantity: 1 }], tender: { method: 'cash' } as const },
      {
        lines: [
          { lineId: tea.id, quantity: 2 },
          { lineId: cake.id, quantity: 1 },
        ],
        tender: { method: 'mobile', reference: 'WX-9' } as const,
      },
    ];
    for (const [i, step] of steps.entries()) {
      const counts = rowCounts(l.db);
      const before = balance(l.db, l.goldMemberId);
      const preview = await l.core.methods.previewRefund({ receiptNo, ...step });
      // A preview writes nothing and moves no points.
      expect(rowCounts(l.db)).toEqual(counts);
      expect(balance(l.db, l.goldMemberId)).toBe(before);
      expect(preview.tender.amountMinor).toBeGreaterThan(0);
      expect(preview.pointsReturned).toBeGreaterThan(0);
      expect(preview.pointsReversed).toBeLessThan(0);
      expect(preview.couponsReturned).toEqual(i === 1 ? ['SAVE10'] : []);
      const result = await l.core.methods.refund({ requestId: requestId(), receiptNo, ...step });
      expect(recorded(result)).toEqual(preview);
    }
  });

  it('is refused like the refund: more than is left, nothing chosen, another sale’s line', async () => {
    const sale = await l.core.methods.checkout(
      cashSale(l, { lines: [{ productId: l.products['SNK-001']!.id, quantity: 1 }] }),
    );
    const receiptNo = sale.sale.receiptNo;
    const line = sale.sale.lines[0]!;
    const tender = { method: 'cash' } as const;
    await expect(
      l.core.methods.previewRefund({ receiptNo, lines: [{ lineId: line.id, quantity: 2 }], tender }),
    ).rejects.toMatchObject({ code: 'REFUND_QUANTITY' });
    await expect(
      l.core.methods.previewRefund({ receiptNo, lines: [{ lineId: line.id, quantity: 0 }], tender }),
    ).rejects.toMatchObject({ code: 'REFUND_EMPTY' });
    await expect(
      l.core.methods.previewRefund({ receiptNo, lines: [{ lineId: 'nope', quantity: 1 }], tender }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
