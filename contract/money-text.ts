// An amount as people type it ("100", "85.5", "85.50", "¥1,280.00") → minor units, digit by digit,
// never through a float. One rule for every place a person types money: the counter's cash and
// price fields, and the hub's admin CLI (`set-price --price 12.50`).

/** "100", "85.5", "85.50" → fen; null when it is not an amount (negative, letters, too many decimals). */
export function parseMajor(text: string, digits = 2): number | null {
  const t = text.trim().replace(/[¥,\s]/g, '');
  const match = /^(\d{1,9})(?:\.(\d*))?$/.exec(t);
  if (!match) return null;
  const frac = (match[2] ?? '').slice(0, digits + 1);
  if (frac.length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number(frac.padEnd(digits, '0') || '0');
}
