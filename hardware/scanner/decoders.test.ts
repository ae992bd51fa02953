import { describe, expect, it } from 'vitest';
import { createHidPosDecoder, hidPosReports } from './hid-pos';
import { createKeyboardReportDecoder, keyboardReports, usageToChar } from './hid-keyboard';
import { createLineFramer } from './serial-framing';
import { splitAimPrefix, symbologyFromAim } from './symbology';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('HID POS reports (usage page 0x8C, report id 2)', () => {
  it('reads one report written byte by byte from the usage table layout', () => {
    // id 2, length 13, AIM "]E0", "6901234567892", padding, last byte 0 (no more data).
    const report = new Uint8Array(64);
    report.set([0x02, 13, 0x5d, 0x45, 0x30]);
    report.set(bytes('6901234567892'), 5);
    expect(createHidPosDecoder().push(report)).toEqual({ text: '6901234567892', symbology: 'EAN-13' });
  });

  it('joins a code spread over several reports (continuation bit)', () => {
    const long = 'LQ1.' + 'A'.repeat(120);
    const reports = hidPosReports(long, ']Q1');
    expect(reports.length).toBe(3);
    expect(reports[0]![63]).toBe(1);
    const decoder = createHidPosDecoder();
    expect(decoder.push(reports[0]!)).toBeNull();
    expect(decoder.push(reports[1]!)).toBeNull();
    expect(decoder.push(reports[2]!)).toEqual({ text: long, symbology: 'QRCode' });
  });

  it('ignores other report ids and short reports, and reads a scanner without AIM ids', () => {
    const decoder = createHidPosDecoder();
    expect(decoder.push(Uint8Array.of(0x01, 3, 0, 0, 0, 0x41, 0x42, 0x43, 0))).toBeNull();
    expect(decoder.push(Uint8Array.of(0x02, 1))).toBeNull();
    const plain = hidPosReports('ABC', '\0\0\0')[0]!;
    expect(decoder.push(plain)).toEqual({ text: 'ABC' });
  });

  it('drops an overlong code whole and recovers for the next one', () => {
    const decoder = createHidPosDecoder({ maxLength: 100 });
    for (const r of hidPosReports('9'.repeat(200))) expect(decoder.push(r)).toBeNull();
    expect(decoder.push(hidPosReports('OK123')[0]!)).toEqual({ text: 'OK123', symbology: 'QRCode' });
  });
});

describe('keyboard-mode HID reports', () => {
  it('maps usage ids with and without shift (US layout)', () => {
    expect(usageToChar(0x04, false)).toBe('a');
    expect(usageToChar(0x04, true)).toBe('A');
    expect(usageToChar(0x1e, false)).toBe('1');
    expect(usageToChar(0x27, false)).toBe('0');
    expect(usageToChar(0x1f, true)).toBe('@');
    expect(usageToChar(0x2d, false)).toBe('-');
    expect(usageToChar(0x37, false)).toBe('.');
    expect(usageToChar(0x62, false)).toBe('0'); // keypad 0
    expect(usageToChar(0x29, false)).toBeNull(); // Escape
  });

  it('decodes press/release report pairs ending in Enter', () => {
    const decoder = createKeyboardReportDecoder();
    const results = keyboardReports('LQ1.Ab-9').map((r) => decoder.push(r));
    expect(results.filter((r) => r !== null)).toEqual(['LQ1.Ab-9']);
  });

  it('reads reports with a report id first, and a repeated letter released in between', () => {
    const decoder = createKeyboardReportDecoder();
    const withId = keyboardReports('8800').map((r) => Uint8Array.of(1, ...r));
    expect(withId.map((r) => decoder.push(r)).filter(Boolean)).toEqual(['8800']);
  });

  it('a held key is one keypress; Ctrl chords type nothing', () => {
    const decoder = createKeyboardReportDecoder();
    const down = Uint8Array.of(0, 0, 0x04, 0, 0, 0, 0, 0);
    decoder.push(down);
    decoder.push(down);
    decoder.push(Uint8Array.of(0x01, 0, 0x06, 0, 0, 0, 0, 0)); // Ctrl+C
    decoder.push(new Uint8Array(8));
    expect(decoder.push(Uint8Array.of(0, 0, 0x28, 0, 0, 0, 0, 0))).toBe('a');
  });
});

describe('serial framing', () => {
  it('splits CR LF codes arriving in odd pieces', () => {
    const framer = createLineFramer('CRLF');
    expect(framer.push(bytes('CO'))).toEqual([]);
    expect(framer.push(bytes('DE\r'))).toEqual([]);
    expect(framer.push(bytes('\nNEXT\r\nTH'))).toEqual(['CODE', 'NEXT']);
  });

  it('CR and LF framing, tolerating the other terminator', () => {
    expect(createLineFramer('CR').push(bytes('A1\rB2\r\nC3\r'))).toEqual(['A1', 'B2', 'C3']);
    expect(createLineFramer('LF').push(bytes('A1\nB2\r\n'))).toEqual(['A1', 'B2']);
  });

  it('drops an overlong line whole', () => {
    const framer = createLineFramer('CR', { maxLength: 8 });
    expect(framer.push(bytes('123456789012\rOK\r'))).toEqual(['OK']);
  });

  it('reads AIM prefixes that serial and keyboard scanners send as text', () => {
    expect(splitAimPrefix(']E06901234567892')).toEqual({ text: '6901234567892', symbology: 'EAN-13' });
    expect(splitAimPrefix('8800123412341234')).toEqual({ text: '8800123412341234' });
    expect(symbologyFromAim(']C0')).toBe('Code128');
  });
});
