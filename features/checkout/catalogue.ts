import type { ProductInfo } from '../../contract';
import { isValidBarcode, normaliseBarcode } from '../../domain/barcode';
import type { ServiceContext } from '../context';

/** A scanned or typed product code: a barcode (check digit validated) or the SKU. */
export function findProductByCode(ctx: ServiceContext, text: string): ProductInfo | null {
  const code = normaliseBarcode(text);
  if (/^\d+$/.test(code)) return isValidBarcode(code) ? ctx.repos.catalogue.productByBarcode(code) : null;
  const sku = ctx.repos.catalogue.productBySku(code.toUpperCase());
  return sku && ctx.repos.catalogue.product(sku.id) ? sku : null;
}
