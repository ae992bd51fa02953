// Referrals (issue 10): a member's code brings friends; after a friend's first purchase both get
// points, once. Friends' names arrive masked.

export interface ReferralFriend {
  maskedName: string;
  enrolledAt: string;
  /** Whether the friend's first purchase has paid the referral points. */
  rewarded: boolean;
  /** Points this member got for this friend. */
  points: number;
}

export interface ReferralRewardRule {
  /** Points the member who brought the friend gets. */
  referrerPoints: number;
  /** Points the friend gets. */
  friendPoints: number;
}

export interface MyReferrals {
  code: string;
  /** What the QR encodes: the code itself (the counter's enrolment form takes it as typed). */
  qrPayload: string;
  friends: ReferralFriend[];
  pointsEarned: number;
  rule: ReferralRewardRule;
  /** Whether this member may still name who invited them (no referrer yet, no purchase yet). */
  canNameReferrer: boolean;
  referredBy: string | null;
}
