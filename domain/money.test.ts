import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, cumulativeShare, formatMoney, mulDivFloor, mulDivRound } from './money';

describe('allocate', () => {
  it('splits an order discount across lines without losing a fen', () => {
    expect(allocate(1000, [6800, 3900])).toEqual([636, 364]);
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(allocate(0, [5, 7])).toEqual([0, 0]);
    expect(allocate(5, [0, 0])).toEqual([3, 2]);
  });

  it('gives the leftover fen to the largest remainders, ties to the earlier line', () => {
    // 10 × 1/3 = 3.33 each: the first line gets the extra fen.
    expect(allocate(10, [100, 100, 100])).toEqual([4, 3, 3]);
    // 0.6 beats 0.4
    expect(allocate(1, [4, 6])).toEqual([0, 1]);
  });

  it('always sums to the total and stays within each weight when the total fits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 30 }),
        fc.nat(),
        (weights, seed) => {
          const sum = weights.reduce((a, b) => a + b, 0);
          const total = sum === 0 ? seed % 1000 : seed % (sum + 1);
          const parts = allocate(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((p, i) => {
            expect(p).toBeGreaterThanOrEqual(0);
            if (sum > 0) expect(p).toBeLessThanOrEqual(weights[i]!);
          });
        },
      ),
    );
  });

  it('refuses negative or fractional input', () => {
    expect(() => allocate(-1, [1])).toThrow();
    expect(() => allocate(1.5, [1])).toThrow();
    expect(() => allocate(1, [0.5])).toThrow();
    expect(() => allocate(1, [])).toThrow();
  });
});

describe('rounding', () => {
  it('rounds half up and floors exactly, with big numbers too', () => {
    expect(mulDivRound(5, 1, 2)).toBe(3);
    expect(mulDivRound(4, 1, 3)).toBe(1);
    expect(mulDivFloor(999, 1, 100)).toBe(9);
    expect(mulDivFloor(9_000_000_000_000, 300, 100)).toBe(27_000_000_000_000);
  });

  it('refunds of k units add up to the whole amount however the quantity is split', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 10 }),
        (amount, chunks) => {
          const quantity = chunks.reduce((a, b) => a + b, 0);
          let done = 0;
          let paid = 0;
          for (const c of chunks) {
            const part = cumulativeShare(amount, quantity, done, c);
            expect(part).toBeGreaterThanOrEqual(0);
            paid += part;
            done += c;
          }
          expect(paid).toBe(amount);
        },
      ),
    );
    expect(() => cumulativeShare(100, 2, 1, 2)).toThrow();
  });
});

describe('formatMoney', () => {
  it('prints fen as yuan with two decimals', () => {
    expect(formatMoney(1230, 'CNY')).toBe('¥12.30');
    expect(formatMoney(-500, 'CNY')).toBe('-¥5.00');
    expect(formatMoney(5, 'CNY')).toBe('¥0.05');
    expect(formatMoney(500, 'JPY')).toBe('¥500');
  });
});
