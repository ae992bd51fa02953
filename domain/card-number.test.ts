import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatCardNumber,
  generateCardNumber,
  isValidCardNumber,
  luhnCheckDigit,
  normaliseCardNumber,
} from './card-number';

describe('card check digits', () => {
  it('matches the published Luhn example', () => {
    // 7992739871 has check digit 3 (the standard worked example).
    expect(luhnCheckDigit('7992739871')).toBe(3);
  });

  it('accepts generated numbers and refuses any single wrong digit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 13, maxLength: 13 }),
        fc.nat(15),
        fc.integer({ min: 1, max: 9 }),
        (digits, position, delta) => {
          let i = 0;
          const number = generateCardNumber(() => digits[i++]!);
          expect(number).toHaveLength(16);
          expect(isValidCardNumber(number)).toBe(true);
          if (position < 2) return; // the prefix is checked separately
          const changed =
            number.slice(0, position) + String((Number(number[position]) + delta) % 10) + number.slice(position + 1);
          expect(isValidCardNumber(changed)).toBe(false);
        },
      ),
    );
  });

  it('refuses wrong length, wrong prefix and non-digits', () => {
    expect(isValidCardNumber('886012345678901')).toBe(false);
    expect(isValidCardNumber('7700000000000000')).toBe(false);
    expect(isValidCardNumber('88A0000000000000')).toBe(false);
  });

  it('reads numbers typed with the spaces printed on the card', () => {
    const number = generateCardNumber(() => 7);
    expect(normaliseCardNumber(formatCardNumber(number))).toBe(number);
    expect(formatCardNumber('8800111122223333')).toBe('8800 1111 2222 3333');
  });
});
