// The local catalogue: products, their prices and the member tiers, kept by a manager at the
// terminal while no hub sends them (decision 0015). Listing for the counter stays `listProducts`
// and `listTiers` (loyalty, any staff); everything here is the manager's.
import { z } from 'zod';
import type { ErrorCode } from './errors';
import type { ProductInfo, QualifyMetric, TierInfo } from './loyalty-types';
import { methodsOf } from './method';
import { fail, id, int, noInput, oneOf, text, type IssueTag } from './schema-kit';

const m = methodsOf('catalogue');

/** A product as the manager sees it: inactive ones too (they stay, so old sales still resolve). */
export interface CatalogueProduct extends ProductInfo {
  active: boolean;
}

export const qualifyMetrics = ['spend', 'points'] as const satisfies readonly QualifyMetric[];

export const catalogueLimits = {
  skuMax: 32,
  nameMax: 60,
  categoryMax: 32,
  tierCodeMax: 20,
  /** ¥999,999.99: a bigger shelf price is a typing mistake. */
  priceMaxMinor: 99_999_999,
  rankMax: 99,
  /** Fen of spend or points: generous, not unbounded. */
  thresholdMax: 10_000_000_000,
  windowDaysMax: 3660,
  /** 1000 % = ×10 points. */
  multiplierPctMax: 1000,
} as const;

/** Spaces collapsed, invisible control characters dropped, Unicode composed, ends trimmed: what a person meant to type. */
const clean = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .normalize('NFC')
    .trim();
const chars = (s: string) => [...s].length;

/** A display name, cleaned, at most nameMax characters; `required` also when it is empty. */
function displayName(opts: { required?: ErrorCode; tooLong: ErrorCode; field: string }) {
  const max = catalogueLimits.nameMax;
  const { field, tooLong, required } = opts;
  const cleaned = text(required ?? 'INVALID_INPUT', { max: 400, tooLong, field, params: { max } })
    .transform(clean)
    .refine((s) => chars(s) <= max, fail(tooLong, { field, params: { max } }));
  return required ? cleaned.refine((s) => s !== '', fail(required, { field })) : cleaned;
}

/** SKU: letters, digits, `.`, `_`, `-`, stored in capitals (the counter finds it typed either way); not only digits (that is a barcode). */
export const skuPattern = /^(?!\d+$)[A-Z0-9][A-Z0-9._-]*$/;
const sku = text('SKU_INVALID', { max: 200, field: 'sku', params: { max: catalogueLimits.skuMax } })
  .transform((s) => s.trim().toUpperCase())
  .refine(
    (s) => s.length <= catalogueLimits.skuMax && skuPattern.test(s),
    fail('SKU_INVALID', { field: 'sku', params: { max: catalogueLimits.skuMax } }),
  );

/** Digits only here; the check digit and UPC/EAN normalising are the domain's (domain/barcode.ts), as for a scan. */
const barcode = text('BARCODE_INVALID', { max: 64, field: 'barcode' })
  .transform((s) => s.trim())
  .refine((s) => s === '' || /^\d{8,14}$/.test(s), fail('BARCODE_INVALID', { field: 'barcode' }));

/** Lower-case codes (coupons name categories, the earning rules multiply by them). */
export const codePattern = /^[a-z][a-z0-9_-]*$/;
const category = text('CATEGORY_INVALID', { max: 200, field: 'category', params: { max: catalogueLimits.categoryMax } })
  .transform((s) => s.trim().toLowerCase())
  .refine(
    (s) => s.length <= catalogueLimits.categoryMax && codePattern.test(s),
    fail('CATEGORY_INVALID', { field: 'category', params: { max: catalogueLimits.categoryMax } }),
  );

const tierCode = (field = 'code') =>
  text('TIER_CODE_INVALID', { max: 200, field, params: { max: catalogueLimits.tierCodeMax } })
    .transform((s) => s.trim().toLowerCase())
    .refine(
      (s) => s.length <= catalogueLimits.tierCodeMax && codePattern.test(s),
      fail('TIER_CODE_INVALID', { field, params: { max: catalogueLimits.tierCodeMax } }),
    );

const price = (field: string) => int('PRICE_INVALID', 0, catalogueLimits.priceMaxMinor, field);

/**
 * Member prices by tier code. Each price's error names its own field, `tierPrices.<code>`, so the
 * form flags the one tier input that is wrong (the kit's `fail` cannot know the key).
 */
