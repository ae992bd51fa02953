// How a self-service terminal shows a person: enough to recognise yourself, not enough for the
// person behind you to learn who you are.

/** 王小明 → 王*明, 王明 → 王*, Chen Jinka → C*** J****: first and last character of longer names stay. */
export function maskName(name: string): string {
  const trimmed = name.trim();
  if (/^[\p{Script=Latin}\s.'-]+$/u.test(trimmed)) {
    return trimmed
      .split(/\s+/)
      .filter(Boolean)
      .map((word) => {
        const letters = [...word];
        return letters[0] + '*'.repeat(Math.max(letters.length - 1, 1));
      })
      .join(' ');
  }
  const chars = [...trimmed.replace(/\s+/g, '')];
  if (chars.length === 0) return '*';
  if (chars.length <= 2) return chars[0] + '*';
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

/** +8613800138000 → 138****8000; other numbers keep their last four digits only. */
export function maskPhone(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  if (e164.startsWith('+86') && digits.length === 13) return `${digits.slice(2, 5)}****${digits.slice(9)}`;
  return `${'*'.repeat(Math.max(digits.length - 4, 4))}${digits.slice(-4)}`;
}
