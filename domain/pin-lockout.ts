// Five wrong PINs lock a staff member out for a while: a PIN has only 10^4..10^8 values, so
// guessing must be slow. The state lives in the staff row; this function only decides.

export interface LockoutPolicy {
  maxAttempts: number;
  lockMinutes: number;
}

export const defaultLockoutPolicy: LockoutPolicy = { maxAttempts: 5, lockMinutes: 15 };

export interface LockoutState {
  failedAttempts: number;
  lockedUntil: string | null; // ISO time
}

export type LoginDecision =
  | { outcome: 'locked'; minutesLeft: number; next: LockoutState }
  | { outcome: 'ok'; next: LockoutState }
  | { outcome: 'wrong'; remaining: number; next: LockoutState }
  | { outcome: 'locked_now'; minutesLeft: number; next: LockoutState };

export function isLocked(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && Date.parse(state.lockedUntil) > now.getTime();
}

/** While locked the PIN is not even checked, so a correct guess during the lock tells nothing. */
export function decideLogin(
  state: LockoutState,
  pinCorrect: boolean | null,
  now: Date,
  policy = defaultLockoutPolicy,
): LoginDecision {
  if (isLocked(state, now)) {
    const minutesLeft = Math.ceil((Date.parse(state.lockedUntil!) - now.getTime()) / 60_000);
    return { outcome: 'locked', minutesLeft, next: state };
  }
  // An expired lock starts a fresh count.
  const failedSoFar = state.lockedUntil ? 0 : state.failedAttempts;
  if (pinCorrect) return { outcome: 'ok', next: { failedAttempts: 0, lockedUntil: null } };
  const failed = failedSoFar + 1;
  if (failed >= policy.maxAttempts) {
    const lockedUntil = new Date(now.getTime() + policy.lockMinutes * 60_000).toISOString();
    return { outcome: 'locked_now', minutesLeft: policy.lockMinutes, next: { failedAttempts: failed, lockedUntil } };
  }
  return {
    outcome: 'wrong',
    remaining: policy.maxAttempts - failed,
    next: { failedAttempts: failed, lockedUntil: null },
  };
}
