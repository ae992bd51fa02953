// Community events (issue 10): a manager creates a shop's events at the counter, customers sign up
// at the self-service terminal (capacity, one live ticket per member, a waiting list), a ticket is
// printed and shown, and checking it in awards the event's points once.
import {
  LinliError,
  type CheckInResult,
  type CommunityEvent,
  type EventAttendee,
  type EventDetail,
  type EventSummary,
  type EventTicket,
  type ParsedInput,
  type TicketStatus,
} from '../../contract';
import type { EventRow, SignupRow } from '../../db/repositories/events';
import {
  newTicketCode,
  normaliseTicketCode,
  seatsLeft,
  seatsTaken,
  signUpOpen,
  ticketSlipDocument,
} from '../../domain/events';
import { maskName, maskPhone } from '../../domain/mask';
import type { SomeHandlers } from '../handler';
import { appendAdjustment } from '../loyalty/loyalty-accounts';
import { utcOffset } from '../loyalty/loyalty-config';
import { requireMember } from '../members/member-views';
import type { Ports } from '../ports';
import { claimSeatAtHub } from './event-claim';

const eventOf = ({ hubTaken: _hubTaken, ...e }: EventRow): CommunityEvent => e;

/** The shop's own events and the brand's: another shop's events are not shown here. */
function visible(ports: Ports, e: EventRow): boolean {
  return e.scope === 'chain' || e.storeId === null || e.storeId === ports.config.storeId();
}

function requireEvent(ports: Ports, eventId: string): EventRow {
  const event = ports.store.events.event(eventId);
  if (!event || !visible(ports, event)) throw new LinliError('EVENT_NOT_FOUND', undefined, 'eventId');
  return event;
}

export function eventSummary(ports: Ports, e: EventRow): EventSummary {
  const local = ports.store.events.counts(e.id);
  const taken = seatsTaken(local.taken, e.hubTaken);
  return { ...eventOf(e), taken, waiting: local.waiting, seatsLeft: seatsLeft(e.capacity, taken) };
}

function ticketOf(ports: Ports, s: SignupRow): EventTicket {
  return {
    signupId: s.id,
    eventId: s.eventId,
    code: s.code,
    status: s.status,
    position: s.status === 'waiting' ? ports.store.events.waitingPosition(s) : null,
    signedUpAt: s.signedUpAt,
    checkedInAt: s.checkedInAt,
  };
}

function detail(ports: Ports, eventId: string, memberId: string | null): EventDetail {
  const event = requireEvent(ports, eventId);
  const mine = memberId ? ports.store.events.liveSignup(eventId, memberId) : null;
  return { ...eventSummary(ports, event), mine: mine ? ticketOf(ports, mine) : null };
}

/** The ticket as the hub keeps it, in the transaction of the change. */
function pushTicket(ports: Ports, s: SignupRow): void {
  ports.store.outbox.append({
    id: ports.ids.newId(),
    type: 'event.ticket_saved',
    aggregateId: s.eventId,
    payload: {
      signupId: s.id,
      eventId: s.eventId,
      memberId: s.memberId,
      code: s.code,
      status: s.status,
      signedUpAt: s.signedUpAt,
      checkedInAt: s.checkedInAt,
      updatedAt: s.updatedAt,
    },
    createdAt: s.updatedAt,
  });
}

function storeName(ports: Ports): string {
  const storeId = ports.config.storeId();
  return (storeId ? ports.store.stores.get(storeId)?.name : null) ?? 'Linli';
}

function freeTicketCode(ports: Ports): string {
  for (;;) {
    const code = newTicketCode(ports.ids.randomInt);
    if (!ports.store.events.signupByCode(code)) return code;
  }
}

export function upcomingEvents(ports: Ports): EventSummary[] {
  const now = ports.clock.now().toISOString();
  return ports.store.events
    .events()
    .filter((e) => visible(ports, e) && e.status === 'open' && e.endsAt > now)
    .map((e) => eventSummary(ports, e));
}

