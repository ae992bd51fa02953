import type { CatalogueProduct, ProductInfo, QualifyMetric, TierInfo } from '../../contract';
import type { Db } from '../open';
import type { CatalogueRepository } from '../store';

interface ProductRaw {
  id: string;
  sku: string;
  barcode: string | null;
  nameZh: string;
  nameEn: string;
  category: string;
  price: number;
  currency: string;
  pointsEligible: number;
  active: number;
  tierPrices: string | null;
}

const productColumns = `p.id, p.sku, p.barcode, p.name_zh AS nameZh, p.name_en AS nameEn, p.category, p.price_minor AS price,
  p.currency, p.points_eligible AS pointsEligible, p.active,
  (SELECT json_group_object(t.tier_code, t.price_minor) FROM product_tier_prices t WHERE t.product_id = p.id) AS tierPrices`;

const toProduct = (r: ProductRaw): ProductInfo => ({
  id: r.id,
  sku: r.sku,
  barcode: r.barcode,
  name: { zh: r.nameZh, en: r.nameEn },
  category: r.category,
  listPriceMinor: r.price,
  tierPrices: r.tierPrices ? (JSON.parse(r.tierPrices) as Record<string, number>) : {},
  pointsEligible: r.pointsEligible === 1,
  currency: r.currency,
});

const toCatalogueProduct = (r: ProductRaw): CatalogueProduct => ({ ...toProduct(r), active: r.active === 1 });

interface TierRaw {
  code: string;
  nameZh: string;
  nameEn: string;
  rank: number;
  qualifyMetric: QualifyMetric;
  threshold: number;
  windowDays: number;
  pointsMultiplierPct: number;
}

const toTier = (r: TierRaw): TierInfo => ({
  code: r.code,
  name: { zh: r.nameZh, en: r.nameEn },
  rank: r.rank,
  qualifyMetric: r.qualifyMetric,
  threshold: r.threshold,
  windowDays: r.windowDays,
  pointsMultiplierPct: r.pointsMultiplierPct,
});

export interface NewProduct {
  id: string;
  sku: string;
  barcode: string | null;
  nameZh: string;
  nameEn: string;
  category: string;
  priceMinor: number;
  currency: string;
  pointsEligible: boolean;
}

/** A product as a manager saves it: every column, and its member prices as a whole (tiers left out pay the list price). */
export interface SavedProduct extends NewProduct {
  active: boolean;
  tierPrices: Record<string, number>;
}

/** A tier as it is stored: its rules and its row id (made once, when the tier is added). */
export interface SavedTier extends TierInfo {
  id: string;
}

