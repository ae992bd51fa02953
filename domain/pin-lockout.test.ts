import { describe, expect, it } from 'vitest';
import { decideLogin, type LockoutState } from './pin-lockout';

const start = new Date('2026-11-25T09:00:00.000Z');
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

describe('PIN lockout', () => {
  it('locks on the fifth wrong PIN and counts down the attempts before', () => {
    let state: LockoutState = { failedAttempts: 0, lockedUntil: null };
    const remaining: number[] = [];
    for (let i = 0; i < 4; i++) {
      const d = decideLogin(state, false, start);
      expect(d.outcome).toBe('wrong');
      if (d.outcome === 'wrong') remaining.push(d.remaining);
      state = d.next;
    }
    expect(remaining).toEqual([4, 3, 2, 1]);
    const fifth = decideLogin(state, false, start);
    expect(fifth.outcome).toBe('locked_now');
    expect(fifth.next.lockedUntil).toBe(minutes(15).toISOString());
  });

  it('refuses even the right PIN while locked, and tells how long is left', () => {
    const locked: LockoutState = { failedAttempts: 5, lockedUntil: minutes(15).toISOString() };
    const d = decideLogin(locked, true, minutes(5));
    expect(d).toMatchObject({ outcome: 'locked', minutesLeft: 10 });
  });

  it('lets the staff member in after the lock ends, with a fresh count', () => {
    const locked: LockoutState = { failedAttempts: 5, lockedUntil: minutes(15).toISOString() };
    expect(decideLogin(locked, true, minutes(16))).toMatchObject({
      outcome: 'ok',
      next: { failedAttempts: 0, lockedUntil: null },
    });
    expect(decideLogin(locked, false, minutes(16))).toMatchObject({ outcome: 'wrong', remaining: 4 });
  });

  it('a right PIN resets the count', () => {
    expect(decideLogin({ failedAttempts: 3, lockedUntil: null }, true, start).next.failedAttempts).toBe(0);
  });
});
