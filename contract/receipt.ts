// One receipt model for everything Linli prints (sale receipts, refund slips, reward vouchers,
// event tickets, welcome slips, day reports, test pages). Use cases build a ReceiptDocument; the
// ESC/POS encoder turns it into bytes; the renderer draws the same document as an on-screen preview.
// Text is plain Unicode (Chinese included); layout widths count CJK characters as two columns.

export type ReceiptAlign = 'left' | 'center' | 'right';

export type ReceiptBlock =
  | { type: 'text'; text: string; align?: ReceiptAlign; bold?: boolean; size?: 'normal' | 'double' | 'tall' | 'wide' }
  /** Label on the left, value on the right, padded to the paper width. */
  | { type: 'row'; left: string; right: string; bold?: boolean }
  /** A full-width rule made of the given character (default '-'). */
  | { type: 'rule'; char?: string }
  | { type: 'qr'; data: string; size?: number; caption?: string }
  | { type: 'barcode'; data: string; symbology: 'CODE128'; caption?: string }
  /** A small black-and-white image (logo), 1 bit per pixel, rows of width/8 bytes, base64. */
  | { type: 'image'; width: number; height: number; bitsBase64: string }
  | { type: 'feed'; lines: number }
  | { type: 'cut'; partial?: boolean }
  | { type: 'drawer' };

export type ReceiptKind = 'sale' | 'refund' | 'voucher' | 'ticket' | 'welcome' | 'report' | 'test';

export interface ReceiptDocument {
  kind: ReceiptKind;
  /** What the print queue and reprint list show, e.g. the receipt number. */
  title: string;
  blocks: ReceiptBlock[];
}
