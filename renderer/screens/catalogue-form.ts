// The catalogue forms as typed (every field a string, prices in yuan) and what they send. Nothing is
// checked here: the core checks every field at once and names each wrong one, so a value that is not
// a number is sent as NaN (null over HTTP), which the core refuses with that field's own code.
import type { CatalogueProduct, ProductInput, QualifyMetric, TierInfo, TierInput } from '../../contract';
import { parseMajor } from '../money';

export interface ProductForm {
  id: string | null;
  sku: string;
  barcode: string;
  nameZh: string;
  nameEn: string;
  category: string;
  listPrice: string;
  /** Yuan per tier code; empty means the list price. */
  tierPrices: Record<string, string>;
  pointsEligible: boolean;
  active: boolean;
}

export interface TierForm {
  /** False for a new tier: only then can the code be typed. */
  existing: boolean;
  code: string;
  nameZh: string;
  nameEn: string;
  rank: string;
  qualifyMetric: QualifyMetric;
  /** Yuan when the metric is spend, points otherwise. */
  threshold: string;
  windowDays: string;
  /** "1.5" for ×1.5. */
  multiplier: string;
}

/** Fen as the yuan a person would type: 6800 → "68.00". */
export const majorText = (minor: number): string => (minor / 100).toFixed(2);

const amount = (text: string): number => parseMajor(text) ?? Number.NaN;
const whole = (text: string): number => (/^\s*\d{1,12}\s*$/.test(text) ? Number(text) : Number.NaN);

export function newProductForm(over: Partial<ProductForm> = {}): ProductForm {
  return {
    id: null,
    sku: '',
    barcode: '',
    nameZh: '',
    nameEn: '',
    category: 'general',
    listPrice: '',
    tierPrices: {},
    pointsEligible: true,
    active: true,
    ...over,
  };
}

export function productFormOf(p: CatalogueProduct): ProductForm {
  return {
    id: p.id,
    sku: p.sku,
    barcode: p.barcode ?? '',
    nameZh: p.name.zh,
    // An English name that only repeats the Chinese one was left empty.
    nameEn: p.name.en === p.name.zh ? '' : p.name.en,
    category: p.category,
    listPrice: majorText(p.listPriceMinor),
    tierPrices: Object.fromEntries(Object.entries(p.tierPrices).map(([code, minor]) => [code, majorText(minor)])),
    pointsEligible: p.pointsEligible,
    active: p.active,
  };
}

export function toProductInput(f: ProductForm): ProductInput {
  return {
    ...(f.id ? { id: f.id } : {}),
    sku: f.sku,
    barcode: f.barcode.trim() || null,
    name: { zh: f.nameZh, en: f.nameEn },
    ...(f.category.trim() ? { category: f.category } : {}),
    listPriceMinor: amount(f.listPrice),
    tierPrices: Object.fromEntries(
      Object.entries(f.tierPrices)
        .filter(([, text]) => text.trim() !== '')
        .map(([code, text]) => [code, amount(text)]),
    ),
    pointsEligible: f.pointsEligible,
    active: f.active,
  };
}

/** The next free level above the highest, for a new tier. */
export function newTierForm(tiers: readonly TierInfo[]): TierForm {
  const top = tiers.reduce((max, t) => Math.max(max, t.rank), -1);
  return {
    existing: false,
    code: '',
    nameZh: '',
    nameEn: '',
    rank: String(top + 1),
    qualifyMetric: tiers.at(-1)?.qualifyMetric ?? 'spend',
    threshold: '',
    windowDays: '365',
    multiplier: '1',
  };
}

export function tierFormOf(t: TierInfo): TierForm {
  return {
    existing: true,
    code: t.code,
    nameZh: t.name.zh,
    nameEn: t.name.en === t.name.zh ? '' : t.name.en,
    rank: String(t.rank),
    qualifyMetric: t.qualifyMetric,
    threshold: t.qualifyMetric === 'spend' ? majorText(t.threshold) : String(t.threshold),
    windowDays: String(t.windowDays),
    multiplier: (t.pointsMultiplierPct / 100).toString(),
  };
}

export function toTierInput(f: TierForm): TierInput {
  return {
    code: f.code,
    name: { zh: f.nameZh, en: f.nameEn },
    rank: whole(f.rank),
    qualifyMetric: f.qualifyMetric,
    threshold: f.qualifyMetric === 'spend' ? amount(f.threshold) : whole(f.threshold),
    windowDays: whole(f.windowDays),
    // Two decimals: ×1.25 is 125 %.
    pointsMultiplierPct: parseMajor(f.multiplier.replace(/^\s*[×x*]/i, '')) ?? Number.NaN,
  };
}

/** Does the scanned or typed code name this product (a UPC-A may arrive with the leading 0 of EAN-13)? */
export function productHasCode(p: CatalogueProduct, code: string): boolean {
  const c = code.trim();
  if (!c) return false;
  return (
    p.barcode === c || (c.length === 13 && c.startsWith('0') && p.barcode === c.slice(1)) || p.sku === c.toUpperCase()
  );
}

/** The filter above the list: part of either name, the SKU or the barcode. */
export function productMatches(p: CatalogueProduct, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [p.name.zh, p.name.en, p.sku, p.barcode ?? ''].some((s) => s.toLowerCase().includes(q));
}
