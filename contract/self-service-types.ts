// What the self-service terminal shows a customer. Names and numbers arrive masked from the core
// (王*明, 138****8888): the unmasked ones never reach a screen in this role.
import type { ExpiringPoints, LocalName, MemberCoupon, TierInfo, TierProgressInfo } from './loyalty-types';

export const terminalRoles = ['counter', 'self-service'] as const;
/** A counter terminal is run by staff; a self-service one by customers on their own (issue 10). */
export type TerminalRole = (typeof terminalRoles)[number];

export const idleSecondsRange = { min: 15, max: 600, default: 45 } as const;

export interface SelfServiceSettings {
  role: TerminalRole;
  /** After this long without a touch the terminal forgets the customer and shows the attract screen. */
  idleSeconds: number;
}

/** The member a scan put in the customer session, as the customer may see them. */
export interface CustomerIdentity {
  memberId: string;
  maskedName: string;
  maskedPhone: string;
}

export interface CustomerVisit {
  at: string;
  receiptNo: string | null;
  points: number;
}

/** A campaign that targets this member's tier or tags (or everyone), running now. */
export interface CustomerOffer {
  id: string;
  title: LocalName;
  body: LocalName;
  endsAt: string;
  imageUrl: string | null;
}

export interface CustomerHome extends CustomerIdentity {
  balance: number;
  tier: TierInfo;
  progress: TierProgressInfo;
  expiring: ExpiringPoints | null;
  /** Unused coupons and vouchers, each with the code the counter accepts. */
  coupons: MemberCoupon[];
  offers: CustomerOffer[];
  visits: CustomerVisit[];
  referralCode: string;
}

/** One slide of the attract loop: a running campaign's slide (or the campaign itself when it has none). */
export interface AttractSlide {
  id: string;
  title: LocalName;
  body: LocalName;
  imageUrl: string | null;
}
