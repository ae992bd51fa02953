// Conflicts: what sync cannot settle by itself is kept, never dropped and never silently decided
// twice. Each is recorded inside the transaction of the event that revealed it, with an id made from
// that event, so an event re-sent records nothing more (docs/sync-conflicts.md).
import type { ConflictInfo, ConflictKind } from '../../contract';
import type { Queryable } from '../storage';
import { iso } from './sql';

export interface NewConflict {
  kind: ConflictKind;
  subject: string;
  storeId: string | null;
  terminalId: string | null;
  eventId: string | null;
  detail: Record<string, unknown>;
}

/** Records the conflict once; answers false when this event recorded it already. */
export async function recordConflict(db: Queryable, c: NewConflict): Promise<boolean> {
  const id = `${c.eventId ?? 'admin'}:${c.kind}:${c.subject}`;
  const { rows } = await db.query(
    `INSERT INTO conflicts (id, kind, subject, store_id, terminal_id, event_id, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [id, c.kind, c.subject, c.storeId, c.terminalId, c.eventId, JSON.stringify(c.detail)],
  );
  return rows.length > 0;
}

/** Marks the open conflicts of this kind and subject resolved (a merge resolves its phone claim). */
export async function resolveConflicts(
  db: Queryable,
  kind: ConflictKind,
  subject: string,
  resolution: string,
): Promise<number> {
  const { rows } = await db.query(
    `UPDATE conflicts SET resolved_at = now(), resolution = $3
      WHERE kind = $1 AND subject = $2 AND resolved_at IS NULL RETURNING id`,
    [kind, subject, resolution],
  );
  return rows.length;
}

export async function listConflicts(db: Queryable, filter: { status: 'open' | 'all' }): Promise<ConflictInfo[]> {
  const { rows } = await db.query<ConflictInfo>(
    `SELECT c.id, c.kind, c.subject, c.store_id AS "storeId", s.code AS "storeCode", c.terminal_id AS "terminalId",
            c.event_id AS "eventId", c.detail, ${iso('c.created_at')} AS "createdAt",
            ${iso('c.resolved_at')} AS "resolvedAt", c.resolution
       FROM conflicts c LEFT JOIN stores s ON s.id = c.store_id
      WHERE $1 = 'all' OR c.resolved_at IS NULL
      ORDER BY c.created_at, c.id`,
    [filter.status],
  );
  return rows;
}
