// Lays a ReceiptDocument out on a roll of paper: wraps and pads text to the printer's columns.
// One layout for the printer (the ESC/POS encoder) and the on-screen preview, so they agree.
import type { ReceiptAlign, ReceiptBlock, ReceiptDocument } from '../contract';

/** Font A columns: 58 mm rolls print 32 characters a line, 80 mm rolls 48. */
export function columnsFor(paperWidth: 58 | 80): number {
  return paperWidth === 58 ? 32 : 48;
}

/**
 * Columns one character takes. In Chinese mode every non-ASCII character comes from the printer's
 * double-byte font and is two columns wide (even `·` or `é`); with a Latin code page everything is one.
 */
export function charColumns(codePoint: number, chineseMode: boolean): number {
  if (!chineseMode) return 1;
  return codePoint < 0x80 ? 1 : 2;
}

export function textColumns(text: string, chineseMode: boolean): number {
  let width = 0;
  for (const ch of text) width += charColumns(ch.codePointAt(0)!, chineseMode);
  return width;
}

// Control characters in receipt text would be printer commands (ESC, GS, DLE EOT): never pass them on.
const controlChars = /[\u0000-\u001f\u007f-\u009f]/g;

/** Receipt text as it may be printed: no control characters; ¥ as the full-width ￥ in Chinese mode. */
export function printableText(text: string, chineseMode: boolean): string {
  const clean = text.replace(controlChars, ' ');
  // GB18030 has ¥ only as a 4-byte sequence many printers print as garbage; ￥ is the 2-byte A3 A4.
  return chineseMode ? clean.replaceAll('\u00a5', '\uffe5') : clean;
}

/** Breaks text into lines of at most `columns`, at spaces where Latin words allow, anywhere between CJK characters. */
export function wrapText(text: string, columns: number, chineseMode: boolean): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let width = 0;
    let lastSpace = -1; // index in `line` after which a break may go
    for (const ch of paragraph) {
      const w = charColumns(ch.codePointAt(0)!, chineseMode);
      if (width + w > columns && line) {
        if (ch === ' ') {
          lines.push(line.trimEnd());
          line = '';
          width = 0;
          lastSpace = -1;
          continue;
        }
        if (lastSpace > 0 && w === 1) {
          lines.push(line.slice(0, lastSpace).trimEnd());
          line = line.slice(lastSpace);
          width = textColumns(line, chineseMode);
        } else {
          lines.push(line);
          line = '';
          width = 0;
        }
        lastSpace = -1;
      }
      line += ch;
      width += w;
      if (ch === ' ') lastSpace = line.length;
    }
    lines.push(line);
  }
  return lines;
}

/** Label left, value right on one line when they fit, else the label then the value right-aligned. */
export function padRow(left: string, right: string, columns: number, chineseMode: boolean): string[] {
  const lw = textColumns(left, chineseMode);
  const rw = textColumns(right, chineseMode);
  if (lw + 1 + rw <= columns) return [left + ' '.repeat(columns - lw - rw) + right];
  const lines = wrapText(left, columns, chineseMode);
  for (const r of wrapText(right, columns, chineseMode))
    lines.push(' '.repeat(Math.max(0, columns - textColumns(r, chineseMode))) + r);
  return lines;
}

export type TextSize = 'normal' | 'double' | 'tall' | 'wide';

export function sizeScale(size: TextSize | undefined): { width: 1 | 2; height: 1 | 2 } {
  switch (size) {
    case 'double':
      return { width: 2, height: 2 };
    case 'tall':
      return { width: 1, height: 2 };
    case 'wide':
      return { width: 2, height: 1 };
    default:
      return { width: 1, height: 1 };
  }
}

/** What the encoder sends and the preview draws, one entry per printed line or graphic. */
export type LaidOut =
  | { type: 'line'; text: string; align: ReceiptAlign; bold: boolean; size: TextSize }
  | { type: 'qr'; data: string; size: number; caption: string | null }
  | { type: 'barcode'; data: string; symbology: 'CODE128'; caption: string | null }
  | { type: 'image'; width: number; height: number; bitsBase64: string }
  | { type: 'feed'; lines: number }
  | { type: 'cut'; partial: boolean }
  | { type: 'drawer' };

