// Ambassador posts: a member submits a link at the self-service terminal; staff approve (points,
// once per post) or reject it with a reason at the counter.
import { z } from 'zod';
import { methodsOf } from './method';
import { id, int, noInput, oneOf, text } from './schema-kit';
import {
  postPointsRange,
  postStatuses,
  postUrlMaxLength,
  type MyPosts,
  type PostInfo,
  type PostRules,
  type StaffPostInfo,
} from './posts-types';

const m = methodsOf('posts');

export const postsMethods = {
  /** The customer's link: https only, normalised; the same post twice is refused POST_DUPLICATE. */
  submitPost: m
    .customer(
      z.object({
        url: text('POST_URL_INVALID', {
          max: postUrlMaxLength,
          tooLong: 'POST_URL_TOO_LONG',
          missing: 'POST_URL_REQUIRED',
          required: true,
          field: 'url',
        }),
      }),
    )
    .returns<PostInfo>(),
  /** The customer's own posts, newest first, and the points an approved post earns. */
  myPosts: m.customer(noInput).returns<MyPosts>(),
  /** Posts for staff to review (pending by default), newest first. */
  listPosts: m
    .staff(z.object({ status: oneOf([...postStatuses, 'all'], 'POST_STATUS_INVALID', 'status').optional() }).optional())
    .returns<StaffPostInfo[]>(),
  /** Approve (awards the configured points, once) or reject with a reason. */
  reviewPost: m
    .staff(
      z.object({
        postId: id('POST_UNKNOWN'),
        decision: oneOf(['approve', 'reject'], 'POST_DECISION_INVALID', 'decision'),
        reason: text('POST_REASON_TOO_LONG', { max: 200, field: 'reason' }).optional(),
      }),
    )
    .returns<StaffPostInfo>(),
  getPostRules: m.staff(noInput).returns<PostRules>(),
  setPostRules: m
    .manager(z.object({ points: int('POST_POINTS_INVALID', postPointsRange.min, postPointsRange.max, 'points') }))
    .returns<PostRules>(),
};
