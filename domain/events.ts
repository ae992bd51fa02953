// Community events, the pure part: ticket codes, seats, and the ticket slip the printer prints.
import type { CommunityEvent, ReceiptDocument, TicketStatus } from '../contract';

/** Letters only, none that read like a digit (no B, I, O, S, Z): a ticket never looks like a card number. */
const ticketAlphabet = 'ACDEFGHJKLMNPQRTUVWXY';
const ticketLength = 8;
const ticketPattern = new RegExp(`^EV-[${ticketAlphabet}]{4}-[${ticketAlphabet}]{4}$`);

/** EV-XXXX-XXXX from a uniform random source (ports.ids.randomInt). */
export function newTicketCode(randomInt: (max: number) => number): string {
  let chars = '';
  for (let i = 0; i < ticketLength; i++) chars += ticketAlphabet[randomInt(ticketAlphabet.length)];
  return `EV-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** Scanners and people type codes in lower case or with spaces: the code as stored, or null if it is none. */
export function normaliseTicketCode(text: string): string | null {
  const compact = text
    .trim()
    .toUpperCase()
    .replace(/[\s_]+/g, '');
  const dashed = /^EV-?([A-Z]{4})-?([A-Z]{4})$/.exec(compact);
  const code = dashed ? `EV-${dashed[1]}-${dashed[2]}` : compact;
  return ticketPattern.test(code) ? code : null;
}

export const liveTicketStatuses: readonly TicketStatus[] = ['confirmed', 'waiting', 'attended'];

/**
 * Seats taken as far as this terminal knows: the hub's count covers every terminal up to its last
 * answer, the local count covers what this terminal did since (decision 0024). Neither is ever
 * more than the truth, so the larger one is the best lower bound.
 */
export function seatsTaken(localTaken: number, hubTaken: number): number {
  return Math.max(localTaken, hubTaken);
}

export function seatsLeft(capacity: number, taken: number): number {
  return Math.max(capacity - taken, 0);
}

/** An event is open for sign-ups until it starts. */
export function signUpOpen(event: Pick<CommunityEvent, 'status' | 'startsAt'>, now: Date): boolean {
  return event.status === 'open' && now.getTime() < Date.parse(event.startsAt);
}

/** Beijing wall time, as the shop reads it: 2026-06-20 14:00. */
export function localWhen(iso: string, offsetMinutes = 8 * 60): string {
  const shifted = new Date(Date.parse(iso) + offsetMinutes * 60_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

export interface TicketSlipInput {
  storeName: string;
  event: Pick<CommunityEvent, 'title' | 'place' | 'startsAt' | 'endsAt' | 'points'>;
  code: string;
  maskedName: string;
  status: 'confirmed' | 'waiting';
  /** The store's UTC offset: the time is printed as the shop reads it. */
  utcOffsetMinutes?: number;
}

/** The ticket the receipt printer prints at sign-up: the code as text and as a QR to scan at check-in. */
export function ticketSlipDocument(p: TicketSlipInput): ReceiptDocument {
  const blocks: ReceiptDocument['blocks'] = [
    { type: 'text', text: p.storeName, align: 'center', bold: true },
    { type: 'text', text: '活动票 Event ticket', align: 'center', bold: true, size: 'double' },
    { type: 'rule' },
    { type: 'text', text: p.event.title.zh, bold: true },
  ];
  if (p.event.title.en && p.event.title.en !== p.event.title.zh) blocks.push({ type: 'text', text: p.event.title.en });
  const offset = p.utcOffsetMinutes ?? 8 * 60;
  blocks.push({
    type: 'row',
    left: '时间 When',
    right: `${localWhen(p.event.startsAt, offset)}-${localWhen(p.event.endsAt, offset).slice(11)}`,
  });
  if (p.event.place) blocks.push({ type: 'row', left: '地点 Place', right: p.event.place });
  blocks.push({ type: 'row', left: '会员 Member', right: p.maskedName });
  if (p.event.points > 0) blocks.push({ type: 'row', left: '签到积分 Points', right: `+${p.event.points}` });
  if (p.status === 'waiting')
    blocks.push({ type: 'text', text: '候补中：有空位时自动转为正式报名 Waiting list', align: 'center', bold: true });
  blocks.push(
    { type: 'rule' },
    { type: 'qr', data: p.code, size: 6, caption: p.code },
    { type: 'text', text: '签到时扫描此码 Scan this code to check in', align: 'center' },
    { type: 'feed', lines: 2 },
    { type: 'cut' },
  );
  return { kind: 'ticket', title: `活动票 Ticket · ${p.code}`, blocks };
}
