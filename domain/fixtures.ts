// Shared test data for the loyalty rules' tests (tiers like the demo store's, a coupon definition).
import type { CouponDefinitionInfo, TierInfo } from '../contract';

const tier = (code: string, rank: number, threshold: number, mult = 100): TierInfo => ({
  code,
  name: { zh: code, en: code },
  rank,
  qualifyMetric: 'spend',
  threshold,
  windowDays: 365,
  pointsMultiplierPct: mult,
});

/** Deliberately out of order: the rules must sort by rank themselves. */
export const tiers: TierInfo[] = [tier('gold', 2, 200_000, 150), tier('normal', 0, 0), tier('silver', 1, 50_000, 125)];

export const definition = (over: Partial<CouponDefinitionInfo> = {}): CouponDefinitionInfo => ({
  id: 'd1',
  name: { zh: '满50减10', en: '¥10 off ¥50' },
  kind: 'amount_off',
  amountOffMinor: 1000,
  percentOff: null,
  capMinor: null,
  freeProductId: null,
  minSpendMinor: 5000,
  categories: [],
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  perMemberLimit: null,
  offlineAllowed: true,
  genericCode: 'SAVE10',
  ...over,
});
