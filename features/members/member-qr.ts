import { createHmac, randomBytes } from 'node:crypto';
import { LinliError, type MemberQrCode } from '../../contract';
import { checkMemberQr, memberQrKey, memberQrPeriodSeconds, memberQrRefreshAt, memberQrStep, memberQrToken, type Hmac } from '../../domain/member-qr';
import type { MemberRow } from '../../db/repositories/members';
import type { ServiceContext } from '../context';
import { requireMember } from './member-views';

const secretKey = 'member_qr_secret';

export const nodeHmac: Hmac = (key, message) => createHmac('sha256', key).update(message).digest();

/** The store's QR secret, made on first use. The hub will hand the same secret to every terminal of the store. */
export function memberQrSecret(ctx: ServiceContext): string {
  let secret = ctx.repos.settings.get(secretKey);
  if (!secret) {
    secret = randomBytes(32).toString('base64url');
    ctx.repos.settings.set(secretKey, secret);
  }
  return secret;
}

export function currentMemberQr(ctx: ServiceContext, memberId: unknown): MemberQrCode {
  const member = requireMember(ctx, memberId);
  const now = ctx.now();
  const step = memberQrStep(now);
  const key = memberQrKey(nodeHmac, memberQrSecret(ctx), member.id);
  return {
    memberId: member.id,
    token: memberQrToken(nodeHmac, key, member.id, step),
    refreshAt: memberQrRefreshAt(step).toISOString(),
    periodSeconds: memberQrPeriodSeconds,
  };
}

/** The member a scanned phone code names, or a clear error: forged, expired, or an erased member. */
export function memberFromQr(ctx: ServiceContext, text: string): MemberRow {
  const check = checkMemberQr(nodeHmac, memberQrSecret(ctx), text, ctx.now());
  if (!check.ok) throw new LinliError(check.reason === 'expired' ? 'MEMBER_QR_EXPIRED' : 'MEMBER_QR_INVALID');
  return requireMember(ctx, check.memberId);
}
