// Community events (issue 10): a shop's own or the brand's chain-wide ones, sign-ups with a
// capacity and a waiting list, tickets and check-in. Names reach the self-service screens masked.
import { z } from 'zod';
import type { LocalName } from './loyalty-types';

export const eventScopes = ['shop', 'chain'] as const;
/** shop: made by a manager at one shop; chain: published by the brand through the hub. */
export type EventScope = (typeof eventScopes)[number];

export const eventStatuses = ['open', 'cancelled'] as const;
export type EventStatus = (typeof eventStatuses)[number];

export const ticketStatuses = ['confirmed', 'waiting', 'cancelled', 'attended'] as const;
/** confirmed: has a seat; waiting: on the waiting list; attended: checked in (points awarded). */
export type TicketStatus = (typeof ticketStatuses)[number];

export const eventLimits = {
  titleMax: 80,
  descriptionMax: 1000,
  placeMax: 120,
  capacityMax: 10_000,
  pointsMax: 100_000,
} as const;

/** An event as every terminal keeps it (and as the hub sends it in the catalogue stream). */
export interface CommunityEvent {
  id: string;
  title: LocalName;
  description: string;
  place: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  /** Awarded once, at check-in. */
  points: number;
  scope: EventScope;
  /** The shop whose event it is; null for a chain-wide one. */
  storeId: string | null;
  status: EventStatus;
  updatedAt: string;
}

/** An event with its seats: what a list shows. */
export interface EventSummary extends CommunityEvent {
  /** Confirmed seats (including those checked in), as far as this terminal knows (see decision 0024). */
  taken: number;
  waiting: number;
  seatsLeft: number;
}

/** A member's sign-up: the ticket they show (or scan) at the event. */
export interface EventTicket {
  signupId: string;
  eventId: string;
  /** What the ticket QR holds; never looks like a card number (EV- and letters). */
  code: string;
  status: TicketStatus;
  /** On the waiting list: their place in the queue (1 = next); null otherwise. */
  position: number | null;
  signedUpAt: string;
  checkedInAt: string | null;
}

export interface EventDetail extends EventSummary {
  /** The customer's own ticket for this event (a live one), or null. */
  mine: EventTicket | null;
}

/** What check-in answers: the event, who (masked), and the points awarded. */
export interface CheckInResult {
  eventId: string;
  title: LocalName;
  maskedName: string;
  points: number;
  checkedInAt: string;
}

/** One sign-up as staff see it at the counter. */
export interface EventAttendee {
  signupId: string;
  memberId: string;
  name: string;
  maskedPhone: string;
  code: string;
  status: TicketStatus;
  position: number | null;
  signedUpAt: string;
  checkedInAt: string | null;
}

// On the wire between terminal and hub (hub-api.ts joins these into its unions).

const wireText = (max: number) => z.string().min(1).max(max);
const wireName = z.object({ zh: z.string().max(1000), en: z.string().max(1000) });

/** An event in the catalogue stream, with the seats the hub has counted from every terminal. */
export const pulledEvent = z.object({
  id: wireText(64),
  title: wireName,
  description: z.string().max(eventLimits.descriptionMax),
  place: z.string().max(eventLimits.placeMax),
  startsAt: wireText(40),
  endsAt: wireText(40),
  capacity: z.number().int().min(1),
  points: z.number().int().min(0),
  scope: z.enum(eventScopes),
  storeId: z.string().max(64).nullable(),
  status: z.enum(eventStatuses),
  updatedAt: wireText(40),
  /** Confirmed seats the hub knows of (claims and pushed tickets of every terminal). */
  taken: z.number().int().min(0),
});
export type PulledEvent = z.infer<typeof pulledEvent>;

/** The catalogue stream's event kind, joined into `pulledChange` (hub-api.ts). */
export const pulledEventChanges = [z.object({ kind: z.literal('event'), data: pulledEvent })] as const;

/**
 * POST /v1/events/claim: a terminal asks the hub for a seat before the sign-up commits. It sends
 * the capacity it knows, for an event whose own push has not reached the hub yet.
 */
export const eventClaimRequest = z.object({
  signupId: wireText(64),
  eventId: wireText(64),
  memberId: wireText(64),
  code: wireText(64),
  capacity: z.number().int().min(1),
});
export type EventClaimRequest = z.infer<typeof eventClaimRequest>;

export const eventClaimRefusals = ['EVENT_FULL', 'EVENT_CANCELLED', 'EVENT_ALREADY_SIGNED_UP'] as const;
export type EventClaimRefusal = (typeof eventClaimRefusals)[number];

export const eventClaimResponse = z.discriminatedUnion('status', [
  z.object({ status: z.literal('confirmed'), taken: z.number().int().min(0) }),
  z.object({ status: z.literal('refused'), reason: z.string().max(64), taken: z.number().int().min(0) }),
]);
export type EventClaimResponse = z.infer<typeof eventClaimResponse>;

/** POST /v1/admin/events: the brand publishes (or changes) a chain-wide event. */
export const hubEventInput = z.object({
  id: wireText(64).optional(),
  title: z.object({ zh: wireText(eventLimits.titleMax), en: z.string().max(eventLimits.titleMax).default('') }),
  description: z.string().max(eventLimits.descriptionMax).default(''),
  place: z.string().max(eventLimits.placeMax).default(''),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  capacity: z.number().int().min(1).max(eventLimits.capacityMax),
  points: z.number().int().min(0).max(eventLimits.pointsMax).default(0),
  status: z.enum(eventStatuses).default('open'),
});
export type HubEventInput = z.input<typeof hubEventInput>;

export interface HubEventListResponse {
  events: PulledEvent[];
}
