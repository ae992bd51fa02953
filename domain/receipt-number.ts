// Receipt numbers: a per-terminal counter that is incremented inside the sale's own transaction,
// so a rolled-back sale gives its number back and the printed sequence has no gaps. The terminal
// tag keeps numbers from different tills of one store apart.

export function terminalTag(terminalId: string): string {
  return terminalId.slice(-4).toUpperCase();
}

export function formatReceiptNo(tag: string, sequence: number): string {
  return `${tag}-${String(sequence).padStart(6, '0')}`;
}

export function normaliseReceiptNo(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const text = input.trim().toUpperCase();
  return /^[0-9A-Z]{4}-\d{6,}$/.test(text) ? text : null;
}
