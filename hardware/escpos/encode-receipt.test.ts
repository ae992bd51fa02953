import { describe, expect, it } from 'vitest';
import type { ReceiptDocument } from '../../contract';
import iconv from 'iconv-lite';
import { EscPosStreamDecoder, decodeEscPos, type PrintedItem } from './decode-stream';
import { encodeReceipt } from './encode-receipt';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const lines = (items: PrintedItem[]) => items.flatMap((i) => (i.type === 'line' ? [i.text] : []));

const sale: ReceiptDocument = {
  kind: 'sale',
  title: 'No. 0001',
  blocks: [
    { type: 'text', text: '邻里体验店', align: 'center', bold: true, size: 'double' },
    { type: 'row', left: '桂花乌龙茶 250g', right: '¥68.00' },
    { type: 'row', left: 'Ceramic cup 陶瓷杯', right: '￥45.00' },
    { type: 'text', text: '𠀀 rare name' },
    { type: 'qr', data: 'LQ1.MEMBER.123.sig', caption: '会员码' },
    { type: 'barcode', data: 'R-0001', symbology: 'CODE128' },
    { type: 'drawer' },
    { type: 'cut' },
  ],
};

describe('receipt encoding', () => {
  const bytes = encodeReceipt(sale, { paperWidth: 58, encoding: 'gb18030' });

  it('starts with init and always switches Chinese mode on explicitly', () => {
    expect(hex(bytes.subarray(0, 2))).toBe('1b40');
    expect(hex(bytes).includes('1c26')).toBe(true);
    const shop = iconv.encode('邻里', 'gb18030').toString('hex');
    expect(hex(bytes).indexOf(shop)).toBeGreaterThan(hex(bytes).indexOf('1c26'));
  });

  it('prints ¥ as the two-byte ￥ (A3 A4), never the 4-byte 81 30 84 36', () => {
    expect(hex(bytes).includes('81308436')).toBe(false);
    expect(hex(bytes).includes('a3a4')).toBe(true);
  });

  it('decodes back to the same Chinese lines, QR payload, barcode, drawer kick and cut', () => {
    const items = decodeEscPos(bytes);
    const text = lines(items);
    expect(text[0]).toBe('邻里体验店');
    expect(text).toContain('桂花乌龙茶 250g          ￥68.00');
    expect(text).toContain('Ceramic cup 陶瓷杯       ￥45.00');
    expect(text).toContain('𠀀 rare name');
    expect(items).toContainEqual(expect.objectContaining({ type: 'qr', data: 'LQ1.MEMBER.123.sig' }));
    expect(items).toContainEqual({ type: 'barcode', symbology: 'CODE128', data: 'R-0001' });
    expect(items).toContainEqual({ type: 'drawer', pin: 2, onMs: 100 });
    expect(items.filter((i) => i.type === 'cut')).toHaveLength(1);
    const title = items.find((i) => i.type === 'line' && i.text === '邻里体验店');
    expect(title).toMatchObject({ bold: true, align: 'center', width: 2, height: 2 });
  });

  it('uses 48 columns on 80 mm paper', () => {
    const wide = lines(decodeEscPos(encodeReceipt(sale, { paperWidth: 80, encoding: 'gb18030' })));
    const row = wide.find((l) => l.startsWith('桂花'))!;
    expect(row.length + 6).toBe(48 - 1 + 1); // 6 CJK characters count twice
  });

  it('prints Latin text with a code page and Chinese mode off', () => {
    const latin = encodeReceipt(
      { kind: 'test', title: 't', blocks: [{ type: 'text', text: 'Café €5' }] },
      { paperWidth: 80, encoding: 'cp858' },
    );
    expect(hex(latin).startsWith('1b401c2e1b7413')).toBe(true);
    expect(lines(decodeEscPos(latin))[0]).toBe('Café €5');
  });

  it('refuses to pass control characters through as printer commands', () => {
    const evil = encodeReceipt(
      { kind: 'test', title: 't', blocks: [{ type: 'text', text: 'a\u001bp\u0000\u0019\u00fa\u0010\u0004\u0001b' }] },
      { paperWidth: 58, encoding: 'gb18030' },
    );
    const items = decodeEscPos(evil);
    expect(items.some((i) => i.type === 'drawer')).toBe(false);
    expect(hex(evil).includes('1004')).toBe(false);
  });

  it('prints a raster logo', () => {
    const logo = encodeReceipt(
      {
        kind: 'test',
        title: 't',
        blocks: [
          { type: 'image', width: 16, height: 2, bitsBase64: Buffer.from([0xff, 0x00, 0x0f, 0xf0]).toString('base64') },
        ],
      },
      { paperWidth: 58, encoding: 'gb18030' },
    );
    expect(hex(logo).includes('1d7630000200020' + '0ff000ff0')).toBe(true);
    expect(decodeEscPos(logo)).toContainEqual({ type: 'image', widthDots: 16, heightDots: 2 });
  });

  it('decodes the same stream fed in tiny pieces', () => {
    const items: PrintedItem[] = [];
    const decoder = new EscPosStreamDecoder({ item: (i) => items.push(i) });
    for (let i = 0; i < bytes.length; i += 3) decoder.push(bytes.subarray(i, i + 3));
    expect(items).toEqual(decodeEscPos(bytes));
  });
});
