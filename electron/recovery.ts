// Pure crash and hang recovery policy for the kiosk window (electron/main.ts applies the decisions).
import { createHash } from 'node:crypto';

/** Electron's RenderProcessGoneDetails['reason']. */
export type RenderGoneReason =
  | 'clean-exit'
  | 'abnormal-exit'
  | 'killed'
  | 'crashed'
  | 'oom'
  | 'launch-failed'
  | 'integrity-failure'
  | 'memory-eviction';

export interface RecoveryPolicy {
  /** First reload delay; doubles with every crash inside the window. */
  baseDelayMs: number;
  /** Upper bound for the reload delay. */
  maxDelayMs: number;
  /** The Nth crash inside `windowMs` stops the reloading and shows the error page. */
  maxCrashes: number;
  windowMs: number;
  /** After giving up, try once more this long later (a kiosk should heal without a visit). */
  retryAfterGiveUpMs: number;
  /** How long the renderer may stay unresponsive before it is killed and reloaded. */
  hangGraceMs: number;
}

export const defaultRecoveryPolicy: RecoveryPolicy = {
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxCrashes: 5,
  windowMs: 10 * 60_000,
  retryAfterGiveUpMs: 15 * 60_000,
  hangGraceMs: 15_000,
};

export interface RecoveryState {
  /** Times (ms) of recent recoverable crashes, oldest first. */
  readonly crashes: readonly number[];
}

export const initialRecoveryState: RecoveryState = { crashes: [] };

export type RecoveryDecision =
  /** Nothing to do (the window is closing normally). */
  | { action: 'none' }
  /** Reload the app after `delayMs`. `attempt` counts crashes inside the window, from 1. */
  | { action: 'reload'; delayMs: number; attempt: number }
  /** Stop reloading; show the error page; try again after `retryAfterMs`. */
  | { action: 'give-up'; reason: 'too-many-crashes' | 'cannot-start'; retryAfterMs: number };

/** min(max, base * 2^n), n = crashes before this one inside the window. */
export function backoffDelay(policy: RecoveryPolicy, previousCrashes: number): number {
  const n = Math.max(0, Math.floor(previousCrashes));
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(n, 30));
}

const recoverable = new Set<RenderGoneReason>(['abnormal-exit', 'killed', 'crashed', 'oom', 'memory-eviction']);

/** What to do when the renderer process is gone. Returns the next state and the decision. */
export function decideOnRenderGone(
  state: RecoveryState,
  reason: RenderGoneReason | string,
  now: number,
  policy: RecoveryPolicy = defaultRecoveryPolicy,
): { state: RecoveryState; decision: RecoveryDecision } {
  if (reason === 'clean-exit') return { state, decision: { action: 'none' } };
  if (!recoverable.has(reason as RenderGoneReason)) {
    // launch-failed, integrity-failure, anything unknown: reloading would loop.
    return {
      state,
      decision: { action: 'give-up', reason: 'cannot-start', retryAfterMs: policy.retryAfterGiveUpMs },
    };
  }
  const recent = state.crashes.filter((t) => now - t < policy.windowMs && t <= now);
  const crashes = [...recent, now];
  const next: RecoveryState = { crashes };
  if (crashes.length >= policy.maxCrashes) {
    return {
      state: next,
      decision: { action: 'give-up', reason: 'too-many-crashes', retryAfterMs: policy.retryAfterGiveUpMs },
    };
  }
  return {
    state: next,
    decision: { action: 'reload', delayMs: backoffDelay(policy, recent.length), attempt: crashes.length },
  };
}

/** The retry after giving up starts a fresh count. */
export function resetAfterGiveUp(): RecoveryState {
  return initialRecoveryState;
}

export type HangDecision = { action: 'wait'; killAfterMs: number };

/**
 * On 'unresponsive': wait `hangGraceMs` (a slow print or a long SQLite write can stall briefly);
 * if 'responsive' has not arrived by then, kill the renderer (forcefullyCrashRenderer), which
 * emits render-process-gone with reason 'killed' and goes through decideOnRenderGone.
 */
export function decideOnUnresponsive(policy: RecoveryPolicy = defaultRecoveryPolicy): HangDecision {
  return { action: 'wait', killAfterMs: policy.hangGraceMs };
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
}

const errorPageStyle = [
  'html,body{height:100%;margin:0}body{display:flex;align-items:center;justify-content:center;',
  'font-family:system-ui,sans-serif;background:#1d2430;color:#f4f4f4;text-align:center}',
  'h1{font-size:2.2rem;margin:0 0 1rem}p{font-size:1.2rem;margin:.4rem}small{opacity:.6}',
].join('');
/** The one inline style block is allowed by its hash, not by 'unsafe-inline'. */
const errorPageStyleHash = `sha256-${createHash('sha256').update(errorPageStyle).digest('base64')}`;

/**
 * A self-contained page shown when the app cannot run. No scripts, no external resources; the
 * details line is for staff (a reason code, never a stack trace).
 */
export function errorPageHtml(details: string): string {
  return [
    '<!doctype html>',
    '<html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src '${errorPageStyleHash}'">`,
    '<title>Linli</title>',
    `<style>${errorPageStyle}</style>`,
    '</head><body><main>',
    '<h1>暂停服务 · Temporarily unavailable</h1>',
    '<p>请联系店员。 Please ask a member of staff.</p>',
    '<p>The terminal will try again automatically.</p>',
    `<p><small>${escapeHtml(details)}</small></p>`,
    '</main></body></html>',
  ].join('');
}

/** errorPageHtml as a data: URL the window can load without the app protocol. */
export function errorPageUrl(details: string): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(errorPageHtml(details))}`;
}
