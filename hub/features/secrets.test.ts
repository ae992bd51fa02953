import { describe, expect, it } from 'vitest';
import { newCredential, newRegistrationCode, normalizeRegistrationCode, sha256 } from './secrets';

describe('registration codes', () => {
  it('are three groups of four unambiguous characters', () => {
    for (let i = 0; i < 50; i++)
      expect(newRegistrationCode()).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}(-[2-9A-HJKMNP-TV-Z]{4}){2}$/);
  });
  it('match however the manager typed them', () => {
    expect(normalizeRegistrationCode(' 7kqm 2xrd-9pta ')).toBe(normalizeRegistrationCode('7KQM-2XRD-9PTA'));
  });
});

describe('credentials', () => {
  it('are never the same twice and are kept only as a digest', () => {
    const a = newCredential();
    expect(a).not.toBe(newCredential());
    expect(sha256(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(sha256(a)).not.toContain(a.slice(3));
  });
});
