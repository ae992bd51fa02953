import type { FeedbackTag, RequestKind, RequestStatus } from '../../contract';
import type { Db } from '../open';
import type { CareRepository } from '../store';

export interface FeedbackRow {
  id: string;
  memberId: string;
  rating: number;
  tags: FeedbackTag[];
  comment: string;
  at: string;
}

export interface ServiceRequestRow {
  id: string;
  seq: number;
  ticketNo: string;
  memberId: string;
  kind: RequestKind;
  description: string;
  preferredAt: string | null;
  status: RequestStatus;
  answer: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
  closedAt: string | null;
  closedBy: string | null;
  createdAt: string;
}

export type NewServiceRequest = Pick<
  ServiceRequestRow,
  'id' | 'seq' | 'ticketNo' | 'memberId' | 'kind' | 'description' | 'preferredAt' | 'createdAt'
>;

type FeedbackRaw = Omit<FeedbackRow, 'tags'> & { tags: string };
const feedbackColumns = 'id, member_id AS memberId, rating, tags, comment, at';
const parseFeedback = (r: FeedbackRaw): FeedbackRow => ({ ...r, tags: JSON.parse(r.tags) as FeedbackTag[] });

const requestColumns = `id, seq, ticket_no AS ticketNo, member_id AS memberId, kind, description, preferred_at AS preferredAt,
  status, answer, answered_at AS answeredAt, answered_by AS answeredBy, closed_at AS closedAt, closed_by AS closedBy,
  created_at AS createdAt`;

/** Feedback after a visit and service requests with their tickets. */
export function careRepository(db: Db): CareRepository {
  const insertFeedback = db.prepare(`INSERT INTO feedback (id, member_id, rating, tags, comment, at)
    VALUES (@id, @memberId, @rating, @tags, @comment, @at)`);
  const recentFeedback = db.prepare<[number], FeedbackRaw>(
    `SELECT ${feedbackColumns} FROM feedback ORDER BY at DESC, id DESC LIMIT ?`,
  );
  const ratings = db.prepare<[], { rating: number; n: number }>(
    'SELECT rating, count(*) AS n FROM feedback GROUP BY rating',
  );
  const nextSeq = db.prepare<[], { n: number }>('SELECT coalesce(max(seq), 0) + 1 AS n FROM service_requests');
  const insertRequest = db.prepare(`INSERT INTO service_requests
      (id, seq, ticket_no, member_id, kind, description, preferred_at, created_at)
    VALUES (@id, @seq, @ticketNo, @memberId, @kind, @description, @preferredAt, @createdAt)`);
  const getRequest = db.prepare<[string], ServiceRequestRow>(
    `SELECT ${requestColumns} FROM service_requests WHERE id = ?`,
  );
  const ofMember = db.prepare<[string, number], ServiceRequestRow>(
    `SELECT ${requestColumns} FROM service_requests WHERE member_id = ? ORDER BY created_at DESC, seq DESC LIMIT ?`,
  );
  const open = db.prepare<[number], ServiceRequestRow>(
    `SELECT ${requestColumns} FROM service_requests WHERE status <> 'closed' ORDER BY created_at, seq LIMIT ?`,
  );
  const all = db.prepare<[number], ServiceRequestRow>(
    `SELECT ${requestColumns} FROM service_requests ORDER BY created_at DESC, seq DESC LIMIT ?`,
  );
  const answer = db.prepare(`UPDATE service_requests SET status = 'answered', answer = @answer, answered_at = @at,
    answered_by = @staffId WHERE id = @id AND status <> 'closed'`);
  const close = db.prepare(`UPDATE service_requests SET status = 'closed', closed_at = @at, closed_by = @staffId
    WHERE id = @id AND status <> 'closed'`);
  return {
    insertFeedback: (f) => void insertFeedback.run({ ...f, tags: JSON.stringify(f.tags) }),
    recentFeedback: (limit) => recentFeedback.all(limit).map(parseFeedback),
    ratingCounts: () => {
      const counts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
      for (const r of ratings.all()) counts[r.rating - 1] = r.n;
      return counts;
    },
    nextRequestSeq: () => nextSeq.get()!.n,
    insertRequest: (r) => void insertRequest.run(r),
    getRequest: (id) => getRequest.get(id) ?? null,
    requestsOfMember: (memberId, limit) => ofMember.all(memberId, limit),
    listRequests: (openOnly, limit) => (openOnly ? open.all(limit) : all.all(limit)),
    answerRequest: (id, text, at, staffId) => answer.run({ id, answer: text, at, staffId }).changes === 1,
    closeRequest: (id, at, staffId) => close.run({ id, at, staffId }).changes === 1,
  };
}
