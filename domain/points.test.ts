import { describe, expect, it } from 'vitest';
import {
  checkRedemption,
  dueToExpire,
  earnPoints,
  expiresOn,
  maxRedeemable,
  nextExpiry,
  pointsValueMinor,
  redeemStep,
  remainingLots,
  type EarningRules,
} from './points';

const rules: EarningRules = {
  unitMinor: 100,
  pointsPerUnit: 1,
  categoryMultipliersPct: { tea: 200 },
  birthdayMonthMultiplierPct: 200,
};

describe('earning', () => {
  it('earns a point per whole yuan, rounding down once per sale, not per line', () => {
    // ¥0.99 + ¥0.99 = ¥1.98 → 1 point (per line it would have been 0 + 0).
    expect(
      earnPoints(
        [
          { eligibleMinor: 99, category: 'snacks' },
          { eligibleMinor: 99, category: 'snacks' },
        ],
        rules,
        100,
        false,
      ).total,
    ).toBe(1);
  });

  it('applies category, tier and birthday multipliers together', () => {
    const lines = [
      { eligibleMinor: 6800, category: 'tea' },
      { eligibleMinor: 3900, category: 'snacks' },
    ];
    // (68×2 + 39) = 175; gold ×1.5 = 262.5 → 262; birthday doubles to 525.
    expect(earnPoints(lines, rules, 150, false).total).toBe(262);
    expect(earnPoints(lines, rules, 150, true).total).toBe(525);
  });

  it('splits the sale total over lines so reversals add up', () => {
    const { total, perLine } = earnPoints(
      [
        { eligibleMinor: 6800, category: 'tea' },
        { eligibleMinor: 0, category: 'snacks' },
        { eligibleMinor: 3900, category: 'x' },
      ],
      rules,
      150,
      false,
    );
    expect(perLine.reduce((a, b) => a + b, 0)).toBe(total);
    expect(perLine[1]).toBe(0);
  });
});

describe('redemption', () => {
  const rate = { points: 100, valueMinor: 100 };
  it('100 points pay ¥1; never more than the balance or the sale', () => {
    expect(pointsValueMinor(500, rate)).toBe(500);
    expect(maxRedeemable(5000, 1234, rate)).toBe(1234);
    expect(maxRedeemable(300, 1234, rate)).toBe(300);
    expect(maxRedeemable(-20, 1234, rate)).toBe(0);
    expect(checkRedemption(301, 300, 1234, rate)).toBe('POINTS_INSUFFICIENT');
    expect(checkRedemption(2000, 5000, 1234, rate)).toBe('POINTS_OVER_TOTAL');
    expect(checkRedemption(-1, 5000, 1234, rate)).toBe('POINTS_INVALID');
    expect(checkRedemption(1.5, 5000, 1234, rate)).toBe('POINTS_INVALID');
    expect(checkRedemption(300, 300, 1234, rate)).toBeNull();
  });

  it('redeems in steps that are worth whole fen', () => {
    const coarse = { points: 100, valueMinor: 50 }; // 2 points per fen
    expect(redeemStep(coarse)).toBe(2);
    expect(checkRedemption(3, 10, 1000, coarse)).toBe('POINTS_INVALID');
    expect(maxRedeemable(9, 1000, coarse)).toBe(8);
  });
});

describe('expiry', () => {
  it('points earned in a year expire at the end of the next year', () => {
    expect(expiresOn('2026-03-05', { kind: 'end_of_year_after', years: 1 })).toBe('2027-12-31');
    expect(expiresOn('2026-03-05', { kind: 'days', days: 365 })).toBe('2027-03-04');
    expect(expiresOn('2026-03-05', { kind: 'never' })).toBeNull();
  });

  it('uses the oldest points first, so what expires is what was not spent', () => {
    const entries = [
      { points: 100, expiresOn: '2026-12-31', at: '2025-02-01' },
      { points: 200, expiresOn: '2027-12-31', at: '2026-02-01' },
      { points: -150, expiresOn: null, at: '2026-03-01' },
    ];
    expect(remainingLots(entries).map((l) => l.remaining)).toEqual([0, 150]);
    expect(dueToExpire(entries, '2027-01-01')).toBe(0);
    expect(dueToExpire(entries, '2028-01-01')).toBe(150);
    const unspent = [
      { points: 100, expiresOn: '2026-12-31', at: '2025-02-01' },
      { points: -30, expiresOn: null, at: '2026-01-01' },
    ];
    expect(dueToExpire(unspent, '2026-12-31')).toBe(0); // still usable on its last day
    expect(dueToExpire(unspent, '2027-01-01')).toBe(70);
    // Once the expire entry is written, nothing more is due.
    expect(dueToExpire([...unspent, { points: -70, expiresOn: null, at: '2027-01-01' }], '2027-01-01')).toBe(0);
  });

  it('shows the next batch to expire and whether it is soon', () => {
    const entries = [
      { points: 100, expiresOn: '2026-12-31', at: '2025-02-01' },
      { points: 50, expiresOn: '2026-12-31', at: '2025-06-01' },
      { points: 200, expiresOn: '2027-12-31', at: '2026-02-01' },
      { points: -20, expiresOn: null, at: '2026-03-01' },
    ];
    expect(nextExpiry(entries, '2026-11-15', 60)).toEqual({ points: 130, on: '2026-12-31', soon: true });
    expect(nextExpiry(entries, '2026-06-01', 60)).toEqual({ points: 130, on: '2026-12-31', soon: false });
    expect(nextExpiry([], '2026-06-01', 60)).toBeNull();
  });
});
