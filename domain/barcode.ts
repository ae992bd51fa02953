// Product barcodes: EAN-13, UPC-A (12 digits), EAN-8, all with the GS1 mod-10 check digit.
// Internal codes for goods without a maker's barcode use the GS1 "restricted circulation" range
// (EAN-13 starting 20–29), so they carry a check digit too and never collide with real products.

export function gs1CheckDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    const digit = payload.charCodeAt(payload.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

export type BarcodeKind = 'ean13' | 'upca' | 'ean8' | 'internal';

export function barcodeKind(code: string): BarcodeKind | null {
  if (!/^\d+$/.test(code) || ![8, 12, 13].includes(code.length)) return null;
  if (gs1CheckDigit(code.slice(0, -1)) !== Number(code.at(-1))) return null;
  if (code.length === 8) return 'ean8';
  if (code.length === 12) return 'upca';
  return code[0] === '2' ? 'internal' : 'ean13';
}

export function isValidBarcode(code: string): boolean {
  return barcodeKind(code) !== null;
}

/** A UPC-A read by an EAN-13 scanner arrives with a leading 0: both name the same product. */
export function normaliseBarcode(code: string): string {
  const trimmed = code.trim();
  return trimmed.length === 13 && trimmed.startsWith('0') && isValidBarcode(trimmed) ? trimmed.slice(1) : trimmed;
}
