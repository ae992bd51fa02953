import { describe, expect, it } from 'vitest';
import { generateCardNumber } from './card-number';
import { classifyQuery } from './search-query';

describe('classifyQuery', () => {
  it('reads four digits as a phone suffix', () => {
    expect(classifyQuery(' 5678 ')).toEqual({ by: 'phoneSuffix', suffix: '5678' });
  });
  it('reads a mobile number as a phone', () => {
    expect(classifyQuery('138 1234 5678')).toEqual({ by: 'phone', e164: '+8613812345678' });
  });
  it('reads a card number, with or without spaces', () => {
    const number = generateCardNumber(() => 3);
    expect(classifyQuery(number.replace(/(\d{4})/g, '$1 '))).toEqual({ by: 'card', number });
  });
  it('reads anything else as a name', () => {
    expect(classifyQuery('王小明')).toEqual({ by: 'name', match: '"王 小 明"' });
  });
  it('refuses an empty, overlong or malformed query with a reason', () => {
    expect(() => classifyQuery('  ')).toThrow('QUERY_EMPTY');
    expect(() => classifyQuery('x'.repeat(65))).toThrow('QUERY_TOO_LONG');
    expect(() => classifyQuery('8800000000000001')).toThrow('CARD_INVALID');
    expect(() => classifyQuery('123456')).toThrow('PHONE_INVALID');
    // Punctuation alone is no phone number: the message says what can be searched instead.
    expect(() => classifyQuery('(')).toThrow('QUERY_INVALID');
    expect(() => classifyQuery('- ()')).toThrow('QUERY_INVALID');
  });
});
