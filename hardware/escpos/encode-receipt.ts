// A ReceiptDocument → the ESC/POS bytes for one printer. The only path from the receipt model to paper.
import type { PaperWidth, ReceiptDocument } from '../../contract';
import { columnsFor, layoutReceipt, sizeScale, type LaidOut, type TextSize } from '../../domain/receipt-layout';
import {
  LF,
  barcodeHeight,
  barcodeHri,
  barcodeModuleWidth,
  bold,
  characterSize,
  chineseCharacterMode,
  chineseModeOff,
  chineseModeOn,
  code128,
  codeTable,
  codeTableNumber,
  drawerKick,
  encodeText,
  feedAndCut,
  feedLines,
  initialise,
  internationalCharset,
  justify,
  qrCode,
  rasterImage,
  type Justification,
  type TextEncoding,
} from './commands';

export interface PrinterProfile {
  paperWidth: PaperWidth;
  encoding: TextEncoding;
}

const utf8 = new TextEncoder();
const newline = Uint8Array.of(LF);

function base64Bytes(b64: string): Uint8Array {
  return Uint8Array.from(Buffer.from(b64, 'base64'));
}

/** Collects chunks and copies them once at the end: receipts are encoded on every print and reprint. */
class ByteSink {
  private chunks: Uint8Array[] = [];
  private length = 0;
  push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }
  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

export function encodeLaidOut(laid: LaidOut[], profile: PrinterProfile): Uint8Array {
  const chinese = profile.encoding === 'gb18030';
  const sink = new ByteSink();
  sink.push(initialise());
  if (profile.encoding === 'gb18030') {
    sink.push(codeTable(0));
    sink.push(internationalCharset(15));
    sink.push(chineseModeOn());
  } else {
    sink.push(chineseModeOff());
    sink.push(codeTable(codeTableNumber[profile.encoding]));
  }
  // Only changes are sent: the printer keeps modes until told otherwise.
  let align: Justification = 'left';
  let isBold = false;
  let size: TextSize = 'normal';
  const setAlign = (a: Justification) => {
    if (a !== align) sink.push(justify((align = a)));
  };
  const setBold = (b: boolean) => {
    if (b !== isBold) sink.push(bold((isBold = b)));
  };
  const setSize = (s: TextSize) => {
    if (s === size) return;
    size = s;
    const { width, height } = sizeScale(s);
    sink.push(characterSize(width, height));
    if (chinese) sink.push(chineseCharacterMode(width === 2, height === 2));
  };
  const caption = (text: string | null) => {
    if (!text) return;
    setBold(false);
    setSize('normal');
    sink.push(encodeText(text, profile.encoding));
    sink.push(newline);
  };

  for (const item of laid) {
    switch (item.type) {
      case 'line':
        setAlign(item.align);
        setBold(item.bold);
        setSize(item.size);
        if (item.text) sink.push(encodeText(item.text, profile.encoding));
        sink.push(newline);
        break;
      case 'qr':
        setAlign('center');
        sink.push(qrCode(utf8.encode(item.data), { moduleSize: item.size, errorCorrection: 'M' }));
        sink.push(newline);
        caption(item.caption);
        break;
      case 'barcode':
        setAlign('center');
        sink.push(barcodeHeight(80));
        sink.push(barcodeModuleWidth(2));
        sink.push(barcodeHri('none'));
        sink.push(code128(item.data));
        sink.push(newline);
        caption(item.caption ?? item.data);
        break;
      case 'image':
        setAlign('center');
        sink.push(rasterImage(item.width, item.height, base64Bytes(item.bitsBase64)));
        break;
      case 'feed':
        if (item.lines > 0) sink.push(feedLines(item.lines));
        break;
      case 'cut':
        sink.push(feedAndCut(item.partial ? 'partial' : 'full', 0));
        break;
      case 'drawer':
        sink.push(drawerKick(2));
        break;
    }
  }
  setAlign('left');
  setBold(false);
  setSize('normal');
  return sink.bytes();
}

export function encodeReceipt(doc: ReceiptDocument, profile: PrinterProfile): Uint8Array {
  const laid = layoutReceipt(doc, {
    columns: columnsFor(profile.paperWidth),
    chineseMode: profile.encoding === 'gb18030',
  });
  return encodeLaidOut(laid, profile);
}
