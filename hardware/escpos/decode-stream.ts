// Reads an ESC/POS byte stream back into what a person would see on paper: lines of text, QR
// payloads, barcodes, images, cuts and drawer kicks. The simulated printer and the tests use it.
// Incremental: bytes may arrive split anywhere; an incomplete command waits for the rest.
import iconv from 'iconv-lite';

export type PrintedItem =
  | { type: 'line'; text: string; bold: boolean; align: 'left' | 'center' | 'right'; width: number; height: number }
  | { type: 'qr'; data: string; moduleSize: number; errorCorrection: string }
  | { type: 'barcode'; symbology: string; data: string }
  | { type: 'image'; widthDots: number; heightDots: number }
  | { type: 'cut'; partial: boolean }
  | { type: 'drawer'; pin: 2 | 5; onMs: number }
  | { type: 'init' };

export interface DecoderEvents {
  item(item: PrintedItem): void;
  /** DLE EOT n arrived: the printer must answer with one status byte. */
  statusRequest?(n: number): void;
}

const latinTables: Record<number, string> = { 0: 'cp437', 16: 'cp1252', 19: 'cp858' };

type Parse = { need: number } | { consumed: number };
const need = (n: number): Parse => ({ need: n });
const took = (n: number): Parse => ({ consumed: n });

export class EscPosStreamDecoder {
  private buffer = new Uint8Array(0);
  private text: number[] = [];
  private chinese = false;
  private table = 0;
  private bold = false;
  private align: 'left' | 'center' | 'right' = 'left';
  private width = 1;
  private height = 1;
  private qrData: Uint8Array = new Uint8Array(0);
  private qrSize = 3;
  private qrLevel = 'L';
  private rawCount = 0;

  constructor(private readonly events: DecoderEvents) {}

  /** Bytes received so far (for "nothing arrived" checks). */
  get bytesReceived(): number {
    return this.rawCount;
  }

  push(chunk: Uint8Array): void {
    this.rawCount += chunk.length;
    const merged = new Uint8Array(this.buffer.length + chunk.length);
    merged.set(this.buffer);
    merged.set(chunk, this.buffer.length);
    let at = 0;
    while (at < merged.length) {
      const result = this.step(merged, at);
      if ('need' in result) break;
      at += result.consumed;
    }
    this.buffer = merged.slice(at);
  }

  private decodeText(bytes: number[]): string {
    const buf = Buffer.from(bytes);
    return this.chinese ? iconv.decode(buf, 'gb18030') : iconv.decode(buf, latinTables[this.table] ?? 'cp437');
  }

  private flushLine(): void {
    const text = this.decodeText(this.text);
    this.text = [];
    this.events.item({
      type: 'line',
      text,
      bold: this.bold,
      align: this.align,
      width: this.width,
      height: this.height,
    });
  }

  private resetModes(): void {
    this.bold = false;
    this.align = 'left';
    this.width = 1;
    this.height = 1;
    this.table = 0;
    this.chinese = false;
  }

  private step(b: Uint8Array, i: number): Parse {
    const c = b[i]!;
    const avail = b.length - i;
    const at = (k: number) => b[i + k]!;
    if (c === 0x0a) {
      this.flushLine();
      return took(1);
    }
    if (c === 0x0d) return took(1);
    if (c === 0x10) {
      if (avail < 3) return need(3);
      if (at(1) === 0x04) {
        this.events.statusRequest?.(at(2));
        return took(3);
      }
      if (at(1) === 0x05) return took(3);
      if (at(1) === 0x14) return avail < 5 ? need(5) : took(5);
      return took(1);
    }
    if (c === 0x1b) return this.esc(b, i, avail);
    if (c === 0x1d) return this.gs(b, i, avail);
    if (c === 0x1c) return this.fs(b, i, avail);
    if (c < 0x20 && c !== 0x09) return took(1);
    this.text.push(c);
    return took(1);
  }

  private esc(b: Uint8Array, i: number, avail: number): Parse {
    if (avail < 2) return need(2);
    const cmd = String.fromCharCode(b[i + 1]!);
    const arg = (k: number) => b[i + 2 + k]!;
    const fixed: Record<string, number> = {
      E: 1,
      a: 1,
      t: 1,
      R: 1,
      d: 1,
      M: 1,
      ' ': 1,
      '3': 1,
      '{': 1,
      '!': 1,
      '-': 1,
      J: 1,
      G: 1,
      V: 1,
      r: 1,
      U: 1,
      T: 1,
      $: 2,
      '\\': 2,
      p: 3,
      c: 2,
      B: 2,
      '2': 0,
      L: 0,
      S: 0,
      i: 0,
      m: 0,
      '=': 1,
      W: 8,
    };
    if (cmd === '@') {
      if (this.text.length) this.flushLine();
      this.resetModes();
      this.events.item({ type: 'init' });
      return took(2);
    }
    if (cmd === '*') {
      if (avail < 5) return need(5);
      const m = arg(0);
      const n = arg(1) + arg(2) * 256;
      const len = 5 + n * (m >= 32 ? 3 : 1);
      return avail < len ? need(len) : took(len);
    }
    if (cmd === 'D') {
      for (let k = i + 2; k < b.length; k++) if (b[k] === 0) return took(k - i + 1);
      return need(avail + 1);
    }
    const n = fixed[cmd];
    if (n === undefined) return took(2);
    if (avail < 2 + n) return need(2 + n);
    if (cmd === 'E') this.bold = (arg(0) & 1) === 1;
    else if (cmd === 'a') this.align = (['left', 'center', 'right'] as const)[arg(0) % 48] ?? 'left';
    else if (cmd === 't') this.table = arg(0);
    else if (cmd === 'd') for (let k = 0; k < arg(0); k++) this.flushLine();
    else if (cmd === 'p') this.events.item({ type: 'drawer', pin: arg(0) % 48 === 0 ? 2 : 5, onMs: arg(1) * 2 });
    else if (cmd === 'i' || cmd === 'm') this.events.item({ type: 'cut', partial: cmd === 'm' });
    return took(2 + n);
  }