const tierPriceError = {
  error: (issue: { path?: PropertyKey[] }) =>
    JSON.stringify({
      code: 'PRICE_INVALID',
      field: `tierPrices.${String(issue.path?.at(-1) ?? '')}`,
    } satisfies IssueTag),
};
const tierPrices = z
  .record(
    tierCode('tierPrices'),
    z
      .number(tierPriceError)
      .int(tierPriceError)
      .min(0, tierPriceError)
      .max(catalogueLimits.priceMaxMinor, tierPriceError),
    fail('INVALID_INPUT', { field: 'tierPrices' }),
  )
  .default({});

export const productInput = z.object({
  /** Absent: a new product. */
  id: id('PRODUCT_UNKNOWN').nullish(),
  sku,
  /** Empty or absent: the product has no barcode (found by its SKU). */
  barcode: barcode.nullish().transform((v) => v || null),
  name: z.object(
    {
      zh: displayName({ required: 'PRODUCT_NAME_REQUIRED', tooLong: 'PRODUCT_NAME_TOO_LONG', field: 'nameZh' }),
      /** Empty: the Chinese name is shown in English too. */
      en: displayName({ tooLong: 'PRODUCT_NAME_TOO_LONG', field: 'nameEn' }).optional(),
    },
    fail('PRODUCT_NAME_REQUIRED', { field: 'nameZh' }),
  ),
  category: category.default('general'),
  /** What everyone pays; tier prices below it are what members of the tier (and above) pay. */
  listPriceMinor: price('listPriceMinor'),
  tierPrices,
  pointsEligible: z.boolean(fail('INVALID_INPUT', { field: 'pointsEligible' })).default(true),
  /** Inactive products are not sold or scanned any more; sales that had them keep them. */
  active: z.boolean(fail('INVALID_INPUT', { field: 'active' })).default(true),
});
export type ProductInput = z.input<typeof productInput>;

export const tierInput = z.object({
  /** The tier's key (member histories and prices refer to it): new or existing; never renamed. */
  code: tierCode(),
  name: z.object(
    {
      zh: displayName({ required: 'TIER_NAME_REQUIRED', tooLong: 'TIER_NAME_TOO_LONG', field: 'nameZh' }),
      /** Empty: the Chinese name is shown in English too. */
      en: displayName({ tooLong: 'TIER_NAME_TOO_LONG', field: 'nameEn' }).optional(),
    },
    fail('TIER_NAME_REQUIRED', { field: 'nameZh' }),
  ),
  /** 0 is the lowest; every member is at least in the lowest tier. */
  rank: int('TIER_RANK_INVALID', 0, catalogueLimits.rankMax, 'rank'),
  qualifyMetric: oneOf(qualifyMetrics, 'INVALID_INPUT', 'qualifyMetric'),
  /** Fen of spend, or points earned, within the window (TierInfo.threshold). */
  threshold: int('TIER_THRESHOLD_INVALID', 0, catalogueLimits.thresholdMax, 'threshold'),
  windowDays: int('TIER_WINDOW_INVALID', 1, catalogueLimits.windowDaysMax, 'windowDays').default(365),
  /** 100 = ×1 points. */
  pointsMultiplierPct: int(
    'TIER_MULTIPLIER_INVALID',
    0,
    catalogueLimits.multiplierPctMax,
    'pointsMultiplierPct',
  ).default(100),
});
export type TierInput = z.input<typeof tierInput>;

export interface CatalogueEvents {
  /** The brand's hub sent products, prices, tiers, rules or coupons: screens showing them read again. */
  catalogueChanged: { applied: number };
}

export const catalogueMethods = {
  /** Every product, inactive ones too, by category and SKU (the counter uses `listProducts`). */
  listCatalogueProducts: m.manager(noInput).returns<CatalogueProduct[]>(),
  /** Adds (no id) or changes a product, its member prices and whether it is sold. */
  saveProduct: m.manager(productInput).returns<CatalogueProduct>(),
  /** Adds or changes a tier (by code); answers every tier by rank. */
  saveTier: m.manager(tierInput).returns<TierInfo[]>(),
};

/** The field schemas above, for the hub's admin API (contract/hub-admin-catalogue.ts): one rule per field everywhere. */
export const catalogueFields = { sku, barcode, category, tierCode, price, displayName };
