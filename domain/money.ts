// Money is an integer number of minor units (fen). Every split of an amount goes through
// `allocate`, so parts always add up to the whole: no fen is created or lost.
//
// Rounding, written down:
// - Splitting (order-level discounts over lines, points over lines): largest remainder. Each part
//   gets floor(total × weight / Σweights); the fen left over go one each to the parts with the
//   largest remainders, ties to the earlier part. Parts never exceed their weight when total ≤ Σweights.
// - A share of a share (refunding k of n units): cumulative. After refunding q units in total the
//   customer has got back round_half_up(amount × q / n); each refund pays the difference, so the last
//   unit refunds exactly what is left and the sum of all refunds equals the amount.
// - Percentages (percent-off coupons, tax) round down in the customer's favour for discounts, and
//   half up for tax, on integers only.

export function isMinor(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Splits a non-negative integer total across weights (non-negative integers) by largest remainder. */
export function allocate(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError('allocate: total must be a non-negative integer');
  if (weights.length === 0) {
    if (total !== 0) throw new RangeError('allocate: nothing to allocate to');
    return [];
  }
  const sum = weights.reduce((a, w) => {
    if (!Number.isSafeInteger(w) || w < 0) throw new RangeError('allocate: weights must be non-negative integers');
    return a + w;
  }, 0);
  // With no weight at all, split evenly (still exact).
  const effective = sum === 0 ? weights.map(() => 1) : weights;
  const effectiveSum = sum === 0 ? weights.length : sum;
  const bigTotal = BigInt(total);
  const bigSum = BigInt(effectiveSum);
  const parts: number[] = [];
  const remainders: { index: number; rem: bigint }[] = [];
  let given = 0;
  effective.forEach((w, index) => {
    const product = bigTotal * BigInt(w);
    const part = Number(product / bigSum);
    parts.push(part);
    given += part;
    remainders.push({ index, rem: product % bigSum });
  });
  remainders.sort((a, b) => (a.rem === b.rem ? a.index - b.index : a.rem > b.rem ? -1 : 1));
  for (let i = 0; i < total - given; i++) parts[remainders[i]!.index]! += 1;
  return parts;
}

/** round_half_up(amount × numerator / denominator) for non-negative integers, exactly. */
export function mulDivRound(amount: number, numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError('mulDivRound: denominator must be positive');
  const n = BigInt(amount) * BigInt(numerator);
  const d = BigInt(denominator);
  const q = n / d;
  const r = n % d;
  return Number(2n * (r < 0n ? -r : r) >= d ? q + (n < 0n ? -1n : 1n) : q);
}

/** floor(amount × numerator / denominator) for non-negative integers, exactly. */
export function mulDivFloor(amount: number, numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError('mulDivFloor: denominator must be positive');
  return Number((BigInt(amount) * BigInt(numerator)) / BigInt(denominator));
}

/**
 * The part of `amount` due for this refund when `already` of `quantity` units were refunded
 * before and `now` more are refunded: the cumulative rule above.
 */
export function cumulativeShare(amount: number, quantity: number, already: number, now: number): number {
  if (already + now > quantity) throw new RangeError('cumulativeShare: more than the quantity');
  return mulDivRound(amount, already + now, quantity) - mulDivRound(amount, already, quantity);
}

const symbols: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', HKD: 'HK$', JPY: '¥' };
const decimals: Record<string, number> = { JPY: 0 };

export function currencyDecimals(currency: string): number {
  return decimals[currency] ?? 2;
}

/** ¥12.30, −¥5.00: for receipts (the renderer formats with Intl for the screen). */
export function formatMoney(minor: number, currency: string): string {
  const digits = currencyDecimals(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const unit = 10 ** digits;
  const whole = Math.floor(abs / unit);
  const frac = digits ? '.' + String(abs % unit).padStart(digits, '0') : '';
  return `${sign}${symbols[currency] ?? currency + ' '}${whole}${frac}`;
}