/** Products, their tier prices and the tiers themselves: data the hub will send down later. */
export function catalogueRepository(db: Db): CatalogueRepository {
  const all = db.prepare<[], ProductRaw>(
    `SELECT ${productColumns} FROM products p WHERE p.active = 1 ORDER BY p.category, p.sku`,
  );
  const byId = db.prepare<[string], ProductRaw>(
    `SELECT ${productColumns} FROM products p WHERE p.id = ? AND p.active = 1`,
  );
  const byBarcode = db.prepare<[string], ProductRaw>(
    `SELECT ${productColumns} FROM products p WHERE p.barcode = ? AND p.active = 1`,
  );
  const bySku = db.prepare<[string], ProductRaw>(`SELECT ${productColumns} FROM products p WHERE p.sku = ?`);
  const insertProduct =
    db.prepare(`INSERT INTO products (id, sku, barcode, name_zh, name_en, category, price_minor, currency, points_eligible)
    VALUES (@id, @sku, @barcode, @nameZh, @nameEn, @category, @priceMinor, @currency, @pointsEligible)`);
  const allAnyState = db.prepare<[], ProductRaw>(`SELECT ${productColumns} FROM products p ORDER BY p.category, p.sku`);
  const byIdAnyState = db.prepare<[string], ProductRaw>(`SELECT ${productColumns} FROM products p WHERE p.id = ?`);
  const byBarcodeAnyState = db.prepare<[string], ProductRaw>(
    `SELECT ${productColumns} FROM products p WHERE p.barcode = ?`,
  );
  const upsertProduct = db.prepare(`INSERT INTO products
      (id, sku, barcode, name_zh, name_en, category, price_minor, currency, points_eligible, active)
    VALUES (@id, @sku, @barcode, @nameZh, @nameEn, @category, @priceMinor, @currency, @pointsEligible, @active)
    ON CONFLICT (id) DO UPDATE SET sku = excluded.sku, barcode = excluded.barcode, name_zh = excluded.name_zh,
      name_en = excluded.name_en, category = excluded.category, price_minor = excluded.price_minor,
      currency = excluded.currency, points_eligible = excluded.points_eligible, active = excluded.active`);
  const clearTierPrices = db.prepare('DELETE FROM product_tier_prices WHERE product_id = ?');
  const upsertTier = db.prepare(`INSERT INTO tiers
      (id, code, name_zh, name_en, rank, qualify_metric, threshold, window_days, points_multiplier_pct)
    VALUES (@id, @code, @nameZh, @nameEn, @rank, @qualifyMetric, @threshold, @windowDays, @pointsMultiplierPct)
    ON CONFLICT (code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, rank = excluded.rank,
      qualify_metric = excluded.qualify_metric, threshold = excluded.threshold, window_days = excluded.window_days,
      points_multiplier_pct = excluded.points_multiplier_pct`);
  const setTierPrice = db.prepare(`INSERT INTO product_tier_prices (product_id, tier_code, price_minor) VALUES (?, ?, ?)
    ON CONFLICT (product_id, tier_code) DO UPDATE SET price_minor = excluded.price_minor`);
  const tiers = db.prepare<
    [],
    TierRaw
  >(`SELECT code, name_zh AS nameZh, name_en AS nameEn, rank, qualify_metric AS qualifyMetric,
    threshold, window_days AS windowDays, points_multiplier_pct AS pointsMultiplierPct FROM tiers ORDER BY rank`);
  const setTierRule = db.prepare(
    `UPDATE tiers SET qualify_metric = ?, threshold = ?, window_days = ?, points_multiplier_pct = ? WHERE code = ?`,
  );
  let tierCache: TierInfo[] | null = null;
  return {
    products: (): ProductInfo[] => all.all().map(toProduct),
    product: (id: string): ProductInfo | null => {
      const r = byId.get(id);
      return r ? toProduct(r) : null;
    },
    productByBarcode: (barcode: string): ProductInfo | null => {
      const r = byBarcode.get(barcode);
      return r ? toProduct(r) : null;
    },
    productBySku: (sku: string): ProductInfo | null => {
      const r = bySku.get(sku);
      return r ? toProduct(r) : null;
    },
    insertProduct: (p: NewProduct) => void insertProduct.run({ ...p, pointsEligible: p.pointsEligible ? 1 : 0 }),
    allProducts: (): CatalogueProduct[] => allAnyState.all().map(toCatalogueProduct),
    anyProduct: (id: string): CatalogueProduct | null => {
      const r = byIdAnyState.get(id);
      return r ? toCatalogueProduct(r) : null;
    },
    anyProductByBarcode: (barcode: string): CatalogueProduct | null => {
      const r = byBarcodeAnyState.get(barcode);
      return r ? toCatalogueProduct(r) : null;
    },
    saveProduct: ({ tierPrices, ...p }: SavedProduct) => {
      upsertProduct.run({ ...p, pointsEligible: p.pointsEligible ? 1 : 0, active: p.active ? 1 : 0 });
      clearTierPrices.run(p.id);
      for (const [tierCode, priceMinor] of Object.entries(tierPrices)) setTierPrice.run(p.id, tierCode, priceMinor);
    },
    setTierPrice: (productId: string, tierCode: string, priceMinor: number) =>
      void setTierPrice.run(productId, tierCode, priceMinor),
    // Tiers change only when the hub (or the seed) sends new rules: read once per change.
    tiers: (): TierInfo[] => (tierCache ??= tiers.all().map(toTier)),
    setTierRule: (
      code: string,
      rule: Pick<TierInfo, 'qualifyMetric' | 'threshold' | 'windowDays' | 'pointsMultiplierPct'>,
    ) => {
      setTierRule.run(rule.qualifyMetric, rule.threshold, rule.windowDays, rule.pointsMultiplierPct, code);
      tierCache = null;
    },
    saveTier: ({ name, ...t }: SavedTier) => {
      // Forgotten before the write: a rolled-back transaction leaves nothing stale behind, as long as
      // the tiers are not read again inside it (saveTier's use case checks the ladder first).
      tierCache = null;
      upsertTier.run({ ...t, nameZh: name.zh, nameEn: name.en });
    },
  };
}
