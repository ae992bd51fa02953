// A member's own code for friends-and-family referral: short enough to read out at the counter,
// without letters that look like digits (I, L, O, U).
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const referralCodeLength = 6;

export function generateReferralCode(randomInt: (max: number) => number): string {
  let code = '';
  for (let i = 0; i < referralCodeLength; i++) code += alphabet[randomInt(alphabet.length)];
  return code;
}

/** Accepts lower case and the look-alike letters people type; null when it cannot be a code. */
export function normaliseReferralCode(input: string): string | null {
  const code = input.trim().toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (code.length !== referralCodeLength || [...code].some((ch) => !alphabet.includes(ch))) return null;
  return code;
}
