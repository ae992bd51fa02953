import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiErrorShape } from '../../contract';
import { useApp } from '../app-context';
import { toErrorShape } from '../errors';

/*
 * Every button that calls the core wants the same few things, and each screen used to write them out
 * by hand: no second call while the first is on its way (a double tap must not sell or refund twice),
 * the banner cleared once a call went through, the translated error shown when it did not, the button
 * enabled again either way, and no state set on a screen that the call navigated away from. Written
 * once here, a screen says only what its call does; `onError` lets a screen show an error elsewhere
 * (next to the field or in the dialog that caused it) instead of in the global banner.
 */

export interface RunOptions {
  /** Takes the place of the global banner for this call's error. */
  onError?: (error: unknown) => void;
}

/** What runAction needs from its surroundings; the hook wires it to React state and useApp(). */
export interface ActionHost {
  isBusy(): boolean;
  setBusy(busy: boolean): void;
  clearError(): void;
  showError(error: unknown): void;
}

/**
 * Runs `work` unless one is running already. Resolves true when it went through (the banner is
 * cleared), false when it was refused or failed (the error went to `onError`, else to the banner).
 */
export async function runAction(
  host: ActionHost,
  work: () => Promise<unknown>,
  options?: RunOptions,
): Promise<boolean> {
  if (host.isBusy()) return false;
  host.setBusy(true);
  try {
    await work();
    host.clearError();
    return true;
  } catch (e) {
    (options?.onError ?? host.showError)(e);
    return false;
  } finally {
    host.setBusy(false);
  }
}

export interface Action {
  /** True while a call runs: for `disabled` and "working…" labels. */
  busy: boolean;
  /** Stable across renders, so it may sit in effect and callback dependencies. */
  run(work: () => Promise<unknown>, options?: RunOptions): Promise<boolean>;
  /** With `inline`, the last call's error, for the panel or dialog that made the call to show. */
  error: ApiErrorShape | null;
  /** Forgets the inline error (the person changed what caused it). */
  resetError(): void;
}

export interface ActionOptions {
  /**
   * Keep errors with this action instead of the global banner: the screen shows `error` beside the
   * button or in the dialog (an <InlineError>), where the cashier is looking.
   */
  inline?: boolean;
}

export function useAction(options?: ActionOptions): Action {
  const { showError: toBanner, clearError: clearBanner } = useApp();
  const inline = options?.inline ?? false;
  const [error, setError] = useState<ApiErrorShape | null>(null);
  const resetError = useCallback(() => setError(null), []);
  const showError = useCallback((e: unknown) => (inline ? setError(toErrorShape(e)) : toBanner(e)), [inline, toBanner]);
  const clearError = useCallback(() => {
    if (inline) setError(null);
    clearBanner();
  }, [inline, clearBanner]);
  const [busy, setBusyState] = useState(false);
  // The state only re-renders; the ref decides, so two taps within one render cannot both start.
  const running = useRef(false);
  const gone = useRef(false);

  useEffect(() => {
    gone.current = false; // StrictMode unmounts and mounts again in development
    return () => {
      gone.current = true;
    };
  }, []);

  const run = useCallback(
    (work: () => Promise<unknown>, runOptions?: RunOptions) =>
      runAction(
        {
          isBusy: () => running.current,
          setBusy: (next) => {
            running.current = next;
            if (!gone.current) setBusyState(next);
          },
          clearError,
          showError,
        },
        work,
        runOptions,
      ),
    [clearError, showError],
  );

  return { busy, run, error, resetError };
}
