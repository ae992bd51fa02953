import { describe, expect, it } from 'vitest';
import * as cmd from './commands';

// Expected bytes are copied from the Epson ESC/POS command reference (and REFERENCE.md), not from
// the code: a wrong argument byte here means a printer would do something else.
const hex = (bytes: Uint8Array) =>
  Buffer.from(bytes)
    .toString('hex')
    .replace(/(..)(?!$)/g, '$1 ');

describe('ESC/POS commands', () => {
  it('initialise, Chinese mode, code tables and character set', () => {
    expect(hex(cmd.initialise())).toBe('1b 40');
    expect(hex(cmd.chineseModeOn())).toBe('1c 26');
    expect(hex(cmd.chineseModeOff())).toBe('1c 2e');
    expect(hex(cmd.codeTable(0))).toBe('1b 74 00');
    expect(hex(cmd.codeTable(cmd.codeTableNumber.cp858))).toBe('1b 74 13');
    expect(hex(cmd.codeTable(cmd.codeTableNumber.cp1252))).toBe('1b 74 10');
    expect(hex(cmd.internationalCharset(15))).toBe('1b 52 0f');
    expect(hex(cmd.chineseCharacterMode(true, true))).toBe('1c 21 0c');
    expect(hex(cmd.chineseCharacterMode(false, false))).toBe('1c 21 00');
  });

  it('bold, size and alignment', () => {
    expect(hex(cmd.bold(true))).toBe('1b 45 01');
    expect(hex(cmd.bold(false))).toBe('1b 45 00');
    expect(hex(cmd.characterSize(2, 2))).toBe('1d 21 11');
    expect(hex(cmd.characterSize(1, 1))).toBe('1d 21 00');
    expect(hex(cmd.characterSize(2, 1))).toBe('1d 21 10');
    expect(hex(cmd.characterSize(1, 2))).toBe('1d 21 01');
    expect(hex(cmd.justify('left'))).toBe('1b 61 00');
    expect(hex(cmd.justify('center'))).toBe('1b 61 01');
    expect(hex(cmd.justify('right'))).toBe('1b 61 02');
  });

  it('QR code: model 2, module size, error correction, store and print (GS ( k)', () => {
    const data = new TextEncoder().encode('LINLI');
    expect(hex(cmd.qrCode(data, { moduleSize: 6, errorCorrection: 'M' }))).toBe(
      [
        '1d 28 6b 04 00 31 41 32 00', // fn 165 model 2
        '1d 28 6b 03 00 31 43 06', // fn 167 module size 6
        '1d 28 6b 03 00 31 45 31', // fn 169 level M = 49
        '1d 28 6b 08 00 31 50 30 4c 49 4e 4c 49', // fn 180 store: pL = 5 + 3
        '1d 28 6b 03 00 31 51 30', // fn 181 print
      ].join(' '),
    );
    expect(hex(cmd.qrCode(data, { errorCorrection: 'H' })).includes('31 45 33')).toBe(true);
    // pH carries lengths over 252 bytes.
    const long = cmd.qrCode(new Uint8Array(300).fill(0x41));
    expect(hex(long.subarray(25, 33))).toBe('1d 28 6b 2f 01 31 50 30');
  });

  it('CODE128 in code set B, braces doubled', () => {
    expect(hex(cmd.code128('AB12'))).toBe('1d 6b 49 06 7b 42 41 42 31 32');
    expect(hex(cmd.code128('a{b'))).toBe('1d 6b 49 06 7b 42 61 7b 7b 62');
    expect(() => cmd.code128('中')).toThrow(RangeError);
    expect(hex(cmd.barcodeHeight(80))).toBe('1d 68 50');
    expect(hex(cmd.barcodeModuleWidth(2))).toBe('1d 77 02');
    expect(hex(cmd.barcodeHri('below'))).toBe('1d 48 02');
  });

  it('raster image GS v 0 with its size in bytes per row and rows', () => {
    const bits = new Uint8Array(2 * 3).fill(0xff);
    expect(hex(cmd.rasterImage(16, 3, bits))).toBe('1d 76 30 00 02 00 03 00 ff ff ff ff ff ff');
    expect(() => cmd.rasterImage(16, 4, bits)).toThrow(RangeError);
  });

  it('feed, cut and drawer kick', () => {
    expect(hex(cmd.feedLines(3))).toBe('1b 64 03');
    expect(hex(cmd.cut('full'))).toBe('1d 56 00');
    expect(hex(cmd.cut('partial'))).toBe('1d 56 01');
    expect(hex(cmd.feedAndCut('full', 3))).toBe('1d 56 41 03');
    expect(hex(cmd.feedAndCut('partial', 0))).toBe('1d 56 42 00');
    // Pin 2, 100 ms on, 200 ms off: t1 = 50, t2 = 100 (units of 2 ms).
    expect(hex(cmd.drawerKick(2, 100, 200))).toBe('1b 70 00 32 64');
    expect(hex(cmd.drawerKick(5, 100, 200))).toBe('1b 70 01 32 64');
  });

  it('real-time status requests', () => {
    expect(hex(cmd.realtimeStatus(1))).toBe('10 04 01');
    expect(hex(cmd.realtimeStatus(2))).toBe('10 04 02');
    expect(hex(cmd.realtimeStatus(4))).toBe('10 04 04');
  });

  it('GB18030 text: Chinese, mixed, ￥ and a 4-byte character', () => {
    expect(hex(cmd.encodeText('中文', 'gb18030'))).toBe('d6 d0 ce c4');
    expect(hex(cmd.encodeText('￥12.80', 'gb18030'))).toBe('a3 a4 31 32 2e 38 30');
    expect(hex(cmd.encodeText('茶 Tea', 'gb18030'))).toBe('b2 e8 20 54 65 61');
    // U+20000 is outside the BMP: GB18030 writes it as four bytes.
    expect(hex(cmd.encodeText('𠀀', 'gb18030'))).toBe('95 32 82 36');
    expect(hex(cmd.encodeText('é', 'cp858'))).toBe('82');
    expect(hex(cmd.encodeText('€', 'cp858'))).toBe('d5');
  });
});
