import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from './backoff';

const options = { base: 1000, cap: 60_000 };

describe('backoffDelay', () => {
  it('draws from a window that doubles with each failure', () => {
    const top = () => 0.999999;
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, top, options))).toEqual([999, 1999, 3999, 7999]);
  });

  it('never waits longer than the cap, however many failures', () => {
    expect(backoffDelay(10, () => 0.999999, options)).toBe(59_999);
    expect(backoffDelay(5000, () => 0.999999, options)).toBe(59_999);
  });

  it('spreads the wait over the whole window (full jitter), down to no wait at all', () => {
    expect(backoffDelay(3, () => 0, options)).toBe(0);
    expect(backoffDelay(3, () => 0.5, options)).toBe(4000);
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-06-15T04:00:00.000Z');

  it('reads whole seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date as the time from now until then', () => {
    expect(parseRetryAfter('Mon, 15 Jun 2026 04:00:30 GMT', now)).toBe(30_000);
  });

  it('a date already past means: try now', () => {
    expect(parseRetryAfter('Mon, 15 Jun 2026 03:00:00 GMT', now)).toBe(0);
  });

  it('answers null for what it cannot read, so the caller backs off by itself', () => {
    for (const header of [null, undefined, '', 'soon', '-5', '1.5', 'Mon, 99 Foo 2026 GMT'])
      expect(parseRetryAfter(header, now)).toBeNull();
  });
});
