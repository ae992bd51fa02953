// Community events at the hub (issue 10, decision 0024): the brand's chain-wide events (admin API),
// the shops' events (pushed), every terminal's tickets, and the seat claim that makes a capacity
// hold across terminals. Each change of an event or of its seats reaches every terminal as an
// `event` change in the catalogue stream, carrying the seats counted here.
import { randomUUID } from 'node:crypto';
import type { EventClaimRequest, EventClaimResponse, hubEventInput, PulledEvent, SyncPayload } from '../../contract';
import type { z } from 'zod';
import type { HubStorage, Queryable } from '../storage';
import { adminSource, appendChange, type ChangeSource } from './changes';
import { EventRefused, HubError } from './errors';
import type { ProjectionContext } from './projections';
import { eventsChannel } from './push';
import { iso } from './sql';
import type { AuthenticatedTerminal } from './terminals';

/** How long a confirmed claim holds its seat for a ticket whose push has not arrived yet. */
export const seatHoldMinutes = 15;

const eventColumns = `id, jsonb_build_object('zh', title_zh, 'en', title_en) AS title, description, place,
  ${iso('starts_at')} AS "startsAt", ${iso('ends_at')} AS "endsAt", capacity, points, scope, store_id AS "storeId",
  status, ${iso('updated_at')} AS "updatedAt"`;

/** Confirmed and attended tickets, and claims still holding their seat. */
const takenSql = `SELECT count(*)::int AS taken FROM event_signups
  WHERE event_id = $1 AND status IN ('confirmed', 'attended') AND (held_until IS NULL OR held_until > now())`;

async function lockEvent(tx: Queryable, eventId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`linli:event:${eventId}`]);
}

async function takenOf(tx: Queryable, eventId: string): Promise<number> {
  return (await tx.query<{ taken: number }>(takenSql, [eventId])).rows[0]!.taken;
}

async function eventAtHub(tx: Queryable, eventId: string): Promise<PulledEvent | null> {
  const { rows } = await tx.query<Omit<PulledEvent, 'taken'>>(
    `SELECT ${eventColumns} FROM community_events WHERE id = $1`,
    [eventId],
  );
  return rows[0] ? { ...rows[0], taken: await takenOf(tx, eventId) } : null;
}

/** The event and its seats as they stand now, to every terminal (or all but the pusher). */
async function announce(source: ChangeSource, eventId: string): Promise<void> {
  const event = await eventAtHub(source.tx, eventId);
  if (event) await appendChange(source, 'catalogue', 'event', event);
}

export async function listHubEvents(db: Queryable): Promise<PulledEvent[]> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM community_events ORDER BY starts_at, id');
  const events: PulledEvent[] = [];
  for (const r of rows) events.push((await eventAtHub(db, r.id))!);
  return events;
}

/** POST /v1/admin/events: publishes a chain-wide event (no id) or changes the one with this id. */
export async function upsertHubEvent(storage: HubStorage, input: z.output<typeof hubEventInput>): Promise<PulledEvent> {
  if (Date.parse(input.endsAt) <= Date.parse(input.startsAt))
    throw new HubError('BAD_REQUEST', 400, 'endsAt: the end must be after the start', 'endsAt');
  const id = input.id ?? randomUUID();
  const result = await storage.transaction(async (tx) => {
    await lockEvent(tx, id);
    const { rows } = await tx.query<{ scope: string }>('SELECT scope FROM community_events WHERE id = $1', [id]);
    if (rows[0] && rows[0].scope !== 'chain')
      throw new HubError('ALREADY_EXISTS', 409, `event ${id} is a shop's own event: it is changed at the shop`);
    await tx.query(
      `INSERT INTO community_events (id, scope, store_id, title_zh, title_en, description, place, starts_at, ends_at,
         capacity, points, status, updated_at)
       VALUES ($1, 'chain', NULL, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())
       ON CONFLICT (id) DO UPDATE SET title_zh = excluded.title_zh, title_en = excluded.title_en,
         description = excluded.description, place = excluded.place, starts_at = excluded.starts_at,
         ends_at = excluded.ends_at, capacity = excluded.capacity, points = excluded.points, status = excluded.status,
         updated_at = now()`,
      [
        id,
        input.title.zh,
        input.title.en,
        input.description,
        input.place,
        input.startsAt,
        input.endsAt,
        input.capacity,
        input.points,
        input.status,
      ],
    );
    await announce(adminSource(tx), id);
    return (await eventAtHub(tx, id))!;
  });
  await storage.notify(eventsChannel, 'catalogue').catch(() => {});
  return result;
}

/**
 * POST /v1/events/claim: a seat for one sign-up about to commit at a terminal, counted against the
 * capacity with every terminal's tickets and held claims. Idempotent by sign-up: a retry answers
 * what the first answered.
 */
