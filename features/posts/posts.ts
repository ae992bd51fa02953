// Ambassador posts (issue 10): a member submits a link to a post or video about the brand at the
// self-service terminal; staff approve it (the configured points, once per post) or reject it with
// a reason. Every change and its outbox event commit together; the award goes through the ledger.
import { LinliError, postPointsRange, type PostInfo, type PostRules, type StaffPostInfo } from '../../contract';
import type { PostRow } from '../../db/repositories/posts';
import { maskPhone } from '../../domain/mask';
import { checkPostUrl } from '../../domain/post-url';
import type { SomeHandlers } from '../handler';
import { appendAdjustment } from '../loyalty/loyalty-accounts';
import type { Ports } from '../ports';

const pointsKey = 'posts.points';
const listLimit = 100;

export function postRules(ports: Ports): PostRules {
  const n = Number(ports.store.settings.get(pointsKey));
  const valid = ports.store.settings.get(pointsKey) !== null && Number.isInteger(n) && n >= postPointsRange.min;
  return { points: valid ? n : postPointsRange.default };
}

const postInfo = (r: PostRow): PostInfo => ({
  id: r.id,
  url: r.url,
  platform: r.platform,
  status: r.status,
  points: r.points,
  rejectReason: r.rejectReason,
  submittedAt: r.submittedAt,
  reviewedAt: r.reviewedAt,
});

function staffPostInfo(ports: Ports, r: PostRow): StaffPostInfo {
  const member = ports.store.members.get(r.memberId);
  const reviewer = r.reviewedBy ? ports.store.staff.get(r.reviewedBy) : null;
  return {
    ...postInfo(r),
    memberId: r.memberId,
    memberName: member?.name ?? '',
    maskedPhone: member ? maskPhone(member.phone) : '',
    reviewedBy: reviewer?.name ?? null,
  };
}

export function submitPost(ports: Ports, memberId: string, raw: string): PostInfo {
  const check = checkPostUrl(raw);
  if (!check.ok) throw new LinliError(check.code, undefined, 'url');
  const at = ports.clock.now().toISOString();
  const post = {
    id: ports.ids.newId(),
    memberId,
    url: check.url,
    normalizedUrl: check.normalized,
    platform: check.platform,
    submittedAt: at,
  };
  ports.store.transaction(() => {
    if (ports.store.posts.insert(post) === 'duplicate') throw new LinliError('POST_DUPLICATE', undefined, 'url');
    ports.store.outbox.append({
      id: ports.ids.newId(),
      type: 'post.submitted',
      aggregateId: post.id,
      payload: post,
      createdAt: at,
    });
  });
  return postInfo(ports.store.posts.get(post.id)!);
}

export function reviewPost(
  ports: Ports,
  staff: { id: string },
  input: { postId: string; decision: 'approve' | 'reject'; reason?: string | undefined },
): StaffPostInfo {
  const reason = input.reason?.trim() ?? '';
  if (input.decision === 'reject' && !reason) throw new LinliError('POST_REASON_REQUIRED', undefined, 'reason');
  const at = ports.clock.now().toISOString();
  ports.store.transaction(() => {
    const post = ports.store.posts.get(input.postId);
    if (!post) throw new LinliError('POST_UNKNOWN');
    if (post.status !== 'pending') throw new LinliError('POST_ALREADY_REVIEWED');
    const approved = input.decision === 'approve';
    const points = approved ? postRules(ports).points : 0;
    // The post is the ledger entry's source: the ledger's once-per-source index backs "once per post".
    const ledgerEntryId =
      approved && points > 0
        ? appendAdjustment(ports, {
            memberId: post.memberId,
            points,
            reason: `post:${post.platform}`,
            sourceId: post.id,
            staffId: staff.id,
            at,
          })
        : null;
    const review = {
      status: approved ? ('approved' as const) : ('rejected' as const),
      points,
      rejectReason: approved ? null : reason,
      reviewedAt: at,
      reviewedBy: staff.id,
      ledgerEntryId,
    };
    if (!ports.store.posts.review(post.id, review)) throw new LinliError('POST_ALREADY_REVIEWED');
    ports.store.outbox.append({
      id: ports.ids.newId(),
      type: 'post.reviewed',
      aggregateId: post.id,
      payload: {
        id: post.id,
        memberId: post.memberId,
        status: review.status,
        points,
        rejectReason: review.rejectReason,
        reviewedAt: at,
        staffId: staff.id,
        ledgerEntryId,
      },
      createdAt: at,
    });
  });
  return staffPostInfo(ports, ports.store.posts.get(input.postId)!);
}

export const postHandlers = {
  submitPost: (input, { ports, customer }) => submitPost(ports, customer.memberId, input.url),
  myPosts: (_input, { ports, customer }) => ({
    points: postRules(ports).points,
    posts: ports.store.posts.ofMember(customer.memberId, listLimit).map(postInfo),
  }),
  listPosts(input, { ports }) {
    const status = input?.status ?? 'pending';
    return ports.store.posts.list(status === 'all' ? null : status, listLimit).map((r) => staffPostInfo(ports, r));
  },
  reviewPost: (input, { ports, staff }) => reviewPost(ports, staff, input),
  getPostRules: (_input, { ports }) => postRules(ports),
  setPostRules(input, { ports }) {
    ports.store.settings.set(pointsKey, String(input.points));
    return postRules(ports);
  },
} satisfies SomeHandlers;
