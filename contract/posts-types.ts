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

/** The customer's posts screen: what an approved post earns, and their posts newest first. */
export interface MyPosts {
  points: number;
  posts: PostInfo[];
}

export interface PostRules {
  /** Points an approved post earns. */
  points: number;
}

export const postPointsRange = { min: 0, max: 100_000, default: 200 } as const;

/** Hosts of the platforms members post on; a subdomain counts as its platform. */
const platformHosts: readonly [string, PostPlatform][] = [
  ['xiaohongshu.com', 'xiaohongshu'],
  ['xhslink.com', 'xiaohongshu'],
  ['douyin.com', 'douyin'],
  ['iesdouyin.com', 'douyin'],
  ['weixin.qq.com', 'wechat'],
  ['weibo.com', 'weibo'],
  ['weibo.cn', 'weibo'],
  ['bilibili.com', 'bilibili'],
  ['b23.tv', 'bilibili'],
];

/** The platform of a link's host (the screen shows it while the member types; the core decides). */
export function platformOfHost(host: string): PostPlatform {
  const h = host.toLowerCase();
  for (const [suffix, platform] of platformHosts) if (h === suffix || h.endsWith(`.${suffix}`)) return platform;
  return 'web';
}
