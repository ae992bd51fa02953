import type { TFunction } from 'i18next';
import { LinliError, isErrorCode, limits, type ApiErrorShape, type ErrorCode } from '../contract';
import type { Messages } from './i18n/zh-CN';

/** Anything an API call or a scan can throw, reduced to what the banner shows. */
export function toErrorShape(error: unknown): ApiErrorShape {
  if (error instanceof LinliError) return error.toShape();
  if (error && typeof error === 'object' && 'code' in error && isErrorCode((error as { code: unknown }).code)) {
    const { code, params, field, issues } = error as ApiErrorShape;
    return { code, ...(params ? { params } : {}), ...(field ? { field } : {}), ...(issues ? { issues } : {}) };
  }
  return { code: 'INTERNAL' };
}

// Limits the server may not repeat in params but the messages mention.
const defaultParams: Partial<Record<ErrorCode, Record<string, string | number>>> = {
  PIN_FORMAT: { min: limits.pinMin, max: limits.pinMax },
  NAME_TOO_LONG: { max: limits.nameMax },
  COMMUNITY_TOO_LONG: { max: limits.communityMax },
  INTERESTS_INVALID: { max: limits.interestsMaxCount, maxLength: limits.interestMax },
  QUERY_TOO_LONG: { max: limits.queryMax },
  DEVICE_NAME_INVALID: { max: limits.deviceNameMax },
};

/** The codes that have an `errorFallbacks.*` message; the catalogue is the list. */
type FallbackCode = keyof Messages['errorFallbacks'];

// Messages that need a detail only the server knows; without it the plain wording is used.
// A Record over FallbackCode, so a fallback message without an entry here (or the reverse) fails tsc.
const needsParam: Record<FallbackCode, string> = {
  PIN_WRONG: 'remaining',
  STAFF_LOCKED: 'minutes',
  PHONE_DUPLICATE: 'name',
  CARD_IN_USE: 'name',
};

// The one place an ErrorCode narrows to a FallbackCode: a real run-time check, so no cast is needed.
function hasFallback(code: ErrorCode): code is FallbackCode {
  return Object.hasOwn(needsParam, code);
}

export function translateError(t: TFunction, shape: ApiErrorShape): string {
  const code: ErrorCode = isErrorCode(shape.code) ? shape.code : 'INTERNAL';
  const params = { ...defaultParams[code], ...shape.params };
  if (hasFallback(code)) {
    const needed = needsParam[code];
    if (params[needed] === undefined || params[needed] === '') return t(`errorFallbacks.${code}`);
  }
  return t(`errors.${code}`, params);
}
