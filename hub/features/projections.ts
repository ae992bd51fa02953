// What each pushed event changes in the hub's tables besides its own row in `events`. Every write
// is made under the pushing terminal's store (ctx), never a store named in the payload. Rows made
// from an event get ids derived from the event id, so the same event can never make two rows.
import type { PulledChange, SyncEventType, SyncPayload } from '../../contract';
import type { Queryable } from '../storage';
import { appendChange } from './changes';
import { projectContestVote } from './contests';
import { projectCouponIssued, projectRefundCoupons, projectSaleCoupons } from './coupons';
import { feedbackSubmitted, requestAnswered, requestClosed, requestOpened } from './care';
import { EventRefused } from './errors';
import { postReviewed, postSubmitted } from './posts';
import { projectEventSaved, projectTicketSaved } from './events';
import { cardIssued, compensateMerged, consentsChanged, enrolled, profileChanged, tierChanged } from './members';

export interface ProjectionContext {
  tx: Queryable;
  eventId: string;
  aggregateId: string;
  storeId: string;
  terminalId: string;
}

type Projection<T extends SyncEventType> = (ctx: ProjectionContext, payload: SyncPayload<T>) => Promise<void>;

async function ledger(
  ctx: ProjectionContext,
  entry: {
    id: string;
    memberId: string;
    kind: Extract<PulledChange, { kind: 'points' }>['data']['kind'];
    points: number;
    reason: string;
    sourceId: string | null;
    at: string;
  },
): Promise<void> {
  // The member's row is read under a share lock: a merge running now waits for this entry, or this
  // entry waits for the merge and then moves to the survivor (members.ts compensateMerged).
  const { rows } = await ctx.tx.query<{ mergedInto: string | null }>(
    `INSERT INTO points_entries (id, member_id, store_id, terminal_id, kind, points, reason, source_id, at, event_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     RETURNING (SELECT merged_into FROM members WHERE id = $2 FOR SHARE) AS "mergedInto"`,
    [
      entry.id,
      entry.memberId,
      ctx.storeId,
      ctx.terminalId,
      entry.kind,
      entry.points,
      entry.reason,
      entry.sourceId,
      entry.at,
      ctx.eventId,
    ],
  );
  // Every shop of the chain counts the member's points: the entry goes to the members stream.
  await appendChange(ctx, 'members', 'points', {
    ...entry,
    storeId: ctx.storeId,
    terminalId: ctx.terminalId,
  });
  if (rows[0]?.mergedInto) await compensateMerged(ctx, entry);
}

const cardOwnedElsewhere = (number: string) =>
  new EventRefused('CONFLICT', `card ${number} belongs to another member at the hub`);

