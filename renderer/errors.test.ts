import { describe, expect, it } from 'vitest';
import { limits, type ApiErrorShape } from '../contract';
import { translateError } from './errors';
import { createI18n } from './i18n';
import { en } from './i18n/en';

describe('translateError', () => {
  const { t } = createI18n('en');

  it('uses the full message when the server sent the detail it needs', () => {
    expect(translateError(t, { code: 'PIN_WRONG', params: { remaining: 2 } })).toBe(
      t('errors.PIN_WRONG', { remaining: 2 }),
    );
    expect(translateError(t, { code: 'PIN_WRONG', params: { remaining: 2 } })).toContain('2');
  });

  it('falls back to the plain wording when that detail is missing or empty', () => {
    expect(translateError(t, { code: 'PIN_WRONG' })).toBe(en.errorFallbacks.PIN_WRONG);
    expect(translateError(t, { code: 'PHONE_DUPLICATE', params: { name: '' } })).toBe(
      en.errorFallbacks.PHONE_DUPLICATE,
    );
  });

  it('fills in limits the server did not repeat', () => {
    expect(translateError(t, { code: 'PIN_FORMAT' })).toContain(String(limits.pinMax));
  });

  it('shows INTERNAL for a code it does not know', () => {
    expect(translateError(t, { code: 'NO_SUCH_CODE' } as unknown as ApiErrorShape)).toBe(en.errors.INTERNAL);
  });
});
