import { describe, expect, it } from 'vitest';
import { checkCodeUsable, checkMaySend, formatCode, isCodeShaped, verificationRules } from './verification';

const codeOf = (fn: () => void) => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as { code: string; params?: unknown }).code;
  }
};

describe('verification codes', () => {
  it('are six digits, leading zeros kept', () => {
    expect(formatCode(42)).toBe('000042');
    expect(isCodeShaped(formatCode(999_999))).toBe(true);
    expect(isCodeShaped('12345')).toBe(false);
    expect(isCodeShaped('12345a')).toBe(false);
  });

  it('a new code for the same number only a minute after the last', () => {
    const now = 1_000_000_000;
    expect(codeOf(() => checkMaySend(now, [now - 30_000], 1))).toBe('SMS_RESEND_TOO_SOON');
    expect(codeOf(() => checkMaySend(now, [now - 60_000], 1))).toBeNull();
  });

  it('at most five codes per number and sixty per terminal in an hour', () => {
    const now = 1_000_000_000;
    const five = [1, 2, 3, 4, 5].map((i) => now - i * 120_000);
    expect(codeOf(() => checkMaySend(now, five, 5))).toBe('SMS_RATE_LIMITED');
    expect(codeOf(() => checkMaySend(now, [], verificationRules.perTerminalPerHour))).toBe('SMS_RATE_LIMITED');
    expect(codeOf(() => checkMaySend(now, five.slice(1), 4))).toBeNull();
  });

  it('a code is dead once used, expired or tried five times', () => {
    const row = { attempts: 0, expiresAt: '2026-01-01T00:05:00.000Z', usedAt: null };
    expect(checkCodeUsable(row, '2026-01-01T00:04:59.000Z')).toEqual({ ok: true });
    expect(checkCodeUsable(row, '2026-01-01T00:05:00.000Z')).toEqual({ ok: false, code: 'VERIFY_CODE_EXPIRED' });
    expect(checkCodeUsable({ ...row, attempts: 5 }, '2026-01-01T00:00:00.000Z')).toEqual({
      ok: false,
      code: 'VERIFY_TOO_MANY_ATTEMPTS',
    });
    expect(checkCodeUsable({ ...row, usedAt: 'x' }, '2026-01-01T00:00:00.000Z')).toEqual({
      ok: false,
      code: 'VERIFY_UNKNOWN',
    });
  });
});