  private gs(b: Uint8Array, i: number, avail: number): Parse {
    if (avail < 2) return need(2);
    const cmd = String.fromCharCode(b[i + 1]!);
    const arg = (k: number) => b[i + 2 + k]!;
    switch (cmd) {
      case '!':
        if (avail < 3) return need(3);
        this.width = (arg(0) >> 4) + 1;
        this.height = (arg(0) & 0x0f) + 1;
        return took(3);
      case 'V': {
        if (avail < 3) return need(3);
        const m = arg(0);
        const len = m >= 65 ? 4 : 3;
        if (avail < len) return need(len);
        if (this.text.length) this.flushLine();
        this.events.item({ type: 'cut', partial: m === 1 || m === 49 || m === 66 || m === 104 });
        return took(len);
      }
      case 'k': {
        if (avail < 3) return need(3);
        const m = arg(0);
        if (m <= 6) {
          for (let k = i + 3; k < b.length; k++) {
            if (b[k] === 0) {
              this.events.item({
                type: 'barcode',
                symbology: `m${m}`,
                data: Buffer.from(b.subarray(i + 3, k)).toString('latin1'),
              });
              return took(k - i + 1);
            }
          }
          return need(avail + 1);
        }
        if (avail < 4) return need(4);
        const len = 4 + arg(1);
        if (avail < len) return need(len);
        let data = Buffer.from(b.subarray(i + 4, i + len)).toString('latin1');
        let symbology = `m${m}`;
        if (m === 73) {
          symbology = 'CODE128';
          data = data.replace(/^\{[ABC]/, '').replaceAll('{{', '{');
        }
        this.events.item({ type: 'barcode', symbology, data });
        return took(len);
      }
      case '(': {
        if (avail < 5) return need(5);
        const fnLen = arg(1) + arg(2) * 256;
        const len = 5 + fnLen;
        if (avail < len) return need(len);
        if (arg(0) === 0x6b) this.qr(b.subarray(i + 5, i + len));
        return took(len);
      }
      case 'v': {
        if (avail < 8) return need(8);
        const x = arg(2) + arg(3) * 256;
        const y = arg(4) + arg(5) * 256;
        const len = 8 + x * y;
        if (avail < len) return need(len);
        this.events.item({ type: 'image', widthDots: x * 8, heightDots: y });
        return took(len);
      }
      case '8': {
        if (avail < 7) return need(7);
        const len = 7 + arg(1) + arg(2) * 256 + arg(3) * 65536 + arg(4) * 16777216;
        return avail < len ? need(len) : took(len);
      }
      case 'L':
      case 'W':
      case '$':
      case '\\':
      case 'P':
        return avail < 4 ? need(4) : took(4);
      default:
        // GS a, B, H, h, w, f, r, I, b, / and the like take one argument.
        return avail < 3 ? need(3) : took(3);
    }
  }

  private qr(body: Uint8Array): void {
    const cn = body[0];
    const fn = body[1];
    if (cn !== 0x31) return;
    if (fn === 0x43) this.qrSize = body[2] ?? 3;
    else if (fn === 0x45) this.qrLevel = 'LMQH'[(body[2] ?? 48) - 48] ?? 'L';
    else if (fn === 0x50) this.qrData = body.slice(3);
    else if (fn === 0x51) {
      if (this.text.length) this.flushLine();
      this.events.item({
        type: 'qr',
        data: new TextDecoder().decode(this.qrData),
        moduleSize: this.qrSize,
        errorCorrection: this.qrLevel,
      });
    }
  }

  private fs(b: Uint8Array, i: number, avail: number): Parse {
    if (avail < 2) return need(2);
    const cmd = String.fromCharCode(b[i + 1]!);
    if (cmd === '&') {
      this.chinese = true;
      return took(2);
    }
    if (cmd === '.') {
      this.chinese = false;
      return took(2);
    }
    if (cmd === '(') {
      if (avail < 5) return need(5);
      const len = 5 + b[i + 3]! + b[i + 4]! * 256;
      return avail < len ? need(len) : took(len);
    }
    if (cmd === 'S' || cmd === 'p') return avail < 4 ? need(4) : took(4);
    return avail < 3 ? need(3) : took(3);
  }
}

/** Decodes a whole stream at once. */
export function decodeEscPos(bytes: Uint8Array): PrintedItem[] {
  const items: PrintedItem[] = [];
  const decoder = new EscPosStreamDecoder({ item: (item) => items.push(item) });
  decoder.push(bytes);
  return items;
}
