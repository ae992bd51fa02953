// Coupons at the counter: finding a code (issued or generic), checking it for this member today,
// issuing one to a member.
import { LinliError, type CouponDefinitionInfo, type MemberCoupon } from '../../contract';
import { checkCoupon, couponQrPayload, generateCouponCode, normaliseCouponCode } from '../../domain/coupons';
import { formatMoney } from '../../domain/money';
import type { Ports } from '../ports';
import { isHubOnline, receiptStore, today } from './loyalty-config';
import { requireMember } from '../members/member-views';
import type { SomeHandlers } from '../handler';

export function couponInfo(code: string, definition: CouponDefinitionInfo, used: boolean): MemberCoupon {
  return { code, qrPayload: couponQrPayload(code), definition, used };
}

export interface FoundCoupon {
  code: string;
  definition: CouponDefinitionInfo;
  ownerMemberId: string | null;
}

/** An issued coupon or a generic code; null when the text is no coupon we know. */
export function findCoupon(ports: Ports, text: string): FoundCoupon | null {
  const code = normaliseCouponCode(text);
  if (!code) return null;
  const issued = ports.store.coupons.coupon(code);
  if (issued) {
    const definition = ports.store.coupons.definition(issued.definitionId);
    return definition ? { code, definition, ownerMemberId: issued.memberId } : null;
  }
  const generic = ports.store.coupons.definitionByGenericCode(code);
  return generic ? { code, definition: generic, ownerMemberId: null } : null;
}

/** Money in refusal messages is shown formatted; the codes themselves carry fen. */
export function refusalError(
  ports: Ports,
  code: LinliError['code'],
  params?: Record<string, string | number>,
): LinliError {
  const currency = receiptStore(ports).currency;
  const shown = params ? { ...params } : undefined;
  for (const key of ['min', 'due'] as const)
    if (shown && typeof shown[key] === 'number') shown[key] = formatMoney(shown[key], currency);
  return new LinliError(
    code,
    shown,
    code.startsWith('COUPON') ? 'coupon' : code.startsWith('POINTS') ? 'points' : undefined,
  );
}

/**
 * Whether an online-only coupon may be used: by default whether the hub looks reachable (a quote);
 * checkout passes the hub's own confirmation for this sale.
 */
export type OnlineCheck = (coupon: FoundCoupon) => boolean;

/** Checks each code for this member today; the basket-dependent checks happen in pricing. */
export function resolveCoupons(
  ports: Ports,
  codes: readonly string[],
  memberId: string | null,
  online: OnlineCheck = () => isHubOnline(ports),
): FoundCoupon[] {
  const found: FoundCoupon[] = [];
  const day = today(ports);
  for (const text of codes) {
    const coupon = findCoupon(ports, text);
    if (!coupon) throw new LinliError('COUPON_UNKNOWN', { code: text.slice(0, 32) }, 'coupon');
    if (found.some((f) => f.code === coupon.code || f.definition.id === coupon.definition.id))
      throw new LinliError('COUPON_DUPLICATE', { code: coupon.code }, 'coupon');
    const refusal = checkCoupon(
      {
        definition: coupon.definition,
        ownerMemberId: coupon.ownerMemberId,
        timesUsed: coupon.ownerMemberId ? ports.store.coupons.timesUsed(coupon.code) : 0,
        memberUses: memberId ? ports.store.coupons.memberUses(coupon.definition.id, memberId) : 0,
      },
      { memberId, today: day, online: coupon.definition.offlineAllowed || online(coupon) },
    );
    if (refusal) throw refusalError(ports, refusal.code, { ...refusal.params, code: coupon.code });
    found.push(coupon);
  }
  return found;
}

/** What the hub needs to know of a coupon's rules with each use (until it holds the definitions itself). */
export function couponRules(coupon: FoundCoupon) {
  return {
    singleUse: coupon.ownerMemberId !== null,
    perMemberLimit: coupon.definition.perMemberLimit,
    offlineAllowed: coupon.definition.offlineAllowed,
  };
}

export const couponHandlers = {
  issueCoupon(input, { ports, staff }): MemberCoupon {
    const member = requireMember(ports, input.memberId);
    const definition = ports.store.coupons.definition(input.definitionId);
    if (!definition) throw new LinliError('COUPON_DEFINITION_UNKNOWN');
    const at = ports.clock.now().toISOString();
    let code = '';
    ports.store.transaction(() => {
      do code = generateCouponCode(ports.ids.randomInt);
      while (ports.store.coupons.coupon(code) || ports.store.coupons.definitionByGenericCode(code));
      ports.store.coupons.issue(code, definition.id, member.id, at, staff.id);
      ports.store.outbox.append({
        id: ports.ids.newId(),
        type: 'coupon.issued',
        aggregateId: member.id,
        // The definition rides along: other shops may not have it (the hub passes it on with the coupon).
        payload: { code, definitionId: definition.id, memberId: member.id, at, staffId: staff.id, definition },
        createdAt: at,
      });
    });
    return couponInfo(code, definition, false);
  },
} satisfies SomeHandlers;