export async function claimSeat(
  storage: HubStorage,
  terminal: AuthenticatedTerminal,
  req: EventClaimRequest,
): Promise<EventClaimResponse> {
  const answer = await storage.transaction(async (tx): Promise<EventClaimResponse> => {
    await lockEvent(tx, req.eventId);
    const { rows: earlier } = await tx.query<{ memberId: string; status: string }>(
      'SELECT member_id AS "memberId", status FROM event_signups WHERE id = $1',
      [req.signupId],
    );
    if (earlier[0]) {
      if (earlier[0].memberId !== req.memberId)
        throw new HubError('ALREADY_EXISTS', 409, `sign-up ${req.signupId} was claimed for another member`);
      return { status: 'confirmed', taken: await takenOf(tx, req.eventId) };
    }
    const { rows: events } = await tx.query<{ capacity: number; status: string; scope: string; storeId: string }>(
      'SELECT capacity, status, scope, store_id AS "storeId" FROM community_events WHERE id = $1',
      [req.eventId],
    );
    const event = events[0];
    if (event && event.scope === 'shop' && event.storeId !== terminal.storeId)
      throw new HubError('FORBIDDEN', 403, `event ${req.eventId} belongs to another store`);
    const taken = await takenOf(tx, req.eventId);
    if (event?.status === 'cancelled') return { status: 'refused', reason: 'EVENT_CANCELLED', taken };
    const { rows: live } = await tx.query(
      `SELECT 1 FROM event_signups WHERE event_id = $1 AND member_id = $2
         AND status IN ('confirmed', 'waiting', 'attended') AND (held_until IS NULL OR held_until > now())`,
      [req.eventId, req.memberId],
    );
    if (live.length) return { status: 'refused', reason: 'EVENT_ALREADY_SIGNED_UP', taken };
    // The hub's capacity once it knows the event; until then the shop's own, sent with the claim.
    if (taken >= (event?.capacity ?? req.capacity)) return { status: 'refused', reason: 'EVENT_FULL', taken };
    await tx.query(
      `INSERT INTO event_signups (id, event_id, member_id, code, store_id, terminal_id, status, signed_up_at,
         updated_at, held_until)
       VALUES ($1, $2, $3, $4, $5, $6, 'confirmed', '', '', now() + make_interval(mins => $7::int))`,
      [req.signupId, req.eventId, req.memberId, req.code, terminal.storeId, terminal.terminalId, seatHoldMinutes],
    );
    // Every terminal, the claimer too, learns the new count.
    await announce(adminSource(tx), req.eventId);
    return { status: 'confirmed', taken: taken + 1 };
  });
  if (answer.status === 'confirmed') await storage.notify(eventsChannel, 'catalogue').catch(() => {});
  return answer;
}

/** event.saved: a shop's event, kept under the pushing store. */
export async function projectEventSaved(ctx: ProjectionContext, p: SyncPayload<'event.saved'>): Promise<void> {
  await lockEvent(ctx.tx, p.id);
  const { rows } = await ctx.tx.query<{ scope: string; storeId: string | null }>(
    'SELECT scope, store_id AS "storeId" FROM community_events WHERE id = $1',
    [p.id],
  );
  if (rows[0] && (rows[0].scope !== 'shop' || rows[0].storeId !== ctx.storeId))
    throw new EventRefused('OTHER_STORE', `event ${p.id} is not this store's own event`);
  await ctx.tx.query(
    `INSERT INTO community_events (id, scope, store_id, title_zh, title_en, description, place, starts_at, ends_at,
       capacity, points, status, updated_at, event_id)
     VALUES ($1, 'shop', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (id) DO UPDATE SET title_zh = excluded.title_zh, title_en = excluded.title_en,
       description = excluded.description, place = excluded.place, starts_at = excluded.starts_at,
       ends_at = excluded.ends_at, capacity = excluded.capacity, points = excluded.points, status = excluded.status,
       updated_at = excluded.updated_at, event_id = excluded.event_id
     WHERE community_events.updated_at <= excluded.updated_at`,
    [
      p.id,
      ctx.storeId,
      p.title.zh,
      p.title.en,
      p.description,
      p.place,
      p.startsAt,
      p.endsAt,
      p.capacity,
      p.points,
      p.status,
      p.updatedAt,
      ctx.eventId,
    ],
  );
  await announce(ctx, p.id);
}

/** event.ticket_saved: a ticket made or changed at a terminal; the newer change of a ticket wins. */
export async function projectTicketSaved(ctx: ProjectionContext, p: SyncPayload<'event.ticket_saved'>): Promise<void> {
  await lockEvent(ctx.tx, p.eventId);
  await ctx.tx.query(
    `INSERT INTO event_signups (id, event_id, member_id, code, store_id, terminal_id, status, signed_up_at,
       checked_in_at, updated_at, held_until)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULL)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, signed_up_at = excluded.signed_up_at,
       checked_in_at = excluded.checked_in_at, updated_at = excluded.updated_at, held_until = NULL
     WHERE event_signups.updated_at <= excluded.updated_at AND event_signups.store_id = excluded.store_id`,
    [
      p.signupId,
      p.eventId,
      p.memberId,
      p.code,
      ctx.storeId,
      ctx.terminalId,
      p.status,
      p.signedUpAt,
      p.checkedInAt,
      p.updatedAt,
    ],
  );
  // The seats changed for every terminal but this one, which knows its own ticket.
  await announce(ctx, p.eventId);
}