export const projections: { [T in SyncEventType]: Projection<T> } = {
  // Members: last writer by hybrid logical clock wins; claims twice are flagged (members.ts).
  'member.enrolled': enrolled,
  'member.card_issued': cardIssued,
  async 'member.card_blocked'(ctx, p) {
    // A card issued before the terminal was registered is unknown here: it is recorded as blocked.
    const { rows } = await ctx.tx.query(
      `INSERT INTO cards (number, member_id, status, issued_at, blocked_at, block_reason, store_id, event_id)
       VALUES ($1, $2, 'blocked', $3, $3, $4, $5, $6)
       ON CONFLICT (number) DO UPDATE SET status = 'blocked', blocked_at = excluded.blocked_at,
         block_reason = excluded.block_reason
       WHERE cards.member_id = excluded.member_id RETURNING number`,
      [p.number, p.memberId, p.at, p.reason, ctx.storeId, ctx.eventId],
    );
    if (!rows.length) throw cardOwnedElsewhere(p.number);
    await appendChange(ctx, 'members', 'card', {
      number: p.number,
      memberId: p.memberId,
      status: 'blocked',
      at: p.at,
      reason: p.reason,
    });
  },
  'member.consents_changed': consentsChanged,
  'member.tier_changed': tierChanged,
  'member.profile_changed': profileChanged,
  'coupon.issued': projectCouponIssued,
  // Products and tiers come from the hub once pull streams exist; until then the event row is their record.
  async 'product.saved'() {},
  async 'tier.saved'() {},
  'contest.voted': projectContestVote,
  // The hub keeps no referrer per member yet: the event row is the record (the points are ledger events).
  async 'member.referrer_named'() {},
  // Posts, feedback and service requests (issue 10): hub/features/posts.ts, care.ts.
  'post.submitted': postSubmitted,
  'post.reviewed': postReviewed,
  'feedback.submitted': feedbackSubmitted,
  'request.opened': requestOpened,
  'request.answered': requestAnswered,
  'request.closed': requestClosed,
  async 'sale.completed'(ctx, p) {
    const memberId = p.member?.id ?? null;
    await ctx.tx.query(
      `INSERT INTO sales (id, store_id, terminal_id, receipt_no, member_id, currency, total_minor, at, payload, event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)`,
      [
        p.id,
        ctx.storeId,
        ctx.terminalId,
        p.receiptNo,
        memberId,
        p.currency,
        p.totalMinor,
        p.at,
        JSON.stringify(p),
        ctx.eventId,
      ],
    );
    if (memberId) {
      const entry = { memberId, reason: 'sale', sourceId: p.id, at: p.at };
      if (p.pointsRedeemed > 0)
        await ledger(ctx, { ...entry, id: `${ctx.eventId}:redeem`, kind: 'redeem', points: -p.pointsRedeemed });
      if (p.pointsEarned > 0)
        await ledger(ctx, { ...entry, id: `${ctx.eventId}:earn`, kind: 'earn', points: p.pointsEarned });
    }
    await projectSaleCoupons(ctx, p);
  },
  async 'sale.refunded'(ctx, p) {
    const { rows } = await ctx.tx.query<{ storeId: string }>('SELECT store_id AS "storeId" FROM sales WHERE id = $1', [
      p.saleId,
    ]);
    if (!rows[0]) throw new EventRefused('PAYLOAD_INVALID', `the hub has not received sale ${p.saleId}, refunded here`);
    if (rows[0].storeId !== ctx.storeId)
      throw new EventRefused('OTHER_STORE', `sale ${p.saleId} belongs to another store`);
    await ctx.tx.query(
      `INSERT INTO refunds (id, sale_id, store_id, terminal_id, member_id, amount_minor, at, payload, event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)`,
      [p.id, p.saleId, ctx.storeId, ctx.terminalId, p.memberId, p.amountMinor, p.at, JSON.stringify(p), ctx.eventId],
    );
    if (p.memberId) {
      const entry = { memberId: p.memberId, kind: 'reverse' as const, reason: 'refund', sourceId: p.id, at: p.at };
      if (p.pointsReversed) await ledger(ctx, { ...entry, id: `${ctx.eventId}:reversed`, points: p.pointsReversed });
      if (p.pointsReturned) await ledger(ctx, { ...entry, id: `${ctx.eventId}:returned`, points: p.pointsReturned });
    }
    await projectRefundCoupons(ctx, p);
  },
  async 'points.expired'(ctx, p) {
    await ledger(ctx, {
      id: `${ctx.eventId}:expire`,
      memberId: p.memberId,
      kind: 'expire',
      points: -p.points,
      reason: 'expiry',
      sourceId: null,
      at: p.at,
    });
  },
  async 'points.adjusted'(ctx, p) {
    await ledger(ctx, {
      id: p.entryId,
      memberId: p.memberId,
      kind: 'adjust',
      points: p.points,
      reason: p.reason,
      sourceId: null,
      at: p.at,
    });
  },
  // The voucher itself arrives as its coupon.issued; the event row keeps which reward it was.
  async 'reward.redeemed'(ctx, p) {
    await ledger(ctx, {
      id: p.entryId,
      memberId: p.memberId,
      kind: 'redeem',
      points: -p.points,
      reason: p.reason,
      sourceId: p.redemptionId,
      at: p.at,
    });
  },
  // Community events and their tickets (events.ts): the seats counted across the chain.
  'event.saved': projectEventSaved,
  'event.ticket_saved': projectTicketSaved,
  async 'day.closed'(ctx, p) {
    await ctx.tx.query(
      `INSERT INTO day_closes (id, store_id, terminal_id, kind, number, closed_at, payload, event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)`,
      [ctx.aggregateId, ctx.storeId, ctx.terminalId, p.kind, p.number, p.to, JSON.stringify(p), ctx.eventId],
    );
  },
};