async function signUp(ports: Ports, memberId: string, eventId: string, waitlist: boolean): Promise<EventDetail> {
  const event = requireEvent(ports, eventId);
  if (event.status === 'cancelled') throw new LinliError('EVENT_CANCELLED');
  if (!signUpOpen(event, ports.clock.now())) throw new LinliError('EVENT_CLOSED');
  if (ports.store.events.liveSignup(eventId, memberId)) throw new LinliError('EVENT_ALREADY_SIGNED_UP');
  const full = () => new LinliError('EVENT_FULL', { capacity: event.capacity });
  let status: 'confirmed' | 'waiting' = eventSummary(ports, event).seatsLeft > 0 ? 'confirmed' : 'waiting';
  if (status === 'waiting' && !waitlist) throw full();
  const signupId = ports.ids.newId();
  const code = freeTicketCode(ports);
  let hubTaken: number | null = null;
  if (status === 'confirmed') {
    // The hub counts every terminal's sign-ups: its no stands, its silence leaves it to this terminal.
    const verdict = await claimSeatAtHub(ports, { signupId, eventId, memberId, code, capacity: event.capacity });
    if (verdict.status !== 'offline') {
      hubTaken = verdict.taken;
      // What the hub counted is worth keeping even when it said no: the next customer sees it.
      ports.store.events.setHubTaken(eventId, verdict.taken);
    }
    if (verdict.status === 'refused') {
      if (verdict.reason === 'EVENT_ALREADY_SIGNED_UP') throw new LinliError('EVENT_ALREADY_SIGNED_UP');
      if (verdict.reason === 'EVENT_CANCELLED') throw new LinliError('EVENT_CANCELLED');
      if (!waitlist) throw full();
      status = 'waiting';
    }
  }
  const at = ports.clock.now().toISOString();
  const member = requireMember(ports, memberId);
  ports.store.transaction(() => {
    const row: SignupRow = {
      id: signupId,
      eventId,
      memberId,
      code,
      status,
      signedUpAt: at,
      checkedInAt: null,
      checkedInBy: null,
      updatedAt: at,
    };
    if (ports.store.events.insertSignup(row) === 'duplicate') throw new LinliError('EVENT_ALREADY_SIGNED_UP');
    if (hubTaken !== null) ports.store.events.setHubTaken(eventId, hubTaken);
    pushTicket(ports, row);
    ports.printer.print(
      ticketSlipDocument({
        storeName: storeName(ports),
        event,
        code,
        maskedName: maskName(member.name),
        status,
        utcOffsetMinutes: utcOffset(ports),
      }),
    );
  });
  return detail(ports, eventId, memberId);
}

function cancelSignUp(ports: Ports, memberId: string, eventId: string): EventDetail {
  requireEvent(ports, eventId);
  const mine = ports.store.events.liveSignup(eventId, memberId);
  if (!mine) throw new LinliError('EVENT_NOT_SIGNED_UP');
  if (mine.status === 'attended') throw new LinliError('TICKET_ALREADY_USED');
  const at = ports.clock.now().toISOString();
  ports.store.transaction(() => {
    if (!ports.store.events.setSignupStatus(mine.id, mine.status, 'cancelled', at))
      throw new LinliError('EVENT_NOT_SIGNED_UP');
    pushTicket(ports, { ...mine, status: 'cancelled', updatedAt: at });
    if (mine.status !== 'confirmed') return;
    // The freed seat goes to whoever has waited longest.
    const next = ports.store.events.firstWaiting(eventId);
    if (next && ports.store.events.setSignupStatus(next.id, 'waiting', 'confirmed', at))
      pushTicket(ports, { ...next, status: 'confirmed', updatedAt: at });
  });
  return detail(ports, eventId, memberId);
}

function checkIn(ports: Ports, text: string, staffId: string | null): CheckInResult {
  const code = normaliseTicketCode(text);
  const signup = code ? ports.store.events.signupByCode(code) : null;
  if (!signup) throw new LinliError('TICKET_UNKNOWN', undefined, 'code');
  const event = ports.store.events.event(signup.eventId);
  if (!event) throw new LinliError('TICKET_UNKNOWN', undefined, 'code');
  if (signup.status === 'attended') throw new LinliError('TICKET_ALREADY_USED', undefined, 'code');
  if (event.status === 'cancelled') throw new LinliError('EVENT_CANCELLED', undefined, 'code');
  if (signup.status !== 'confirmed') throw new LinliError('TICKET_NOT_CONFIRMED', undefined, 'code');
  const member = requireMember(ports, signup.memberId);
  const at = ports.clock.now().toISOString();
  ports.store.transaction(() => {
    // The status moves once: a second scan, here or on another window, finds it attended.
    if (!ports.store.events.setSignupStatus(signup.id, 'confirmed', 'attended', at, { at, by: staffId }))
      throw new LinliError('TICKET_ALREADY_USED', undefined, 'code');
    if (event.points > 0)
      appendAdjustment(ports, {
        memberId: member.id,
        points: event.points,
        reason: `活动签到 Event: ${event.title.zh}`.slice(0, 200),
        sourceId: signup.id,
        staffId,
        at,
      });
    pushTicket(ports, { ...signup, status: 'attended', checkedInAt: at, updatedAt: at });
  });
  return {
    eventId: event.id,
    title: event.title,
    maskedName: maskName(member.name),
    points: event.points,
    checkedInAt: at,
  };
}

