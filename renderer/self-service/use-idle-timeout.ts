import { useEffect, useRef, useState } from 'react';

/** The last seconds before the timeout, shown as a countdown a person can stop with a touch. */
export const countdownSeconds = 10;

/**
 * Counts down from `seconds` while `active`; any touch, click or key starts it again. Returns the
 * seconds left once the countdown shows (null before), and calls onTimeout when it reaches zero.
 */
export function useIdleTimeout(active: boolean, seconds: number, onTimeout: () => void): number | null {
  const [left, setLeft] = useState<number | null>(null);
  const latest = useRef(onTimeout);
  latest.current = onTimeout;

  useEffect(() => {
    if (!active) {
      setLeft(null);
      return;
    }
    let deadline = Date.now() + seconds * 1000;
    const reset = () => {
      deadline = Date.now() + seconds * 1000;
      setLeft(null);
    };
    const tick = () => {
      const remaining = Math.ceil((deadline - Date.now()) / 1000);
      if (remaining <= 0) {
        window.clearInterval(timer);
        setLeft(null);
        latest.current();
      } else setLeft(remaining <= countdownSeconds ? remaining : null);
    };
    const timer = window.setInterval(tick, 250);
    const events = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, reset, { capture: true, passive: true });
    return () => {
      window.clearInterval(timer);
      for (const e of events) window.removeEventListener(e, reset, { capture: true });
    };
  }, [active, seconds]);

  return left;
}
