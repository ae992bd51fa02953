// Appending to the change log pull streams read. Called by projections inside the push's
// transaction, so a change exists exactly when the row it describes does.
import type { PulledChange, PullStream } from '../../contract';
import type { Queryable } from '../storage';
import type { ProjectionContext } from './projections';

export async function appendChange<K extends PulledChange['kind']>(
  ctx: ProjectionContext,
  stream: PullStream,
  kind: K,
  data: Extract<PulledChange, { kind: K }>['data'],
  /** The pushing terminal gets this change too (a verdict on what it did, e.g. a coupon use in conflict). */
  options: { toPusherToo?: boolean } = {},
): Promise<void> {
  // Pull steps over the rows of the reading terminal: a row of no terminal reaches every one.
  const terminalId = options.toPusherToo ? null : ctx.terminalId;
  await ctx.tx.query(
    `INSERT INTO changes (stream, kind, data, store_id, terminal_id, event_id) VALUES ($1, $2, $3::jsonb, $4, $5, $6)`,
    [stream, kind, JSON.stringify(data), ctx.storeId, terminalId, ctx.eventId],
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
  await tx.query(`INSERT INTO changes (stream, kind, data) VALUES ($1, $2, $3::jsonb)`, [
    stream,
    kind,
    JSON.stringify(data),
  ]);
}
