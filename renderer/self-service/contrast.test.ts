import { describe, expect, it } from 'vitest';
import { contrastRatio, meetsAA, parseHex, relativeLuminance } from './contrast';

describe('WCAG contrast', () => {
  it('gives 21:1 for black on white and 1:1 for a colour on itself, either way round', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#b4462a', '#b4462a')).toBe(1);
  });

  it('matches published ratios', () => {
    // WebAIM's checker: #767676 on white is the lightest grey passing 4.5:1.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
    expect(relativeLuminance('#808080')).toBeCloseTo(0.2159, 3);
  });

  it('asks 4.5:1 of text, 3:1 of large text and controls', () => {
    expect(meetsAA('#767676', '#ffffff', 'text')).toBe(true);
    expect(meetsAA('#949494', '#ffffff', 'text')).toBe(false);
    expect(meetsAA('#949494', '#ffffff', 'large-text')).toBe(true);
    expect(meetsAA('#d9d4cb', '#ffffff', 'non-text')).toBe(false);
  });

  it('refuses what is not a hex colour', () => {
    expect(parseHex('#abc')).toEqual([0xaa, 0xbb, 0xcc]);
    expect(() => parseHex('red')).toThrow();
    expect(() => parseHex('#12345')).toThrow();
  });
});
