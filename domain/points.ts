// Points rules: earning, redemption, expiry. The ledger itself (append-only rows) lives in the
// database; these functions decide the numbers written to it.
//
// Earning, written down: each eligible line contributes its spend after coupon discounts and
// after the share of the sale paid with points (points never earn points), times the category
// multiplier. The sum is multiplied by the tier multiplier and the birthday-month multiplier and
// then rounded DOWN once per sale (a customer never gets a fraction of a point, and splitting a
// sale into lines never loses points to per-line rounding). The whole-sale figure is then split
// over the lines by largest remainder so a refund can reverse exactly what each line earned.
import { addDays } from './local-date';
import { allocate } from './money';

export interface EarningRules {
  /** Spend per step, in minor units: 100 = per yuan. */
  unitMinor: number;
  pointsPerUnit: number;
  /** Category → percent (200 = double points for that category); missing = 100. */
  categoryMultipliersPct: Record<string, number>;
  /** 200 doubles everything a member earns in their birthday month; 100 = no bonus. */
  birthdayMonthMultiplierPct: number;
}

export interface RedeemRate {
  /** `points` points pay `valueMinor` fen: 100 points = ¥1 is { points: 100, valueMinor: 100 }. */
  points: number;
  valueMinor: number;
}

export type ExpiryPolicy =
  | { kind: 'never' }
  /** Points earned in year Y are usable until 31 December of Y + years. */
  | { kind: 'end_of_year_after'; years: number }
  | { kind: 'days'; days: number };

export interface LoyaltyPolicy {
  earning: EarningRules;
  redeem: RedeemRate;
  expiry: ExpiryPolicy;
  /** The member screen flags points expiring within this many days. */
  expiringSoonDays: number;
}

export const defaultLoyaltyPolicy: LoyaltyPolicy = {
  earning: { unitMinor: 100, pointsPerUnit: 1, categoryMultipliersPct: {}, birthdayMonthMultiplierPct: 100 },
  redeem: { points: 100, valueMinor: 100 },
  expiry: { kind: 'end_of_year_after', years: 1 },
  expiringSoonDays: 60,
};

export interface EarningLine {
  /** Spend that may earn: 0 for lines that are not points-eligible. */
  eligibleMinor: number;
  category: string;
}

export function earnPoints(
  lines: readonly EarningLine[],
  rules: EarningRules,
  tierMultiplierPct: number,
  birthdayMonth: boolean,
): { total: number; perLine: number[] } {
  const weights = lines.map(
    (l) => BigInt(Math.max(0, l.eligibleMinor)) * BigInt(rules.categoryMultipliersPct[l.category] ?? 100),
  );
  const weighted = weights.reduce((a, b) => a + b, 0n);
  const bonus = BigInt(tierMultiplierPct) * BigInt(birthdayMonth ? rules.birthdayMonthMultiplierPct : 100);
  const total = Number(
    (weighted * BigInt(rules.pointsPerUnit) * bonus) / (BigInt(rules.unitMinor) * 100n * 100n * 100n),
  );
  // Weights can exceed 2^53 only for absurd sales; scale them down for the split, which is proportional anyway.
  const scale = weighted > 1_000_000_000_000n ? weighted / 1_000_000_000n : 1n;
  const perLine = lines.length
    ? allocate(
        total,
        weights.map((w) => Number(w / scale)),
      )
    : [];
  return { total, perLine };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** The smallest number of points that is worth a whole number of fen. */
export function redeemStep(rate: RedeemRate): number {
  return rate.points / gcd(rate.points, rate.valueMinor);
}

export function pointsValueMinor(points: number, rate: RedeemRate): number {
  return Math.floor((points * rate.valueMinor) / rate.points);
}

/** Never below zero, never more than the sale, always a whole step. */
export function maxRedeemable(balance: number, totalMinor: number, rate: RedeemRate): number {
  const step = redeemStep(rate);
  const bySale = Math.floor((totalMinor * rate.points) / rate.valueMinor);
  const most = Math.max(0, Math.min(balance, bySale));
  return most - (most % step);
}

export type RedeemRefusal = 'POINTS_INVALID' | 'POINTS_INSUFFICIENT' | 'POINTS_OVER_TOTAL';

export function checkRedemption(
  points: number,
  balance: number,
  totalMinor: number,
  rate: RedeemRate,
): RedeemRefusal | null {
  if (!Number.isSafeInteger(points) || points < 0 || points % redeemStep(rate) !== 0) return 'POINTS_INVALID';
  if (points > balance) return 'POINTS_INSUFFICIENT';
  if (pointsValueMinor(points, rate) > totalMinor) return 'POINTS_OVER_TOTAL';
  return null;
}

/** The last local day points earned on `earnedOn` can be used; null when they never expire. */
export function expiresOn(earnedOn: string, policy: ExpiryPolicy): string | null {
  if (policy.kind === 'never') return null;
  if (policy.kind === 'days') return addDays(earnedOn, policy.days - 1);
  return `${Number(earnedOn.slice(0, 4)) + policy.years}-12-31`;
}

export interface LedgerPoint {
  points: number;
  /** Credits only: the last usable day, or null (never expires). */
  expiresOn: string | null;
  at: string;
}

export interface Lot {
  expiresOn: string | null;
  remaining: number;
}

/**
 * First in, first out: every debit (redeem, expire, negative adjust or reversal) uses the points
 * that expire first. Because later credits never expire earlier than older ones under one policy,
 * "expires first" is also "earned first". Returns what is left of each credit, soonest first.
 */
export function remainingLots(entries: readonly LedgerPoint[]): Lot[] {
  const credits = entries
    .filter((e) => e.points > 0)
    .sort((a, b) => {
      if (a.expiresOn !== b.expiresOn) {
        if (a.expiresOn === null) return 1;
        if (b.expiresOn === null) return -1;
        return a.expiresOn < b.expiresOn ? -1 : 1;
      }
      return a.at < b.at ? -1 : a.at > b.at ? 1 : 0;
    });
  let debit = entries.reduce((sum, e) => (e.points < 0 ? sum - e.points : sum), 0);
  return credits.map((c) => {
    const used = Math.min(debit, c.points);
    debit -= used;
    return { expiresOn: c.expiresOn, remaining: c.points - used };
  });
}

export function balanceOf(entries: readonly { points: number }[]): number {
  return entries.reduce((sum, e) => sum + e.points, 0);
}

/** Points whose last day is before `today` and that are still unused: what an expire entry takes. */
export function dueToExpire(entries: readonly LedgerPoint[], today: string): number {
  return remainingLots(entries).reduce(
    (sum, lot) => (lot.expiresOn !== null && lot.expiresOn < today ? sum + lot.remaining : sum),
    0,
  );
}

/** The next batch of points to expire (all lots with the soonest last day), if any. */
export function nextExpiry(
  entries: readonly LedgerPoint[],
  today: string,
  soonDays: number,
): { points: number; on: string; soon: boolean } | null {
  const lots = remainingLots(entries).filter((l) => l.remaining > 0 && l.expiresOn !== null && l.expiresOn >= today);
  const first = lots[0];
  if (!first) return null;
  const points = lots.filter((l) => l.expiresOn === first.expiresOn).reduce((a, l) => a + l.remaining, 0);
  return { points, on: first.expiresOn!, soon: first.expiresOn! <= addDays(today, soonDays) };
}
