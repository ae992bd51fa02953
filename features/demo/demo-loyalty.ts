import type { TerminalStore } from '../../db/store';
import type { CouponDefinitionInfo } from '../../contract';
import { luhnCheckDigit } from '../../domain/card-number';
import { localDate } from '../../domain/local-date';
import { nameIndexText } from '../../domain/name-search';
import { expiresOn, type LoyaltyPolicy } from '../../domain/points';
import type { TaxConfig } from '../../domain/pricing';

/** Documented in README.md: a gold member to try checkout with at once. */
export const demoMember = {
  name: '陈金卡',
  phone: '+8613700000888',
  phoneNational: '137 0000 0888',
  card: `880000000000088${luhnCheckDigit('880000000000088')}`,
  openingPoints: 5000,
} as const;

export const demoPolicy: LoyaltyPolicy = {
  earning: { unitMinor: 100, pointsPerUnit: 1, categoryMultipliersPct: { tea: 200 }, birthdayMonthMultiplierPct: 200 },
  redeem: { points: 100, valueMinor: 100 },
  expiry: { kind: 'end_of_year_after', years: 1 },
  expiringSoonDays: 60,
};

const demoTax: TaxConfig = { included: true, rateBp: 1300 };

const tierRules = [
  { code: 'normal', qualifyMetric: 'spend', threshold: 0, windowDays: 365, pointsMultiplierPct: 100 },
  { code: 'silver', qualifyMetric: 'spend', threshold: 50_000, windowDays: 365, pointsMultiplierPct: 125 },
  { code: 'gold', qualifyMetric: 'spend', threshold: 200_000, windowDays: 365, pointsMultiplierPct: 150 },
] as const;

const tierPrices: Record<string, Record<string, number>> = {
  'TEA-001': { silver: 6500, gold: 6000 },
  'TEA-002': { silver: 12_000, gold: 11_500 },
  'SNK-001': { gold: 3500 },
  'CUP-001': { gold: 4000 },
  'TEA-003': { silver: 15_000, gold: 14_200 },
  'TEA-004': { silver: 21_600, gold: 20_500 },
  'CUP-003': { gold: 15_800 },
  'GFT-001': { silver: 28_000, gold: 26_800 },
  'SNK-002': { gold: 2500 },
};

/**
 * Loyalty rules, member prices, coupons and one gold member for the demo store. Guarded by its
 * own setting, so a demo database made before loyalty existed gets them once too.
 */
