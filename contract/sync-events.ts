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
  /** A shop's community event was created, changed or cancelled (payload: the whole event). */
  'event.saved',
  /** A sign-up was made or changed: waiting, confirmed, cancelled, attended (payload: the whole ticket). */
  'event.ticket_saved',
] as const;

export type SyncEventType = (typeof syncEventTypes)[number];
