import receiptline from 'receiptline';
import { describe, expect, it } from 'vitest';
import type { ReceiptDocument } from '../contract';
import { decodeEscPos } from '../hardware/escpos/decode-stream';
import { encodeReceipt } from '../hardware/escpos/encode-receipt';
import { encodeText } from '../hardware/escpos/commands';

// receiptline is another project's receipt generator with a GB18030 mode. Both must put the same
// GB18030 bytes on the wire for the same text, and both streams must read back to the same lines.
const texts = ['桂花乌龙茶 250g', '会员 Member 王小明', '𠀀 rare name', '翠湖社区 B-3 栋', '谢谢惠顾 Thank you'];

function receiptlineBytes(lines: string[]): Uint8Array {
  const out = receiptline.transform(lines.join('\n'), {
    cpl: 32,
    encoding: 'gb18030',
    command: 'escpos',
    cutting: true,
  });
  return Uint8Array.from(Buffer.from(out, 'binary'));
}

function ours(lines: string[]): Uint8Array {
  const doc: ReceiptDocument = { kind: 'test', title: 't', blocks: lines.map((text) => ({ type: 'text', text })) };
  return encodeReceipt(doc, { paperWidth: 58, encoding: 'gb18030' });
}

const printed = (bytes: Uint8Array) =>
  decodeEscPos(bytes)
    .flatMap((i) => (i.type === 'line' ? [i.text.trim()] : []))
    .filter(Boolean);

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(haystack).indexOf(Buffer.from(needle)) >= 0;
}

describe('cross-check with receiptline (GB18030 mode)', () => {
  it('both streams read back to the same Chinese lines', () => {
    expect(printed(ours(texts))).toEqual(texts);
    expect(printed(receiptlineBytes(texts))).toEqual(texts);
  });

  it('both send identical GB18030 bytes for every line, 4-byte characters included', () => {
    const theirs = receiptlineBytes(texts);
    const mine = ours(texts);
    for (const text of texts) {
      const bytes = encodeText(text, 'gb18030');
      expect(contains(theirs, bytes), text).toBe(true);
      expect(contains(mine, bytes), text).toBe(true);
    }
  });

  it('both switch the printer into Chinese mode (FS &) before the text', () => {
    for (const stream of [ours(texts), receiptlineBytes(texts)]) {
      const fsAmp = Buffer.from(stream).indexOf(Buffer.from([0x1c, 0x26]));
      expect(fsAmp).toBeGreaterThanOrEqual(0);
      expect(fsAmp).toBeLessThan(Buffer.from(stream).indexOf(Buffer.from(encodeText(texts[0]!, 'gb18030'))));
    }
  });
});
