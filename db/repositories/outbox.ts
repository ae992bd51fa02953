import type { SyncEventType } from '../../contract';
import type { Db } from '../open';
import type { OutboxRepository } from '../store';

export interface OutboxEvent {
  id: string;
  /** One of the sync events the contract declares (contract/sync-events.ts). */
  type: SyncEventType;
  aggregateId: string;
  payload: unknown;
  createdAt: string;
}

/** An event waiting for the hub, with its place in the send order. */
export interface QueuedEvent extends OutboxEvent {
  seq: number;
}

/** An event the hub refused, kept with the hub's reason. */
export interface ParkedEventRow extends QueuedEvent {
  reason: string;
  detail: string | null;
  parkedAt: string;
}

type Row = { seq: number; id: string; type: SyncEventType; aggregateId: string; payload: string; createdAt: string };
const columns = 'seq, id, type, aggregate_id AS aggregateId, payload, created_at AS createdAt';
const parse = <R extends Row>(r: R) => ({ ...r, payload: JSON.parse(r.payload) as unknown });

/** Append only from use cases, always inside the transaction of the change it describes. */
export function outboxRepository(db: Db): OutboxRepository {
  // seq is the rowid without AUTOINCREMENT: an emptied outbox would start again at 1 and a new
  // event could take the seq of one still parked (outbox_parked's key), so parking it would fail.
  // The next seq is past both tables.
  const nextSeq = `(SELECT coalesce(max(s), 0) + 1 FROM (SELECT max(seq) AS s FROM outbox UNION ALL SELECT max(seq) FROM outbox_parked))`;
  const insert = db.prepare(
    `INSERT INTO outbox (seq, id, type, aggregate_id, payload, created_at) VALUES (${nextSeq}, ?, ?, ?, ?, ?)`,
  );
  const all = db.prepare<[], Row>(`SELECT ${columns} FROM outbox ORDER BY seq`);
  const batch = db.prepare<[number], Row>(`SELECT ${columns} FROM outbox ORDER BY seq LIMIT ?`);
  const remove = db.prepare<[number]>('DELETE FROM outbox WHERE seq = ?');
  const moveToParked = db.prepare<[string, string | null, string, number]>(
    `INSERT INTO outbox_parked (seq, id, type, aggregate_id, payload, created_at, reason, detail, parked_at)
     SELECT seq, id, type, aggregate_id, payload, created_at, ?, ?, ? FROM outbox WHERE seq = ?`,
  );
  const parkedRows = db.prepare<[], Row & { reason: string; detail: string | null; parkedAt: string }>(
    `SELECT ${columns}, reason, detail, parked_at AS parkedAt FROM outbox_parked ORDER BY seq`,
  );
  const parkedById = db.prepare<[string], Row & { reason: string; detail: string | null; parkedAt: string }>(
    `SELECT ${columns}, reason, detail, parked_at AS parkedAt FROM outbox_parked WHERE id = ?`,
  );
  // Back at the end of the queue: sent after what waits now, like an event made at this moment.
  const requeue = db.prepare<[string]>(
    `INSERT INTO outbox (seq, id, type, aggregate_id, payload, created_at)
     SELECT ${nextSeq}, id, type, aggregate_id, payload, created_at FROM outbox_parked WHERE id = ?`,
  );
  const removeParked = db.prepare<[string]>('DELETE FROM outbox_parked WHERE id = ?');
  const countBoth = db.prepare<[], { waiting: number; parked: number }>(
    'SELECT (SELECT count(*) FROM outbox) AS waiting, (SELECT count(*) FROM outbox_parked) AS parked',
  );
  return {
    append: (e: OutboxEvent) => void insert.run(e.id, e.type, e.aggregateId, JSON.stringify(e.payload), e.createdAt),
    pending: (): OutboxEvent[] => all.all().map(({ seq: _seq, ...r }) => parse(r as Row)),
    nextBatch: (limit) => batch.all(limit).map(parse),
    acknowledge(seqs) {
      for (const seq of seqs) remove.run(seq);
    },
    park(seq, reason, detail, at) {
      if (moveToParked.run(reason, detail, at, seq).changes === 1) remove.run(seq);
    },
    parked: () => parkedRows.all().map(parse),
    parkedEvent(id) {
      const row = parkedById.get(id);
      return row ? parse(row) : null;
    },
    unpark(id) {
      if (requeue.run(id).changes !== 1) return false;
      removeParked.run(id);
      return true;
    },
    dropParked: (id) => removeParked.run(id).changes === 1,
    counts: () => countBoth.get()!,
  };
}
