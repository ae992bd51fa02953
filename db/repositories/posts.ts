import type { PostPlatform, PostStatus } from '../../contract';
import type { Db } from '../open';
import type { PostsRepository } from '../store';

export interface PostRow {
  id: string;
  memberId: string;
  url: string;
  normalizedUrl: string;
  platform: PostPlatform;
  status: PostStatus;
  points: number;
  rejectReason: string | null;
  submittedAt: string;
  reviewedAt: string | null;
  reviewedBy: string | null;
  ledgerEntryId: string | null;
}

export type NewPost = Pick<PostRow, 'id' | 'memberId' | 'url' | 'normalizedUrl' | 'platform' | 'submittedAt'>;

export interface PostReview {
  status: 'approved' | 'rejected';
  points: number;
  rejectReason: string | null;
  reviewedAt: string;
  reviewedBy: string;
  ledgerEntryId: string | null;
}

const columns = `id, member_id AS memberId, url, normalized_url AS normalizedUrl, platform, status, points,
  reject_reason AS rejectReason, submitted_at AS submittedAt, reviewed_at AS reviewedAt, reviewed_by AS reviewedBy,
  ledger_entry_id AS ledgerEntryId`;

/** Ambassador posts: one row per normalised link. */
export function postsRepository(db: Db): PostsRepository {
  const insert = db.prepare(`INSERT INTO posts (id, member_id, url, normalized_url, platform, submitted_at)
    VALUES (@id, @memberId, @url, @normalizedUrl, @platform, @submittedAt) ON CONFLICT (normalized_url) DO NOTHING`);
  const get = db.prepare<[string], PostRow>(`SELECT ${columns} FROM posts WHERE id = ?`);
  const byUrl = db.prepare<[string], PostRow>(`SELECT ${columns} FROM posts WHERE normalized_url = ?`);
  const ofMember = db.prepare<[string, number], PostRow>(
    `SELECT ${columns} FROM posts WHERE member_id = ? ORDER BY submitted_at DESC, id DESC LIMIT ?`,
  );
  const byStatus = db.prepare<[string, number], PostRow>(
    `SELECT ${columns} FROM posts WHERE status = ? ORDER BY submitted_at DESC, id DESC LIMIT ?`,
  );
  const all = db.prepare<[number], PostRow>(`SELECT ${columns} FROM posts ORDER BY submitted_at DESC, id DESC LIMIT ?`);
  const review = db.prepare(`UPDATE posts SET status = @status, points = @points, reject_reason = @rejectReason,
      reviewed_at = @reviewedAt, reviewed_by = @reviewedBy, ledger_entry_id = @ledgerEntryId
    WHERE id = @id AND status = 'pending'`);
  return {
    insert: (post) => (insert.run(post).changes === 1 ? 'inserted' : 'duplicate'),
    get: (id) => get.get(id) ?? null,
    byNormalizedUrl: (url) => byUrl.get(url) ?? null,
    ofMember: (memberId, limit) => ofMember.all(memberId, limit),
    list: (status, limit) => (status ? byStatus.all(status, limit) : all.all(limit)),
    review: (id, r) => review.run({ id, ...r }).changes === 1,
  };
}
