// A contest entrant's short code (issue 10): "V-3K7Q". Supporters say it or show it at the counter,
// so it avoids look-alike characters (0/O, 1/I/L) and reads the same typed in any case.

const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const entrantCodeLength = 4;

export function generateEntrantCode(randomInt: (max: number) => number): string {
  let code = '';
  for (let i = 0; i < entrantCodeLength; i++) code += alphabet[randomInt(alphabet.length)];
  return `V-${code}`;
}

/** "v-3k7q", " V3K7Q " → "V-3K7Q"; '' when the text cannot be an entrant code. */
export function normaliseEntrantCode(text: string): string {
  const compact = text.trim().toUpperCase().replace(/[\s-]/g, '');
  return /^V[0-9A-Z]{4,8}$/.test(compact) ? `V-${compact.slice(1)}` : '';
}
