// The pull applier: while the terminal is registered it long-polls the hub's members stream and
// applies each page (features/sync/pull-apply.ts), so a member enrolled and points earned at
// another shop of the chain are here moments later. Errors back off like the outbox relay; the
// cursor lives in SQLite with the changes, so a restart resumes where the last page ended.
import { z } from 'zod';
import { pulledChange, pullLimits, type PulledChange } from '../../contract';
import type { TerminalStore } from '../../db/store';
import type { Clock, HubHttp } from '../ports';
import { backoffDelay, parseRetryAfter } from './backoff';
import { applyPulledPage, pullCursorKey } from './pull-apply';
import type { PullProgress } from './pull-progress';
import { readRegistration } from './registration';

export interface PullTiming {
  /** Seconds the hub may hold a pull open when nothing is new. */
  waitSeconds?: number;
  /** Changes per page. */
  limit?: number;
  /** Pause after an empty answer, ms: a hub answering at once must not be asked in a tight loop. */
  idleMs?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  random?: () => number;
}

const defaults: Required<PullTiming> = {
  waitSeconds: 20,
  limit: pullLimits.pageMax,
  idleMs: 1000,
  backoffBaseMs: 1000,
  backoffCapMs: 5 * 60_000,
  random: Math.random,
};

/** The envelope only: each change is read on its own, so one this terminal cannot read skips alone. */
const answerShape = z.object({
  changes: z.array(z.unknown()),
  cursor: z.string().max(40),
  more: z.boolean(),
  remaining: z.number().int().min(0).optional(),
});

/** The changes of a pull answer this terminal can apply, the cursor and whether more wait; null when it is no answer. */
export function readPullAnswer(
  body: unknown,
): { changes: PulledChange[]; cursor: string; more: boolean; remaining?: number | undefined } | null {
  const envelope = answerShape.safeParse(body);
  if (!envelope.success) return null;
  const changes = envelope.data.changes.flatMap((c) => {
    const parsed = pulledChange.safeParse(c);
    return parsed.success ? [parsed.data] : [];
  });
  return { changes, cursor: envelope.data.cursor, more: envelope.data.more, remaining: envelope.data.remaining };
}

export interface PullApplier {
  start(): void;
  stop(): Promise<void>;
}

export function createPullApplier(deps: {
  store: TerminalStore;
  clock: Clock;
  http: HubHttp;
  timing?: PullTiming;
  progress?: PullProgress;
}): PullApplier {
  const timing = { ...defaults, ...deps.timing };
  const { store, http } = deps;
  let running: Promise<void> | null = null;
  let stopping = false;
  let inFlight: AbortController | null = null;
  let pausing: (() => void) | null = null;

  const pause = (ms: number) =>
    stopping
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const timer = setTimeout((pausing = () => (clearTimeout(timer), (pausing = null), resolve())), ms);
        });

  /** 'next': pull again now; 'idle': nothing came, pull again shortly; retry: wait (ms, null: back off); 'stop': refused. */
  async function once(): Promise<'next' | 'idle' | 'stop' | { retry: number | null }> {
    const registration = readRegistration(store.settings);
    if (!registration) return 'stop';
    const after = store.settings.get(pullCursorKey) ?? '';
    const query = new URLSearchParams({
      stream: 'members',
      after,
      limit: String(timing.limit),
      wait: String(timing.waitSeconds),
    });
    if (deps.progress?.wantsCount('members')) query.set('count', '1');
    inFlight = new AbortController();
    let answer;
    try {
      answer = await http.get(`${registration.url}/v1/pull?${query}`, {
        credential: registration.credential,
        // The hub holds the request for up to `wait` seconds by design: that is no timeout.
        timeoutMs: (timing.waitSeconds + 15) * 1000,
        signal: inFlight.signal,
      });
    } catch {
      return { retry: null };
    } finally {
      inFlight = null;
    }
    if (answer.status === 401 || answer.status === 403) return 'stop';
    if (answer.status === 429 || answer.status >= 500)
      return { retry: parseRetryAfter(answer.retryAfter, deps.clock.now()) };
    const page = answer.status === 200 ? readPullAnswer(answer.body) : null;
    if (!page) return { retry: null };
    if (stopping) return 'stop';
    applyPulledPage(store, page.changes, page.cursor);
    deps.progress?.paged('members', { changes: page.changes.length, more: page.more, remaining: page.remaining });
    return page.more ? 'next' : page.changes.length ? 'next' : 'idle';
  }

  async function loop() {
    let failures = 0;
    while (!stopping) {
      const outcome = await once();
      if (outcome === 'stop') break;
      if (outcome === 'next') failures = 0;
      else if (outcome === 'idle') {
        failures = 0;
        await pause(timing.idleMs);
      } else {
        const base = { base: timing.backoffBaseMs, cap: timing.backoffCapMs };
        await pause(outcome.retry ?? backoffDelay(failures, timing.random, base));
        failures++;
      }
    }
  }

  return {
    start() {
      if (running || !readRegistration(store.settings)) return;
      stopping = false;
      running = loop()
        // A store error (disk full, closed under us): stop pulling; the cursor is where the last page ended.
        .catch(() => {})
        .finally(() => {
          running = null;
        });
    },
    async stop() {
      stopping = true;
      pausing?.();
      inFlight?.abort();
      await running;
    },
  };
}
