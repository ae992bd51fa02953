import { afterEach, describe, expect, it } from 'vitest';
import { formatCardNumber, formatDate, formatDateTime, setStoreUtcOffset } from './format';

afterEach(() => setStoreUtcOffset(null));

describe('times on screen', () => {
  it("show the store's local time, as its receipts do", () => {
    setStoreUtcOffset(480);
    expect(formatDateTime('2026-11-25T10:56:00.000Z', 'en')).toContain('6:56');
    expect(formatDateTime('2026-11-25T10:56:00.000Z', 'zh-CN')).toContain('18:56');
    setStoreUtcOffset(-300);
    expect(formatDateTime('2026-11-25T10:56:00.000Z', 'en')).toContain('5:56');
    setStoreUtcOffset(0);
    expect(formatDateTime('2026-11-25T10:56:00.000Z', 'zh-CN')).toContain('10:56');
  });

  it('keep calendar dates on their day and pass unreadable values through', () => {
    setStoreUtcOffset(480);
    expect(formatDate('1990-05-01', 'en')).toBe('May 1, 1990');
    expect(formatDateTime('not a time', 'en')).toBe('not a time');
  });
});

describe('formatCardNumber', () => {
  it('groups the digits by four', () => {
    expect(formatCardNumber('8800000000000880')).toBe('8800 0000 0000 0880');
    expect(formatCardNumber('88001')).toBe('8800 1');
  });
});
