import type { Clock, CustomerSession, CustomerSessionPort } from '../ports';

/** How long past the screen's own timeout the core keeps a session nobody touched (a slow network). */
const graceMs = 15_000;

/**
 * The customer session of a self-service terminal. The screen forgets the member at its idle
 * timeout; this forgets them too, so a closed or crashed tab cannot leave a member open for the
 * next person who walks up.
 */
export function createCustomerSession(clock: Clock, idleSeconds: () => number): CustomerSessionPort {
  let session: CustomerSession | null = null;
  let lastTouch = 0;
  const live = (now: number) => session !== null && now - lastTouch <= idleSeconds() * 1000 + graceMs;
  return {
    start(memberId) {
      session = { memberId, startedAt: clock.now().toISOString() };
      lastTouch = clock.now().getTime();
      return session;
    },
    touch() {
      const now = clock.now().getTime();
      if (!live(now)) {
        session = null;
        return null;
      }
      lastTouch = now;
      return session;
    },
    active: () => live(clock.now().getTime()),
    end() {
      session = null;
    },
  };
}
