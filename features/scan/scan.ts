import { LinliError, limits, type ApiErrorShape, type ParsedInput, type ScanOutcome } from '../../contract';
import { isValidCardNumber, normaliseCardNumber } from '../../domain/card-number';
import { looksLikeMemberQr } from '../../domain/member-qr';
import { findProductByCode } from '../checkout/catalogue';
import type { Ports } from '../ports';
import { entrantOfCode } from '../contests/contests';
import { findCoupon } from '../loyalty/coupons';
import { memberFromQr } from '../members/member-qr';
import { toProfile } from '../members/member-views';
import type { SomeHandlers } from '../handler';

// Scanners append CR/LF/Tab; anything else below 0x20 (or DEL) means line noise or a wrong mode.
const controlChars = /[\u0000-\u001f\u007f]/;

/** Checks raw scanner text: bounded, printable; the trailing suffix a scanner adds is dropped. */
export function cleanScanText(text: unknown): string {
  if (typeof text !== 'string') throw new LinliError('SCAN_INVALID');
  const cleaned = text.replace(/[\r\n\t]+$/, '');
  if (!cleaned || cleaned.length > limits.scanMax || controlChars.test(cleaned) || cleaned.includes('\uFFFD')) {
    throw new LinliError('SCAN_INVALID');
  }
  return cleaned;
}

type Scan = ParsedInput<'handleScan'>;

/**
 * The member a card or phone-QR scan names; null when the text is neither (a product, a coupon).
 * Unknown and blocked cards are refused here, for the counter and the self-service terminal alike.
 */
export function memberOfScan(ports: Ports, text: string): Extract<ScanOutcome, { kind: 'member' }> | null {
  if (looksLikeMemberQr(text)) {
    const member = memberFromQr(ports, text);
    return { kind: 'member', via: 'qr', cardNumber: member.activeCard, member: toProfile(ports, member) };
  }
  const number = normaliseCardNumber(text);
  if (!isValidCardNumber(number)) return null;
  const card = ports.store.cards.get(number);
  if (!card) throw new LinliError('CARD_UNKNOWN');
  if (card.status === 'blocked') throw new LinliError('CARD_BLOCKED');
  return { kind: 'member', cardNumber: number, member: toProfile(ports, ports.store.members.get(card.memberId)!) };
}

function route(ports: Ports, input: Scan): ScanOutcome {
  if (!ports.session.current()) throw new LinliError('NOT_LOGGED_IN');
  const text = cleanScanText(input.text);
  const member = memberOfScan(ports, text);
  if (member) return member;
  const product = findProductByCode(ports, text);
  if (product) return { kind: 'product', product };
  const coupon = findCoupon(ports, text);
  if (coupon)
    return { kind: 'coupon', code: coupon.code, definition: coupon.definition, memberId: coupon.ownerMemberId };
  // A contest entrant's code: at checkout it goes in the coupon field and the sale votes for them.
  const entrant = entrantOfCode(ports, text);
  if (entrant) {
    const { entrantId: _e, contestId: _c, ...shown } = entrant;
    return { kind: 'entrant', code: entrant.code, entrant: shown };
  }
  throw new LinliError('SCAN_NOT_RECOGNISED');
}

/**
 * Turns a scan from any source into what it means. Every scan, accepted or refused, is also
 * pushed as an event so other screens (and later the self-service terminal) can react.
 */
export function handleScan(ports: Ports, input: Scan): ScanOutcome {
  const safeInput: Scan = {
    text: input.text.slice(0, limits.scanMax),
    source: input.source,
    ...(input.symbology ? { symbology: input.symbology.slice(0, 32) } : {}),
  };
  try {
    const outcome = route(ports, input);
    ports.events.emit('scan', { input: safeInput, outcome, error: null });
    return outcome;
  } catch (error) {
    const shape: ApiErrorShape = error instanceof LinliError ? error.toShape() : { code: 'INTERNAL' };
    ports.events.emit('scan', { input: safeInput, outcome: null, error: shape });
    throw error;
  }
}

export const scanHandlers = {
  handleScan: (input, { ports }) => handleScan(ports, input),
} satisfies SomeHandlers;
