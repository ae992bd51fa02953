// A pull cursor is the (transaction id, seq) of the last change a terminal was given, as text
// "txid.seq". Pure: the hub reads and writes it; the terminal stores it without looking inside.

export interface PullPosition {
  txid: string;
  seq: string;
}

/** '' (a terminal's first pull) is before every change. */
export const startPosition: PullPosition = { txid: '0', seq: '0' };

/** The position a cursor stands for, or null when it is not one the hub could have answered. */
export function readCursor(cursor: string): PullPosition | null {
  if (cursor === '') return startPosition;
  const m = /^(\d{1,19})\.(\d{1,19})$/.exec(cursor);
  if (!m) return null;
  // Both are bigint at the hub: a number past 2^63-1 cannot be one.
  if (BigInt(m[1]!) > 2n ** 63n - 1n || BigInt(m[2]!) > 2n ** 63n - 1n) return null;
  return { txid: BigInt(m[1]!).toString(), seq: BigInt(m[2]!).toString() };
}

export const writeCursor = (p: PullPosition): string => `${p.txid}.${p.seq}`;
