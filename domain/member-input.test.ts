import { describe, expect, it } from 'vitest';
import type { EnrolInput } from '../contract';
import { validateEnrolment } from './member-input';

const today = new Date('2026-11-25T12:00:00Z');
const base: EnrolInput = {
  name: ' 王小明 ',
  phone: '13812345678',
  consents: { marketing_sms: true, marketing_wechat: false, marketing_email: false, data_processing: true },
};

function errorOf(input: Partial<EnrolInput>) {
  try {
    validateEnrolment({ ...base, ...input }, today);
  } catch (error) {
    return error as { code: string; field?: string };
  }
  return null;
}

describe('validateEnrolment', () => {
  it('cleans a valid enrolment', () => {
    const valid = validateEnrolment(
      { ...base, interests: [' 烘焙 ', '烘焙', '', 'yoga'], referralCode: 'ab-c12l' },
      today,
    );
    expect(valid).toMatchObject({
      name: '王小明',
      phone: { e164: '+8613812345678' },
      gender: 'unspecified',
      interests: ['烘焙', 'yoga'],
      referralCode: 'ABC121',
      card: null,
    });
  });

  it.each([
    [{ name: '' }, 'NAME_REQUIRED', 'name'],
    [{ name: '王'.repeat(41) }, 'NAME_TOO_LONG', 'name'],
    [{ name: '12345' }, 'NAME_INVALID', 'name'],
    [{ name: 'Ann\u0000a' }, 'NAME_INVALID', 'name'],
    [{ phone: '' }, 'PHONE_REQUIRED', 'phone'],
    [{ phone: '12345' }, 'PHONE_INVALID', 'phone'],
    [{ birthday: '2026-02-30' }, 'BIRTHDAY_INVALID', 'birthday'],
    [{ birthday: '2030-01-01' }, 'BIRTHDAY_INVALID', 'birthday'],
    [{ community: 'x'.repeat(61) }, 'COMMUNITY_TOO_LONG', 'community'],
    [{ interests: Array.from({ length: 11 }, (_, i) => `t${i}`) }, 'INTERESTS_INVALID', 'interests'],
    [{ referralCode: '??' }, 'REFERRAL_UNKNOWN', 'referralCode'],
    [{ consents: { ...base.consents, data_processing: false } }, 'CONSENT_REQUIRED', 'consents'],
    [{ card: { mode: 'scan' as const, number: 42 as unknown as string } }, 'CARD_INVALID', 'card'],
  ])('refuses %j with %s on %s', (input, code, field) => {
    expect(errorOf(input as Partial<EnrolInput>)).toMatchObject({ code, field });
  });
});
