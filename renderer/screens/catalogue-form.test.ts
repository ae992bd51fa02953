import { describe, expect, it } from 'vitest';
import type { CatalogueProduct, TierInfo } from '../../contract';
import {
  newProductForm,
  newTierForm,
  productFormOf,
  productHasCode,
  tierFormOf,
  toProductInput,
  toTierInput,
} from './catalogue-form';

const product: CatalogueProduct = {
  id: 'p1',
  sku: 'TEA-101',
  barcode: '036000291452',
  name: { zh: '凤凰单丛', en: '凤凰单丛' },
  category: 'tea',
  listPriceMinor: 8850,
  tierPrices: { silver: 8000 },
  pointsEligible: true,
  currency: 'CNY',
  active: false,
};

const silver: TierInfo = {
  code: 'silver',
  name: { zh: '银卡会员', en: 'Silver' },
  rank: 1,
  qualifyMetric: 'spend',
  threshold: 50_000,
  windowDays: 365,
  pointsMultiplierPct: 125,
};

describe('catalogue forms', () => {
  it('types prices in yuan and sends fen; what is not a number goes as NaN for the core to flag', () => {
    const input = toProductInput(
      newProductForm({ sku: 'tea-1', nameZh: '茶', listPrice: '68.5', tierPrices: { silver: '60', gold: ' ' } }),
    );
    expect(input).toMatchObject({ sku: 'tea-1', barcode: null, listPriceMinor: 6850, tierPrices: { silver: 6000 } });
    expect(input.id).toBeUndefined();
    expect(toProductInput(newProductForm({ listPrice: '' })).listPriceMinor).toBeNaN();
    expect(toProductInput(newProductForm({ listPrice: '6.805' })).listPriceMinor).toBeNaN();
    expect(toProductInput(newProductForm({ tierPrices: { silver: 'abc' } })).tierPrices).toEqual({
      silver: Number.NaN,
    });
  });

  it('opens a saved product as it was typed: an English name that repeats the Chinese one is empty', () => {
    const form = productFormOf(product);
    expect(form).toMatchObject({ id: 'p1', nameEn: '', listPrice: '88.50', tierPrices: { silver: '80.00' } });
    expect(toProductInput(form)).toMatchObject({ id: 'p1', listPriceMinor: 8850, active: false, category: 'tea' });
  });

  it('finds a product by its barcode (with the leading 0 of an EAN-13 reading of a UPC-A) or its SKU', () => {
    expect(productHasCode(product, '036000291452')).toBe(true);
    expect(productHasCode(product, '0036000291452')).toBe(true);
    expect(productHasCode(product, 'tea-101')).toBe(true);
    expect(productHasCode(product, '6901234567892')).toBe(false);
  });

  it('tiers: thresholds in yuan for spend and in points otherwise, the multiplier as ×', () => {
    expect(tierFormOf(silver)).toMatchObject({ existing: true, threshold: '500.00', multiplier: '1.25', rank: '1' });
    expect(toTierInput(tierFormOf(silver))).toMatchObject({ threshold: 50_000, pointsMultiplierPct: 125, rank: 1 });
    const points = toTierInput({ ...tierFormOf(silver), qualifyMetric: 'points', threshold: '3000', multiplier: '×2' });
    expect(points).toMatchObject({ threshold: 3000, pointsMultiplierPct: 200 });
    expect(toTierInput({ ...tierFormOf(silver), rank: 'one', windowDays: '' })).toMatchObject({
      rank: Number.NaN,
      windowDays: Number.NaN,
    });
    expect(newTierForm([silver])).toMatchObject({ existing: false, rank: '2', qualifyMetric: 'spend' });
  });
});
