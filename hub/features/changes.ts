// Appending to the change log pull streams read. Called by projections inside the push's
// transaction, and by the admin API inside its own, so a change exists exactly when the row it
// describes does.
import type { PulledChange, PullStream } from '../../contract';
import type { Queryable } from '../storage';

/**
 * Who made the change: a pushed event (a projection's context) or the admin API, which has no
 * store, terminal or event (null: every terminal receives it, none steps over it as its own).
 */
export interface ChangeSource {
  tx: Queryable;
  storeId: string | null;
  terminalId: string | null;
  eventId: string | null;
}

/** The admin API's source: the brand itself. */
export const adminSource = (tx: Queryable): ChangeSource => ({ tx, storeId: null, terminalId: null, eventId: null });

export async function appendChange<K extends PulledChange['kind']>(
  ctx: ChangeSource,
  stream: PullStream,
  kind: K,
  data: Extract<PulledChange, { kind: K }>['data'],
  /** The pushing terminal gets this change too (a verdict on what it did, e.g. a coupon use in conflict). */
  options: { toPusherToo?: boolean } = {},
): Promise<void> {
  // Pull steps over the rows of the reading terminal: a row of no terminal reaches every one.
  await insertChange(options.toPusherToo ? { ...ctx, terminalId: null } : ctx, stream, kind, data);
}

async function insertChange(ctx: ChangeSource, stream: PullStream, kind: string, data: unknown): Promise<void> {
  await ctx.tx.query(
    `INSERT INTO changes (stream, kind, data, store_id, terminal_id, event_id) VALUES ($1, $2, $3::jsonb, $4, $5, $6)`,
    [stream, kind, JSON.stringify(data), ctx.storeId, ctx.terminalId, ctx.eventId],
  );
}

/**
 * A change the hub makes itself (an admin's merge, the ledger entries that carry it): no terminal
 * wrote it, so every terminal pulls it, the one whose push caused it too.
 */
export async function appendAdminChange<K extends PulledChange['kind']>(
  tx: Queryable,
  stream: PullStream,
  kind: K,
  data: Extract<PulledChange, { kind: K }>['data'],
): Promise<void> {
  await insertChange(adminSource(tx), stream, kind, data);
}
