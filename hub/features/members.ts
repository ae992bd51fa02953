// Members across the shops of a chain (docs/sync-conflicts.md, "Members"). Profile fields, tier
// and consents are last-writer-wins by the writers' hybrid logical clocks (domain/hlc.ts): an
// update applies only when its clock is later than the one stored, so an edit arriving late or from
// a terminal whose clock is hours off is recorded (its event row) but never overwrites a newer one.
// A phone or card claimed by two members is kept as it came and flagged as a conflict; an admin
// merges the two members, and the merge reaches every terminal through the members stream.
import { randomUUID } from 'node:crypto';
import type {
  MergeMembersRequest,
  MergeMembersResponse,
  PulledChange,
  SyncPayload,
  ConflictKind,
} from '../../contract';
import { hlcOfWallTime } from '../../domain/hlc';
import type { HubStorage, Queryable } from '../storage';
import { appendAdminChange, appendChange } from './changes';
import { recordConflict, resolveConflicts } from './conflicts';
import { HubError } from './errors';
import type { ProjectionContext } from './projections';
import { eventsChannel } from './push';
import { iso } from './sql';

type Data<K extends PulledChange['kind']> = Extract<PulledChange, { kind: K }>['data'];
export type LedgerEntry = Omit<Data<'points'>, 'storeId' | 'terminalId'>;

/** Ledger entries the hub writes itself (merges) name this as their terminal. */
export const hubTerminal = 'hub';

/** The writer's clock, or one made from its wall time when an older terminal sent none. */
const clockOf = (ctx: ProjectionContext, hlc: string | undefined, at: string) =>
  hlc ?? hlcOfWallTime(at, ctx.terminalId);

/** The member a lookup of this id ends at: itself, or the survivor it was merged into (and so on). */
export async function survivorOf(db: Queryable, memberId: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `WITH RECURSIVE chain (id, merged_into, depth) AS (
       SELECT id, merged_into, 0 FROM members WHERE id = $1
       UNION ALL
       SELECT m.id, m.merged_into, c.depth + 1 FROM members m JOIN chain c ON m.id = c.merged_into WHERE c.depth < 32
     )
     SELECT id FROM chain WHERE merged_into IS NULL LIMIT 1`,
    [memberId],
  );
  return rows[0]?.id ?? memberId;
}

async function consents(
  ctx: ProjectionContext,
  memberId: string,
  records: readonly { purpose: string; granted: boolean; recordedAt: string }[],
  hlc: string,
): Promise<void> {
  // Every decision is kept (a history); the one with the latest clock per purpose is in force.
  for (const [i, r] of records.entries())
    await ctx.tx.query(
      `INSERT INTO consents (id, member_id, purpose, granted, recorded_at, store_id, payload, event_id, hlc)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)`,
      [
        `${ctx.eventId}:${i}`,
        memberId,
        r.purpose,
        r.granted,
        r.recordedAt,
        ctx.storeId,
        JSON.stringify(r),
        ctx.eventId,
        hlc,
      ],
    );
}

export async function enrolled(ctx: ProjectionContext, p: SyncPayload<'member.enrolled'>): Promise<void> {
  const { consents: records, hlc: sent, ...member } = p;
  const hlc = clockOf(ctx, sent, p.updatedAt);
  // Members holding the phone already (enrolled at another shop while this one was offline).
  const { rows: holders } = await ctx.tx.query<{ id: string; storeId: string }>(
    `SELECT id, home_store_id AS "storeId" FROM members WHERE phone = $1 AND id <> $2 AND merged_into IS NULL ORDER BY enrolled_at, id`,
    [p.phone, p.id],
  );
  await ctx.tx.query(
    `INSERT INTO members (id, home_store_id, phone, name, enrolled_at, updated_at, payload, event_id, profile_hlc)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)`,
    [p.id, ctx.storeId, p.phone, p.name, p.enrolledAt, p.updatedAt, JSON.stringify(member), ctx.eventId, hlc],
  );
  await consents(ctx, p.id, records, hlc);
  if (holders.length)
    await recordConflict(ctx.tx, {
      kind: 'phone_claimed',
      subject: p.phone,
      storeId: ctx.storeId,
      terminalId: ctx.terminalId,
      eventId: ctx.eventId,
      detail: {
        phone: p.phone,
        memberIds: [...holders.map((h) => h.id), p.id],
        storeIds: [...holders.map((h) => h.storeId), ctx.storeId],
      },
    });
  // Both members go down the stream: each terminal keeps both until the brand merges them.
  // The whole enrolment record as the terminal keeps it, but not the consents: they stay with the
  // shop that asked for them. The hub checked only the keys it reads; a terminal checks the rest.
  const record = { ...member, homeStoreId: ctx.storeId, hlc };
  await appendChange(ctx, 'members', 'member', record as Data<'member'>);
}

