import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubCouponDefinition, HubProduct, PulledChange } from '../../contract';
import { openDatabase, type Db } from '../../db/open';
import { createRepositories } from '../../db/repositories';
import type { TerminalStore } from '../../db/store';
import { seedDemoStore } from '../demo/demo';
import { applyCataloguePage, catalogueCursorKey } from './pull-apply-catalogue';

const at = '2026-06-15T04:00:00.000Z';
const product = (over: Partial<HubProduct> = {}): PulledChange => ({
  kind: 'product',
  data: {
    id: 'hub-product-tea-001',
    sku: 'TEA-001',
    barcode: '6901234567892',
    name: { zh: '桂花乌龙茶 250g', en: 'Osmanthus oolong 250 g' },
    category: 'tea',
    listPriceMinor: 7250,
    tierPrices: { gold: 7000, diamond: 5000 },
    pointsEligible: true,
    active: true,
    updatedAt: at,
    ...over,
  },
});
const coupon = (over: Partial<HubCouponDefinition> = {}): PulledChange => ({
  kind: 'coupon_definition',
  data: {
    id: 'hub-coupon-online30',
    name: { zh: '联网专享满200减30', en: '¥30 off ¥200 (online only)' },
    kind: 'amount_off',
    amountOffMinor: 3000,
    percentOff: null,
    capMinor: null,
    freeProductSku: null,
    minSpendMinor: 20_000,
    categories: [],
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    perMemberLimit: null,
    offlineAllowed: false,
    genericCode: 'ONLINE30',
    updatedAt: at,
    ...over,
  },
});

let db: Db;
let store: TerminalStore;
let n = 0;
beforeEach(() => {
  db = openDatabase(':memory:');
  store = createRepositories(db);
  seedDemoStore(store, () => `local-${++n}`, new Date(at));
});
afterEach(() => db.close());

describe('applying the catalogue stream over a shop’s own catalogue', () => {
  it('replaces the local product with the same SKU in its own row, and is the same when applied twice', () => {
    const local = store.catalogue.productBySku('TEA-001')!;
    const page = [product()];
    expect(applyCataloguePage(store, page, '5.1')).toBe(1);
    const once = store.catalogue.allProducts();
    expect(applyCataloguePage(store, page, '5.1')).toBe(1);
    expect(store.catalogue.allProducts()).toEqual(once);
    // Its id stays (old sales name it); the brand's price and member prices replace the shop's,
    // less the price of a tier this terminal does not have.
    expect(store.catalogue.product(local.id)).toMatchObject({ listPriceMinor: 7250, tierPrices: { gold: 7000 } });
    expect(store.catalogue.productByBarcode('6901234567892')?.id).toBe(local.id);
    expect(store.settings.get(catalogueCursorKey)).toBe('5.1');
    expect(store.outbox.pending()).toEqual([]);
  });

  it('gives the brand’s barcode to the brand’s product; the local product that had it keeps its SKU', () => {
    const other = store.catalogue.productBySku('TEA-002')!;
    applyCataloguePage(store, [product({ id: 'hub-new', sku: 'TEA-900', barcode: other.barcode })], '5.2');
    expect(store.catalogue.productByBarcode(other.barcode!)?.sku).toBe('TEA-900');
    expect(store.catalogue.productBySku('TEA-002')).toMatchObject({ id: other.id, barcode: null });
  });

  it('a hub tier on a local tier’s level retires the local one above the ladder, out of reach', () => {
    applyCataloguePage(
      store,
      [
        {
          kind: 'tier',
          data: {
            code: 'jade',
            name: { zh: '翡翠会员', en: 'Jade' },
            rank: 1,
            qualifyMetric: 'spend',
            threshold: 30_000,
            windowDays: 365,
            pointsMultiplierPct: 120,
          },
        },
      ],
      '6.1',
    );
    const tiers = store.catalogue.tiers();
    expect(tiers.map((t) => t.code)).toEqual(['normal', 'jade', 'gold', 'silver']);
    expect(tiers.find((t) => t.code === 'silver')).toMatchObject({ rank: 1000, threshold: Number.MAX_SAFE_INTEGER });
  });

  it('a hub coupon with a local generic code replaces that definition; rules and campaigns are kept as sent', () => {
    const local = store.coupons.definitionByGenericCode('ONLINE30')!;
    applyCataloguePage(
      store,
      [
        coupon(),
        coupon({
          id: 'hub-cup',
          genericCode: 'CUP',
          kind: 'free_item',
          amountOffMinor: null,
          freeProductSku: 'CUP-001',
        }),
        {
          kind: 'rules',
          data: {
            earning: { unitMinor: 100, pointsPerUnit: 3, categoryMultipliersPct: {}, birthdayMonthMultiplierPct: 100 },
            redeem: { points: 50, valueMinor: 100 },
            expiry: { kind: 'never' },
            expiringSoonDays: 30,
          },
        },
        {
          kind: 'campaign',
          data: {
            id: 'autumn',
            title: { zh: '秋茶上新', en: 'Autumn teas' },
            body: { zh: '到店品鉴', en: 'Taste them in store' },
            targetTiers: ['gold'],
            targetTags: [],
            startsAt: '2026-09-01T00:00:00.000Z',
            endsAt: '2026-10-01T00:00:00.000Z',
            slides: [{ title: { zh: '新茶', en: 'New' }, body: { zh: '品鉴', en: 'Taste' }, imageUrl: null }],
            updatedAt: at,
          },
        },
      ],
      '7.4',
    );
    expect(store.coupons.definitionByGenericCode('ONLINE30')).toMatchObject({ id: local.id, minSpendMinor: 20_000 });
    expect(store.coupons.definition('hub-cup')?.freeProductId).toBe(store.catalogue.productBySku('CUP-001')!.id);
    expect(JSON.parse(store.settings.get('loyalty.policy')!)).toMatchObject({ earning: { pointsPerUnit: 3 } });
    expect(store.campaigns.all()).toEqual([expect.objectContaining({ id: 'autumn', targetTiers: ['gold'] })]);
  });
});
