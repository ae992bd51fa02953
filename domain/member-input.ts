import {
  LinliError,
  consentPurposes,
  genders,
  limits,
  type CardAssignment,
  type ConsentChoices,
  type EnrolInput,
  type Gender,
} from '../contract';
import { missingRequiredConsent } from './consent';
import { normaliseCardNumber } from './card-number';
import { normalisePhone } from './phone';
import { normaliseReferralCode } from './referral-code';

export interface ValidEnrolment {
  name: string;
  phone: { e164: string; national: string };
  birthday: string | null;
  gender: Gender;
  community: string | null;
  interests: string[];
  referralCode: string | null;
  consents: ConsentChoices;
  card: CardAssignment | null;
}

const controlChars = /[\p{Cc}\p{Cf}]/u;

function cleanText(value: unknown): string {
  return typeof value === 'string' ? value.normalize('NFC').replace(/\s+/g, ' ').trim() : '';
}

const length = (s: string) => [...s].length;

/** A person's name (members, staff): `field` says which form field an error belongs to. */
export function validateName(value: unknown, field = 'name'): string {
  if (typeof value === 'string' && controlChars.test(value.replace(/[\t\n\r]/g, ' '))) {
    throw new LinliError('NAME_INVALID', undefined, field);
  }
  const name = cleanText(value);
  if (!name) throw new LinliError('NAME_REQUIRED', undefined, field);
  if (length(name) > limits.nameMax) throw new LinliError('NAME_TOO_LONG', { max: limits.nameMax }, field);
  if (!/\p{L}/u.test(name)) throw new LinliError('NAME_INVALID', undefined, field);
  return name;
}

export function validatePhone(value: unknown): { e164: string; national: string } {
  const result = normalisePhone(typeof value === 'string' ? value : '');
  if (result.ok) return { e164: result.e164, national: result.national };
  throw new LinliError(result.reason === 'empty' ? 'PHONE_REQUIRED' : 'PHONE_INVALID', undefined, 'phone');
}

/** A real calendar date, not in the future, after 1900. */
export function validateBirthday(value: unknown, today: Date): string | null {
  if (value === undefined || value === null || value === '') return null;
  const invalid = new LinliError('BIRTHDAY_INVALID', undefined, 'birthday');
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw invalid;
  const date = new Date(`${value}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) throw invalid;
  if (date.getUTCFullYear() < 1900 || value > today.toISOString().slice(0, 10)) throw invalid;
  return value;
}

function validateInterests(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const invalid = new LinliError(
    'INTERESTS_INVALID',
    { max: limits.interestsMaxCount, maxLength: limits.interestMax },
    'interests',
  );
  if (!Array.isArray(value)) throw invalid;
  const tags = [...new Set(value.map(cleanText).filter(Boolean))];
  if (tags.length > limits.interestsMaxCount || tags.some((t) => length(t) > limits.interestMax)) throw invalid;
  return tags;
}

function validateConsents(value: unknown): ConsentChoices {
  const source = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const choices = Object.fromEntries(consentPurposes.map((p) => [p, source[p] === true])) as ConsentChoices;
  const missing = missingRequiredConsent(choices);
  if (missing) throw new LinliError('CONSENT_REQUIRED', { purpose: missing }, 'consents');
  return choices;
}

export function validateCardAssignment(value: unknown): CardAssignment | null {
  if (value === undefined || value === null) return null;
  const card = value as Partial<{ mode: string; number: unknown }>;
  if (card.mode === 'generate') return { mode: 'generate' };
  if (card.mode === 'scan' && typeof card.number === 'string')
    return { mode: 'scan', number: normaliseCardNumber(card.number) };
  throw new LinliError('CARD_INVALID', undefined, 'card');
}

/** The profile fields of a member (at enrolment, or corrected later), cleaned; first problem thrown. */
export type ValidProfile = Pick<ValidEnrolment, 'name' | 'birthday' | 'gender' | 'community' | 'interests'>;

export function validateProfile(
  input: Pick<EnrolInput, 'name' | 'birthday' | 'gender' | 'community' | 'interests'>,
  today: Date,
): ValidProfile {
  if (!input || typeof input !== 'object') throw new LinliError('INVALID_INPUT');
  const name = validateName(input.name);
  const birthday = validateBirthday(input.birthday, today);
  const gender = input.gender ?? 'unspecified';
  if (!genders.includes(gender)) throw new LinliError('GENDER_INVALID', undefined, 'gender');
  const community = cleanText(input.community) || null;
  if (community && length(community) > limits.communityMax) {
    throw new LinliError('COMMUNITY_TOO_LONG', { max: limits.communityMax }, 'community');
  }
  const interests = validateInterests(input.interests);
  return { name, birthday, gender, community, interests };
}

/** Checks and cleans an enrolment; the first problem found is thrown with the field it belongs to. */
export function validateEnrolment(input: EnrolInput, today: Date): ValidEnrolment {
  if (!input || typeof input !== 'object') throw new LinliError('INVALID_INPUT');
  // Name first, then phone, then the rest: the order the form shows them in.
  const name = validateName(input.name);
  const phone = validatePhone(input.phone);
  const { birthday, gender, community, interests } = validateProfile({ ...input, name }, today);
  const referralCode = input.referralCode ? normaliseReferralCode(input.referralCode) : null;
  if (input.referralCode && !referralCode) throw new LinliError('REFERRAL_UNKNOWN', undefined, 'referralCode');
  const consents = validateConsents(input.consents);
  const card = validateCardAssignment(input.card);
  return { name, phone, birthday, gender, community, interests, referralCode, consents, card };
}