export async function profileChanged(ctx: ProjectionContext, p: SyncPayload<'member.profile_changed'>): Promise<void> {
  const fields = {
    name: p.name,
    birthday: p.birthday,
    gender: p.gender,
    community: p.community,
    interests: p.interests,
  };
  // Ties cannot happen between writers (the node id is part of the clock); the same clock again is
  // the same edit, which changes nothing.
  const { rows } = await ctx.tx.query<{ id: string }>(
    `UPDATE members SET name = $2, payload = payload || $3::jsonb, updated_at = $4, profile_hlc = $5
      WHERE id = $1 AND profile_hlc < $5 RETURNING id`,
    [p.memberId, p.name, JSON.stringify({ ...fields, updatedAt: p.at }), p.at, p.hlc],
  );
  if (!rows.length) return;
  await appendChange(ctx, 'members', 'member_profile', {
    memberId: p.memberId,
    ...fields,
    updatedAt: p.at,
    hlc: p.hlc,
  });
}

export async function tierChanged(ctx: ProjectionContext, p: SyncPayload<'member.tier_changed'>): Promise<void> {
  await ctx.tx.query('UPDATE members SET tier_code = $2, tier_hlc = $3 WHERE id = $1 AND tier_hlc < $3', [
    p.memberId,
    p.to,
    clockOf(ctx, p.hlc, p.at),
  ]);
}

export async function consentsChanged(
  ctx: ProjectionContext,
  p: SyncPayload<'member.consents_changed'>,
): Promise<void> {
  const first = p.records[0]!;
  await consents(ctx, p.memberId, p.records, clockOf(ctx, p.hlc, first.recordedAt));
}

/**
 * A card issued at a terminal. The first member to hold a number keeps it; a second claim is
 * recorded as a conflict for the brand and the event counts as applied, so the terminal's outbox
 * goes on. A card issued to a merged member goes to its survivor.
 */
export async function cardIssued(ctx: ProjectionContext, p: SyncPayload<'member.card_issued'>): Promise<void> {
  const memberId = await survivorOf(ctx.tx, p.memberId);
  const { rows } = await ctx.tx.query(
    `INSERT INTO cards (number, member_id, status, issued_at, store_id, event_id) VALUES ($1, $2, 'active', $3, $4, $5)
     ON CONFLICT (number) DO NOTHING RETURNING number`,
    [p.number, memberId, p.at, ctx.storeId, ctx.eventId],
  );
  if (rows.length) {
    await appendChange(ctx, 'members', 'card', {
      number: p.number,
      memberId,
      status: 'active',
      at: p.at,
      reason: null,
    });
    return;
  }
  const { rows: owners } = await ctx.tx.query<{ memberId: string; storeId: string }>(
    'SELECT member_id AS "memberId", store_id AS "storeId" FROM cards WHERE number = $1',
    [p.number],
  );
  const owner = owners[0]!;
  if (owner.memberId === memberId) return;
  await recordConflict(ctx.tx, {
    kind: 'card_claimed',
    subject: p.number,
    storeId: ctx.storeId,
    terminalId: ctx.terminalId,
    eventId: ctx.eventId,
    detail: {
      number: p.number,
      memberIds: [owner.memberId, memberId],
      storeIds: [owner.storeId, ctx.storeId],
      keptBy: owner.memberId,
    },
  });
}

