import { createHmac, randomBytes } from 'node:crypto';
import { LinliError, type MemberQrCode } from '../../contract';
import {
  checkMemberQr,
  memberQrKey,
  memberQrPeriodSeconds,
  memberQrRefreshAt,
  memberQrStep,
  memberQrToken,
  type Hmac,
} from '../../domain/member-qr';
import type { MemberRow } from '../../db/repositories/members';
import type { Ports } from '../ports';
import { requireMember } from './member-views';

const secretKey = 'member_qr_secret';

export const nodeHmac: Hmac = (key, message) => createHmac('sha256', key).update(message).digest();

/** The store's QR secret, made on first use. The hub will hand the same secret to every terminal of the store. */
export function memberQrSecret(ports: Ports): string {
  let secret = ports.store.settings.get(secretKey);
  if (!secret) {
    secret = randomBytes(32).toString('base64url');
    ports.store.settings.set(secretKey, secret);
  }
  return secret;
}

export function currentMemberQr(ports: Ports, memberId: string): MemberQrCode {
  const member = requireMember(ports, memberId);
  const now = ports.clock.now();
  const step = memberQrStep(now);
  const key = memberQrKey(nodeHmac, memberQrSecret(ports), member.id);
  return {
    memberId: member.id,
    token: memberQrToken(nodeHmac, key, member.id, step),
    refreshAt: memberQrRefreshAt(step).toISOString(),
    periodSeconds: memberQrPeriodSeconds,
  };
}

/** The member a scanned phone code names, or a clear error: forged, expired, or an erased member. */
export function memberFromQr(ports: Ports, text: string): MemberRow {
  const check = checkMemberQr(nodeHmac, memberQrSecret(ports), text, ports.clock.now());
  if (!check.ok) throw new LinliError(check.reason === 'expired' ? 'MEMBER_QR_EXPIRED' : 'MEMBER_QR_INVALID');
  return requireMember(ports, check.memberId);
}
