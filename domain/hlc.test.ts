import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc, hlcAfter, hlcMax, hlcOfWallTime, parseHlc, receive, tick } from './hlc';

const hour = 3_600_000;
const t0 = Date.parse('2026-06-15T04:00:00.000Z');

describe('hybrid logical clock', () => {
  it('sorts as text in the order of the clock, ties on wall and counter broken by node', () => {
    const a = formatHlc({ wallMs: t0, counter: 0, node: 'A' });
    const b = formatHlc({ wallMs: t0, counter: 1, node: 'A' });
    const c = formatHlc({ wallMs: t0 + 1, counter: 0, node: 'A' });
    const d = formatHlc({ wallMs: t0 + 1, counter: 0, node: 'B' });
    expect([d, c, b, a].sort()).toEqual([a, b, c, d]);
    expect(parseHlc(d)).toEqual({ wallMs: t0 + 1, counter: 0, node: 'B' });
    expect(parseHlc('garbage')).toBeNull();
    expect(hlcAfter(a, '')).toBe(true);
    expect(hlcAfter(null, a)).toBe(false);
    expect(hlcMax(a, d)).toBe(d);
  });

  it('ticks at the wall clock when it is ahead, and counts within a millisecond', () => {
    const first = tick(null, t0, 'A');
    expect(parseHlc(first)).toEqual({ wallMs: t0, counter: 0, node: 'A' });
    const second = tick(first, t0, 'A');
    expect(parseHlc(second)).toMatchObject({ wallMs: t0, counter: 1 });
    expect(parseHlc(tick(second, t0 + 5, 'A'))).toMatchObject({ wallMs: t0 + 5, counter: 0 });
  });

  it('never goes backwards when the wall clock is set back', () => {
    const late = tick(null, t0, 'A');
    const after = tick(late, t0 - 6 * hour, 'A');
    expect(hlcAfter(after, late)).toBe(true);
  });

  it('a clock six hours behind stamps after what it received', () => {
    const atA = tick(null, t0, 'A');
    const atB = receive(tick(null, t0 - 6 * hour, 'B'), atA, t0 - 6 * hour, 'B');
    expect(hlcAfter(atB, atA)).toBe(true);
    const edit = tick(atB, t0 - 6 * hour + 1000, 'B');
    expect(hlcAfter(edit, atA)).toBe(true);
    expect(parseHlc(edit)?.node).toBe('B');
  });

  it('moves to the wall clock on receive when it is ahead of both', () => {
    const seen = formatHlc({ wallMs: t0, counter: 7, node: 'A' });
    expect(parseHlc(receive(null, seen, t0 + 10, 'B'))).toEqual({ wallMs: t0 + 10, counter: 0, node: 'B' });
    expect(parseHlc(receive(null, seen, t0, 'B'))).toEqual({ wallMs: t0, counter: 8, node: 'B' });
    expect(parseHlc(receive(null, 'not a clock', t0, 'B'))).toEqual({ wallMs: t0, counter: 0, node: 'B' });
  });

  it('a counter that would overflow moves the wall on', () => {
    const full = formatHlc({ wallMs: t0, counter: 99_999, node: 'A' });
    const next = tick(full, t0, 'A');
    expect(parseHlc(next)).toEqual({ wallMs: t0 + 1, counter: 0, node: 'A' });
    expect(hlcAfter(next, full)).toBe(true);
  });

  it('reads the wall time of a record made before clocks', () => {
    expect(parseHlc(hlcOfWallTime('2026-06-15T04:00:00.000Z', 'T1'))).toEqual({ wallMs: t0, counter: 0, node: 'T1' });
    expect(hlcOfWallTime('not a date', 'T1')).toBe('');
  });

  it('is monotonic whatever the clocks say (property)', () => {
    const step = fc.record({
      remote: fc.boolean(),
      wall: fc.integer({ min: t0 - 48 * hour, max: t0 + 48 * hour }),
      remoteWall: fc.integer({ min: t0 - 48 * hour, max: t0 + 48 * hour }),
      remoteCounter: fc.integer({ min: 0, max: 99_999 }),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 50 }), (steps) => {
        let last: string | null = null;
        for (const s of steps) {
          const seen = formatHlc({ wallMs: s.remoteWall, counter: s.remoteCounter, node: 'R' });
          const next: string = s.remote ? receive(last, seen, s.wall, 'N') : tick(last, s.wall, 'N');
          if (last !== null && !hlcAfter(next, last)) return false;
          if (s.remote && !hlcAfter(next, seen)) return false;
          last = next;
        }
        return true;
      }),
    );
  });
});
