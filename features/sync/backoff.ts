// When to try the hub again. Pure: the relay passes its random source and the clock's now.

export interface BackoffOptions {
  /** The first retry's window, ms. */
  base: number;
  /** No window grows past this, ms. */
  cap: number;
}

/**
 * Exponential back-off with full jitter: a delay drawn uniformly from [0, min(cap, base·2^attempt)).
 * The jitter spreads the retries of many terminals that lost the hub at the same moment, so they do
 * not all come back in the same second when it returns. `attempt` counts failures so far, from 0.
 */
export function backoffDelay(attempt: number, random: () => number, { base, cap }: BackoffOptions): number {
  // 2^attempt overflows to Infinity long after min() has chosen cap; keep the exponent small anyway.
  const window = Math.min(cap, base * 2 ** Math.min(Math.max(attempt, 0), 52));
  return Math.floor(random() * window);
}

/**
 * A Retry-After header as milliseconds to wait: either whole seconds ("120") or an HTTP date
 * ("Wed, 21 Oct 2026 07:28:00 GMT", counted from now). null when there is none or it cannot be
 * read, so the caller falls back to its own back-off; a date in the past means "now" (0).
 */
export function parseRetryAfter(header: string | null | undefined, now: Date): number | null {
  const value = header?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Only the HTTP date forms, which start with the day's name: Date.parse reads "-5" as a year too.
  if (!/^[A-Za-z]{3}/.test(value)) return null;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}
