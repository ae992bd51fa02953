// Terminal credentials and registration codes. Credentials are 32 random bytes, kept as their
// SHA-256: with 256 bits of entropy nothing can be guessed, so a slow hash (scrypt) would only
// cost CPU on every request, while a plain digest lets the hub find the terminal by an index on
// the hash. Registration codes are short (people type them) but used once, expire, and are only
// worth anything before a terminal registers, so the same digest is kept for them too.
import { createHash, randomBytes, randomInt } from 'node:crypto';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function newCredential(): string {
  return `lt_${randomBytes(32).toString('base64url')}`;
}

/** No 0/O, 1/I/L or U: a code read aloud or copied from a screen is typed right. */
const codeAlphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const codeLength = 12;

/** A code like "7KQM-2XRD-9PTA" (about 59 bits). */
export function newRegistrationCode(): string {
  const chars = Array.from({ length: codeLength }, () => codeAlphabet[randomInt(codeAlphabet.length)]);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** What a code is compared by: case, spaces and dashes as typed do not matter. */
export function normalizeRegistrationCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}
