import { LinliError, type MemberProfile, type MemberSummary } from '../../contract';
import { currentConsents } from '../../domain/consent';
import type { MemberRow } from '../../db/repositories/members';
import type { ServiceContext } from '../context';

export function toSummary(ctx: ServiceContext, row: MemberRow): MemberSummary {
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

export function toProfile(ctx: ServiceContext, row: MemberRow): MemberProfile {
  const referrer = row.referredBy ? ctx.repos.members.get(row.referredBy) : null;
  const store = row.storeId ? ctx.repos.stores.get(row.storeId) : null;
  const enrolledBy = row.enrolledBy ? ctx.repos.staff.get(row.enrolledBy) : null;
  return {
    ...toSummary(ctx, row),
    birthday: row.birthday,
    gender: row.gender,
    interests: row.interests,
    referralCode: row.referralCode,
    referredBy: referrer ? toSummary(ctx, referrer) : null,
    consents: currentConsents(ctx.repos.consents.history(row.id)),
    cards: ctx.repos.cards.ofMember(row.id).map(({ memberId: _m, ...card }) => card),
    enrolledStore: store?.name ?? null,
    enrolledBy: enrolledBy?.name ?? null,
  };
}

export function requireMember(ctx: ServiceContext, memberId: unknown): MemberRow {
  const member = typeof memberId === 'string' ? ctx.repos.members.get(memberId) : null;
  if (!member) throw new LinliError('MEMBER_UNKNOWN');
  return member;
}
