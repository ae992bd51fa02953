// A token bucket per terminal, in memory: a terminal may burst (a backlog drain sends batches back
// to back) but not hold the hub. Per process: several hub processes each allow the rate, which is
// enough to stop a runaway terminal; a shared limit would need the database on every request.

export interface RateLimit {
  /** Requests a terminal may make at once. */
  burst: number;
  /** Requests per second it earns back. */
  perSecond: number;
}

export interface TokenBuckets {
  /** Takes one token; when none is left, how many seconds until there is one. */
  take(key: string, nowMs: number): { ok: true } | { ok: false; retryAfterSeconds: number };
}

export function tokenBuckets(limit: RateLimit): TokenBuckets {
  const buckets = new Map<string, { tokens: number; atMs: number }>();
  return {
    take(key, nowMs) {
      const b = buckets.get(key) ?? { tokens: limit.burst, atMs: nowMs };
      b.tokens = Math.min(limit.burst, b.tokens + ((nowMs - b.atMs) / 1000) * limit.perSecond);
      b.atMs = nowMs;
      buckets.set(key, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / limit.perSecond)) };
    },
  };
}
