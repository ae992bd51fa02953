import { describe, expect, it } from 'vitest';
import { tokenBuckets } from './rate-limit';

describe('per-terminal rate limit', () => {
  it('allows a burst, then asks to retry after the time a token takes to come back', () => {
    const buckets = tokenBuckets({ burst: 3, perSecond: 0.5 });
    expect([0, 0, 0].map(() => buckets.take('t1', 1000).ok)).toEqual([true, true, true]);
    expect(buckets.take('t1', 1000)).toEqual({ ok: false, retryAfterSeconds: 2 });
    expect(buckets.take('t1', 3000).ok).toBe(true);
  });
  it('keeps terminals apart', () => {
    const buckets = tokenBuckets({ burst: 1, perSecond: 1 });
    expect(buckets.take('a', 0).ok).toBe(true);
    expect(buckets.take('a', 0).ok).toBe(false);
    expect(buckets.take('b', 0).ok).toBe(true);
  });
});
