import { LinliError, limits, type ConsentChoices, type EnrolInput, type EnrolResult, type MemberProfile, type SearchResult } from '../../contract';
import { changedConsents, consentRecords } from '../../domain/consent';
import { validateEnrolment } from '../../domain/member-input';
import { nameIndexText } from '../../domain/name-search';
import { phoneSuffix } from '../../domain/phone';
import { generateReferralCode } from '../../domain/referral-code';
import { classifyQuery } from '../../domain/search-query';
import type { MemberRow } from '../../db/repositories/members';
import { issueCard } from './cards';
import type { ServiceContext } from '../context';
import { requireMember, toProfile, toSummary } from './member-views';
import { requireStaff } from '../staff/staff-session';

function isUniqueViolation(error: unknown, column: string): boolean {
  return error instanceof Error && /UNIQUE constraint failed/.test(error.message) && error.message.includes(column);
}

export function enrolMember(ctx: ServiceContext, input: EnrolInput): EnrolResult {
  const staff = requireStaff(ctx);
  const valid = validateEnrolment(input, ctx.now());
  const existing = ctx.repos.members.findByPhone(valid.phone.e164);
  if (existing) return { created: false, existing: toSummary(ctx, existing) };
  const referredBy = valid.referralCode ? ctx.repos.members.idByReferralCode(valid.referralCode) : null;
  if (valid.referralCode && !referredBy) throw new LinliError('REFERRAL_UNKNOWN', undefined, 'referralCode');

  const at = ctx.now().toISOString();
  const id = ctx.newId();
  try {
    ctx.repos.transaction(() => {
      let referralCode: string;
      do referralCode = generateReferralCode(ctx.randomInt);
      while (ctx.repos.members.idByReferralCode(referralCode));
      const member = {
        id,
        name: valid.name,
        phone: valid.phone.e164,
        phoneNational: valid.phone.national,
        phoneLast4: phoneSuffix(valid.phone.e164),
        nameTokens: nameIndexText(valid.name),
        birthday: valid.birthday,
        gender: valid.gender,
        community: valid.community,
        interests: valid.interests,
        referralCode,
        referredBy,
        storeId: ctx.storeId(),
        enrolledBy: staff.id,
        enrolledAt: at,
        updatedAt: at,
      };
      ctx.repos.members.insert(member);
      const consents = consentRecords(valid.consents, { recordedAt: at, source: 'counter', staffId: staff.id });
      for (const consent of consents) ctx.repos.consents.insert(ctx.newId(), id, consent);
      const { nameTokens: _t, phoneLast4: _s, ...payload } = member;
      ctx.repos.outbox.append({ id: ctx.newId(), type: 'member.enrolled', aggregateId: id, payload: { ...payload, consents }, createdAt: at });
      if (valid.card) issueCard(ctx, id, valid.card, staff.id, at);
    });
  } catch (error) {
    // Another enrolment of the same phone won the race: show that member, as for any duplicate.
    if (isUniqueViolation(error, 'members.phone_e164')) {
      const winner = ctx.repos.members.findByPhone(valid.phone.e164);
      if (winner) return { created: false, existing: toSummary(ctx, winner) };
    }
    throw error;
  }
  return { created: true, member: toProfile(ctx, ctx.repos.members.get(id)!) };
}

export function searchMembers(ctx: ServiceContext, input: { query: string }): SearchResult {
  requireStaff(ctx);
  const query = classifyQuery(input?.query);
  const limit = limits.searchResultsMax;
  let rows: MemberRow[];
  switch (query.by) {
    case 'card': {
      const card = ctx.repos.cards.get(query.number);
      if (card?.status === 'blocked') throw new LinliError('CARD_BLOCKED', undefined, 'query');
      const member = card ? ctx.repos.members.get(card.memberId) : null;
      rows = member ? [member] : [];
      break;
    }
    case 'phone': {
      const member = ctx.repos.members.findByPhone(query.e164);
      rows = member ? [member] : [];
      break;
    }
    case 'phoneSuffix':
      rows = ctx.repos.members.findByPhoneSuffix(query.suffix, limit);
      break;
    case 'name':
      rows = ctx.repos.members.findByName(query.match, limit);
      break;
  }
  return { by: query.by, members: rows.map((row) => toSummary(ctx, row)) };
}

export function getMember(ctx: ServiceContext, input: { memberId: string }): MemberProfile {
  requireStaff(ctx);
  return toProfile(ctx, requireMember(ctx, input?.memberId));
}

export function updateConsents(ctx: ServiceContext, input: { memberId: string; consents: Partial<ConsentChoices> }): MemberProfile {
  const staff = requireStaff(ctx);
  const member = requireMember(ctx, input?.memberId);
  const current = Object.fromEntries(toProfile(ctx, member).consents.map((c) => [c.purpose, c.granted])) as Partial<ConsentChoices>;
  const changed = changedConsents(current, input.consents ?? {});
  if (changed.data_processing === false) throw new LinliError('CONSENT_REQUIRED', { purpose: 'data_processing' }, 'consents');
  const at = ctx.now().toISOString();
  const records = consentRecords(changed, { recordedAt: at, source: 'counter', staffId: staff.id });
  if (records.length) {
    ctx.repos.transaction(() => {
      for (const record of records) ctx.repos.consents.insert(ctx.newId(), member.id, record);
      ctx.repos.outbox.append({ id: ctx.newId(), type: 'member.consents_changed', aggregateId: member.id, payload: { memberId: member.id, records }, createdAt: at });
    });
  }
  return toProfile(ctx, member);
}
