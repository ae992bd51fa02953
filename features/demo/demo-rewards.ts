import type { TerminalStore } from '../../db/store';

/**
 * The demo shop's rewards (README "Demo store"): two vouchers, a gift collected at the counter, and
 * one with a single piece in stock so "out of stock" can be tried. Once per database.
 */
export const demoRewards = [
  { nameZh: '10元代金券', nameEn: '¥10 voucher', kind: 'voucher', cost: 1000, amount: 1000, sku: null, stock: null },
  { nameZh: '30元代金券', nameEn: '¥30 voucher', kind: 'voucher', cost: 2800, amount: 3000, sku: null, stock: 50 },
  {
    nameZh: '绿豆糕一盒',
    nameEn: 'Box of mung bean cakes',
    kind: 'gift',
    cost: 2500,
    amount: null,
    sku: 'SNK-002',
    stock: 20,
  },
  {
    nameZh: '限量青瓷杯',
    nameEn: 'Limited celadon cup',
    kind: 'gift',
    cost: 4000,
    amount: null,
    sku: 'CUP-001',
    stock: 1,
  },
] as const;

export function seedDemoRewards(repos: TerminalStore, newId: () => string, now: Date): void {
  if (repos.settings.get('demo') !== '1' || repos.settings.get('demo_rewards_seeded')) return;
  const at = now.toISOString();
  const bySku = new Map(repos.catalogue.products().map((p) => [p.sku, p.id]));
  repos.transaction(() => {
    for (const r of demoRewards) {
      const productId = r.sku ? bySku.get(r.sku) : null;
      if (productId === undefined) continue;
      repos.rewards.insert({
        id: newId(),
        nameZh: r.nameZh,
        nameEn: r.nameEn,
        kind: r.kind,
        pointsCost: r.cost,
        amountOffMinor: r.amount,
        productId,
        stock: r.stock,
        validDays: 30,
        onlineOnly: false,
        at,
      });
    }
    repos.settings.set('demo_rewards_seeded', '1');
  });
}
