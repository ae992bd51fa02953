import {
  LinliError,
  limits,
  type ConsentChoices,
  type ConsentSource,
  type EnrolInput,
  type EnrolResult,
  type MemberProfile,
  type MemberSummary,
  type SearchResult,
} from '../../contract';
import { changedConsents, consentRecords } from '../../domain/consent';
import { validateEnrolment, validateProfile } from '../../domain/member-input';
import { nameIndexText } from '../../domain/name-search';
import { phoneSuffix } from '../../domain/phone';
import { generateReferralCode } from '../../domain/referral-code';
import { classifyQuery } from '../../domain/search-query';
import type { MemberRow } from '../../db/repositories/members';
import { issueCard } from './cards';
import { stampHlc } from './member-clock';
import { requireMember, survivorRow, toProfile, toSummary } from './member-views';
import type { SomeHandlers } from '../handler';
import { referrerOfCode } from '../referrals/referrals';
import type { Ports } from '../ports';

/** Who enrols: the counter (a staff member) or the self-service terminal (the customer, no staff). */
export interface EnrolledBy {
  source: ConsentSource;
  staffId: string | null;
}

/**
 * The one enrolment use case: the counter's form and the self-service terminal's flow
 * (features/enrolment) both come here, so both get the same validation, referral check and outbox event.
 */
export const enrolment = {
  enrol(ports: Ports, input: EnrolInput, by: EnrolledBy): EnrolResult {
    const valid = validateEnrolment(input, ports.clock.now());
    // The code first: a member giving their own code is told so (REFERRAL_SELF), not "already a member".
    const referredBy = valid.referralCode
      ? referrerOfCode(ports, input.referralCode ?? valid.referralCode, { phoneE164: valid.phone.e164 })
      : null;
    const existing = ports.store.members.findByPhone(valid.phone.e164);
    if (existing) return { created: false, existing: toSummary(ports, survivorRow(ports, existing)) };

    const at = ports.clock.now().toISOString();
    const id = ports.ids.newId();
    const outcome = ports.store.transaction(() => {
      let referralCode: string;
      do referralCode = generateReferralCode(ports.ids.randomInt);
      while (ports.store.members.idByReferralCode(referralCode));
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
        storeId: ports.config.storeId(),
        enrolledBy: by.staffId,
        enrolledAt: at,
        updatedAt: at,
        profileHlc: stampHlc(ports),
      };
      // Another enrolment of the same phone may have won the race: then nothing is written.
      if (ports.store.members.insert(member) === 'duplicate') return 'duplicate' as const;
      const consents = consentRecords(valid.consents, { recordedAt: at, source: by.source, staffId: by.staffId });
      for (const consent of consents) ports.store.consents.insert(ports.ids.newId(), id, consent);
      const { nameTokens: _t, phoneLast4: _s, profileHlc: hlc, ...payload } = member;
      ports.store.outbox.append({
        id: ports.ids.newId(),
        type: 'member.enrolled',
        aggregateId: id,
        payload: { ...payload, consents, hlc },
        createdAt: at,
      });
      // A card is handed over by staff: the self-service terminal enrols without one (collected at the counter).
      if (valid.card) {
        if (!by.staffId) throw new LinliError('FORBIDDEN', undefined, 'card');
        issueCard(ports, id, valid.card, by.staffId, at);
      }
      return 'created' as const;
    });
    if (outcome === 'duplicate')
      return {
        created: false,
        existing: toSummary(ports, survivorRow(ports, ports.store.members.findByPhone(valid.phone.e164)!)),
      };
    return { created: true, member: toProfile(ports, ports.store.members.get(id)!) };
  },
};

export const memberHandlers = {
  enrolMember: (input, { ports, staff }) => enrolment.enrol(ports, input, { source: 'counter', staffId: staff.id }),

  searchMembers(input, { ports }): SearchResult {
    const query = classifyQuery(input.query);
    const limit = limits.searchResultsMax;
    let rows: MemberRow[];
    switch (query.by) {
      case 'card': {
        const card = ports.store.cards.get(query.number);
        if (card?.status === 'blocked') throw new LinliError('CARD_BLOCKED', undefined, 'query');
        const member = card ? ports.store.members.get(card.memberId) : null;
        rows = member ? [member] : [];
        break;
      }
      case 'phone': {
        const member = ports.store.members.findByPhone(query.e164);
        rows = member ? [member] : [];
        break;
      }
      case 'phoneSuffix':
        rows = ports.store.members.findByPhoneSuffix(query.suffix, limit);
        break;
      case 'name':
        rows = ports.store.members.findByName(query.match, limit);
        break;
    }
    // A merged member is shown as its survivor, once.
    const found = new Map<string, MemberSummary>();
    for (const row of rows.map((r) => survivorRow(ports, r))) found.set(row.id, toSummary(ports, row));
    return { by: query.by, members: [...found.values()] };
  },

  getMember: (input, { ports }) => toProfile(ports, requireMember(ports, input.memberId)),

  updateConsents(input, { ports, staff }): MemberProfile {
    const member = requireMember(ports, input.memberId);
    const current = Object.fromEntries(
      toProfile(ports, member).consents.map((c) => [c.purpose, c.granted]),
    ) as Partial<ConsentChoices>;
    const changed = changedConsents(current, input.consents ?? {});
    if (changed.data_processing === false)
      throw new LinliError('CONSENT_REQUIRED', { purpose: 'data_processing' }, 'consents');
    const at = ports.clock.now().toISOString();
    const records = consentRecords(changed, { recordedAt: at, source: 'counter', staffId: staff.id });
    if (records.length) {
      ports.store.transaction(() => {
        for (const record of records) ports.store.consents.insert(ports.ids.newId(), member.id, record);
        ports.store.outbox.append({
          id: ports.ids.newId(),
          type: 'member.consents_changed',
          aggregateId: member.id,
          payload: { memberId: member.id, records, hlc: stampHlc(ports) },
          createdAt: at,
        });
      });
    }
    return toProfile(ports, member);
  },

  updateMemberProfile(input, { ports }): MemberProfile {
    const member = requireMember(ports, input.memberId);
    const valid = validateProfile(input, ports.clock.now());
    const at = ports.clock.now().toISOString();
    ports.store.transaction(() => {
      const hlc = stampHlc(ports);
      ports.store.members.updateProfile(member.id, {
        ...valid,
        nameTokens: nameIndexText(valid.name),
        updatedAt: at,
        profileHlc: hlc,
      });
      ports.store.outbox.append({
        id: ports.ids.newId(),
        type: 'member.profile_changed',
        aggregateId: member.id,
        payload: { memberId: member.id, ...valid, at, hlc },
        createdAt: at,
      });
    });
    return toProfile(ports, requireMember(ports, member.id));
  },
} satisfies SomeHandlers;
