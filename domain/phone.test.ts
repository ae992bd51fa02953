import { describe, expect, it } from 'vitest';
import { maskPhone, normalisePhone, phoneSuffix } from './phone';

describe('normalisePhone', () => {
  it.each([
    ['13812345678', '+8613812345678'],
    ['+86 138 1234 5678', '+8613812345678'],
    ['0086-138-1234-5678', '+8613812345678'],
    ['86 13812345678', '+8613812345678'],
    ['199 0000 1234', '+8619900001234'],
  ])('accepts the Chinese mobile %s', (input, e164) => {
    const result = normalisePhone(input);
    expect(result).toMatchObject({ ok: true, e164, country: 'CN' });
  });

  it('accepts numbers from other countries in E.164 form', () => {
    expect(normalisePhone('+44 7400 123456')).toMatchObject({ ok: true, e164: '+447400123456', country: 'GB' });
    expect(normalisePhone('+1 415 555 2671')).toMatchObject({ ok: true, e164: '+14155552671' });
    expect(normalisePhone('+852 5123 4567')).toMatchObject({ ok: true, e164: '+85251234567' });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['1381234567', 'invalid'], // one digit short
    ['138123456789', 'invalid'], // one digit long
    ['12345678901', 'invalid'], // no such mobile prefix
    ['abc13812345678', 'invalid'],
    ['+44 1234', 'invalid'],
    ['010 6552 9988', 'not_mobile'], // a Beijing landline
  ])('refuses %j (%s)', (input, reason) => {
    expect(normalisePhone(input)).toEqual({ ok: false, reason });
  });

  it('gives the national format for display', () => {
    const result = normalisePhone('+8613812345678');
    expect(result.ok && result.national).toBe('138 1234 5678');
  });
});

describe('phoneSuffix and maskPhone', () => {
  it('takes the last four digits', () => {
    expect(phoneSuffix('+8613812345678')).toBe('5678');
  });
  it('masks the middle of a mobile number', () => {
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
  });
});
