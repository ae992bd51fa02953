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
  const insert = db.prepare('INSERT INTO outbox (id, type, aggregate_id, payload, created_at) VALUES (?, ?, ?, ?, ?)');
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
    counts: () => countBoth.get()!,
  };
}
