// Every error a person can cause has a code here; the renderer translates `errors.<CODE>`.
export const errorCodes = [
  'NOT_LOGGED_IN',
  'FORBIDDEN',
  'STAFF_UNKNOWN',
  'PIN_FORMAT',
  'PIN_WRONG',
  'STAFF_LOCKED',
  'NAME_REQUIRED',
  'NAME_TOO_LONG',
  'NAME_INVALID',
  'PHONE_REQUIRED',
  'PHONE_INVALID',
  'PHONE_DUPLICATE',
  'BIRTHDAY_INVALID',
  'GENDER_INVALID',
  'COMMUNITY_TOO_LONG',
  'INTERESTS_INVALID',
  'REFERRAL_UNKNOWN',
  'CONSENT_REQUIRED',
  'CARD_INVALID',
  'CARD_IN_USE',
  'CARD_UNKNOWN',
  'CARD_BLOCKED',
  'CARD_NOT_ACTIVE',
  'MEMBER_UNKNOWN',
  'QUERY_EMPTY',
  'QUERY_TOO_LONG',
  'SCAN_INVALID',
  'SCAN_NOT_RECOGNISED',
  'INVALID_INPUT',
  'HOST_UNREACHABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** What crosses a process boundary: a code, interpolation values, and the form field it belongs to. */
export interface ApiErrorShape {
  code: ErrorCode;
  params?: Record<string, string | number>;
  field?: string;
}

export class LinliError extends Error implements ApiErrorShape {
  readonly code: ErrorCode;
  readonly params?: Record<string, string | number>;
  readonly field?: string;

  constructor(code: ErrorCode, params?: Record<string, string | number>, field?: string) {
    super(code);
    this.name = 'LinliError';
    this.code = code;
    if (params) this.params = params;
    if (field) this.field = field;
  }

  toShape(): ApiErrorShape {
    return {
      code: this.code,
      ...(this.params ? { params: this.params } : {}),
      ...(this.field ? { field: this.field } : {}),
    };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}