function compensation(id: string, memberId: string, points: number, sourceId: string, at: string): LedgerEntry {
  return { id, memberId, kind: 'adjust', points, reason: 'merge', sourceId, at };
}

/** Writes a ledger entry the hub makes itself, and sends it to every terminal (the pusher too). */
async function hubEntry(tx: Queryable, entry: LedgerEntry, storeId: string, eventId: string): Promise<void> {
  await tx.query(
    `INSERT INTO points_entries (id, member_id, store_id, terminal_id, kind, points, reason, source_id, at, event_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      entry.id,
      entry.memberId,
      storeId,
      hubTerminal,
      entry.kind,
      entry.points,
      entry.reason,
      entry.sourceId,
      entry.at,
      eventId,
    ],
  );
  await appendAdminChange(tx, 'members', 'points', { ...entry, storeId, terminalId: hubTerminal });
}

/**
 * Called after a ledger entry was written for a member the hub knows as merged (points earned
 * offline on the merged member, pushed after the merge): the same compensating pair as the merge
 * itself moves them to the survivor, so the survivor keeps every point, everywhere.
 */
export async function compensateMerged(
  ctx: ProjectionContext,
  entry: { id: string; memberId: string; points: number; at: string },
): Promise<void> {
  const survivor = await survivorOf(ctx.tx, entry.memberId);
  if (survivor === entry.memberId) return;
  const source = `merge:${entry.id}`;
  await hubEntry(
    ctx.tx,
    compensation(`${entry.id}:merge-out`, entry.memberId, -entry.points, source, entry.at),
    ctx.storeId,
    ctx.eventId,
  );
  await hubEntry(
    ctx.tx,
    compensation(`${entry.id}:merge-in`, survivor, entry.points, source, entry.at),
    ctx.storeId,
    ctx.eventId,
  );
}

interface LockedMember {
  id: string;
  mergedInto: string | null;
  homeStoreId: string;
}

/** POST /v1/admin/members/merge: in one transaction; a refused merge writes nothing. */
export async function mergeMembers(storage: HubStorage, request: MergeMembersRequest): Promise<MergeMembersResponse> {
  const { survivorId, mergedId } = request;
  if (survivorId === mergedId) throw new HubError('BAD_REQUEST', 400, 'a member cannot be merged into itself');
  const response = await storage.transaction(async (tx) => {
    // Both rows locked, in id order (two merges at once never deadlock), before the balance is read:
    // a push writing the merged member's ledger waits for the merge and then compensates (ledger()).
    const { rows } = await tx.query<LockedMember>(
      `SELECT id, merged_into AS "mergedInto", home_store_id AS "homeStoreId" FROM members
        WHERE id IN ($1, $2) ORDER BY id FOR UPDATE`,
      [survivorId, mergedId],
    );
    const survivor = rows.find((r) => r.id === survivorId);
    const merged = rows.find((r) => r.id === mergedId);
    if (!survivor) throw new HubError('NOT_FOUND', 404, `no member ${survivorId} at the hub`);
    if (!merged) throw new HubError('NOT_FOUND', 404, `no member ${mergedId} at the hub`);
    if (merged.mergedInto)
      throw new HubError('CONFLICT', 409, `member ${mergedId} was merged into ${merged.mergedInto} already`);
    if (survivor.mergedInto)
      throw new HubError(
        'CONFLICT',
        409,
        `member ${survivorId} was merged into ${survivor.mergedInto}: merge into that member instead`,
      );
    const { rows: sums } = await tx.query<{ points: string }>(
      'SELECT coalesce(sum(points), 0)::text AS points FROM points_entries WHERE member_id = $1',
      [mergedId],
    );
    const points = Number(sums[0]!.points);
    const mergeId = randomUUID();
    const at = new Date().toISOString();
    const eventId = `merge:${mergeId}`;
    if (points !== 0) {
      await hubEntry(tx, compensation(`${mergeId}:out`, mergedId, -points, eventId, at), merged.homeStoreId, eventId);
      await hubEntry(tx, compensation(`${mergeId}:in`, survivorId, points, eventId, at), survivor.homeStoreId, eventId);
    }
    const { rows: cards } = await tx.query<{ number: string }>(
      'UPDATE cards SET member_id = $1 WHERE member_id = $2 RETURNING number',
      [survivorId, mergedId],
    );
    const numbers = cards.map((c) => c.number).sort();
    await tx.query('UPDATE members SET merged_into = $1, merged_at = now() WHERE id = $2', [survivorId, mergedId]);
    await tx.query(
      'INSERT INTO member_merges (id, survivor_id, merged_id, points_moved, cards) VALUES ($1, $2, $3, $4, $5::jsonb)',
      [mergeId, survivorId, mergedId, points, JSON.stringify(numbers)],
    );
    // The claims that made the brand merge them are settled.
    const { rows: open } = await tx.query<{ kind: ConflictKind; subject: string }>(
      `SELECT DISTINCT kind, subject FROM conflicts
        WHERE resolved_at IS NULL AND kind IN ('phone_claimed', 'card_claimed')
          AND detail->'memberIds' @> jsonb_build_array($1::text)`,
      [mergedId],
    );
    let resolved = 0;
    for (const c of open)
      resolved += await resolveConflicts(tx, c.kind, c.subject, `merged ${mergedId} into ${survivorId}`);
    await appendAdminChange(tx, 'members', 'merge', { mergeId, survivorId, mergedId, at });
    return {
      mergeId,
      survivorId,
      mergedId,
      pointsMoved: points,
      cardsRepointed: numbers,
      conflictsResolved: resolved,
    } satisfies MergeMembersResponse;
  });
  // Long-polling terminals wake as after a push.
  await storage.notify(eventsChannel, 'admin').catch(() => {});
  return response;
}

export interface HubMemberInfo {
  id: string;
  name: string;
  phone: string;
  homeStoreId: string;
  tierCode: string | null;
  profile: Record<string, unknown>;
  profileHlc: string;
  tierHlc: string;
  mergedInto: string | null;
  mergedAt: string | null;
  balance: number;
  cards: string[];
  /** The consent in force per purpose: the decision with the latest clock. */
  consents: Record<string, boolean>;
}

/** GET /v1/admin/members/:id: the member as the hub holds it (what each field group's clock let win). */
export async function memberAtHub(db: Queryable, id: string): Promise<HubMemberInfo> {
  const { rows } = await db.query<Omit<HubMemberInfo, 'balance' | 'cards' | 'consents'> & { balance: string }>(
    `SELECT m.id, m.name, m.phone, m.home_store_id AS "homeStoreId", m.tier_code AS "tierCode", m.payload AS profile,
            m.profile_hlc AS "profileHlc", m.tier_hlc AS "tierHlc", m.merged_into AS "mergedInto",
            ${iso('m.merged_at')} AS "mergedAt",
            (SELECT coalesce(sum(points), 0)::text FROM points_entries WHERE member_id = m.id) AS balance
       FROM members m WHERE m.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) throw new HubError('NOT_FOUND', 404, `no member ${id} at the hub`);
  const { rows: cards } = await db.query<{ number: string }>(
    'SELECT number FROM cards WHERE member_id = $1 ORDER BY number',
    [id],
  );
  const { rows: consents } = await db.query<{ purpose: string; granted: boolean }>(
    `SELECT DISTINCT ON (purpose) purpose, granted FROM consents WHERE member_id = $1
      ORDER BY purpose, hlc DESC, recorded_at DESC, id DESC`,
    [id],
  );
  return {
    ...row,
    balance: Number(row.balance),
    cards: cards.map((c) => c.number),
    consents: Object.fromEntries(consents.map((c) => [c.purpose, c.granted])),
  };
}
