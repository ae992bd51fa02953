import { describe, expect, it } from 'vitest';
import type { TierInfo } from '../contract';
import { definition } from './fixtures';
import { PricingRefusal, priceSale, settleTenders, taxOf, type PricingInput, type PricingProduct } from './pricing';
import { tiers } from './fixtures';

const product = (id: string, category: string, list: number, gold?: number, pointsEligible = true): PricingProduct => ({
  id,
  sku: id.toUpperCase(),
  name: { zh: id, en: id },
  category,
  listPriceMinor: list,
  tierPrices: gold === undefined ? {} : { gold },
  pointsEligible,
});
const tea = product('tea', 'tea', 6800, 6000);
const cake = product('cake', 'snacks', 3900, 3500);
const gold = tiers.find((t) => t.code === 'gold') as TierInfo;

const base = (over: Partial<PricingInput> = {}): PricingInput => ({
  lines: [
    { product: tea, quantity: 1 },
    { product: cake, quantity: 2 },
  ],
  tier: gold,
  tiers,
  coupons: [],
  pointsToRedeem: 0,
  balance: 5000,
  redeem: { points: 100, valueMinor: 100 },
  earning: { unitMinor: 100, pointsPerUnit: 1, categoryMultipliersPct: {}, birthdayMonthMultiplierPct: 100 },
  birthdayMonth: false,
  tax: { included: true, rateBp: 1300 },
  ...over,
});

describe('priceSale', () => {
  it('gold members pay gold prices and see what they saved', () => {
    const sale = priceSale(base());
    expect(sale.lines.map((l) => l.unitMinor)).toEqual([6000, 3500]);
    expect(sale.listTotalMinor).toBe(6800 + 7800);
    expect(sale.memberSavingsMinor).toBe(800 + 800);
    expect(sale.totalMinor).toBe(13_000);
    // 13 % VAT included: 13000 × 13/113 = 1495.6 → 1496
    expect(sale.taxMinor).toBe(1496);
    // ¥130 × 1.5 = 195 points
    expect(sale.pointsEarned).toBe(195);
  });

  it('anonymous sales pay list price and earn nothing', () => {
    const sale = priceSale(base({ tier: null, balance: null }));
    expect(sale.totalMinor).toBe(14_600);
    expect(sale.pointsEarned).toBe(0);
    expect(() => priceSale(base({ tier: null, balance: null, pointsToRedeem: 100 }))).toThrow(PricingRefusal);
  });

  it('coupons apply after member prices and the discount is allocated to the fen', () => {
    const sale = priceSale(base({ coupons: [{ code: 'SAVE10', definition: definition() }] }));
    expect(sale.couponDiscountMinor).toBe(1000);
    expect(sale.lines.reduce((a, l) => a + l.netMinor, 0)).toBe(12_000);
    expect(sale.totalMinor).toBe(12_000);
    expect(sale.coupons).toEqual([
      { code: 'SAVE10', definitionId: 'd1', name: definition().name, discountMinor: 1000 },
    ]);
  });

  it('a coupon that cannot apply says why and which code', () => {
    try {
      priceSale(base({ coupons: [{ code: 'BIG', definition: definition({ minSpendMinor: 50_000 }) }] }));
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'COUPON_MIN_SPEND', params: { min: 50_000 }, couponCode: 'BIG' });
    }
  });

  it('points pay part of the sale, are split over lines, and do not earn points', () => {
    const sale = priceSale(base({ pointsToRedeem: 3000 }));
    expect(sale.pointsValueMinor).toBe(3000);
    expect(sale.amountDueMinor).toBe(10_000);
    expect(sale.lines.reduce((a, l) => a + l.pointsRedeemed, 0)).toBe(3000);
    expect(sale.lines.reduce((a, l) => a + l.pointsValueMinor, 0)).toBe(3000);
    expect(sale.pointsEarned).toBe(150); // ¥100 × 1.5
    expect(() => priceSale(base({ pointsToRedeem: 6000 }))).toThrow(
      expect.objectContaining({ code: 'POINTS_INSUFFICIENT' }),
    );
    expect(() => priceSale(base({ pointsToRedeem: 5000, balance: 20_000 }))).not.toThrow();
    expect(() => priceSale(base({ pointsToRedeem: 14_000, balance: 20_000 }))).toThrow(
      expect.objectContaining({ code: 'POINTS_OVER_TOTAL' }),
    );
  });

  it('points-ineligible lines earn nothing', () => {
    const sale = priceSale(
      base({ lines: [{ product: product('gift', 'gift', 10_000, undefined, false), quantity: 1 }] }),
    );
    expect(sale.pointsEarned).toBe(0);
  });

  it('tax added at the till when prices exclude it', () => {
    expect(taxOf(10_000, { included: false, rateBp: 600 })).toBe(600);
    expect(priceSale(base({ tax: { included: false, rateBp: 600 } })).totalMinor).toBe(13_780);
  });
});

describe('tenders', () => {
  it('cash gives change; external tenders never exceed what is due', () => {
    expect(settleTenders(8700, [{ method: 'cash', amountMinor: 10_000 }])).toEqual({
      changeMinor: 1300,
      cashReceivedMinor: 10_000,
    });
    expect(
      settleTenders(8700, [
        { method: 'bank_card', amountMinor: 5000 },
        { method: 'cash', amountMinor: 5000 },
      ]),
    ).toEqual({ changeMinor: 1300, cashReceivedMinor: 5000 });
    expect(settleTenders(8700, [{ method: 'cash', amountMinor: 5000 }])).toEqual({
      code: 'TENDER_SHORT',
      params: { due: 3700 },
    });
    expect(settleTenders(8700, [{ method: 'mobile', amountMinor: 9000 }])).toEqual({ code: 'TENDER_OVERPAID' });
    expect(settleTenders(0, [])).toEqual({ changeMinor: 0, cashReceivedMinor: 0 });
  });
});
