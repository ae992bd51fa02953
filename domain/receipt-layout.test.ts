import { describe, expect, it } from 'vitest';
import {
  columnsFor,
  layoutReceipt,
  padRow,
  previewLines,
  printableText,
  textColumns,
  wrapText,
} from './receipt-layout';

describe('receipt layout', () => {
  it('counts CJK (and every non-ASCII character) as two columns in Chinese mode', () => {
    expect(textColumns('桂花乌龙茶 250g', true)).toBe(15);
    expect(textColumns('邻里·翠湖', true)).toBe(10);
    expect(textColumns('Café', false)).toBe(4);
    expect(columnsFor(58)).toBe(32);
    expect(columnsFor(80)).toBe(48);
  });

  it('pads a row to the full width of a 58 mm roll', () => {
    const [line] = padRow('桂花乌龙茶', '￥68.00', 32, true);
    expect(textColumns(line!, true)).toBe(32);
    expect(line!.startsWith('桂花乌龙茶')).toBe(true);
    expect(line!.endsWith('￥68.00')).toBe(true);
  });

  it('puts a long label on its own lines and the value right-aligned below', () => {
    const lines = padRow('明前龙井特级礼盒装一百克两罐装加送品茗杯', '￥1280.00', 32, true);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textColumns(l, true)).toBeLessThanOrEqual(32);
    expect(lines.at(-1)!.trimStart()).toBe('￥1280.00');
  });

  it('wraps Chinese anywhere and Latin at spaces, never wider than the paper', () => {
    expect(wrapText('一二三四五六七八九十', 8, true)).toEqual(['一二三四', '五六七八', '九十']);
    expect(wrapText('hello wonderful world', 10, false)).toEqual(['hello', 'wonderful', 'world']);
    // A double-width character never straddles the edge.
    expect(wrapText('abc中文', 4, true)).toEqual(['abc', '中文']);
  });

  it('maps ¥ to the full-width ￥ in Chinese mode and removes control characters', () => {
    expect(printableText('¥5\u001b@x', true)).toBe('￥5 @x');
    expect(printableText('¥5', false)).toBe('¥5');
  });

  it('lays out a document and ends it with a cut', () => {
    const laid = layoutReceipt(
      {
        kind: 'test',
        title: 't',
        blocks: [
          { type: 'text', text: '测试页', align: 'center', size: 'double' },
          { type: 'rule' },
          { type: 'qr', data: 'X' },
        ],
      },
      { columns: 32, chineseMode: true },
    );
    expect(laid.map((l) => l.type)).toEqual(['line', 'line', 'qr', 'cut']);
    const preview = previewLines(laid, 32, true);
    expect(preview[0]!.trim()).toBe('测试页');
    expect(preview[1]).toBe('-'.repeat(32));
  });
});
