import type { TerminalStore } from '../../db/store';
import { hashPin } from '../staff/pin-hash';
import { seedDemoLoyalty } from './demo-loyalty';
import { seedDemoRewards } from './demo-rewards';

/** Documented in README.md: the demo store's staff and their PINs. */
export const demoStaff = [
  { name: '张伟 Zhang Wei', role: 'cashier', pin: '1234' },
  { name: '李娜 Li Na', role: 'manager', pin: '9999' },
] as const;

const tiers = [
  { code: 'normal', zh: '普通会员', en: 'Member', rank: 0 },
  { code: 'silver', zh: '银卡会员', en: 'Silver', rank: 1 },
  { code: 'gold', zh: '金卡会员', en: 'Gold', rank: 2 },
];

const products = [
  {
    sku: 'TEA-001',
    barcode: '6901234567892',
    zh: '桂花乌龙茶 250g',
    en: 'Osmanthus oolong 250 g',
    category: 'tea',
    price: 6800,
  },
  {
    sku: 'TEA-002',
    barcode: '6901234567014',
    zh: '明前龙井 100g',
    en: 'Pre-Qingming Longjing 100 g',
    category: 'tea',
    price: 12800,
  },
  {
    sku: 'SNK-001',
    barcode: '6901234567113',
    zh: '手工凤梨酥 6枚',
    en: 'Pineapple cakes, 6 pieces',
    category: 'snacks',
    price: 3900,
  },
  {
    sku: 'CUP-001',
    barcode: '6901234567212',
    zh: '陶瓷品茗杯',
    en: 'Ceramic tasting cup',
    category: 'teaware',
    price: 4500,
  },
  // Eight more, so a full basket (a dozen lines) can be tried at the counter.
  {
    sku: 'TEA-003',
    barcode: '6901234567311',
    zh: '武夷岩茶大红袍 125g',
    en: 'Wuyi Da Hong Pao 125 g',
    category: 'tea',
    price: 15800,
  },
  {
    sku: 'TEA-004',
    barcode: '6901234567410',
    zh: '云南普洱熟茶饼 357g',
    en: 'Yunnan ripe pu-erh cake 357 g',
    category: 'tea',
    price: 22800,
  },
  {
    sku: 'TEA-005',
    barcode: '6901234567519',
    zh: '茉莉花茶 袋泡20包',
    en: 'Jasmine tea, 20 bags',
    category: 'tea',
    price: 3600,
  },
  {
    sku: 'CUP-002',
    barcode: '6901234567618',
    zh: '玻璃公道杯 300ml',
    en: 'Glass pitcher 300 ml',
    category: 'teaware',
    price: 5800,
  },
  {
    sku: 'CUP-003',
    barcode: '6901234567717',
    zh: '白瓷盖碗套装',
    en: 'White porcelain gaiwan set',
    category: 'teaware',
    price: 16800,
  },
  {
    sku: 'GFT-001',
    barcode: '6901234567816',
    zh: '中秋茶礼盒',
    en: 'Mid-Autumn tea gift box',
    category: 'gifts',
    price: 29800,
  },
  {
    sku: 'SNK-002',
    barcode: '6901234567915',
    zh: '绿豆糕 8枚',
    en: 'Mung bean cakes, 8 pieces',
    category: 'snacks',
    price: 2800,
  },
  {
    sku: 'SNK-003',
    barcode: '6901234568011',
    zh: '原味瓜子 200g',
    en: 'Roasted sunflower seeds 200 g',
    category: 'snacks',
    price: 1800,
  },
];

/**
 * A first run with an empty database gets a store people can try at once. Runs in one transaction
 * and only once (the `demo_seeded` setting), so restarting never duplicates anything.
 */
export function seedDemoStore(repos: TerminalStore, newId: () => string, now: Date): string {
  const existing = repos.settings.get('store_id');
  if (existing) {
    if (repos.settings.get('demo') === '1') seedDemoLoyalty(repos, newId, now);
    seedDemoRewards(repos, newId, now);
    return existing;
  }
  const at = now.toISOString();
  const storeId = newId();
  const hashes = demoStaff.map((s) => hashPin(s.pin));
  repos.transaction(() => {
    repos.stores.insert({
      id: storeId,
      code: 'DEMO-001',
      name: '邻里体验店 · 翠湖社区',
      currency: 'CNY',
      createdAt: at,
    });
    demoStaff.forEach((s, i) =>
      repos.staff.insert({ id: newId(), storeId, name: s.name, role: s.role, pinHash: hashes[i]!, createdAt: at }),
    );
    const insertTier = repos.db.prepare('INSERT INTO tiers (id, code, name_zh, name_en, rank) VALUES (?, ?, ?, ?, ?)');
    for (const t of tiers) insertTier.run(newId(), t.code, t.zh, t.en, t.rank);
    const insertProduct = repos.db.prepare(
      'INSERT INTO products (id, sku, barcode, name_zh, name_en, category, price_minor, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const p of products) insertProduct.run(newId(), p.sku, p.barcode, p.zh, p.en, p.category, p.price, 'CNY');
    repos.settings.set('store_id', storeId);
    repos.settings.set('demo', '1');
  });
  seedDemoLoyalty(repos, newId, now);
  seedDemoRewards(repos, newId, now);
  return storeId;
}
