import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  decideOnRenderGone,
  decideOnUnresponsive,
  defaultRecoveryPolicy,
  errorPageHtml,
  errorPageUrl,
  initialRecoveryState,
  resetAfterGiveUp,
  type RecoveryPolicy,
  type RecoveryState,
} from './recovery';

const policy: RecoveryPolicy = {
  baseDelayMs: 1000,
  maxDelayMs: 8000,
  maxCrashes: 6,
  windowMs: 60_000,
  retryAfterGiveUpMs: 300_000,
  hangGraceMs: 10_000,
};

describe('backoffDelay', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 50].map((n) => backoffDelay(policy, n))).toEqual([
      1000, 2000, 4000, 8000, 8000, 8000, 8000,
    ]);
  });
});

describe('decideOnRenderGone', () => {
  it('does nothing on a clean exit', () => {
    const { state, decision } = decideOnRenderGone(initialRecoveryState, 'clean-exit', 0, policy);
    expect(decision).toEqual({ action: 'none' });
    expect(state.crashes).toEqual([]);
  });

  it.each(['crashed', 'oom', 'killed', 'abnormal-exit', 'memory-eviction'])('reloads after %s', (reason) => {
    const { state, decision } = decideOnRenderGone(initialRecoveryState, reason, 5000, policy);
    expect(decision).toEqual({ action: 'reload', delayMs: 1000, attempt: 1 });
    expect(state.crashes).toEqual([5000]);
  });

  it.each(['launch-failed', 'integrity-failure', 'something-new'])('gives up at once on %s', (reason) => {
    const { state, decision } = decideOnRenderGone(initialRecoveryState, reason, 0, policy);
    expect(decision).toEqual({ action: 'give-up', reason: 'cannot-start', retryAfterMs: 300_000 });
    expect(state).toBe(initialRecoveryState);
  });

  it('backs off on repeated crashes and gives up at the Nth inside the window', () => {
    let state: RecoveryState = initialRecoveryState;
    const decisions = [];
    for (let i = 0; i < 6; i++) {
      const result = decideOnRenderGone(state, 'crashed', i * 1000, policy);
      state = result.state;
      decisions.push(result.decision);
    }
    expect(decisions.slice(0, 5)).toEqual([
      { action: 'reload', delayMs: 1000, attempt: 1 },
      { action: 'reload', delayMs: 2000, attempt: 2 },
      { action: 'reload', delayMs: 4000, attempt: 3 },
      { action: 'reload', delayMs: 8000, attempt: 4 },
      { action: 'reload', delayMs: 8000, attempt: 5 },
    ]);
    expect(decisions[5]).toEqual({ action: 'give-up', reason: 'too-many-crashes', retryAfterMs: 300_000 });
  });

  it('forgets crashes older than the window', () => {
    let state: RecoveryState = initialRecoveryState;
    for (let i = 0; i < 5; i++) state = decideOnRenderGone(state, 'oom', i, policy).state;
    const later = decideOnRenderGone(state, 'oom', 5 + policy.windowMs, policy);
    expect(later.decision).toEqual({ action: 'reload', delayMs: 1000, attempt: 1 });
    expect(later.state.crashes).toEqual([5 + policy.windowMs]);
  });

  it('does not mutate the previous state', () => {
    const before: RecoveryState = { crashes: [1] };
    decideOnRenderGone(before, 'crashed', 2, policy);
    expect(before.crashes).toEqual([1]);
  });

  it('starts a fresh count after giving up', () => {
    expect(resetAfterGiveUp().crashes).toEqual([]);
  });

  it('has sane defaults', () => {
    expect(defaultRecoveryPolicy.maxCrashes).toBeGreaterThan(1);
    expect(defaultRecoveryPolicy.maxDelayMs).toBeGreaterThanOrEqual(defaultRecoveryPolicy.baseDelayMs);
    expect(decideOnRenderGone(initialRecoveryState, 'crashed', 0).decision).toMatchObject({ action: 'reload' });
  });
});

describe('decideOnUnresponsive', () => {
  it('waits the grace period before killing the renderer', () => {
    expect(decideOnUnresponsive(policy)).toEqual({ action: 'wait', killAfterMs: 10_000 });
  });
});

describe('errorPageHtml', () => {
  it('is script-free and escapes the details', () => {
    const html = errorPageHtml('<img src=x onerror=alert(1)> & "q"');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("default-src 'none'");
  });

  it('allows its one style block by hash, never unsafe-inline', () => {
    const html = errorPageHtml('x');
    expect(html).not.toContain('unsafe-inline');
    const hash = /style-src 'sha256-([^']+)'/.exec(html)?.[1];
    const style = /<style>([^<]*)<\/style>/.exec(html)?.[1] ?? '';
    expect(hash).toBe(createHash('sha256').update(style).digest('base64'));
  });

  it('can be loaded as a data URL', () => {
    const url = errorPageUrl('renderer crashed');
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(errorPageHtml('renderer crashed'));
  });
});
