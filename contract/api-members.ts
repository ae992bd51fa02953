// Staff sessions, members, cards, consents and scans: every method of the area, declared once.
import { z } from 'zod';
import { limits } from './limits';
import { methodsOf } from './method';
import { fail, id, noInput, oneOf, text } from './schema-kit';
import {
  cardBlockReasons,
  consentPurposes,
  genders,
  scanSources,
  type AppInfo,
  type EnrolResult,
  type MemberProfile,
  type ScanOutcome,
  type SearchResult,
  type SessionInfo,
  type StaffSummary,
} from './types';

const m = methodsOf('members');

const memberId = id('MEMBER_UNKNOWN');
/** A staff PIN as typed: digits and length are checked by the use case (PIN_FORMAT with the limits). */
export const staffPin = text('PIN_FORMAT', {
  max: 64,
  field: 'pin',
  params: { min: limits.pinMin, max: limits.pinMax },
});

/** How the counter gives a member a card: scan a pre-printed one, or let Linli make a number. */
export const cardAssignment = z.discriminatedUnion(
  'mode',
  [
    z.object({ mode: z.literal('scan'), number: text('CARD_INVALID', { max: 64, field: 'card' }) }),
    z.object({ mode: z.literal('generate') }),
  ],
  fail('CARD_INVALID', { field: 'card' }),
);
export type CardAssignment = z.infer<typeof cardAssignment>;

const consentChoice = z.boolean(fail('CONSENT_REQUIRED', { field: 'consents' }));
/** Consent choices as sent: a purpose left out counts as not granted. */
const consentChoices = z.partialRecord(
  z.enum(consentPurposes, fail('INVALID_INPUT', { field: 'consents' })),
  consentChoice,
  fail('CONSENT_REQUIRED', { field: 'consents' }),
);

/** First start without demo data: the shop names itself and its first manager. */
export const terminalSetupInput = z.object({
  storeName: text('STORE_NAME_INVALID', { max: 200, params: { max: limits.communityMax } }),
  storeCode: text('STORE_CODE_INVALID', { max: 64 }),
  managerName: text('NAME_REQUIRED', { max: 400, tooLong: 'NAME_TOO_LONG', field: 'managerName' }),
  pin: staffPin,
});
export type TerminalSetupInput = z.infer<typeof terminalSetupInput>;

// Lengths here are generous caps on what is sent; the exact rules (after trimming and Unicode
// normalisation) are the domain's (domain/member-input.ts), which name the same fields.
export const enrolInput = z.object({
  name: text('NAME_REQUIRED', { max: 400, tooLong: 'NAME_TOO_LONG', params: { max: limits.nameMax } }),
  phone: text('PHONE_INVALID', { max: 40, missing: 'PHONE_REQUIRED' }),
  birthday: text('BIRTHDAY_INVALID', { max: 10 }).nullish(),
  gender: oneOf(genders, 'GENDER_INVALID').optional(),
  community: text('COMMUNITY_TOO_LONG', { max: 400, params: { max: limits.communityMax } }).nullish(),
  interests: z
    .array(text('INTERESTS_INVALID', { max: 200 }), fail('INTERESTS_INVALID'))
    .max(100, fail('INTERESTS_INVALID'))
    .nullish(),
  referralCode: text('REFERRAL_UNKNOWN', { max: 64 }).nullish(),
  consents: consentChoices.optional(),
  card: cardAssignment.nullish(),
});
export type EnrolInput = z.input<typeof enrolInput>;

/** The profile fields a counter may correct after enrolment: the enrolment's own rules. */
export const memberProfileInput = z.object({
  memberId: id('MEMBER_UNKNOWN'),
  ...enrolInput.pick({ name: true, birthday: true, gender: true, community: true, interests: true }).shape,
});
export type MemberProfileInput = z.input<typeof memberProfileInput>;

export const scanInput = z.object({
  text: text('SCAN_INVALID', { max: 4096, malformed: 'SCAN_INVALID' }),
  source: oneOf(scanSources, 'SCAN_INVALID').default('wedge'),
  symbology: text('SCAN_INVALID', { max: 64 }).optional(),
});
export type ScanInput = z.input<typeof scanInput>;

const cardBlock = {
  memberId,
  number: text('CARD_UNKNOWN', { max: 64 }),
  reason: oneOf(cardBlockReasons, 'INVALID_INPUT', 'reason'),
};

export const memberMethods = {
  getAppInfo: m.anyone(noInput).returns<AppInfo>(),
  getSession: m.anyone(noInput).returns<SessionInfo>(),
  listStaff: m.anyone(noInput).returns<StaffSummary[]>(),
  login: m.anyone(z.object({ staffId: id('STAFF_UNKNOWN'), pin: staffPin })).returns<SessionInfo>(),
  /** Only while the terminal has no store: creates it and its first manager, who is then logged in. */
  setupTerminal: m.anyone(terminalSetupInput).returns<SessionInfo>(),
  logout: m.anyone(noInput).returns<SessionInfo>(),
  enrolMember: m.staff(enrolInput).returns<EnrolResult>(),
  searchMembers: m
    .staff(
      z.object({
        query: text('QUERY_EMPTY', { field: 'query', tooLong: 'QUERY_TOO_LONG', params: { max: limits.queryMax } }),
      }),
    )
    .returns<SearchResult>(),
  getMember: m.staff(z.object({ memberId })).returns<MemberProfile>(),
  assignCard: m.staff(z.object({ memberId, card: cardAssignment })).returns<MemberProfile>(),
  blockCard: m.staff(z.object(cardBlock)).returns<MemberProfile>(),
  /** Lost card: blocks the old one and issues the new one together, or neither. */
  replaceCard: m.staff(z.object({ ...cardBlock, card: cardAssignment })).returns<MemberProfile>(),
  updateConsents: m.staff(z.object({ memberId, consents: consentChoices })).returns<MemberProfile>(),
  /** Corrects name, birthday, gender, community or interests; the newest edit (by HLC) wins everywhere. */
  updateMemberProfile: m.staff(memberProfileInput).returns<MemberProfile>(),
  /**
   * Open to anyone on purpose: a scan refused because nobody is logged in is still announced to
   * every screen (the `scan` event), so the use case checks the session itself.
   */
  handleScan: m.anyone(scanInput).returns<ScanOutcome>(),
};
