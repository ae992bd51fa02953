import { describe, expect, it } from 'vitest';
import { barcodeKind, gs1CheckDigit, isValidBarcode, normaliseBarcode } from './barcode';

describe('product barcodes', () => {
  it('accepts EAN-13, UPC-A, EAN-8 and internal codes with a right check digit', () => {
    expect(barcodeKind('6901234567892')).toBe('ean13');
    expect(barcodeKind('036000291452')).toBe('upca');
    expect(barcodeKind('96385074')).toBe('ean8');
    expect(barcodeKind('2000000000015')).toBe('internal');
    expect(gs1CheckDigit('690123456789')).toBe(2);
  });

  it('refuses a wrong check digit, wrong length or letters', () => {
    expect(isValidBarcode('6901234567893')).toBe(false);
    expect(isValidBarcode('690123456789')).toBe(false);
    expect(isValidBarcode('69012345678A2')).toBe(false);
    expect(isValidBarcode('8800000000000018')).toBe(false);
  });

  it('treats a UPC-A with the EAN-13 leading zero as the UPC-A', () => {
    expect(normaliseBarcode('0036000291452')).toBe('036000291452');
    expect(normaliseBarcode(' 6901234567892 ')).toBe('6901234567892');
  });
});
