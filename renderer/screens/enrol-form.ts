import { z } from 'zod';
import { consentPurposes, genders, limits, type ConsentChoices, type EnrolInput, type ErrorCode } from '../../contract';

export const cardModes = ['none', 'generate', 'scan'] as const;
export type CardMode = (typeof cardModes)[number];

// Messages are error codes so the form shows the same words the server's errors do.
const code = (c: ErrorCode) => ({ message: c });

/** Early feedback only: the server checks everything again and its answer counts. */
export const enrolSchema = z.object({
  name: z.string().trim().min(1, code('NAME_REQUIRED')).max(limits.nameMax, code('NAME_TOO_LONG')),
  phone: z.string().trim().min(1, code('PHONE_REQUIRED')),
  // The date picks give 'YYYY-MM-DD', '' or 'partial' (not every part picked yet).
  birthday: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, code('BIRTHDAY_INVALID')),
  gender: z.enum(genders),
  community: z.string(),
  interests: z.string(),
  referralCode: z.string(),
  consents: z.object({
    marketing_sms: z.boolean(),
    marketing_wechat: z.boolean(),
    marketing_email: z.boolean(),
    data_processing: z.boolean(),
  }) satisfies z.ZodType<ConsentChoices>,
  cardMode: z.enum(cardModes),
  cardNumber: z.string(),
});

export type EnrolFormValues = z.infer<typeof enrolSchema>;

export const enrolDefaults: EnrolFormValues = {
  name: '',
  phone: '',
  birthday: '',
  gender: 'unspecified',
  community: '',
  interests: '',
  referralCode: '',
  consents: Object.fromEntries(consentPurposes.map((p) => [p, false])) as ConsentChoices,
  cardMode: 'generate',
  cardNumber: '',
};

/** "烘焙, 亲子，瑜伽" → ["烘焙", "亲子", "瑜伽"]; full-width commas count, since Chinese keyboards type them. */
export function parseInterests(text: string): string[] {
  return text
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

export function toEnrolInput(values: EnrolFormValues): EnrolInput {
  return {
    name: values.name.trim(),
    phone: values.phone.trim(),
    birthday: orNull(values.birthday),
    gender: values.gender,
    community: orNull(values.community),
    interests: parseInterests(values.interests),
    referralCode: orNull(values.referralCode),
    consents: { ...values.consents },
    card:
      values.cardMode === 'none'
        ? null
        : values.cardMode === 'generate'
          ? { mode: 'generate' }
          : { mode: 'scan', number: values.cardNumber.trim() },
  };
}

/** The EnrolInput key a form path belongs to, which is also how the server names fields. */
export function enrolFieldOf(path: string): string {
  if (path.startsWith('consents')) return 'consents';
  if (path === 'cardMode' || path === 'cardNumber') return 'card';
  return path;
}
