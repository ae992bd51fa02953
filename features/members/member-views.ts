import { LinliError, type MemberProfile, type MemberSummary } from '../../contract';
import { currentConsents } from '../../domain/consent';
import type { MemberRow } from '../../db/repositories/members';
import type { Ports } from '../ports';

export function toSummary(ports: Ports, row: MemberRow): MemberSummary {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    phoneDisplay: row.phoneNational,
    community: row.community,
    enrolledAt: row.enrolledAt,
    activeCard: row.activeCard,
  };
}

export function toProfile(ports: Ports, row: MemberRow): MemberProfile {
  const referrer = row.referredBy ? ports.store.members.get(row.referredBy) : null;
  const store = row.storeId ? ports.store.stores.get(row.storeId) : null;
  const enrolledBy = row.enrolledBy ? ports.store.staff.get(row.enrolledBy) : null;
  return {
    ...toSummary(ports, row),
    birthday: row.birthday,
    gender: row.gender,
    interests: row.interests,
    referralCode: row.referralCode,
    referredBy: referrer ? toSummary(ports, referrer) : null,
    consents: currentConsents(ports.store.consents.history(row.id)),
    cards: ports.store.cards.ofMember(row.id).map(({ memberId: _m, ...card }) => card),
    enrolledStore: store?.name ?? null,
    enrolledBy: enrolledBy?.name ?? null,
  };
}

/** The member a row leads to: itself, or the survivor it was merged into (a chain is followed, to a limit). */
export function survivorRow(ports: Ports, row: MemberRow): MemberRow {
  let current = row;
  for (let hops = 0; current.mergedInto && hops < 32; hops++) {
    const next = ports.store.members.get(current.mergedInto);
    if (!next) break;
    current = next;
  }
  return current;
}

/** The member with this id, or the survivor it was merged into: a merged member's id still works. */
export function requireMember(ports: Ports, memberId: string): MemberRow {
  const member = ports.store.members.get(memberId);
  if (!member) throw new LinliError('MEMBER_UNKNOWN');
  return survivorRow(ports, member);
}
