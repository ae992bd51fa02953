// Coupons at the counter: finding a code (issued or generic), checking it for this member today,
// issuing one to a member.
import { LinliError, type CouponDefinitionInfo, type MemberCoupon } from '../../contract';
import { checkCoupon, couponQrPayload, generateCouponCode, normaliseCouponCode } from '../../domain/coupons';
import { formatMoney } from '../../domain/money';
import type { ServiceContext } from '../context';
import { isHubOnline, receiptStore, today } from './loyalty-config';
import { requireMember } from '../members/member-views';
import { requireStaff } from '../staff/staff-session';

export function couponInfo(code: string, definition: CouponDefinitionInfo, used: boolean): MemberCoupon {
  return { code, qrPayload: couponQrPayload(code), definition, used };
}

export interface FoundCoupon {
  code: string;
  definition: CouponDefinitionInfo;
  ownerMemberId: string | null;
}

/** An issued coupon or a generic code; null when the text is no coupon we know. */
export function findCoupon(ctx: ServiceContext, text: string): FoundCoupon | null {
  const code = normaliseCouponCode(text);
  if (!code) return null;
  const issued = ctx.repos.coupons.coupon(code);
  if (issued) {
    const definition = ctx.repos.coupons.definition(issued.definitionId);
    return definition ? { code, definition, ownerMemberId: issued.memberId } : null;
  }
  const generic = ctx.repos.coupons.definitionByGenericCode(code);
  return generic ? { code, definition: generic, ownerMemberId: null } : null;
}

/** Money in refusal messages is shown formatted; the codes themselves carry fen. */
export function refusalError(ctx: ServiceContext, code: LinliError['code'], params?: Record<string, string | number>): LinliError {
  const currency = receiptStore(ctx).currency;
  const shown = params ? { ...params } : undefined;
  for (const key of ['min', 'due'] as const) if (shown && typeof shown[key] === 'number') shown[key] = formatMoney(shown[key], currency);
  return new LinliError(code, shown, code.startsWith('COUPON') ? 'coupon' : code.startsWith('POINTS') ? 'points' : undefined);
}

/** Checks each code for this member today; the basket-dependent checks happen in pricing. */
export function resolveCoupons(ctx: ServiceContext, codes: unknown, memberId: string | null): FoundCoupon[] {
  if (!Array.isArray(codes)) throw new LinliError('INVALID_INPUT', undefined, 'couponCodes');
  if (codes.length > 5) throw new LinliError('INVALID_INPUT', undefined, 'couponCodes');
  const found: FoundCoupon[] = [];
  const day = today(ctx);
  const online = isHubOnline(ctx);
  for (const text of codes) {
    const coupon = typeof text === 'string' ? findCoupon(ctx, text) : null;
    if (!coupon) throw new LinliError('COUPON_UNKNOWN', { code: String(text).slice(0, 32) }, 'coupon');
    if (found.some((f) => f.code === coupon.code || f.definition.id === coupon.definition.id)) throw new LinliError('COUPON_DUPLICATE', { code: coupon.code }, 'coupon');
    const refusal = checkCoupon(
      {
        definition: coupon.definition,
        ownerMemberId: coupon.ownerMemberId,
        timesUsed: coupon.ownerMemberId ? ctx.repos.coupons.timesUsed(coupon.code) : 0,
        memberUses: memberId ? ctx.repos.coupons.memberUses(coupon.definition.id, memberId) : 0,
      },
      { memberId, today: day, online },
    );
    if (refusal) throw refusalError(ctx, refusal.code, { ...refusal.params, code: coupon.code });
    found.push(coupon);
  }
  return found;
}

export function issueCoupon(ctx: ServiceContext, input: { memberId: string; definitionId: string }): MemberCoupon {
  const staff = requireStaff(ctx);
  const member = requireMember(ctx, input?.memberId);
  const definition = typeof input.definitionId === 'string' ? ctx.repos.coupons.definition(input.definitionId) : null;
  if (!definition) throw new LinliError('COUPON_DEFINITION_UNKNOWN');
  const at = ctx.now().toISOString();
  let code = '';
  ctx.repos.transaction(() => {
    do code = generateCouponCode(ctx.randomInt);
    while (ctx.repos.coupons.coupon(code) || ctx.repos.coupons.definitionByGenericCode(code));
    ctx.repos.coupons.issue(code, definition.id, member.id, at, staff.id);
    ctx.repos.outbox.append({ id: ctx.newId(), type: 'coupon.issued', aggregateId: member.id, payload: { code, definitionId: definition.id, memberId: member.id, at, staffId: staff.id }, createdAt: at });
  });
  return couponInfo(code, definition, false);
}
