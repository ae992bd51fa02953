// Ambassador posts at the hub (decision 0027): every shop's posts in one table. A link already
// posted at another shop is a duplicate found only here: the row is kept with duplicate_of (the shop
// may have awarded points already; its ledger entry came as points.adjusted) and a post_duplicate
// conflict is recorded for the brand to settle. Refusing the event would only park it at the shop.
import type { SyncPayload } from '../../contract';
import { recordConflict } from './conflicts';
import { EventRefused } from './errors';
import type { ProjectionContext } from './projections';

export async function postSubmitted(ctx: ProjectionContext, p: SyncPayload<'post.submitted'>): Promise<void> {
  const { rows: first } = await ctx.tx.query<{ id: string; storeId: string }>(
    `SELECT id, store_id AS "storeId" FROM posts WHERE normalized_url = $1 AND duplicate_of IS NULL AND id <> $2 FOR UPDATE`,
    [p.normalizedUrl, p.id],
  );
  const original = first[0] ?? null;
  await ctx.tx.query(
    `INSERT INTO posts (id, store_id, terminal_id, member_id, url, normalized_url, platform, submitted_at, duplicate_of, event_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
    [
      p.id,
      ctx.storeId,
      ctx.terminalId,
      p.memberId,
      p.url,
      p.normalizedUrl,
      p.platform,
      p.submittedAt,
      original?.id ?? null,
      ctx.eventId,
    ],
  );
  if (original)
    await recordConflict(ctx.tx, {
      kind: 'post_duplicate',
      subject: p.normalizedUrl,
      storeId: ctx.storeId,
      terminalId: ctx.terminalId,
      eventId: ctx.eventId,
      detail: {
        kept: { postId: original.id, storeId: original.storeId },
        duplicate: { postId: p.id, memberId: p.memberId, url: p.url },
      },
    });
}

export async function postReviewed(ctx: ProjectionContext, p: SyncPayload<'post.reviewed'>): Promise<void> {
  const { rows } = await ctx.tx.query(
    `UPDATE posts SET status = $2, points = $3, reject_reason = $4, reviewed_at = $5
      WHERE id = $1 AND store_id = $6 RETURNING id`,
    [p.id, p.status, p.points, p.rejectReason, p.reviewedAt, ctx.storeId],
  );
  if (!rows.length) throw new EventRefused('CONFLICT', `post ${p.id} is not known at the hub for this shop`);
}
