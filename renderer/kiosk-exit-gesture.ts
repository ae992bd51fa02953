// The staff exit gesture of the kiosk: five quick taps in the top-left corner open the manager PIN
// prompt (the PIN itself is checked by the core's login). Pure: the renderer feeds it taps.

export interface ExitGesture {
  /** Taps needed (default 5). */
  taps: number;
  /** All of them within this many ms (default 3 s). */
  withinMs: number;
  /** The corner square's side in CSS pixels (default 96: reachable, but not by accident). */
  cornerPx: number;
}

export const defaultExitGesture: ExitGesture = { taps: 5, withinMs: 3000, cornerPx: 96 };

export interface Tap {
  x: number;
  y: number;
  /** ms timestamp */
  at: number;
}

/** The times of the taps counted so far, oldest first. */
export type ExitGestureState = readonly number[];

export const noTaps: ExitGestureState = [];

export function inExitCorner(tap: Tap, gesture: ExitGesture = defaultExitGesture): boolean {
  return tap.x >= 0 && tap.y >= 0 && tap.x < gesture.cornerPx && tap.y < gesture.cornerPx;
}

/**
 * One tap. A tap outside the corner starts over; taps older than the window drop out. When enough
 * are counted, `open` is true (show the PIN prompt) and the count starts over.
 */
export function registerTap(
  state: ExitGestureState,
  tap: Tap,
  gesture: ExitGesture = defaultExitGesture,
): { state: ExitGestureState; open: boolean } {
  if (!inExitCorner(tap, gesture)) return { state: noTaps, open: false };
  const recent = [...state.filter((t) => tap.at - t < gesture.withinMs && t <= tap.at), tap.at];
  if (recent.length >= gesture.taps) return { state: noTaps, open: true };
  return { state: recent, open: false };
}
