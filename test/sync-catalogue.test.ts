// The brand's hub as the source of the catalogue: two shops' terminals (two cores, two SQLite
// files) and one real hub on loopback (node:http over PGlite, in this process). A price changed
// through the admin API is the price at both counters; a new tier and a coupon definition reach
// both; and a registered terminal no longer edits its own catalogue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChain, type Chain } from './support/chain';
import type { LoyaltyCore } from './support/loyalty';

let chain: Chain;
let a: LoyaltyCore;
let b: LoyaltyCore;

async function admin<T>(path: string, body: unknown, status = 200): Promise<T> {
  const answer = await chain.admin<T>('POST', path, body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return answer.body;
}

const at = (l: LoyaltyCore) => l.core.methods;
const priceAt = async (l: LoyaltyCore, sku: string) =>
  (await at(l).listProducts()).find((p) => p.sku === sku)?.listPriceMinor;
/** What one of the product costs a walk-in customer at the counter, as quoted for a sale. */
const quotedAt = async (l: LoyaltyCore, sku: string, couponCodes: string[] = []) => {
  const product = (await at(l).listProducts()).find((p) => p.sku === sku)!;
  return at(l).quoteSale({
    memberId: null,
    lines: [{ productId: product.id, quantity: 1 }],
    couponCodes,
    pointsToRedeem: 0,
  });
};

describe('the hub is the source of the catalogue', () => {
  beforeAll(async () => {
    chain = await startChain();
    a = await chain.terminal('CUIHU', '翠湖店');
    b = await chain.terminal('BINJIANG', '滨江店');
  }, 60_000);

  afterAll(() => chain?.close());

  it('a price changed through the admin API is the price at both counters', async () => {
    expect(await priceAt(a, 'TEA-001')).toBe(6800);
    const localId = a.products['TEA-001']!.id;
    // The brand takes over the shops' product by its SKU, then changes its price.
    await admin('/v1/admin/products', {
      sku: 'TEA-001',
      barcode: '6901234567892',
      name: { zh: '桂花乌龙茶 250g', en: 'Osmanthus oolong 250 g' },
      category: 'tea',
      listPriceMinor: 6800,
    });
    await admin('/v1/admin/products/TEA-001/price', { priceMinor: 7250 });

    for (const l of [a, b]) {
      await expect.poll(() => priceAt(l, 'TEA-001'), { timeout: 20_000 }).toBe(7250);
      const quote = await quotedAt(l, 'TEA-001');
      expect(quote.lines[0]).toMatchObject({ unitMinor: 7250 });
      expect(quote.totalMinor).toBe(7250);
    }
    // Still the shop's own row (its old sales name it), now carrying the brand's price; still scans.
    expect((await at(a).listProducts()).filter((p) => p.sku === 'TEA-001').map((p) => p.id)).toEqual([localId]);
    expect(await at(a).handleScan({ text: '6901234567892', source: 'wedge' })).toMatchObject({
      kind: 'product',
      product: { sku: 'TEA-001', listPriceMinor: 7250 },
    });
    // Nothing pulled goes back to the hub.
    expect(a.repos.outbox.pending().filter((e) => e.type === 'product.saved')).toEqual([]);
  });

  it('a new tier with its member price, and a coupon definition, reach both terminals', async () => {
    await admin('/v1/admin/tiers', {
      code: 'platinum',
      name: { zh: '铂金会员', en: 'Platinum' },
      rank: 3,
      qualifyMetric: 'spend',
      threshold: 800_000,
      pointsMultiplierPct: 200,
    });
    await admin('/v1/admin/products', {
      sku: 'TEA-777',
      name: { zh: '大红袍 50g', en: 'Da Hong Pao 50 g' },
      category: 'tea',
      listPriceMinor: 16_000,
      tierPrices: { platinum: 14_000 },
    });
    await admin('/v1/admin/coupon-definitions', {
      name: { zh: '秋茶满100减15', en: '¥15 off ¥100 of autumn tea' },
      kind: 'amount_off',
      amountOffMinor: 1500,
      minSpendMinor: 10_000,
      categories: ['tea'],
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      genericCode: 'AUTUMN15',
    });

    for (const l of [a, b]) {
      // The coupon came last: once it is accepted at the counter, the tier and product are there too.
      await expect
        .poll(async () => (await quotedAt(l, 'TEA-777', ['AUTUMN15']).catch(() => null))?.couponDiscountMinor, {
          timeout: 20_000,
        })
        .toBe(1500);
      const tiers = await at(l).listTiers();
      expect(tiers.find((t) => t.code === 'platinum')).toMatchObject({
        rank: 3,
        pointsMultiplierPct: 200,
        name: { zh: '铂金会员' },
      });
      const product = (await at(l).listProducts()).find((p) => p.sku === 'TEA-777');
      expect(product).toMatchObject({ listPriceMinor: 16_000, tierPrices: { platinum: 14_000 } });
      const quote = await quotedAt(l, 'TEA-777', ['AUTUMN15']);
      expect(quote.coupons).toEqual([expect.objectContaining({ code: 'AUTUMN15', discountMinor: 1500 })]);
      expect(quote.totalMinor).toBe(14_500);
    }
  });

  it('refuses local catalogue edits while registered, and writes nothing', async () => {
    const before = a.repos.outbox.pending().length;
    const product = (await at(a).listCatalogueProducts()).find((p) => p.sku === 'TEA-001')!;
    await expect(
      at(a).saveProduct({
        id: product.id,
        sku: product.sku,
        barcode: product.barcode,
        name: product.name,
        category: product.category,
        listPriceMinor: 100,
        tierPrices: {},
      }),
    ).rejects.toMatchObject({ code: 'CATALOGUE_MANAGED_BY_HUB' });
    await expect(
      at(a).saveTier({ code: 'bronze', name: { zh: '铜卡' }, rank: 9, qualifyMetric: 'spend', threshold: 1 }),
    ).rejects.toMatchObject({ code: 'CATALOGUE_MANAGED_BY_HUB' });
    expect(await priceAt(a, 'TEA-001')).toBe(7250);
    expect((await at(a).listTiers()).map((t) => t.code)).not.toContain('bronze');
    expect(a.repos.outbox.pending().length).toBe(before);
  });
});
