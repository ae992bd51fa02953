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
  it('forgets a bucket once it would be full again, so many terminals seen once do not pile up', () => {
    // Full again 2 s after the last take (burst 4 at 2 per second).
    const buckets = tokenBuckets({ burst: 4, perSecond: 2 });
    for (let i = 0; i < 10_000; i++) buckets.take(`terminal-${i}`, 0);
    expect(buckets.size()).toBe(10_000);
    buckets.take('late', 1999);
    expect(buckets.size()).toBe(10_001);
    buckets.take('later', 2000);
    expect(buckets.size()).toBe(2);
  });
  it('keeps a bucket that is still refilling, and a forgotten one starts full', () => {
    const buckets = tokenBuckets({ burst: 2, perSecond: 1 });
    buckets.take('busy', 0);
    buckets.take('busy', 0);
    expect(buckets.take('busy', 0).ok).toBe(false);
    buckets.take('other', 1500);
    // 'busy' was last seen at 0 and refills in 2 s: still there at 1.5 s, still short of tokens.
    expect(buckets.take('busy', 1500)).toEqual({ ok: true });
    expect(buckets.take('busy', 1500).ok).toBe(false);
    // Idle for the refill time: forgotten, and it comes back with a full burst.
    buckets.take('other', 3600);
    expect(buckets.size()).toBe(1);
    expect([buckets.take('busy', 3600).ok, buckets.take('busy', 3600).ok, buckets.take('busy', 3600).ok]).toEqual([
      true,
      true,
      false,
    ]);
  });
});
