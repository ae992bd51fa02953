// Referrals (issue 10, decision 0026): a friend who enrols with a member's code is linked to them;
// after the friend's first purchase both get points, once, in that sale's transaction, as ledger
// entries with their outbox events. A member's own code is refused wherever a code is given.
import { LinliError, type MyReferrals, type ReferralRewardRule } from '../../contract';
import { maskName } from '../../domain/mask';
import { normaliseReferralCode } from '../../domain/referral-code';
import type { SomeHandlers } from '../handler';
import { appendAdjustment } from '../loyalty/loyalty-accounts';
import type { Ports } from '../ports';
import { stampHlc } from '../members/member-clock';

export const referralRuleKey = 'referral.points';
/** The demo's (and a new terminal's) amounts until the brand sets its own. */
export const defaultReferralRule: ReferralRewardRule = { referrerPoints: 200, friendPoints: 200 };

export function referralRule(ports: Ports): ReferralRewardRule {
  const raw = ports.store.settings.get(referralRuleKey);
  if (!raw) return defaultReferralRule;
  try {
    const parsed = JSON.parse(raw) as Partial<ReferralRewardRule>;
    const points = (n: unknown, fallback: number) =>
      Number.isInteger(n) && (n as number) >= 0 ? (n as number) : fallback;
    return {
      referrerPoints: points(parsed.referrerPoints, defaultReferralRule.referrerPoints),
      friendPoints: points(parsed.friendPoints, defaultReferralRule.friendPoints),
    };
  } catch {
    return defaultReferralRule;
  }
}

/**
 * The member a referral code names, for a person identified by phone (counter or self-enrolment)
 * or by member id (a member naming who invited them). A code that is the person's own is refused
 * (REFERRAL_SELF), an unknown one REFERRAL_UNKNOWN. Every place a code is given calls this.
 */
export function referrerOfCode(ports: Ports, code: string, person: { phoneE164?: string; memberId?: string }): string {
  // As typed first (the demo's GOLD88 has letters the normalisation reads as digits), then normalised.
  const normalised = normaliseReferralCode(code);
  const referrerId =
    ports.store.members.idByReferralCode(code.trim().toUpperCase()) ??
    (normalised ? ports.store.members.idByReferralCode(normalised) : null);
  if (!referrerId) throw new LinliError('REFERRAL_UNKNOWN', undefined, 'referralCode');
  const referrer = ports.store.members.get(referrerId)!;
  const self =
    (person.memberId !== undefined && person.memberId === referrerId) ||
    (person.phoneE164 !== undefined && referrer.phone === person.phoneE164);
  if (self) throw new LinliError('REFERRAL_SELF', undefined, 'referralCode');
  return referrerId;
}

/**
 * Called inside checkout's transaction for a member's sale: when this is the member's first
 * purchase and someone referred them, both get the referral points, once ever (a refund and another
 * purchase never pay again: referral_rewards keeps the friend). Returns what was paid, or null.
 */
export function payReferralOnFirstPurchase(
  ports: Ports,
  sale: { id: string; memberId: string; storeId: string | null; staffId: string; at: string },
): ReferralRewardRule | null {
  const friend = ports.store.members.get(sale.memberId);
  if (!friend?.referredBy) return null;
  if (ports.store.referrals.rewardFor(friend.id)) return null;
  if (ports.store.referrals.boughtBefore(friend.id, sale.id)) return null;
  const referrer = ports.store.members.get(friend.referredBy);
  if (!referrer) return null;
  const rule = referralRule(ports);
  ports.store.referrals.recordReward({
    friendId: friend.id,
    referrerId: referrer.id,
    saleId: sale.id,
    referrerPoints: rule.referrerPoints,
    friendPoints: rule.friendPoints,
    at: sale.at,
  });
  for (const [memberId, points, reason] of [
    [referrer.id, rule.referrerPoints, 'referral'],
    [friend.id, rule.friendPoints, 'referral_welcome'],
  ] as const) {
    // One entry per friend and side: the ledger's unique index (kind, source) holds "once" too.
    if (points > 0)
      appendAdjustment(ports, {
        memberId,
        points,
        reason,
        sourceId: `${reason}:${friend.id}`,
        staffId: sale.staffId,
        at: sale.at,
      });
  }
  return rule;
}

export function myReferrals(ports: Ports, memberId: string): MyReferrals {
  const member = ports.store.members.get(memberId);
  if (!member) throw new LinliError('CUSTOMER_SESSION_ENDED');
  const friends = ports.store.referrals.friendsOf(memberId).map((f) => ({
    maskedName: maskName(f.name),
    enrolledAt: f.enrolledAt,
    rewarded: f.referrerPoints !== null,
    points: f.referrerPoints ?? 0,
  }));
  const referrer = member.referredBy ? ports.store.members.get(member.referredBy) : null;
  return {
    code: member.referralCode,
    qrPayload: member.referralCode,
    friends,
    pointsEarned: friends.reduce((sum, f) => sum + f.points, 0),
    rule: referralRule(ports),
    canNameReferrer: !member.referredBy && !ports.store.referrals.boughtBefore(memberId, ''),
    referredBy: referrer ? maskName(referrer.name) : null,
  };
}

function nameReferrer(ports: Ports, memberId: string, code: string): MyReferrals {
  const member = ports.store.members.get(memberId);
  if (!member) throw new LinliError('CUSTOMER_SESSION_ENDED');
  const referrerId = referrerOfCode(ports, code, { memberId });
  if (member.referredBy) throw new LinliError('REFERRAL_ALREADY_SET', undefined, 'referralCode');
  if (ports.store.referrals.boughtBefore(memberId, ''))
    throw new LinliError('REFERRAL_TOO_LATE', undefined, 'referralCode');
  const at = ports.clock.now().toISOString();
  ports.store.transaction(() => {
    if (!ports.store.referrals.setReferrer(memberId, referrerId))
      throw new LinliError('REFERRAL_ALREADY_SET', undefined, 'referralCode');
    ports.store.outbox.append({
      id: ports.ids.newId(),
      type: 'member.referrer_named',
      aggregateId: memberId,
      payload: { memberId, referredBy: referrerId, at, hlc: stampHlc(ports) },
      createdAt: at,
    });
  });
  return myReferrals(ports, memberId);
}

export const referralHandlers = {
  myReferrals: (_input, { ports, customer }) => myReferrals(ports, customer.memberId),
  nameReferrer: (input, { ports, customer }) => nameReferrer(ports, customer.memberId, input.code),
} satisfies SomeHandlers;
