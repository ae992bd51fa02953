// Member card numbers: 16 digits, brand prefix 88, Luhn check digit (the check the card printers
// and most POS software already use), so a mistyped digit is caught before any lookup.

export const cardPrefix = '88';
export const cardLength = 16;

export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let digit = payload.charCodeAt(payload.length - 1 - i) - 48;
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** Strips the spaces and dashes printed on cards for readability. */
export function normaliseCardNumber(input: string): string {
  return input.trim().replace(/[\s-]/g, '');
}

/** A card number as printed on our cards: digits only, right length, right check digit. */
export function isValidCardNumber(input: string): boolean {
  if (!/^\d+$/.test(input) || input.length !== cardLength || !input.startsWith(cardPrefix)) return false;
  return luhnCheckDigit(input.slice(0, -1)) === Number(input.at(-1));
}

/** `randomDigit` is injected so tests and the benchmark can be reproducible. */
export function generateCardNumber(randomDigit: () => number): string {
  let payload = cardPrefix;
  while (payload.length < cardLength - 1) payload += String(randomDigit() % 10);
  return payload + String(luhnCheckDigit(payload));
}

/** Groups of four, as printed on the card. */
export function formatCardNumber(number: string): string {
  return number.replace(/(\d{4})(?=\d)/g, '$1 ');
}
