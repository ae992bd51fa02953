// Feedback and service requests at the hub: every shop's, for the brand's people (issue 10).
import type { SyncPayload } from '../../contract';
import { EventRefused } from './errors';
import type { ProjectionContext } from './projections';

export async function feedbackSubmitted(ctx: ProjectionContext, p: SyncPayload<'feedback.submitted'>): Promise<void> {
  await ctx.tx.query(
    `INSERT INTO feedback (id, store_id, terminal_id, member_id, rating, tags, comment, at, event_id)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
    [p.id, ctx.storeId, ctx.terminalId, p.memberId, p.rating, JSON.stringify(p.tags), p.comment, p.at, ctx.eventId],
  );
}

export async function requestOpened(ctx: ProjectionContext, p: SyncPayload<'request.opened'>): Promise<void> {
  await ctx.tx.query(
    `INSERT INTO service_requests (id, store_id, terminal_id, member_id, ticket_no, kind, description, preferred_at, created_at, event_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
    [
      p.id,
      ctx.storeId,
      ctx.terminalId,
      p.memberId,
      p.ticketNo,
      p.kind,
      p.description,
      p.preferredAt,
      p.createdAt,
      ctx.eventId,
    ],
  );
}

const unknownRequest = (id: string) =>
  new EventRefused('CONFLICT', `service request ${id} is not known at the hub for this shop`);

export async function requestAnswered(ctx: ProjectionContext, p: SyncPayload<'request.answered'>): Promise<void> {
  const { rows } = await ctx.tx.query(
    `UPDATE service_requests SET status = CASE WHEN status = 'closed' THEN status ELSE 'answered' END,
        answer = $2, answered_at = $3
      WHERE id = $1 AND store_id = $4 RETURNING id`,
    [p.id, p.answer, p.at, ctx.storeId],
  );
  if (!rows.length) throw unknownRequest(p.id);
}

export async function requestClosed(ctx: ProjectionContext, p: SyncPayload<'request.closed'>): Promise<void> {
  const { rows } = await ctx.tx.query(
    `UPDATE service_requests SET status = 'closed', closed_at = $2 WHERE id = $1 AND store_id = $3 RETURNING id`,
    [p.id, p.at, ctx.storeId],
  );
  if (!rows.length) throw unknownRequest(p.id);
}
