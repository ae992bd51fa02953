// Community events: managers create them at the counter, customers sign up at the self-service
// terminal, and tickets are checked in at either.
import { z } from 'zod';
import { methodsOf } from './method';
import { fail, id, int, noInput, text } from './schema-kit';
import {
  eventLimits,
  type CheckInResult,
  type EventAttendee,
  type EventDetail,
  type EventSummary,
} from './events-types';

const m = methodsOf('events');

const eventRef = z.object({ eventId: id('EVENT_NOT_FOUND', 'eventId') });
const ticketCode = z.object({
  code: text('TICKET_UNKNOWN', { max: 64, required: true, missing: 'TICKET_UNKNOWN', field: 'code' }),
});
const instant = (field: string) =>
  text('EVENT_TIME_INVALID', { max: 40, required: true, missing: 'EVENT_TIME_INVALID', field }).refine(
    (s) => !Number.isNaN(Date.parse(s)),
    fail('EVENT_TIME_INVALID', { field }),
  );

export const eventInput = z.object({
  /** Absent: a new event. */
  id: id('EVENT_NOT_FOUND', 'id').optional(),
  titleZh: text('EVENT_TITLE_REQUIRED', { max: eventLimits.titleMax, required: true, field: 'titleZh' }),
  titleEn: text('EVENT_TITLE_REQUIRED', { max: eventLimits.titleMax, field: 'titleEn' }).default(''),
  description: text('EVENT_DESCRIPTION_TOO_LONG', { max: eventLimits.descriptionMax, field: 'description' }).default(
    '',
  ),
  place: text('EVENT_PLACE_TOO_LONG', { max: eventLimits.placeMax, field: 'place' }).default(''),
  startsAt: instant('startsAt'),
  endsAt: instant('endsAt'),
  capacity: int('EVENT_CAPACITY_INVALID', 1, eventLimits.capacityMax, 'capacity'),
  points: int('EVENT_POINTS_INVALID', 0, eventLimits.pointsMax, 'points'),
});
export type EventInput = z.input<typeof eventInput>;

export const eventMethods = {
  /** Upcoming events of this shop and the brand: the self-service list, open without a scan. */
  upcomingEvents: m.kiosk(noInput).returns<EventSummary[]>(),
  /** One event with its seats, and the customer's own ticket when a member is in the session. */
  eventDetail: m.kiosk(eventRef).returns<EventDetail>(),
  /** Full: refused with EVENT_FULL unless `waitlist` asks for a place on the waiting list. */
  signUpForEvent: m
    .customer(eventRef.extend({ waitlist: z.boolean(fail('INVALID_INPUT', { field: 'waitlist' })).default(false) }))
    .returns<EventDetail>(),
  /** The customer gives their seat (or waiting place) back; the first waiting member moves up. */
  cancelEventSignUp: m.customer(eventRef).returns<EventDetail>(),
  /** A ticket scanned at the self-service terminal: attendance, and the event's points once. */
  checkInTicket: m.kiosk(ticketCode).returns<CheckInResult>(),
  /** Every event this terminal knows, past and cancelled ones too (the counter's list). */
  listEvents: m.staff(noInput).returns<EventSummary[]>(),
  saveEvent: m.manager(eventInput).returns<EventSummary>(),
  cancelEvent: m.manager(eventRef).returns<EventSummary>(),
  eventAttendees: m.staff(eventRef).returns<EventAttendee[]>(),
  /** A ticket scanned or typed at the counter. */
  checkInAtCounter: m.staff(ticketCode).returns<CheckInResult>(),
};
