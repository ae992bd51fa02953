import { describe, expect, it } from 'vitest';
import { noTaps, registerTap, type ExitGestureState, type Tap } from './kiosk-exit-gesture';

function tapAll(taps: Tap[]): boolean[] {
  let state: ExitGestureState = noTaps;
  return taps.map((tap) => {
    const next = registerTap(state, tap);
    state = next.state;
    return next.open;
  });
}
const corner = (at: number): Tap => ({ x: 10, y: 12, at });

describe('the staff exit gesture', () => {
  it('opens the PIN prompt on the fifth quick tap in the corner, then starts over', () => {
    const opens = tapAll([0, 300, 600, 900, 1200, 1500, 1800].map(corner));
    expect(opens).toEqual([false, false, false, false, true, false, false]);
  });

  it('does not open for slow taps', () => {
    expect(tapAll([0, 1000, 2000, 3000, 4000].map(corner)).some(Boolean)).toBe(false);
  });

  it('a tap elsewhere starts over (a customer tapping around does not open it)', () => {
    const taps = [corner(0), corner(100), corner(200), corner(300), { x: 500, y: 400, at: 400 }, corner(500)];
    expect(tapAll(taps).some(Boolean)).toBe(false);
  });

  it('counts only the corner square', () => {
    expect(tapAll([0, 1, 2, 3, 4].map((at) => ({ x: 96, y: 10, at }))).some(Boolean)).toBe(false);
    expect(tapAll([0, 1, 2, 3, 4].map((at) => ({ x: 95, y: 95, at }))).at(-1)).toBe(true);
  });
});
