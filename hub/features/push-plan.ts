// The part of a push decided before the database is touched: which events the hub can even try.
// Pure, so the reasons a batch is refused are tested without a database.
import {
  knownSyncEventTypes,
  syncPayloads,
  syncSchemaVersion,
  type PushRequest,
  type PushResult,
  type SyncEventType,
} from '../../contract';

export interface ApplicableEvent {
  index: number;
  id: string;
  type: SyncEventType;
  aggregateId: string;
  createdAt: string;
  payload: unknown;
}

export interface PushPlan {
  /** One per event of the batch, in order; null where the database decides. */
  results: (PushResult | null)[];
  applicable: ApplicableEvent[];
}

export function planPush(request: PushRequest, hubSchemaVersion: number = syncSchemaVersion): PushPlan {
  // A newer terminal's events may mean something this hub would apply wrongly: none is written,
  // and every one says why, so the terminal keeps them until the hub is upgraded.
  if (request.schemaVersion > hubSchemaVersion)
    return {
      results: request.events.map((e) => ({
        id: e.id,
        status: 'rejected',
        reason: 'FUTURE_SCHEMA_VERSION',
        detail: `the events are of sync schema ${request.schemaVersion}; this hub knows up to ${hubSchemaVersion}`,
      })),
      applicable: [],
    };
  const results: (PushResult | null)[] = [];
  const applicable: ApplicableEvent[] = [];
  for (const [index, e] of request.events.entries()) {
    if (!knownSyncEventTypes.includes(e.type)) {
      results.push({
        id: e.id,
        status: 'rejected',
        reason: 'UNKNOWN_EVENT_TYPE',
        detail: `unknown event type ${e.type}`,
      });
      continue;
    }
    const type = e.type as SyncEventType;
    const parsed = syncPayloads[type].safeParse(e.payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : 'payload';
      results.push({
        id: e.id,
        status: 'rejected',
        reason: 'PAYLOAD_INVALID',
        detail: `${type}: ${where}: ${issue?.message ?? 'invalid'}`,
      });
      continue;
    }
    results.push(null);
    applicable.push({
      index,
      id: e.id,
      type,
      aggregateId: e.aggregateId,
      createdAt: e.createdAt,
      payload: parsed.data,
    });
  }
  return { results, applicable };
}