function saveEvent(ports: Ports, input: ParsedInput<'saveEvent'>): EventSummary {
  const existing = input.id ? requireEvent(ports, input.id) : null;
  if (existing && existing.scope === 'chain') throw new LinliError('EVENT_CHAIN_ONLY');
  const startsAt = new Date(input.startsAt).toISOString();
  const endsAt = new Date(input.endsAt).toISOString();
  if (endsAt <= startsAt) throw new LinliError('EVENT_TIME_INVALID', undefined, 'endsAt');
  const at = ports.clock.now().toISOString();
  const event: CommunityEvent = {
    id: existing?.id ?? ports.ids.newId(),
    title: { zh: input.titleZh.trim(), en: input.titleEn.trim() },
    description: input.description.trim(),
    place: input.place.trim(),
    startsAt,
    endsAt,
    capacity: input.capacity,
    points: input.points,
    scope: 'shop',
    storeId: existing?.storeId ?? ports.config.storeId(),
    status: existing?.status ?? 'open',
    updatedAt: at,
  };
  return writeEvent(ports, event);
}

function writeEvent(ports: Ports, event: CommunityEvent): EventSummary {
  ports.store.transaction(() => {
    ports.store.events.saveEvent(event);
    ports.store.outbox.append({
      id: ports.ids.newId(),
      type: 'event.saved',
      aggregateId: event.id,
      payload: event,
      createdAt: event.updatedAt,
    });
  });
  return eventSummary(ports, ports.store.events.event(event.id)!);
}

function cancelEvent(ports: Ports, eventId: string): EventSummary {
  const existing = requireEvent(ports, eventId);
  if (existing.scope === 'chain') throw new LinliError('EVENT_CHAIN_ONLY');
  if (existing.status === 'cancelled') throw new LinliError('EVENT_CANCELLED');
  return writeEvent(ports, { ...eventOf(existing), status: 'cancelled', updatedAt: ports.clock.now().toISOString() });
}

const statusOrder: Record<TicketStatus, number> = { attended: 0, confirmed: 1, waiting: 2, cancelled: 3 };

function attendees(ports: Ports, eventId: string): EventAttendee[] {
  requireEvent(ports, eventId);
  return ports.store.events
    .signupsOf(eventId)
    .sort((a, b) => statusOrder[a.status] - statusOrder[b.status])
    .map((s) => {
      const member = ports.store.members.get(s.memberId);
      return {
        signupId: s.id,
        memberId: s.memberId,
        name: member?.name ?? '',
        maskedPhone: member ? maskPhone(member.phone) : '',
        code: s.code,
        status: s.status,
        position: s.status === 'waiting' ? ports.store.events.waitingPosition(s) : null,
        signedUpAt: s.signedUpAt,
        checkedInAt: s.checkedInAt,
      };
    });
}

export const eventHandlers = {
  upcomingEvents: (_input, { ports }) => upcomingEvents(ports),
  eventDetail: (input, { ports, customer }) => detail(ports, input.eventId, customer?.memberId ?? null),
  signUpForEvent: (input, { ports, customer }) => signUp(ports, customer.memberId, input.eventId, input.waitlist),
  cancelEventSignUp: (input, { ports, customer }) => cancelSignUp(ports, customer.memberId, input.eventId),
  checkInTicket: (input, { ports }) => checkIn(ports, input.code, null),
  listEvents: (_input, { ports }) =>
    ports.store.events
      .events()
      .filter((e) => visible(ports, e))
      .map((e) => eventSummary(ports, e)),
  saveEvent: (input, { ports }) => saveEvent(ports, input),
  cancelEvent: (input, { ports }) => cancelEvent(ports, input.eventId),
  eventAttendees: (input, { ports }) => attendees(ports, input.eventId),
  checkInAtCounter: (input, { ports, staff }) => checkIn(ports, input.code, staff.id),
} satisfies SomeHandlers;
