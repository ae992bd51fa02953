// What the hub needs from each sync event's payload to apply its projection. Only the keys the hub
// reads are checked: the terminal sends whole records (a sale with its lines, a member with every
// field), and the hub keeps the whole payload as jsonb, so a field added at the terminal never makes
// an older hub refuse the event. A key the hub reads that is missing or of the wrong type is refused
// (PAYLOAD_INVALID) instead of being written half.
import { z } from 'zod';
import { couponDefinitionWire, saleCouponRules } from './coupon-wire';
import type { SyncEventType } from './sync-events';
import { genders } from './types';

const id = z.string().min(1).max(64);
const at = z.string().min(1).max(40);
const int = z.number().int();

const consentRecord = z.looseObject({ purpose: z.string().min(1).max(40), granted: z.boolean(), recordedAt: at });
/** The writer's hybrid logical clock (domain/hlc.ts); an older terminal sends none and is ordered by its wall time. */
const hlc = z.string().min(1).max(120).optional();

export const syncPayloads = {
  'member.enrolled': z.looseObject({
    id,
    name: z.string().max(200),
    phone: z.string().min(1).max(32),
    enrolledAt: at,
    updatedAt: at,
    consents: z.array(consentRecord).max(20).default([]),
    hlc,
  }),
  'member.card_issued': z.looseObject({ memberId: id, number: z.string().min(1).max(64), at }),
  'member.card_blocked': z.looseObject({
    memberId: id,
    number: z.string().min(1).max(64),
    reason: z.string().min(1).max(40),
    at,
  }),
  'member.consents_changed': z.looseObject({ memberId: id, records: z.array(consentRecord).min(1).max(20), hlc }),
  'member.tier_changed': z.looseObject({ memberId: id, to: z.string().min(1).max(40), at, hlc }),
  'member.profile_changed': z.looseObject({
    memberId: id,
    name: z.string().min(1).max(200),
    birthday: z.string().max(10).nullable(),
    gender: z.enum(genders),
    community: z.string().max(200).nullable(),
    interests: z.array(z.string().max(80)).max(50),
    at,
    hlc: z.string().min(1).max(120),
  }),
  'coupon.issued': z.looseObject({
    code: z.string().min(1).max(64),
    definitionId: id,
    memberId: id,
    at,
    /** The definition, for terminals that do not have it (an older terminal does not send it). */
    definition: couponDefinitionWire.optional(),
  }),
  'sale.completed': z.looseObject({
    id,
    receiptNo: z.string().min(1).max(64),
    at,
    member: z.looseObject({ id }).nullable(),
    currency: z.string().min(1).max(8),
    totalMinor: int,
    pointsEarned: int.min(0),
    pointsRedeemed: int.min(0),
    coupons: z.array(z.looseObject({ code: z.string().min(1).max(64), definitionId: id, ...saleCouponRules })).max(50),
  }),
  'sale.refunded': z.looseObject({
    id,
    saleId: id,
    memberId: id.nullable(),
    at,
    amountMinor: int,
    /** Negative or zero: earned points taken back. */
    pointsReversed: int.max(0),
    /** Positive or zero: redeemed points given back. */
    pointsReturned: int.min(0),
    couponsReturned: z.array(z.string().min(1).max(64)).max(50),
  }),
  'points.expired': z.looseObject({ memberId: id, points: int.min(1), at }),
  'points.adjusted': z.looseObject({ entryId: id, memberId: id, points: int, reason: z.string().max(200), at }),
  'day.closed': z.looseObject({ kind: z.enum(['x', 'z']), number: int.nullable(), to: at, netMinor: int }),
  'product.saved': z.looseObject({ id }),
  'tier.saved': z.looseObject({ code: z.string().min(1).max(40) }),
  'reward.redeemed': z.looseObject({
    redemptionId: id,
    entryId: id,
    memberId: id,
    rewardId: id,
    points: int.min(1),
    reason: z.string().max(200),
    couponCode: z.string().min(1).max(64),
    at,
  }),
  'contest.voted': z.looseObject({
    voteId: id,
    contestId: id,
    entrantId: id,
    kind: z.enum(['daily', 'purchase', 'withdrawn']),
    votes: int,
    voterMemberId: id.nullable(),
    day: z.string().max(10),
    saleId: id.nullable(),
    at,
  }),
  'member.referrer_named': z.looseObject({ memberId: id, referredBy: id, at }),
  'post.submitted': z.looseObject({
    id,
    memberId: id,
    url: z.string().min(1).max(600),
    normalizedUrl: z.string().min(1).max(600),
    platform: z.string().min(1).max(40),
    submittedAt: at,
  }),
  'post.reviewed': z.looseObject({
    id,
    status: z.enum(['approved', 'rejected']),
    points: int.min(0),
    rejectReason: z.string().max(200).nullable(),
    reviewedAt: at,
  }),
  'feedback.submitted': z.looseObject({
    id,
    memberId: id,
    rating: int.min(1).max(5),
    tags: z.array(z.string().max(40)).max(20),
    comment: z.string().max(1000),
    at,
  }),
  'request.opened': z.looseObject({
    id,
    memberId: id,
    ticketNo: z.string().min(1).max(40),
    kind: z.enum(['complaint', 'repair', 'appointment']),
    description: z.string().min(1).max(1000),
    preferredAt: at.nullable(),
    createdAt: at,
  }),
  'request.answered': z.looseObject({ id, answer: z.string().min(1).max(1000), at }),
  'request.closed': z.looseObject({ id, at }),
  'event.saved': z.looseObject({
    id,
    title: z.looseObject({ zh: z.string().max(200), en: z.string().max(200) }),
    description: z.string().max(2000),
    place: z.string().max(200),
    startsAt: at,
    endsAt: at,
    capacity: int.min(1),
    points: int.min(0),
    status: z.enum(['open', 'cancelled']),
    updatedAt: at,
  }),
  'event.ticket_saved': z.looseObject({
    signupId: id,
    eventId: id,
    memberId: id,
    code: z.string().min(1).max(64),
    status: z.enum(['confirmed', 'waiting', 'cancelled', 'attended']),
    signedUpAt: at,
    checkedInAt: at.nullable(),
    updatedAt: at,
  }),
} satisfies Record<SyncEventType, z.ZodType>;

export type SyncPayload<T extends SyncEventType> = z.infer<(typeof syncPayloads)[T]>;
