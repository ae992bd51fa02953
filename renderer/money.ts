// Money on screen: integer minor units in, the UI language's currency format out. Typed amounts
// (cash received) are parsed digit by digit, never through a float.

export function formatMinor(minor: number, currency: string, lng: string): string {
  const digits = currency === 'JPY' ? 0 : 2;
  // Display only: the value is never computed with again. `|| 0` turns -0 (an empty report's
  // difference) into 0, so nothing shows "-¥0.00".
  const major = (minor || 0) / 10 ** digits;
  return new Intl.NumberFormat(lng, {
    style: 'currency',
    currency,
    // "¥" in English too, as on the receipts: not "CN¥" on one screen and "¥" on the next.
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(major);
}

// Typed amounts are read by the contract's rule, the same as the hub's CLI reads them.
export { parseMajor } from '../contract/money-text';

/** A request id for one sale or refund, reused by every retry of it (the core records it once). */
export function newRequestId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
