import { describe, expect, it } from 'vitest';
import { generateEntrantCode, normaliseEntrantCode } from './entrant-code';

describe('entrant codes', () => {
  it('are V- and four characters without look-alikes', () => {
    let i = 0;
    const code = generateEntrantCode((max) => i++ % max);
    expect(code).toMatch(/^V-[2-9A-HJKMNP-Z]{4}$/);
  });

  it('read the same however they are typed', () => {
    expect(normaliseEntrantCode(' v-3k7q ')).toBe('V-3K7Q');
    expect(normaliseEntrantCode('V3K7Q')).toBe('V-3K7Q');
    expect(normaliseEntrantCode('SUMMER10')).toBe('');
    expect(normaliseEntrantCode('6901234567892')).toBe('');
  });
});
