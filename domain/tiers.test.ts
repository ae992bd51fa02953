import { describe, expect, it } from 'vitest';
import type { TierInfo } from '../contract';
import { tiers } from './fixtures';
import { downgradeTo, qualifyingTier, tierLadderProblem, tierProgress, unitPriceFor, upgradeTo } from './tiers';

const [gold, normal, silver] = tiers as [TierInfo, TierInfo, TierInfo];

describe('tiers', () => {
  it('qualifies for the highest tier whose threshold is met', () => {
    expect(qualifyingTier(tiers, () => 0).code).toBe('normal');
    expect(qualifyingTier(tiers, () => 49_999).code).toBe('normal');
    expect(qualifyingTier(tiers, () => 50_000).code).toBe('silver');
    expect(qualifyingTier(tiers, () => 300_000).code).toBe('gold');
  });

  it('upgrades at once, downgrades only after a full window in the tier', () => {
    expect(upgradeTo(normal, gold)).toBe(gold);
    expect(upgradeTo(gold, silver)).toBeNull();
    expect(downgradeTo(gold, silver, '2026-01-10', '2026-12-31')).toBeNull();
    expect(downgradeTo(gold, silver, '2026-01-10', '2027-01-10')).toBe(silver);
    expect(downgradeTo(silver, gold, '2020-01-01', '2027-01-10')).toBeNull();
  });

  it('shows progress to the next tier, full at the top', () => {
    const p = tierProgress(tiers, normal, () => 12_500);
    expect(p).toMatchObject({ next: { code: 'silver' }, value: 12_500, target: 50_000, fraction: 0.25 });
    expect(tierProgress(tiers, gold, () => 1).fraction).toBe(1);
    expect(tierProgress(tiers, gold, () => 1).next).toBeNull();
    expect(tierProgress(tiers, silver, () => 999_999).fraction).toBe(1);
  });

  it('a tier pays the best price at or below its rank, never above list', () => {
    const prices = { silver: 6500, gold: 6000 };
    expect(unitPriceFor(6800, prices, null, tiers)).toBe(6800);
    expect(unitPriceFor(6800, prices, normal, tiers)).toBe(6800);
    expect(unitPriceFor(6800, prices, silver, tiers)).toBe(6500);
    expect(unitPriceFor(6800, prices, gold, tiers)).toBe(6000);
    expect(unitPriceFor(6800, { silver: 6200 }, gold, tiers)).toBe(6200);
    expect(unitPriceFor(6800, { gold: 7000 }, gold, tiers)).toBe(6800);
  });

  it('a tier added or changed must keep the ladder in order: its own rank, a higher threshold than the tiers below it', () => {
    const platinum: TierInfo = { ...gold, code: 'platinum', rank: 3, threshold: 500_000 };
    expect(tierLadderProblem(tiers, platinum)).toBeNull();
    expect(tierLadderProblem(tiers, { ...platinum, rank: 2 })).toMatchObject({ code: 'TIER_RANK_TAKEN', other: gold });
    // Below gold in rank, above it in threshold (and the nearest offending neighbour is named).
    expect(tierLadderProblem(tiers, { ...platinum, rank: 3, threshold: 200_000 })).toMatchObject({
      code: 'TIER_THRESHOLD_ORDER',
      lower: gold,
    });
    expect(tierLadderProblem(tiers, { ...silver, threshold: 250_000 })).toMatchObject({
      code: 'TIER_THRESHOLD_ORDER',
      lower: { code: 'silver' },
      higher: gold,
    });
    // Changing a tier is checked against the others, not against its own old rules.
    expect(tierLadderProblem(tiers, { ...silver, threshold: 60_000 })).toBeNull();
    // A tier measured in points is not compared with tiers measured in spend.
    expect(tierLadderProblem(tiers, { ...platinum, qualifyMetric: 'points', threshold: 1000 })).toBeNull();
  });
});
