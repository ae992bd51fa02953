import receiptline from 'receiptline';
import { describe, expect, it } from 'vitest';
import type { ReceiptBlock, ReceiptDocument } from '../contract';
import { amountColumn, columnAddsUp, sampleSale } from '../domain/fixtures';
import { saleReceipt } from '../domain/sale-receipt';
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

describe('a sale receipt on paper', () => {
  it('prints an amount column that adds up: each printed amount is where the document put it', () => {
    const doc = saleReceipt(
      sampleSale,
      { name: '邻里体验店', code: 'DEMO', utcOffsetMinutes: 480 },
      { balanceAfter: 3150, tierName: null, feedbackUrl: null, progress: null },
    );
    // Read the paper back: a rule is a line of dashes, a row ends in its amount (GB18030 prints ¥ as
    // the full-width ￥), the rest is text.
    const paper: ReceiptDocument = {
      kind: 'sale',
      title: doc.title,
      blocks: decodeEscPos(encodeReceipt(doc, { paperWidth: 80, encoding: 'gb18030' })).flatMap((i): ReceiptBlock[] => {
        if (i.type !== 'line') return [];
        if (/^-+$/.test(i.text.trim())) return [{ type: 'rule' }];
        const row = /^(.*\S)\s+(-?[¥￥]\d+\.\d\d)$/.exec(i.text.trimEnd());
        return row ? [{ type: 'row', left: row[1]!.trim(), right: row[2]! }] : [{ type: 'text', text: i.text }];
      }),
    };
    const column = amountColumn(paper);
    expect(column).toEqual(amountColumn(doc));
    expect(columnAddsUp(column)).toBe(true);
    expect(column.due).toBe(sampleSale.amountDueMinor);
  });
});
