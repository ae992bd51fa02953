// Ambassador posts (UGC/KOC): a member's link to a post or video about the brand, reviewed by staff.
// Approved posts earn the configured points once per post.

export const postPlatforms = ['xiaohongshu', 'douyin', 'wechat', 'weibo', 'bilibili', 'web'] as const;
/** Recognised from the link's host; any other https site is 'web'. */
export type PostPlatform = (typeof postPlatforms)[number];

export const postStatuses = ['pending', 'approved', 'rejected'] as const;
export type PostStatus = (typeof postStatuses)[number];

/** The longest link a member may submit (characters, as typed). */
export const postUrlMaxLength = 500;

/** A post as its author sees it at the self-service terminal. */
export interface PostInfo {
  id: string;
  /** The link as submitted (trimmed). */
  url: string;
  platform: PostPlatform;
  status: PostStatus;
  /** The points it earned (approved), else 0. */
  points: number;
  /** Why staff rejected it (rejected only). */
  rejectReason: string | null;
  submittedAt: string;
  reviewedAt: string | null;
}

/** A post as staff review it at the counter: who wrote it too. */
export interface StaffPostInfo extends PostInfo {
  memberId: string;
  memberName: string;
  maskedPhone: string;
  reviewedBy: string | null;
}

export interface PostRules {
  /** Points an approved post earns. */
  points: number;
}

export const postPointsRange = { min: 0, max: 100_000, default: 200 } as const;
