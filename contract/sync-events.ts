// The events a terminal sends its brand's hub: every change that must reach upstream is written to
// the outbox in the same transaction as the change. Declared once here, for the terminal (which
// writes them) and the hub (which applies them); payload schemas join this file with the hub.

/** Bumped when a payload changes shape; the hub refuses events newer than it knows. */
export const syncSchemaVersion = 1;

export const syncEventTypes = [
  'member.enrolled',
  'member.card_issued',
  'member.card_blocked',
  'member.consents_changed',
  'member.tier_changed',
  /** Name, birthday, gender, community or interests edited at the counter (last writer by HLC wins). */
  'member.profile_changed',
  'coupon.issued',
  'sale.completed',
  'sale.refunded',
  'points.expired',
  'points.adjusted',
  'day.closed',
  /** A product, its member prices or whether it is sold changed at the terminal (payload: the whole product). */
  'product.saved',
  /** A tier was added or changed at the terminal (payload: the whole tier). */
  'tier.saved',
  /** A reward bought with points at a self-service terminal: the points spent (its voucher is a coupon.issued). */
  'reward.redeemed',
  /** A daily vote at a self-service terminal, a purchase's votes, or their withdrawal after a full refund. */
  'contest.voted',
  /** A member enrolled without a referral code named the friend who invited them (before any purchase). */
  'member.referrer_named',
  /** A member submitted a link to a post about the brand (issue 10). */
  'post.submitted',
  /** Staff approved (with the points it earned) or rejected a post. */
  'post.reviewed',
  /** A member rated a visit. */
  'feedback.submitted',
  /** A member opened a service request (complaint, repair, appointment) with its ticket number. */
  'request.opened',
  /** Staff answered a service request. */
  'request.answered',
  /** Staff closed a service request. */
  'request.closed',
  /** A shop's community event was created, changed or cancelled (payload: the whole event). */
  'event.saved',
  /** A sign-up was made or changed: waiting, confirmed, cancelled, attended (payload: the whole ticket). */
  'event.ticket_saved',
] as const;

export type SyncEventType = (typeof syncEventTypes)[number];
