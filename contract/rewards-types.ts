// Rewards bought with points (issue 10): a shop's catalogue of vouchers (money off at the counter)
// and gifts (a free product collected at the counter). Redeeming one issues a single-use coupon of
// the member: the counter's coupon field takes its code once, like any personal coupon.
import type { LocalName } from './loyalty-types';

export const rewardKinds = ['voucher', 'gift'] as const;
export type RewardKind = (typeof rewardKinds)[number];

export const rewardLimits = {
  pointsCost: { min: 1, max: 10_000_000 },
  amountOffMinor: { min: 1, max: 10_000_000 },
  stock: { min: 0, max: 1_000_000 },
  validDays: { min: 1, max: 3650 },
  nameMax: 60,
} as const;

/** A reward as the manager keeps it at the counter. */
export interface RewardInfo {
  id: string;
  name: LocalName;
  kind: RewardKind;
  pointsCost: number;
  /** voucher: what it takes off a sale (minor units); null for a gift. */
  amountOffMinor: number | null;
  /** gift: the product handed over free; null for a voucher. */
  productId: string | null;
  productName: LocalName | null;
  /** What is left in this shop; null = unlimited. */
  stock: number | null;
  /** False once retired: customers no longer see it, vouchers already issued stay valid. */
  active: boolean;
  /** A voucher is valid this many days, the day it is redeemed included. */
  validDays: number;
  /** The voucher can only be used while the hub confirms it (no double use across offline shops). */
  onlineOnly: boolean;
  redeemed: number;
  createdAt: string;
}

/** A reward as a customer sees it at the self-service terminal. */
export interface CustomerReward {
  id: string;
  name: LocalName;
  kind: RewardKind;
  pointsCost: number;
  amountOffMinor: number | null;
  productName: LocalName | null;
  stock: number | null;
  validDays: number;
  /** Points still missing; 0 when the member can redeem it now. */
  pointsShort: number;
}

export interface CustomerRewards {
  balance: number;
  rewards: CustomerReward[];
}

/** What a redemption gives the customer: the voucher, shown on screen and printed. */
export interface RewardVoucher {
  redemptionId: string;
  rewardId: string;
  rewardName: LocalName;
  kind: RewardKind;
  amountOffMinor: number | null;
  productName: LocalName | null;
  code: string;
  qrPayload: string;
  /** The last local day it can be used (YYYY-MM-DD). */
  validUntil: string;
  pointsSpent: number;
  /** The member's balance after the redemption. */
  balance: number;
  /** The print job of the voucher slip; null when no printer could take it (the code on screen still works). */
  printJobId: string | null;
  at: string;
}
