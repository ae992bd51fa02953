// The rules of phone verification codes (docs/decisions/0028-sms-verification.md): pure, so the
// limits are tested without a clock or a database.
import { LinliError } from '../contract';

export const verificationRules = {
  codeDigits: 6,
  /** A code is good for 5 minutes. */
  codeTtlMs: 5 * 60_000,
  /** Five wrong codes and this code is dead: ask for a new one. */
  maxAttempts: 5,
  /** One new code per number per minute. */
  resendAfterMs: 60_000,
  /** At most this many codes per number per hour. */
  perPhonePerHour: 5,
  /** At most this many codes from one terminal per hour (an SMS-pumping guard). */
  perTerminalPerHour: 60,
  /** After the code, the customer has this long to finish name and consents. */
  verifiedTtlMs: 15 * 60_000,
} as const;

export const hourMs = 60 * 60_000;

/** A code of six digits from a uniform draw in [0, 10^6). */
export function formatCode(draw: number): string {
  return String(draw).padStart(verificationRules.codeDigits, '0');
}

export const isCodeShaped = (text: string): boolean => /^\d{6}$/.test(text);

/**
 * May another code go to this number now? `sentTimes` are the codes sent to it in the last hour,
 * newest first; `terminalCount` the codes this terminal sent in the last hour. Throws the reason it may not.
 */
export function checkMaySend(now: number, sentTimes: readonly number[], terminalCount: number): void {
  const last = sentTimes[0];
  if (last !== undefined && now - last < verificationRules.resendAfterMs)
    throw new LinliError('SMS_RESEND_TOO_SOON', {
      seconds: Math.ceil((verificationRules.resendAfterMs - (now - last)) / 1000),
    });
  if (sentTimes.length >= verificationRules.perPhonePerHour || terminalCount >= verificationRules.perTerminalPerHour)
    throw new LinliError('SMS_RATE_LIMITED');
}

export type CodeCheck =
  { ok: true } | { ok: false; code: 'VERIFY_CODE_EXPIRED' | 'VERIFY_TOO_MANY_ATTEMPTS' | 'VERIFY_UNKNOWN' };

/** Whether a code may still be tried at all (before comparing it). */
export function checkCodeUsable(
  row: { attempts: number; expiresAt: string; usedAt: string | null },
  now: string,
): CodeCheck {
  if (row.usedAt) return { ok: false, code: 'VERIFY_UNKNOWN' };
  if (row.attempts >= verificationRules.maxAttempts) return { ok: false, code: 'VERIFY_TOO_MANY_ATTEMPTS' };
  if (now >= row.expiresAt) return { ok: false, code: 'VERIFY_CODE_EXPIRED' };
  return { ok: true };
}
