import { LinliError, cardBlockReasons, type CardAssignment, type CardBlockReason, type MemberProfile } from '../../contract';
import { generateCardNumber, isValidCardNumber } from '../../domain/card-number';
import { validateCardAssignment } from '../../domain/member-input';
import type { ServiceContext } from '../context';
import { requireMember, toProfile } from './member-views';
import { requireStaff } from '../staff/staff-session';

/** Gives a member a card; call inside a transaction. Returns the card number. */
export function issueCard(ctx: ServiceContext, memberId: string, assignment: CardAssignment, staffId: string, at: string): string {
  let number: string;
  if (assignment.mode === 'scan') {
    number = assignment.number;
    if (!isValidCardNumber(number)) throw new LinliError('CARD_INVALID', undefined, 'card');
    const existing = ctx.repos.cards.get(number);
    // A blocked card stays blocked forever: a found lost card must not come back under another name.
    if (existing) throw new LinliError('CARD_IN_USE', undefined, 'card');
  } else {
    do number = generateCardNumber(() => ctx.randomInt(10));
    while (ctx.repos.cards.get(number));
  }
  ctx.repos.cards.insert(number, memberId, at, staffId);
  ctx.repos.outbox.append({ id: ctx.newId(), type: 'member.card_issued', aggregateId: memberId, payload: { memberId, number, at, staffId }, createdAt: at });
  return number;
}

function blockActiveCard(ctx: ServiceContext, memberId: string, number: unknown, reason: unknown, staffId: string, at: string): void {
  if (typeof number !== 'string') throw new LinliError('CARD_UNKNOWN');
  if (!cardBlockReasons.includes(reason as CardBlockReason)) throw new LinliError('INVALID_INPUT', undefined, 'reason');
  const card = ctx.repos.cards.get(number);
  if (!card || card.memberId !== memberId) throw new LinliError('CARD_UNKNOWN');
  if (!ctx.repos.cards.block(number, at, reason as CardBlockReason, staffId)) throw new LinliError('CARD_NOT_ACTIVE');
  ctx.repos.outbox.append({ id: ctx.newId(), type: 'member.card_blocked', aggregateId: memberId, payload: { memberId, number, reason, at, staffId }, createdAt: at });
}

export function assignCard(ctx: ServiceContext, input: { memberId: string; card: CardAssignment }): MemberProfile {
  const staff = requireStaff(ctx);
  const member = requireMember(ctx, input?.memberId);
  const assignment = validateCardAssignment(input.card);
  if (!assignment) throw new LinliError('CARD_INVALID', undefined, 'card');
  const at = ctx.now().toISOString();
  ctx.repos.transaction(() => issueCard(ctx, member.id, assignment, staff.id, at));
  return toProfile(ctx, requireMember(ctx, member.id));
}

export function blockCard(ctx: ServiceContext, input: { memberId: string; number: string; reason: CardBlockReason }): MemberProfile {
  const staff = requireStaff(ctx);
  const member = requireMember(ctx, input?.memberId);
  const at = ctx.now().toISOString();
  ctx.repos.transaction(() => blockActiveCard(ctx, member.id, input.number, input.reason, staff.id, at));
  return toProfile(ctx, requireMember(ctx, member.id));
}

/** Lost card: block the old one and issue the new one together, or neither. */
export function replaceCard(
  ctx: ServiceContext,
  input: { memberId: string; number: string; reason: CardBlockReason; card: CardAssignment },
): MemberProfile {
  const staff = requireStaff(ctx);
  const member = requireMember(ctx, input?.memberId);
  const assignment = validateCardAssignment(input.card);
  if (!assignment) throw new LinliError('CARD_INVALID', undefined, 'card');
  const at = ctx.now().toISOString();
  ctx.repos.transaction(() => {
    blockActiveCard(ctx, member.id, input.number, input.reason, staff.id, at);
    issueCard(ctx, member.id, assignment, staff.id, at);
  });
  return toProfile(ctx, requireMember(ctx, member.id));
}
