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

export function requireMember(ports: Ports, memberId: string): MemberRow {
  const member = ports.store.members.get(memberId);
  if (!member) throw new LinliError('MEMBER_UNKNOWN');
  return member;
}