export interface LayoutOptions {
  columns: number;
  chineseMode: boolean;
}

function layoutBlock(block: ReceiptBlock, { columns, chineseMode }: LayoutOptions, out: LaidOut[]): void {
  const clean = (text: string) => printableText(text, chineseMode);
  switch (block.type) {
    case 'text': {
      const size = block.size ?? 'normal';
      const perLine = Math.max(1, Math.floor(columns / sizeScale(size).width));
      for (const text of wrapText(clean(block.text), perLine, chineseMode)) {
        out.push({ type: 'line', text, align: block.align ?? 'left', bold: block.bold ?? false, size });
      }
      return;
    }
    case 'row':
      for (const text of padRow(clean(block.left), clean(block.right), columns, chineseMode)) {
        out.push({ type: 'line', text, align: 'left', bold: block.bold ?? false, size: 'normal' });
      }
      return;
    case 'rule': {
      const char = clean(block.char ?? '-').slice(0, 1) || '-';
      const repeat = Math.floor(columns / charColumns(char.codePointAt(0)!, chineseMode));
      out.push({ type: 'line', text: char.repeat(repeat), align: 'left', bold: false, size: 'normal' });
      return;
    }
    case 'qr':
      out.push({
        type: 'qr',
        data: block.data,
        size: block.size ?? 6,
        caption: block.caption ? clean(block.caption) : null,
      });
      return;
    case 'barcode':
      out.push({
        type: 'barcode',
        data: block.data,
        symbology: block.symbology,
        caption: block.caption ? clean(block.caption) : null,
      });
      return;
    case 'image':
      out.push({ type: 'image', width: block.width, height: block.height, bitsBase64: block.bitsBase64 });
      return;
    case 'feed':
      out.push({ type: 'feed', lines: Math.max(0, Math.min(255, Math.floor(block.lines))) });
      return;
    case 'cut':
      out.push({ type: 'cut', partial: block.partial ?? false });
      return;
    case 'drawer':
      out.push({ type: 'drawer' });
  }
}

/** The whole document laid out; a document that does not end with a cut gets one, so receipts tear off clean. */
export function layoutReceipt(doc: ReceiptDocument, options: LayoutOptions): LaidOut[] {
  const out: LaidOut[] = [];
  for (const block of doc.blocks) layoutBlock(block, options, out);
  if (!out.some((o) => o.type === 'cut')) out.push({ type: 'cut', partial: false });
  return out;
}

/** The laid-out receipt as plain text lines, for the on-screen preview and the print queue. */
export function previewLines(laid: LaidOut[], columns: number, chineseMode: boolean): string[] {
  const lines: string[] = [];
  const place = (text: string, align: ReceiptAlign, width: number) => {
    const w = textColumns(text, chineseMode);
    const pad = Math.max(0, width - w);
    if (align === 'center') return ' '.repeat(Math.floor(pad / 2)) + text;
    if (align === 'right') return ' '.repeat(pad) + text;
    return text;
  };
  for (const item of laid) {
    // Wide text is shown at normal size on screen, placed where it sits on the paper.
    if (item.type === 'line') lines.push(place(item.text, item.align, columns));
    else if (item.type === 'qr') {
      lines.push(place(`[QR ${item.data}]`, 'center', columns));
      if (item.caption) lines.push(place(item.caption, 'center', columns));
    } else if (item.type === 'barcode') {
      lines.push(place(`[${item.symbology} ${item.data}]`, 'center', columns));
      if (item.caption) lines.push(place(item.caption, 'center', columns));
    } else if (item.type === 'image') lines.push(place('[logo]', 'center', columns));
    else if (item.type === 'feed') for (let i = 0; i < item.lines; i++) lines.push('');
    else if (item.type === 'cut') lines.push('-'.repeat(columns));
  }
  return lines;
}
