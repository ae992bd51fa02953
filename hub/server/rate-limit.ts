// A token bucket per terminal, in memory: a terminal may burst (a backlog drain sends batches back
// to back) but not hold the hub. Per process: several hub processes each allow the rate, which is
// enough to stop a runaway terminal; a shared limit would need the database on every request.
//
// A bucket left alone until it is full again is the same as no bucket, so it is forgotten: the map
// holds only keys seen within the last refill time (burst / perSecond), not every terminal or
// address that ever asked. The map is kept in order of last use, so forgetting starts at the front
// and stops at the first bucket still refilling: each take costs O(1) amortised.

export interface RateLimit {
  /** Requests a terminal may make at once. */
  burst: number;
  /** Requests per second it earns back. */
  perSecond: number;
}

export interface TokenBuckets {
  /** Takes one token; when none is left, how many seconds until there is one. */
  take(key: string, nowMs: number): { ok: true } | { ok: false; retryAfterSeconds: number };
  /** How many keys are remembered (the idle ones are forgotten). */
  size(): number;
}

export function tokenBuckets(limit: RateLimit): TokenBuckets {
  const buckets = new Map<string, { tokens: number; atMs: number }>();
  const refillMs = (limit.burst / limit.perSecond) * 1000;

  function forgetIdle(nowMs: number) {
    for (const [key, b] of buckets) {
      if (nowMs - b.atMs < refillMs) break;
      buckets.delete(key);
    }
  }

  return {
    take(key, nowMs) {
      forgetIdle(nowMs);
      const b = buckets.get(key) ?? { tokens: limit.burst, atMs: nowMs };
      b.tokens = Math.min(limit.burst, b.tokens + (Math.max(0, nowMs - b.atMs) / 1000) * limit.perSecond);
      b.atMs = Math.max(b.atMs, nowMs);
      // Moved to the end: the map stays in order of last use.
      buckets.delete(key);
      buckets.set(key, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / limit.perSecond)) };
    },
    size: () => buckets.size,
  };
}
