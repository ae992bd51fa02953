import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkMemberQr,
  memberQrKey,
  memberQrRefreshAt,
  memberQrStep,
  memberQrToken,
  parseMemberQr,
  type Hmac,
} from './member-qr';

const hmac: Hmac = (key, message) => createHmac('sha256', key).update(message).digest();
const secret = 'store-secret-for-tests';
const memberId = '01JD5Z8Q3V4W6X7Y8Z9A0B1C2D';
const at = (iso: string) => new Date(iso);

function tokenAt(now: Date, id = memberId, storeSecret = secret) {
  return memberQrToken(hmac, memberQrKey(hmac, storeSecret, id), id, memberQrStep(now));
}

describe('member phone QR token', () => {
  it('is accepted in its minute and the next, then expires', () => {
    const token = tokenAt(at('2026-03-01T10:00:10Z'));
    expect(token).toMatch(/^LQ1\.[0-9A-Z]{26}\.[0-9A-Z]+\.[A-Z2-7]{16}$/);
    expect(checkMemberQr(hmac, secret, token, at('2026-03-01T10:00:50Z'))).toEqual({ ok: true, memberId });
    expect(checkMemberQr(hmac, secret, token, at('2026-03-01T10:01:30Z'))).toEqual({ ok: true, memberId });
    expect(checkMemberQr(hmac, secret, token, at('2026-03-01T10:02:01Z'))).toEqual({ ok: false, reason: 'expired' });
    // A screenshot kept for an hour is useless.
    expect(checkMemberQr(hmac, secret, token, at('2026-03-01T11:00:00Z'))).toEqual({ ok: false, reason: 'expired' });
  });

  it('rotates every minute', () => {
    expect(tokenAt(at('2026-03-01T10:00:10Z'))).not.toBe(tokenAt(at('2026-03-01T10:01:10Z')));
    expect(tokenAt(at('2026-03-01T10:00:10Z'))).toBe(tokenAt(at('2026-03-01T10:00:59Z')));
    expect(memberQrRefreshAt(memberQrStep(at('2026-03-01T10:00:10Z'))).toISOString()).toBe('2026-03-01T10:01:00.000Z');
  });

  it('refuses a code signed with another store secret, for another member, or from the future', () => {
    const now = at('2026-03-01T10:00:00Z');
    expect(checkMemberQr(hmac, secret, tokenAt(now, memberId, 'other-store'), now)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    const forged = tokenAt(now).replace(memberId, '01JD5Z8Q3V4W6X7Y8Z9A0B1C2E');
    expect(checkMemberQr(hmac, secret, forged, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkMemberQr(hmac, secret, tokenAt(at('2026-03-01T10:05:00Z')), now)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('refuses any single changed character', () => {
    const now = at('2026-03-01T10:00:00Z');
    const token = tokenAt(now);
    fc.assert(
      fc.property(fc.nat(token.length - 1), fc.constantFrom(...'0123456789ABCDEFGHJKMNPQRSTVWXYZ.'), (i, ch) => {
        fc.pre(token[i] !== ch);
        const changed = token.slice(0, i) + ch + token.slice(i + 1);
        expect(checkMemberQr(hmac, secret, changed, now).ok).toBe(false);
      }),
    );
  });

  it('parses only well-formed tokens', () => {
    expect(parseMemberQr('LQ1.short.1.AAAAAAAAAAAAAAAA')).toBeNull();
    expect(parseMemberQr(`lq1.${memberId}.1.AAAAAAAAAAAAAAAA`)).toBeNull();
    expect(parseMemberQr(`LQ1.${memberId}.1Z.AAAAAAAAAAAAAAAA`)).toEqual({
      memberId,
      step: 71,
      signature: 'AAAAAAAAAAAAAAAA',
    });
  });
});
