import { describe, expect, it } from 'vitest';
import { formatMinor, newRequestId, parseMajor } from './money';

describe('money on screen', () => {
  it('formats fen in the UI language', () => {
    expect(formatMinor(4500, 'CNY', 'zh-CN')).toBe('¥45.00');
    expect(formatMinor(4500, 'CNY', 'en')).toBe('¥45.00');
    expect(formatMinor(-0, 'CNY', 'zh-CN')).toBe('¥0.00');
    expect(formatMinor(-1250, 'CNY', 'en')).toBe('-¥12.50');
  });
  it('parses typed amounts without floats', () => {
    expect(parseMajor('100')).toBe(10_000);
    expect(parseMajor('85.5')).toBe(8550);
    expect(parseMajor('¥0.07')).toBe(7);
    expect(parseMajor('1.234')).toBeNull();
    expect(parseMajor('-1')).toBeNull();
    expect(parseMajor('abc')).toBeNull();
  });
  it('makes request ids the core accepts', () => {
    expect(newRequestId()).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });
});
