// POST /v1/push: a batch of outbox events in one transaction. Each event is keyed by its
// terminal-made id, so a batch sent again (the answer was lost, the terminal restarted) answers
// `duplicate` and changes nothing. The whole batch is tried first under one savepoint, set-based
// (a few round trips for 500 events); when one event of it cannot apply, that is rolled back and
// each event is applied inside its own savepoint: the one that cannot apply is rolled back alone and
// rejected, and the others still commit. Either way the answers and the rows are the same.
import type { PushRequest, PushResponse, PushResult, SyncEventType, SyncPayload } from '../../contract';
import { syncSchemaVersion } from '../../contract';
import type { HubStorage, Queryable } from '../storage';
import { EventRefused, isUniqueViolation } from './errors';
import { projections, type ProjectionContext } from './projections';
import { planPush, type ApplicableEvent } from './push-plan';
import type { AuthenticatedTerminal } from './terminals';

/** NOTIFY channel after every push that applied something; the payload is the store id. */
export const eventsChannel = 'linli_hub_events';

function apply<T extends SyncEventType>(ctx: ProjectionContext, type: T, payload: unknown): Promise<void> {
  // The payload was parsed by syncPayloads[type] in planPush.
  return projections[type](ctx, payload as SyncPayload<T>);
}

async function storesOfKnownEvents(tx: Queryable, events: readonly ApplicableEvent[]): Promise<Map<string, string>> {
  const { rows } = await tx.query<{ id: string; storeId: string }>(
    `SELECT id, store_id AS "storeId" FROM events WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(events.map((e) => e.id))],
  );
  return new Map(rows.map((r) => [r.id, r.storeId]));
}

const otherStore = (id: string): PushResult => ({
  id,
  status: 'rejected',
  reason: 'OTHER_STORE',
  detail: 'an event with this id was pushed by another store',
});

async function applyOne(
  tx: Queryable,
  terminal: AuthenticatedTerminal,
  e: ApplicableEvent,
  version: number,
): Promise<PushResult> {
  await tx.query('SAVEPOINT push_event');
  try {
    // ON CONFLICT: the same batch committed meanwhile by another request waits here and then finds it.
    const inserted = await tx.query(
      `INSERT INTO events (id, store_id, terminal_id, type, schema_version, aggregate_id, payload, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        e.id,
        terminal.storeId,
        terminal.terminalId,
        e.type,
        version,
        e.aggregateId,
        JSON.stringify(e.payload),
        e.createdAt,
      ],
    );
    if (!inserted.rows.length) {
      await tx.query('RELEASE SAVEPOINT push_event');
      const stores = await storesOfKnownEvents(tx, [e]);
      return stores.get(e.id) === terminal.storeId ? { id: e.id, status: 'duplicate' } : otherStore(e.id);
    }
    await apply(
      { tx, eventId: e.id, aggregateId: e.aggregateId, storeId: terminal.storeId, terminalId: terminal.terminalId },
      e.type,
      e.payload,
    );
    await tx.query('RELEASE SAVEPOINT push_event');
    return { id: e.id, status: 'applied' };
  } catch (error) {
    if (!(error instanceof EventRefused) && !isUniqueViolation(error)) throw error;
    await tx.query('ROLLBACK TO SAVEPOINT push_event');
    await tx.query('RELEASE SAVEPOINT push_event');
    if (error instanceof EventRefused)
      return { id: e.id, status: 'rejected', reason: error.reason, detail: error.detail };
    return {
      id: e.id,
      status: 'rejected',
      reason: 'CONFLICT',
      detail: `${e.type}: a record with the same key exists at the hub`,
    };
  }
}

