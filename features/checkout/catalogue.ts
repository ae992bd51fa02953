import type { ProductInfo } from '../../contract';
import { isValidBarcode, normaliseBarcode } from '../../domain/barcode';
import type { Ports } from '../ports';

/** A scanned or typed product code: a barcode (check digit validated) or the SKU. */
export function findProductByCode(ports: Ports, text: string): ProductInfo | null {
  const code = normaliseBarcode(text);
  if (/^\d+$/.test(code)) return isValidBarcode(code) ? ports.store.catalogue.productByBarcode(code) : null;
  const sku = ports.store.catalogue.productBySku(code.toUpperCase());
  return sku && ports.store.catalogue.product(sku.id) ? sku : null;
}
