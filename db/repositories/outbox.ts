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

/** Append only from use cases, always inside the transaction of the change it describes. */
export function outboxRepository(db: Db): OutboxRepository {
  const insert = db.prepare('INSERT INTO outbox (id, type, aggregate_id, payload, created_at) VALUES (?, ?, ?, ?, ?)');
  const all = db.prepare<
    [],
    { id: string; type: SyncEventType; aggregateId: string; payload: string; createdAt: string }
  >('SELECT id, type, aggregate_id AS aggregateId, payload, created_at AS createdAt FROM outbox ORDER BY seq');
  return {
    append: (e: OutboxEvent) => void insert.run(e.id, e.type, e.aggregateId, JSON.stringify(e.payload), e.createdAt),
    pending: (): OutboxEvent[] => all.all().map((r) => ({ ...r, payload: JSON.parse(r.payload) as unknown })),
  };
}
