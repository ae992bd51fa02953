// The commonest events of a push (enrolments, cards, sales, points) projected set-based: the rows
// projections.ts would write for them, one event at a time and a query per row, written here with
// one INSERT per table for a whole run of such events. A batch of 500 sales is then a handful of
// round trips instead of two thousand. The rows are exactly the same (test/hub/push-bulk.test.ts
// pushes one batch both ways and compares every table): a projection changed in projections.ts must
// be changed here too, or its type taken out of `bulkProjections`.
import type { PulledChange, SyncEventType, SyncPayload } from '../../contract';
import type { Queryable } from '../storage';
import { EventRefused } from './errors';
import type { ApplicableEvent } from './push-plan';
import type { AuthenticatedTerminal } from './terminals';

type Row = Record<string, unknown>;

/** One run's rows per table, and its changes in the order the per-event path would append them. */
interface Rows {
  tables: Map<string, Row[]>;
  changes: Row[];
}

type Ctx = { eventId: string; storeId: string; terminalId: string };

type BulkProjection<T extends SyncEventType> = (rows: Rows, ctx: Ctx, payload: SyncPayload<T>) => void;

const add = (rows: Rows, table: string, row: Row) => {
  let list = rows.tables.get(table);
  if (!list) rows.tables.set(table, (list = []));
  list.push(row);
};

function change<K extends PulledChange['kind']>(
  rows: Rows,
  ctx: Ctx,
  kind: K,
  data: Extract<PulledChange, { kind: K }>['data'],
) {
  rows.changes.push({
    stream: 'members',
    kind,
    data,
    store_id: ctx.storeId,
    terminal_id: ctx.terminalId,
    event_id: ctx.eventId,
  });
}

/** A ledger entry and its change, as projections.ts's ledger() writes them. */
function ledger(
  rows: Rows,
  ctx: Ctx,
  entry: Omit<Extract<PulledChange, { kind: 'points' }>['data'], 'storeId' | 'terminalId'>,
) {
  add(rows, 'points_entries', {
    id: entry.id,
    member_id: entry.memberId,
    store_id: ctx.storeId,
    terminal_id: ctx.terminalId,
    kind: entry.kind,
    points: entry.points,
    reason: entry.reason,
    source_id: entry.sourceId,
    at: entry.at,
    event_id: ctx.eventId,
  });
  change(rows, ctx, 'points', { ...entry, storeId: ctx.storeId, terminalId: ctx.terminalId });
}

/** Types the bulk path may take; every other type goes through projections.ts one event at a time. */
export const bulkProjections: { [T in SyncEventType]?: BulkProjection<T> } = {
  'member.enrolled'(rows, ctx, p) {
    const { consents: records, ...member } = p;
    add(rows, 'members', {
      id: p.id,
      home_store_id: ctx.storeId,
      phone: p.phone,
      name: p.name,
      enrolled_at: p.enrolledAt,
      updated_at: p.updatedAt,
      payload: member,
      event_id: ctx.eventId,
    });
    for (const [i, r] of records.entries())
      add(rows, 'consents', {
        id: `${ctx.eventId}:${i}`,
        member_id: p.id,
        purpose: r.purpose,
        granted: r.granted,
        recorded_at: r.recordedAt,
        store_id: ctx.storeId,
        payload: r,
        event_id: ctx.eventId,
      });
    change(rows, ctx, 'member', { ...member, homeStoreId: ctx.storeId } as Extract<
      PulledChange,
      { kind: 'member' }
    >['data']);
  },
  'member.card_issued'(rows, ctx, p) {
    add(rows, 'cards', {
      number: p.number,
      member_id: p.memberId,
      status: 'active',
      issued_at: p.at,
      store_id: ctx.storeId,
      event_id: ctx.eventId,
    });
    change(rows, ctx, 'card', { number: p.number, memberId: p.memberId, status: 'active', at: p.at, reason: null });
  },
  'points.expired'(rows, ctx, p) {
    ledger(rows, ctx, {
      id: `${ctx.eventId}:expire`,
      memberId: p.memberId,
      kind: 'expire',
      points: -p.points,
      reason: 'expiry',
      sourceId: null,
      at: p.at,
    });
  },
  'points.adjusted'(rows, ctx, p) {
    ledger(rows, ctx, {
      id: p.entryId,
      memberId: p.memberId,
      kind: 'adjust',
      points: p.points,
      reason: p.reason,
      sourceId: null,
      at: p.at,
    });
  },
  'sale.completed'(rows, ctx, p) {
    const memberId = p.member?.id ?? null;
    add(rows, 'sales', {
      id: p.id,
      store_id: ctx.storeId,
      terminal_id: ctx.terminalId,
      receipt_no: p.receiptNo,
      member_id: memberId,
      currency: p.currency,
      total_minor: p.totalMinor,
      at: p.at,
      payload: p,
      event_id: ctx.eventId,
    });
    if (memberId) {
      const entry = { memberId, reason: 'sale', sourceId: p.id, at: p.at };
      if (p.pointsRedeemed > 0)
        ledger(rows, ctx, { ...entry, id: `${ctx.eventId}:redeem`, kind: 'redeem', points: -p.pointsRedeemed });
      if (p.pointsEarned > 0)
        ledger(rows, ctx, { ...entry, id: `${ctx.eventId}:earn`, kind: 'earn', points: p.pointsEarned });
    }
    for (const [i, c] of p.coupons.entries())
      add(rows, 'coupon_uses', {
        id: `${ctx.eventId}:${i}`,
        code: c.code,
        definition_id: c.definitionId,
        member_id: memberId,
        sale_id: p.id,
        delta: 1,
        store_id: ctx.storeId,
        at: p.at,
        event_id: ctx.eventId,
      });
  },
};

