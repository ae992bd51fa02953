// Property-based tests of the points ledger as the use cases write it: the same domain functions
// (priceSale, refundLine, dueToExpire) decide every entry here and in features.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TierInfo } from '../contract';
import { refundLine, type LedgerLine } from './ledger';
import { addDays } from './local-date';
import { balanceOf, dueToExpire, expiresOn, maxRedeemable, type LedgerPoint } from './points';
import { priceSale, type PricingProduct } from './pricing';
import { tiers } from './fixtures';

const gold = tiers.find((t) => t.code === 'gold') as TierInfo;
const products: PricingProduct[] = [
  {
    id: 'a',
    sku: 'A',
    name: { zh: 'a', en: 'a' },
    category: 'tea',
    listPriceMinor: 6800,
    tierPrices: { gold: 6000 },
    pointsEligible: true,
  },
  {
    id: 'b',
    sku: 'B',
    name: { zh: 'b', en: 'b' },
    category: 'snacks',
    listPriceMinor: 3900,
    tierPrices: {},
    pointsEligible: true,
  },
  {
    id: 'c',
    sku: 'C',
    name: { zh: 'c', en: 'c' },
    category: 'gift',
    listPriceMinor: 199,
    tierPrices: {},
    pointsEligible: false,
  },
];

type Op =
  | { kind: 'sale'; lines: { product: number; quantity: number }[]; redeemShare: number }
  | { kind: 'refund'; sale: number; line: number; quantity: number }
  | { kind: 'adjust'; points: number }
  | { kind: 'days'; days: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('sale' as const),
    lines: fc.array(fc.record({ product: fc.nat(2), quantity: fc.integer({ min: 1, max: 4 }) }), {
      minLength: 1,
      maxLength: 4,
    }),
    redeemShare: fc.integer({ min: 0, max: 100 }),
  }),
  fc.record({
    kind: fc.constant('refund' as const),
    sale: fc.nat(20),
    line: fc.nat(3),
    quantity: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({ kind: fc.constant('adjust' as const), points: fc.integer({ min: -300, max: 500 }) }),
  fc.record({ kind: fc.constant('days' as const), days: fc.integer({ min: 1, max: 400 }) }),
);

interface Entry extends LedgerPoint {
  kind: 'earn' | 'redeem' | 'adjust' | 'expire' | 'reverse';
  sale: number | null;
}

/** Plays the operations the way the use cases do and returns the ledger. */
function play(ops: Op[], startBalance: number, expire: boolean) {
  let today = '2026-01-15';
  const ledger: Entry[] = [];
  const write = (e: Omit<Entry, 'at'>) =>
    ledger.push({ ...e, at: `${today}T${String(ledger.length).padStart(6, '0')}` });
  if (startBalance) write({ kind: 'adjust', points: startBalance, expiresOn: null, sale: null });
  const sales: LedgerLine[][] = [];
  let redeemedBeyondBalance = false;
  const runExpiry = () => {
    if (!expire) return;
    const due = dueToExpire(ledger, today);
    if (due > 0) write({ kind: 'expire', points: -due, expiresOn: null, sale: null });
  };
  for (const o of ops) {
    if (o.kind === 'days') {
      today = addDays(today, o.days);
      runExpiry();
    } else if (o.kind === 'sale') {
      runExpiry();
      const balance = balanceOf(ledger);
      const draft = {
        lines: o.lines.map((l) => ({ product: products[l.product]!, quantity: l.quantity })),
        tier: gold,
        tiers,
        coupons: [],
        balance,
        redeem: { points: 100, valueMinor: 100 },
        earning: {
          unitMinor: 100,
          pointsPerUnit: 1,
          categoryMultipliersPct: { tea: 200 },
          birthdayMonthMultiplierPct: 100,
        },
        birthdayMonth: false,
        tax: { included: true, rateBp: 1300 },
      };
      const total = priceSale({ ...draft, pointsToRedeem: 0 }).totalMinor;
      const points = Math.floor((maxRedeemable(balance, total, draft.redeem) * o.redeemShare) / 100);
      const priced = priceSale({ ...draft, pointsToRedeem: points });
      // A reversal can leave the balance below zero (points spent before their sale was refunded);
      // such a member still buys, just without redeeming, so only a redemption counts here.
      if (points > 0 && points > balance) redeemedBeyondBalance = true;
      const saleNo = sales.length;
      if (priced.pointsRedeemed)
        write({ kind: 'redeem', points: -priced.pointsRedeemed, expiresOn: null, sale: saleNo });
      if (priced.pointsEarned)
        write({
          kind: 'earn',
          points: priced.pointsEarned,
          expiresOn: expiresOn(today, { kind: 'end_of_year_after', years: 1 }),
          sale: saleNo,
        });
      sales.push(
        priced.lines.map((l) => ({
          quantity: l.quantity,
          pointsEarned: l.pointsEarned,
          pointsRedeemed: l.pointsRedeemed,
          valueMinor: l.netMinor - l.pointsValueMinor,
          refundedQuantity: 0,
        })),
      );
    } else if (o.kind === 'refund') {
      const sale = sales[o.sale % Math.max(1, sales.length)];
      const line = sale?.[o.line % sale.length];
      if (!sale || !line || line.refundedQuantity === line.quantity) continue;
      refundOne(o.sale % sales.length, line, Math.min(o.quantity, line.quantity - line.refundedQuantity));
    } else {
      const balance = balanceOf(ledger);
      // A negative adjustment takes at most what is there, like the use case.
      const points = o.points < 0 ? -Math.min(-o.points, Math.max(0, balance)) : o.points;
      if (points)
        write({
          kind: 'adjust',
          points,
          expiresOn: points > 0 ? expiresOn(today, { kind: 'end_of_year_after', years: 1 }) : null,
          sale: null,
        });
    }
  }
  function refundOne(saleNo: number, line: LedgerLine, quantity: number) {
    const r = refundLine(line, quantity);
    line.refundedQuantity += quantity;
    if (r.reverseEarned) write({ kind: 'reverse', points: r.reverseEarned, expiresOn: null, sale: saleNo });
    if (r.returnRedeemed)
      write({
        kind: 'reverse',
        points: r.returnRedeemed,
        expiresOn: expiresOn(today, { kind: 'end_of_year_after', years: 1 }),
        sale: saleNo,
      });
  }
  const refundEverything = () => {
    sales.forEach((sale, saleNo) =>
      sale.forEach(
        (line) =>
          line.refundedQuantity < line.quantity && refundOne(saleNo, line, line.quantity - line.refundedQuantity),
      ),
    );
  };
  return { ledger, sales, redeemedBeyondBalance, refundEverything };
}

describe('points ledger (property-based)', () => {
  it('for any sequence: the balance is the sum of entries and redemption never overdraws', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), fc.integer({ min: 0, max: 20_000 }), (ops, start) => {
        const { ledger, redeemedBeyondBalance } = play(ops, start, true);
        let running = 0;
        for (const e of ledger) {
          if (e.kind === 'redeem') expect(running + e.points).toBeGreaterThanOrEqual(0);
          running += e.points;
        }
        expect(balanceOf(ledger)).toBe(running);
        expect(redeemedBeyondBalance).toBe(false);
        // Entries are only ever appended: nothing in the ledger has a zero or fractional amount.
        for (const e of ledger) expect(Number.isInteger(e.points) && e.points !== 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('refunding everything returns the member to where they started, however the refunds were split', () => {
    fc.assert(
      fc.property(
        fc.array(
          op.filter((o) => o.kind === 'sale' || o.kind === 'refund'),
          { maxLength: 30 },
        ),
        fc.integer({ min: 0, max: 20_000 }),
        (ops, start) => {
          const played = play(ops, start, false);
          played.refundEverything();
          expect(balanceOf(played.ledger)).toBe(start);
          // Per sale, too: its entries and its reversals cancel out exactly.
          for (let s = 0; s < played.sales.length; s++)
            expect(balanceOf(played.ledger.filter((e) => e.sale === s))).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a line can never be refunded (and its points reversed) beyond its quantity', () => {
    const line = { quantity: 2, pointsEarned: 101, pointsRedeemed: 33, valueMinor: 999, refundedQuantity: 0 };
    const first = refundLine(line, 1);
    expect(first).toEqual({ reverseEarned: -51, returnRedeemed: 17, amountMinor: 500 });
    expect(refundLine({ ...line, refundedQuantity: 1 }, 1)).toEqual({
      reverseEarned: -50,
      returnRedeemed: 16,
      amountMinor: 499,
    });
    expect(() => refundLine({ ...line, refundedQuantity: 2 }, 1)).toThrow();
    expect(() => refundLine(line, 0)).toThrow();
  });
});