/** The batch's new events in one INSERT; answers the ids it inserted (not those another request holds). */
async function insertEvents(
  tx: Queryable,
  terminal: AuthenticatedTerminal,
  events: readonly ApplicableEvent[],
  version: number,
): Promise<Set<string>> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO events (id, store_id, terminal_id, type, schema_version, aggregate_id, payload, created_at)
     SELECT id, $2, $3, type, $4, aggregate_id, payload, created_at
       FROM jsonb_to_recordset($1::jsonb)
         AS r(id text, type text, aggregate_id text, payload jsonb, created_at text, ord integer)
      ORDER BY ord
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      JSON.stringify(
        events.map((e, ord) => ({
          id: e.id,
          type: e.type,
          aggregate_id: e.aggregateId,
          payload: e.payload,
          created_at: e.createdAt,
          ord,
        })),
      ),
      terminal.storeId,
      terminal.terminalId,
      version,
    ],
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * The fast path: the whole batch under one savepoint and its events in one INSERT, each projected
 * by projections.ts in order (one piece of code decides what an event writes). Answers
 * null after rolling back when any event cannot apply: the caller then takes the events one by one,
 * so a refused event is rejected alone exactly as before.
 */
async function applyBatch(
  tx: Queryable,
  terminal: AuthenticatedTerminal,
  events: readonly ApplicableEvent[],
  version: number,
): Promise<PushResult[] | null> {
  await tx.query('SAVEPOINT push_batch');
  try {
    const inserted = await insertEvents(tx, terminal, events, version);
    const applied = new Set<string>();
    for (const e of events) {
      // Not inserted, or its id seen earlier in this batch: answered below like the per-event path.
      if (!inserted.has(e.id) || applied.has(e.id)) continue;
      applied.add(e.id);
      await apply(
        { tx, eventId: e.id, aggregateId: e.aggregateId, storeId: terminal.storeId, terminalId: terminal.terminalId },
        e.type,
        e.payload,
      );
    }
    await tx.query('RELEASE SAVEPOINT push_batch');
    // Not inserted: committed meanwhile by another request (a resend racing itself), or another store's.
    const others = events.filter((e) => !inserted.has(e.id));
    const stores = others.length ? await storesOfKnownEvents(tx, others) : new Map<string, string>();
    const answered = new Set<string>();
    return events.map((e): PushResult => {
      if (inserted.has(e.id) && !answered.has(e.id)) {
        answered.add(e.id);
        return { id: e.id, status: 'applied' };
      }
      const storeId = inserted.has(e.id) ? terminal.storeId : stores.get(e.id);
      return storeId === terminal.storeId ? { id: e.id, status: 'duplicate' } : otherStore(e.id);
    });
  } catch (error) {
    if (!(error instanceof EventRefused) && !isUniqueViolation(error)) throw error;
    await tx.query('ROLLBACK TO SAVEPOINT push_batch');
    await tx.query('RELEASE SAVEPOINT push_batch');
    return null;
  }
}

export async function push(
  storage: HubStorage,
  terminal: AuthenticatedTerminal,
  request: PushRequest,
  /** bulk: false takes the per-event path at once (the test comparing both paths). */
  options: { bulk?: boolean } = {},
): Promise<PushResponse> {
  const plan = planPush(request, syncSchemaVersion);
  const results = plan.results;
  if (plan.applicable.length) {
    await storage.transaction(async (tx) => {
      const batch =
        options.bulk !== false ? await applyBatch(tx, terminal, plan.applicable, request.schemaVersion) : null;
      if (batch) {
        for (const [i, e] of plan.applicable.entries()) results[e.index] = batch[i]!;
        return;
      }
      // Events the hub has already: answered without a savepoint each, the common case of a resend.
      const known = await storesOfKnownEvents(tx, plan.applicable);
      for (const e of plan.applicable) {
        const storeId = known.get(e.id);
        if (storeId !== undefined)
          results[e.index] = storeId === terminal.storeId ? { id: e.id, status: 'duplicate' } : otherStore(e.id);
        else results[e.index] = await applyOne(tx, terminal, e, request.schemaVersion);
      }
    });
  }
  const final = results.map(
    (r, i) => r ?? { id: request.events[i]!.id, status: 'rejected' as const, reason: 'CONFLICT' as const },
  );
  // After the commit, never inside it: a listener woken early would read before the rows are visible.
  if (final.some((r) => r.status === 'applied')) await storage.notify(eventsChannel, terminal.storeId).catch(() => {});
  return { results: final };
}
