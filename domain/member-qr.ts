// The member's phone QR code: a signed token that changes every minute (TOTP-like), so a
// screenshot stops working. Each member has their own key, derived from the store's secret, so a
// phone can make codes without knowing the secret and every terminal of the store can check them
// offline. HMAC is passed in: domain rules do no I/O and import no crypto module.
//
// Token: LQ1.<member id>.<minute step, base 36>.<signature, 16 base-32 chars>. Upper case only,
// so the QR code uses the dense alphanumeric mode.

export type Hmac = (key: Uint8Array | string, message: string) => Uint8Array;

export const memberQrPrefix = 'LQ1';
export const memberQrPeriodSeconds = 60;
/** Steps accepted either side of now: one minute of clock difference between phone and till. */
export const memberQrWindow = 1;

const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const tokenPattern = /^LQ1\.([0-9A-HJKMNP-TV-Z]{26})\.([0-9A-Z]{1,10})\.([A-Z2-7]{16})$/;

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += base32Alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += base32Alphabet[(value << (5 - bits)) & 31];
  return out;
}

export function memberQrStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / memberQrPeriodSeconds);
}

/** When the code for `step` stops being the current one. */
export function memberQrRefreshAt(step: number): Date {
  return new Date((step + 1) * memberQrPeriodSeconds * 1000);
}

/** The member's own key; what the hub will hand to the member's phone. */
export function memberQrKey(hmac: Hmac, storeSecret: string, memberId: string): Uint8Array {
  return hmac(storeSecret, `linli/member-qr/v1/${memberId}`);
}

function signature(hmac: Hmac, memberKey: Uint8Array, memberId: string, step: number): string {
  return base32(hmac(memberKey, `${memberId}.${step}`).subarray(0, 10));
}

export function memberQrToken(hmac: Hmac, memberKey: Uint8Array, memberId: string, step: number): string {
  return `${memberQrPrefix}.${memberId}.${step.toString(36).toUpperCase()}.${signature(hmac, memberKey, memberId, step)}`;
}

export function looksLikeMemberQr(text: string): boolean {
  return text.startsWith(`${memberQrPrefix}.`);
}

export interface ParsedMemberQr {
  memberId: string;
  step: number;
  signature: string;
}

export function parseMemberQr(text: string): ParsedMemberQr | null {
  const m = tokenPattern.exec(text);
  if (!m) return null;
  const step = parseInt(m[2]!, 36);
  return Number.isSafeInteger(step) ? { memberId: m[1]!, step, signature: m[3]! } : null;
}

function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export type MemberQrCheck = { ok: true; memberId: string } | { ok: false; reason: 'invalid' | 'expired' };

/** A forged or altered code is 'invalid'; a genuine code from more than a minute ago is 'expired'. */
export function checkMemberQr(hmac: Hmac, storeSecret: string, text: string, now: Date): MemberQrCheck {
  const parsed = parseMemberQr(text);
  if (!parsed) return { ok: false, reason: 'invalid' };
  const key = memberQrKey(hmac, storeSecret, parsed.memberId);
  if (!sameText(signature(hmac, key, parsed.memberId, parsed.step), parsed.signature))
    return { ok: false, reason: 'invalid' };
  const current = memberQrStep(now);
  if (parsed.step > current + memberQrWindow) return { ok: false, reason: 'invalid' };
  if (parsed.step < current - memberQrWindow) return { ok: false, reason: 'expired' };
  return { ok: true, memberId: parsed.memberId };
}
