// Tiers: the highest tier whose threshold the member meets in its window. Upgrades happen at
// once (a sale that qualifies); downgrades only on the scheduled evaluation and only after the
// member has held the tier for one full window, so a tier reached in December is not lost in January.
import type { TierInfo, TierProgressInfo } from '../contract';
import { addDays } from './local-date';

export function sortTiers(tiers: readonly TierInfo[]): TierInfo[] {
  return [...tiers].sort((a, b) => a.rank - b.rank);
}

/** valueFor(tier) is the member's spend or points in that tier's window. */
export function qualifyingTier(tiers: readonly TierInfo[], valueFor: (tier: TierInfo) => number): TierInfo {
  const sorted = sortTiers(tiers);
  let best = sorted[0]!;
  for (const tier of sorted.slice(1)) if (valueFor(tier) >= tier.threshold) best = tier;
  return best;
}

export function upgradeTo(current: TierInfo, qualifying: TierInfo): TierInfo | null {
  return qualifying.rank > current.rank ? qualifying : null;
}

export function downgradeTo(
  current: TierInfo,
  qualifying: TierInfo,
  heldSince: string,
  today: string,
): TierInfo | null {
  if (qualifying.rank >= current.rank) return null;
  return addDays(heldSince, current.windowDays) <= today ? qualifying : null;
}

export function tierProgress(
  tiers: readonly TierInfo[],
  current: TierInfo,
  valueFor: (tier: TierInfo) => number,
): TierProgressInfo {
  const next = sortTiers(tiers).find((t) => t.rank > current.rank) ?? null;
  if (!next)
    return { current, next: null, metric: current.qualifyMetric, value: valueFor(current), target: null, fraction: 1 };
  const value = valueFor(next);
  return {
    current,
    next,
    metric: next.qualifyMetric,
    value,
    target: next.threshold,
    fraction: next.threshold <= 0 ? 1 : Math.max(0, Math.min(1, value / next.threshold)),
  };
}

/** The price a tier pays: the best price of its own tier or any tier below it, never above list. */
export function unitPriceFor(
  listPriceMinor: number,
  tierPrices: Record<string, number>,
  tier: TierInfo | null,
  tiers: readonly TierInfo[],
): number {
  if (!tier) return listPriceMinor;
  let price = listPriceMinor;
  for (const t of tiers) {
    const p = tierPrices[t.code];
    if (t.rank <= tier.rank && p !== undefined && p < price) price = p;
  }
  return price;
}

export type LadderProblem =
  { code: 'TIER_RANK_TAKEN'; other: TierInfo } | { code: 'TIER_THRESHOLD_ORDER'; lower: TierInfo; higher: TierInfo };

/**
 * Whether `tier` (added, or changed by its code) fits the ladder of `tiers`: its rank is its own,
 * and among tiers qualified for by the same metric a higher rank needs a higher threshold, or a
 * member could reach gold without ever being silver and `qualifyingTier` would skip a tier. Tiers
 * measured by different metrics (spend in fen, points) are not compared. The lowest tier's
 * threshold is never tested (everyone is in it) but still orders it below the next.
 */
export function tierLadderProblem(tiers: readonly TierInfo[], tier: TierInfo): LadderProblem | null {
  const others = sortTiers(tiers).filter((t) => t.code !== tier.code);
  const taken = others.find((t) => t.rank === tier.rank);
  if (taken) return { code: 'TIER_RANK_TAKEN', other: taken };
  const same = others.filter((t) => t.qualifyMetric === tier.qualifyMetric);
  // The nearest neighbours in rank are the ones named in the message.
  const below = same.filter((t) => t.rank < tier.rank).reverse();
  const above = same.filter((t) => t.rank > tier.rank);
  const lower = below.find((t) => t.threshold >= tier.threshold);
  if (lower) return { code: 'TIER_THRESHOLD_ORDER', lower, higher: tier };
  const higher = above.find((t) => t.threshold <= tier.threshold);
  if (higher) return { code: 'TIER_THRESHOLD_ORDER', lower: tier, higher };
  return null;
}
