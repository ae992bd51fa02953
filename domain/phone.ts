import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type PhoneResult =
  | { ok: true; e164: string; national: string; country: string | null }
  | { ok: false; reason: 'empty' | 'invalid' | 'not_mobile' };

// Counter staff type numbers the way customers say them: with spaces, dashes, a leading 0086 or +86.
const allowedChars = /^[+\d\s\-().]*$/;

/**
 * Normalises a phone number to E.164. Numbers without a country code are read as Chinese.
 * Chinese numbers must be mobiles (they are used for SMS and self-enrolment); other countries
 * accept any valid number because we cannot tell mobile from landline everywhere.
 */
export function normalisePhone(input: string, defaultCountry: CountryCode = 'CN'): PhoneResult {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if (!allowedChars.test(trimmed) || trimmed.length > 32) return { ok: false, reason: 'invalid' };
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry);
  if (!parsed || !parsed.isValid()) return { ok: false, reason: 'invalid' };
  if (parsed.country === 'CN') {
    const type = parsed.getType();
    if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return { ok: false, reason: 'not_mobile' };
  }
  return {
    ok: true,
    e164: parsed.number,
    national: parsed.country === defaultCountry ? parsed.formatNational() : parsed.formatInternational(),
    country: parsed.country ?? null,
  };
}

/** The last four digits, which customers give at the counter instead of the whole number. */
export function phoneSuffix(e164: string): string {
  return e164.replace(/\D/g, '').slice(-4);
}

/** Self-service screens show 138****5678 instead of the whole number. */
export function maskPhone(national: string): string {
  const digits = national.replace(/\D/g, '');
  if (digits.length <= 7) return digits.replace(/\d(?=\d{2})/g, '*');
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}
