// ESC/POS commands as bytes, one function per command, named as in the Epson reference.
// Every function returns a fresh Uint8Array; the encoder concatenates them once per receipt.
import iconv from 'iconv-lite';

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const EOT = 0x04;
export const LF = 0x0a;

const u8 = (...bytes: number[]) => Uint8Array.from(bytes);
const byte = (n: number, min = 0, max = 255) => Math.max(min, Math.min(max, Math.round(n))) & 0xff;

/** ESC @: clears the print buffer and every mode (size, bold, alignment, code page). */
export const initialise = () => u8(ESC, 0x40);

/** FS &: Chinese (Kanji) mode on. Printers differ in their power-on mode, so it is always sent. */
export const chineseModeOn = () => u8(FS, 0x26);
/** FS .: Chinese mode off, for Latin code pages. */
export const chineseModeOff = () => u8(FS, 0x2e);

/** FS ! n: size and underline of Chinese characters (bit 2 double width, bit 3 double height). */
export const chineseCharacterMode = (doubleWidth: boolean, doubleHeight: boolean) =>
  u8(FS, 0x21, (doubleWidth ? 0x04 : 0) | (doubleHeight ? 0x08 : 0));

/** ESC t n: character code table (0 = PC437, 16 = WPC1252, 19 = PC858). */
export const codeTable = (n: number) => u8(ESC, 0x74, byte(n));

/** ESC R n: international character set (15 = China). */
export const internationalCharset = (n: number) => u8(ESC, 0x52, byte(n, 0, 17));

/** ESC E n: emphasised (bold). */
export const bold = (on: boolean) => u8(ESC, 0x45, on ? 1 : 0);

/** GS ! n: character size, width and height multipliers 1..8. */
export const characterSize = (width: number, height: number) =>
  u8(GS, 0x21, ((byte(width, 1, 8) - 1) << 4) | (byte(height, 1, 8) - 1));

export type Justification = 'left' | 'center' | 'right';
/** ESC a n: justification. */
export const justify = (align: Justification) => u8(ESC, 0x61, align === 'left' ? 0 : align === 'center' ? 1 : 2);

/** ESC d n: print and feed n lines. */
export const feedLines = (n: number) => u8(ESC, 0x64, byte(n));

export type CutKind = 'full' | 'partial';
/** GS V 0 / GS V 1: cut at once. */
export const cut = (kind: CutKind = 'full') => u8(GS, 0x56, kind === 'full' ? 0 : 1);
/** GS V 65 n / GS V 66 n: feed to the cutter plus n dots, then cut (what receipts want). */
export const feedAndCut = (kind: CutKind = 'full', n = 0) => u8(GS, 0x56, kind === 'full' ? 0x41 : 0x42, byte(n));

/** ESC p m t1 t2: drawer kick pulse on pin 2 (m 0) or pin 5 (m 1), t1×2 ms on, t2×2 ms off. */
export const drawerKick = (pin: 2 | 5 = 2, onMs = 100, offMs = 200) =>
  u8(ESC, 0x70, pin === 2 ? 0 : 1, byte(onMs / 2), byte(offMs / 2));

/** DLE EOT n: real-time status (1 printer, 2 offline cause, 3 error cause, 4 paper sensor). */
export const realtimeStatus = (n: 1 | 2 | 3 | 4) => u8(DLE, EOT, n);

export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H';

/** GS ( k: the five QR functions in the order printers expect: model, size, error level, store, print. */
export function qrCode(
  data: Uint8Array,
  options: { moduleSize?: number; errorCorrection?: QrErrorCorrection } = {},
): Uint8Array {
  const size = byte(options.moduleSize ?? 6, 1, 16);
  const level = 48 + 'LMQH'.indexOf(options.errorCorrection ?? 'M');
  const storeLength = data.length + 3;
  if (storeLength > 7092) throw new RangeError('QR data too long for GS ( k');
  const out = new Uint8Array(9 + 8 + 8 + 8 + data.length + 8);
  let i = 0;
  const put = (...bytes: number[]) => {
    out.set(bytes, i);
    i += bytes.length;
  };
  put(GS, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00); // fn 165: model 2
  put(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, size); // fn 167: module size
  put(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, level); // fn 169: error correction
  put(GS, 0x28, 0x6b, storeLength & 0xff, storeLength >> 8, 0x31, 0x50, 0x30); // fn 180: store
  out.set(data, i);
  i += data.length;
  put(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30); // fn 181: print
  return out;
}

/** GS h / GS w / GS H: barcode height in dots, module width, human-readable text below. */
export const barcodeHeight = (dots: number) => u8(GS, 0x68, byte(dots, 1, 255));
export const barcodeModuleWidth = (n: number) => u8(GS, 0x77, byte(n, 2, 6));
export const barcodeHri = (position: 'none' | 'below') => u8(GS, 0x48, position === 'none' ? 0 : 2);

/**
 * GS k 73 n: CODE128 in code set B. The data must start with a code set selector; a literal `{`
 * is written `{{`. Only printable ASCII fits code set B.
 */
export function code128(text: string): Uint8Array {
  if (!/^[\x20-\x7e]+$/.test(text)) throw new RangeError('CODE128 code set B takes printable ASCII only');
  const body = Array.from('{B' + text.replaceAll('{', '{{'), (c) => c.charCodeAt(0));
  if (body.length > 255) throw new RangeError('CODE128 data too long');
  return u8(GS, 0x6b, 0x49, body.length, ...body);
}

/** GS v 0 m xL xH yL yH d…: a raster bit image, 1 bit per dot, rows of width/8 bytes, MSB on the left. */
export function rasterImage(widthDots: number, heightDots: number, bits: Uint8Array): Uint8Array {
  const bytesPerRow = Math.ceil(widthDots / 8);
  if (bits.length !== bytesPerRow * heightDots) throw new RangeError('raster data does not match its size');
  const head = u8(GS, 0x76, 0x30, 0x00, bytesPerRow & 0xff, bytesPerRow >> 8, heightDots & 0xff, heightDots >> 8);
  const out = new Uint8Array(head.length + bits.length);
  out.set(head);
  out.set(bits, head.length);
  return out;
}

export type TextEncoding = 'gb18030' | 'cp437' | 'cp858' | 'cp1252';

/** ESC t numbers of the Latin tables we support. */
export const codeTableNumber: Record<Exclude<TextEncoding, 'gb18030'>, number> = { cp437: 0, cp858: 19, cp1252: 16 };

/** Text bytes for the printer's current mode. Callers pass text already cleaned of control characters. */
export function encodeText(text: string, encoding: TextEncoding): Uint8Array {
  return iconv.encode(text, encoding);
}
