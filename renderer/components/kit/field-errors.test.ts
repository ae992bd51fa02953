import { describe, expect, it } from 'vitest';
import { fieldErrorsOf, isFormLevel } from './field-errors';

describe('fieldErrorsOf', () => {
  it('lists every wrong field of a refused form, the first problem of each', () => {
    const byField = fieldErrorsOf({
      code: 'NAME_REQUIRED',
      field: 'name',
      issues: [
        { code: 'NAME_REQUIRED', field: 'name' },
        { code: 'PHONE_INVALID', field: 'phone' },
        { code: 'TEXT_MALFORMED', field: 'phone' },
      ],
    });
    expect(byField).toEqual({
      name: { code: 'NAME_REQUIRED', field: 'name' },
      phone: { code: 'PHONE_INVALID', field: 'phone' },
    });
  });

  it('is empty without an error or when the error names no field', () => {
    expect(fieldErrorsOf(null)).toEqual({});
    expect(fieldErrorsOf({ code: 'INTERNAL' })).toEqual({});
  });
});

describe('isFormLevel', () => {
  it('is true for an error that names no field of the form', () => {
    expect(isFormLevel({ code: 'TENDER_SHORT' }, ['cash'])).toBe(true);
    expect(isFormLevel({ code: 'CARD_INVALID', field: 'card' }, ['reason'])).toBe(true);
    expect(isFormLevel({ code: 'CARD_INVALID', field: 'card' }, ['card'])).toBe(false);
    expect(isFormLevel(null, ['card'])).toBe(false);
  });
});
