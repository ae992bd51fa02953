import { LinliError, type CardAssignment, type CardBlockReason, type MemberProfile } from '../../contract';
import { generateCardNumber, isValidCardNumber } from '../../domain/card-number';
import { validateCardAssignment } from '../../domain/member-input';
import type { Ports } from '../ports';
import { requireMember, toProfile } from './member-views';
import type { SomeHandlers } from '../handler';

/** Gives a member a card; call inside a transaction. Returns the card number. */
export function issueCard(
  ports: Ports,
  memberId: string,
  assignment: CardAssignment,
  staffId: string,
  at: string,
): string {
  let number: string;
  if (assignment.mode === 'scan') {
    number = assignment.number;
    if (!isValidCardNumber(number)) throw new LinliError('CARD_INVALID', undefined, 'card');
    const existing = ports.store.cards.get(number);
    // A blocked card stays blocked forever: a found lost card must not come back under another name.
    if (existing) throw new LinliError('CARD_IN_USE', undefined, 'card');
  } else {
    do number = generateCardNumber(() => ports.ids.randomInt(10));
    while (ports.store.cards.get(number));
  }
  ports.store.cards.insert(number, memberId, at, staffId);
  ports.store.outbox.append({
    id: ports.ids.newId(),
    type: 'member.card_issued',
    aggregateId: memberId,
    payload: { memberId, number, at, staffId },
    createdAt: at,
  });
  return number;
}

function blockActiveCard(
  ports: Ports,
  memberId: string,
  number: string,
  reason: CardBlockReason,
  staffId: string,
  at: string,
): void {
  const card = ports.store.cards.get(number);
  if (!card || card.memberId !== memberId) throw new LinliError('CARD_UNKNOWN');
  if (!ports.store.cards.block(number, at, reason, staffId)) throw new LinliError('CARD_NOT_ACTIVE');
  ports.store.outbox.append({
    id: ports.ids.newId(),
    type: 'member.card_blocked',
    aggregateId: memberId,
    payload: { memberId, number, reason, at, staffId },
    createdAt: at,
  });
}

function assignment(card: CardAssignment): CardAssignment {
  const valid = validateCardAssignment(card);
  if (!valid) throw new LinliError('CARD_INVALID', undefined, 'card');
  return valid;
}

export const cardHandlers = {
  assignCard(input, { ports, staff }): MemberProfile {
    const member = requireMember(ports, input.memberId);
    const card = assignment(input.card);
    const at = ports.clock.now().toISOString();
    ports.store.transaction(() => issueCard(ports, member.id, card, staff.id, at));
    return toProfile(ports, requireMember(ports, member.id));
  },
  blockCard(input, { ports, staff }): MemberProfile {
    const member = requireMember(ports, input.memberId);
    const at = ports.clock.now().toISOString();
    ports.store.transaction(() => blockActiveCard(ports, member.id, input.number, input.reason, staff.id, at));
    return toProfile(ports, requireMember(ports, member.id));
  },
  /** Lost card: block the old one and issue the new one together, or neither. */
  replaceCard(input, { ports, staff }): MemberProfile {
    const member = requireMember(ports, input.memberId);
    const card = assignment(input.card);
    const at = ports.clock.now().toISOString();
    ports.store.transaction(() => {
      blockActiveCard(ports, member.id, input.number, input.reason, staff.id, at);
      issueCard(ports, member.id, card, staff.id, at);
    });
    return toProfile(ports, requireMember(ports, member.id));
  },
} satisfies SomeHandlers;