/** Column types of the tables the bulk path writes, as jsonb_to_recordset needs them. */
const columns: Record<string, Record<string, string>> = {
  members: {
    id: 'text',
    home_store_id: 'text',
    phone: 'text',
    name: 'text',
    enrolled_at: 'text',
    updated_at: 'text',
    payload: 'jsonb',
    event_id: 'text',
  },
  consents: {
    id: 'text',
    member_id: 'text',
    purpose: 'text',
    granted: 'boolean',
    recorded_at: 'text',
    store_id: 'text',
    payload: 'jsonb',
    event_id: 'text',
  },
  sales: {
    id: 'text',
    store_id: 'text',
    terminal_id: 'text',
    receipt_no: 'text',
    member_id: 'text',
    currency: 'text',
    total_minor: 'bigint',
    at: 'text',
    payload: 'jsonb',
    event_id: 'text',
  },
  points_entries: {
    id: 'text',
    member_id: 'text',
    store_id: 'text',
    terminal_id: 'text',
    kind: 'text',
    points: 'integer',
    reason: 'text',
    source_id: 'text',
    at: 'text',
    event_id: 'text',
  },
  coupon_uses: {
    id: 'text',
    code: 'text',
    definition_id: 'text',
    member_id: 'text',
    sale_id: 'text',
    delta: 'integer',
    store_id: 'text',
    at: 'text',
    event_id: 'text',
  },
  cards: {
    number: 'text',
    member_id: 'text',
    status: 'text',
    issued_at: 'text',
    store_id: 'text',
    event_id: 'text',
  },
  changes: { stream: 'text', kind: 'text', data: 'jsonb', store_id: 'text', terminal_id: 'text', event_id: 'text' },
};

/**
 * One INSERT for all rows of a table; `ord` keeps the order where it matters (the change log's seq).
 * A card number already held (at the hub, or twice in this run) is the per-event path's refusal:
 * thrown, so the batch goes event by event and that card's event alone is rejected.
 */
async function insertAll(tx: Queryable, table: string, rows: readonly Row[]): Promise<void> {
  if (!rows.length) return;
  const cols = columns[table]!;
  const names = Object.keys(cols);
  const spec = [...names.map((n) => `${n} ${cols[n]}`), 'ord integer'].join(', ');
  const cards = table === 'cards';
  const { rows: written } = await tx.query(
    `INSERT INTO ${table} (${names.join(', ')})
     SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${spec}) ORDER BY ord
     ${cards ? 'ON CONFLICT (number) DO NOTHING RETURNING 1' : ''}`,
    [JSON.stringify(rows.map((r, ord) => ({ ...r, ord })))],
  );
  if (cards && written.length !== rows.length)
    throw new EventRefused('CONFLICT', 'a card of this batch belongs to another member at the hub');
}

export const isBulk = (type: SyncEventType): boolean => bulkProjections[type] !== undefined;

/**
 * Writes the rows of a run of bulk-able events, in the order of the per-event path where order
 * shows (changes last, as their rows exist by then). Throws like the per-event path would (a unique
 * key taken): the caller rolls the batch back and applies its events one by one.
 */
export async function applyBulk(
  tx: Queryable,
  terminal: AuthenticatedTerminal,
  events: readonly ApplicableEvent[],
): Promise<void> {
  const rows: Rows = { tables: new Map(), changes: [] };
  for (const e of events) {
    const project = bulkProjections[e.type] as BulkProjection<SyncEventType>;
    project(rows, { eventId: e.id, storeId: terminal.storeId, terminalId: terminal.terminalId }, e.payload as never);
  }
  for (const [table, list] of rows.tables) await insertAll(tx, table, list);
  await insertAll(tx, 'changes', rows.changes);
}
