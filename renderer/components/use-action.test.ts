import { describe, expect, it } from 'vitest';
import { runAction, type ActionHost } from './use-action';

// runAction is the whole of useAction but the React wiring, so it is tested without a DOM.

function host(log: string[] = []) {
  let busy = false;
  const h: ActionHost & { log: string[] } = {
    log,
    isBusy: () => busy,
    setBusy: (next) => {
      busy = next;
      log.push(`busy ${String(next)}`);
    },
    clearError: () => log.push('clear'),
    showError: (e) => log.push(`show ${String(e)}`),
  };
  return h;
}

function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('runAction', () => {
  it('marks busy, runs the work, clears the banner and frees the button', async () => {
    const h = host();
    const ok = await runAction(h, async () => {
      h.log.push('work');
      await Promise.resolve();
    });
    expect(ok).toBe(true);
    expect(h.log).toEqual(['busy true', 'work', 'clear', 'busy false']);
  });

  it('shows the error in the banner when the work fails, and frees the button', async () => {
    const h = host();
    const ok = await runAction(h, () => Promise.reject(new Error('nope')));
    expect(ok).toBe(false);
    expect(h.log).toEqual(['busy true', 'show Error: nope', 'busy false']);
  });

  it('hands the error to onError instead of the banner when one is given', async () => {
    const h = host();
    const seen: unknown[] = [];
    const failure = new Error('field');
    const ok = await runAction(h, () => Promise.reject(failure), { onError: (e) => seen.push(e) });
    expect(ok).toBe(false);
    expect(seen).toEqual([failure]);
    expect(h.log).toEqual(['busy true', 'busy false']);
  });

  it('refuses a second call while the first is running, and takes one again afterwards', async () => {
    const h = host();
    const first = deferred();
    let calls = 0;
    const work = () => {
      calls += 1;
      return first.promise;
    };
    const running = runAction(h, work);
    expect(await runAction(h, work)).toBe(false);
    expect(calls).toBe(1);
    first.resolve();
    expect(await running).toBe(true);
    expect(await runAction(h, () => Promise.resolve())).toBe(true);
    expect(h.log).toEqual(['busy true', 'clear', 'busy false', 'busy true', 'clear', 'busy false']);
  });

  it('frees the button even when the error handler itself throws', async () => {
    const h = host();
    const run = runAction(h, () => Promise.reject(new Error('a')), {
      onError: () => {
        throw new Error('b');
      },
    });
    await expect(run).rejects.toThrow('b');
    expect(h.isBusy()).toBe(false);
  });
});
