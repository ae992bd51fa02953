import { LinliError, limits, type SearchBy } from '../contract';
import { isValidCardNumber, normaliseCardNumber } from './card-number';
import { normalisePhone } from './phone';
import { nameMatchQuery } from './name-search';

export type ClassifiedQuery =
  | { by: 'card'; number: string }
  | { by: 'phone'; e164: string }
  | { by: 'phoneSuffix'; suffix: string }
  | { by: 'name'; match: string };

/**
 * One search box at the counter: four digits are a phone suffix, a phone number is a phone,
 * a card-shaped number is a card, anything else is a name.
 */
export function classifyQuery(raw: string): ClassifiedQuery {
  const query = typeof raw === 'string' ? raw.trim() : '';
  if (!query) throw new LinliError('QUERY_EMPTY', undefined, 'query');
  if ([...query].length > limits.queryMax) throw new LinliError('QUERY_TOO_LONG', { max: limits.queryMax }, 'query');
  if (/^\d{4}$/.test(query)) return { by: 'phoneSuffix', suffix: query };
  const card = normaliseCardNumber(query);
  if (/^\d{16}$/.test(card)) {
    if (!isValidCardNumber(card)) throw new LinliError('CARD_INVALID', undefined, 'query');
    return { by: 'card', number: card };
  }
  // A phone number has digits; '(' or '-' alone is no phone number (and no name either).
  if (/^[+\d\s\-().]+$/.test(query) && /\d/.test(query)) {
    const phone = normalisePhone(query);
    if (phone.ok) return { by: 'phone', e164: phone.e164 };
    throw new LinliError('PHONE_INVALID', undefined, 'query');
  }
  const match = nameMatchQuery(query);
  // Only punctuation or symbols: nothing a name, phone or card could match.
  if (!match) throw new LinliError('QUERY_INVALID', undefined, 'query');
  return { by: 'name', match };
}

export type { SearchBy };