export function seedDemoLoyalty(repos: TerminalStore, newId: () => string, now: Date): void {
  if (repos.settings.get('demo_loyalty_seeded')) return;
  const at = now.toISOString();
  const memberSince = new Date(now.getTime() - 365 * 24 * 60 * 60 * 1000).toISOString();
  const today = localDate(now, 480);
  const year = Number(today.slice(0, 4));
  const storeId = repos.settings.get('store_id');
  const terminalId = repos.settings.get('terminal_id') ?? 'seed';
  repos.transaction(() => {
    repos.settings.set('loyalty.policy', JSON.stringify(demoPolicy));
    repos.settings.set('sales.tax', JSON.stringify(demoTax));
    repos.settings.set('store.utc_offset_minutes', '480');
    for (const rule of tierRules) repos.catalogue.setTierRule(rule.code, rule);
    for (const [sku, prices] of Object.entries(tierPrices)) {
      const product = repos.catalogue.productBySku(sku);
      if (!product) continue;
      for (const [tier, price] of Object.entries(prices)) repos.catalogue.setTierPrice(product.id, tier, price);
    }
    // An in-store code (GS1 restricted range 2xx) for goods without a maker's barcode; earns no points.
    repos.catalogue.insertProduct({
      id: newId(),
      sku: 'BAG-001',
      barcode: '2000000000015',
      nameZh: '环保购物袋',
      nameEn: 'Reusable bag',
      category: 'sundries',
      priceMinor: 200,
      currency: 'CNY',
      pointsEligible: false,
    });
    const cup = repos.catalogue.productBySku('CUP-001');
    const validFrom = `${year}-01-01`;
    const validTo = `${year + 1}-12-31`;
    const base = {
      amountOffMinor: null,
      percentOff: null,
      capMinor: null,
      freeProductId: null,
      minSpendMinor: 0,
      categories: [],
      validFrom,
      validTo,
      perMemberLimit: null,
      offlineAllowed: true,
    };
    const definitions: Omit<CouponDefinitionInfo, 'id'>[] = [
      {
        ...base,
        name: { zh: '满50减10', en: '¥10 off over ¥50' },
        kind: 'amount_off',
        amountOffMinor: 1000,
        minSpendMinor: 5000,
        genericCode: 'SAVE10',
      },
      {
        ...base,
        name: { zh: '茶叶九折（最高减20）', en: '10% off tea, up to ¥20' },
        kind: 'percent_off',
        percentOff: 10,
        capMinor: 2000,
        categories: ['tea'],
        perMemberLimit: 3,
        genericCode: 'TEA10',
      },
      {
        ...base,
        name: { zh: '满100送品茗杯', en: 'Free tasting cup over ¥100' },
        kind: 'free_item',
        freeProductId: cup?.id ?? null,
        minSpendMinor: 10_000,
        perMemberLimit: 1,
        genericCode: 'FREECUP',
      },
      {
        ...base,
        name: { zh: '联网专享满150减30', en: '¥30 off ¥150 (online only)' },
        kind: 'amount_off',
        amountOffMinor: 3000,
        minSpendMinor: 15_000,
        offlineAllowed: false,
        genericCode: 'ONLINE30',
      },
      {
        ...base,
        name: { zh: '去年春季券', en: 'Last spring' },
        kind: 'amount_off',
        amountOffMinor: 500,
        validFrom: `${year - 1}-03-01`,
        validTo: `${year - 1}-05-31`,
        genericCode: 'SPRING',
      },
      {
        ...base,
        name: { zh: '会员生日券 满80减20', en: 'Birthday: ¥20 off ¥80' },
        kind: 'amount_off',
        amountOffMinor: 2000,
        minSpendMinor: 8000,
        genericCode: null,
      },
    ];
    const ids = definitions.map((d) => {
      const id = newId();
      repos.coupons.insertDefinition({ ...d, id, createdAt: at });
      return id;
    });

    if (!repos.members.findByPhone(demoMember.phone)) {
      const memberId = newId();
      repos.members.insert({
        id: memberId,
        name: demoMember.name,
        phone: demoMember.phone,
        phoneNational: demoMember.phoneNational,
        phoneLast4: demoMember.phone.slice(-4),
        nameTokens: nameIndexText(demoMember.name),
        birthday: null,
        gender: 'unspecified',
        community: '翠湖花园',
        interests: ['茶'],
        referralCode: 'GOLD88',
        referredBy: null,
        storeId,
        enrolledBy: null,
        // A regular customer of long standing, not a new member of today's report.
        enrolledAt: memberSince,
        updatedAt: at,
      });
      repos.consents.insert(newId(), memberId, {
        purpose: 'data_processing',
        granted: true,
        recordedAt: at,
        source: 'counter',
        staffId: null,
      });
      repos.cards.insert(demoMember.card, memberId, at, null);
      repos.points.setTier({ id: newId(), memberId, tierCode: 'gold', change: 'initial', saleId: null, at });
      repos.points.append({
        id: newId(),
        memberId,
        kind: 'adjust',
        points: demoMember.openingPoints,
        reason: '演示开户积分 demo opening balance',
        saleId: null,
        sourceId: null,
        storeId,
        terminalId,
        staffId: null,
        at,
        expiresOn: expiresOn(today, demoPolicy.expiry),
      });
      repos.coupons.issue('CDEMOBIRTHDAY', ids[5]!, memberId, at, null);
    }
    repos.settings.set('demo_loyalty_seeded', '1');
  });
}
