// The pull applier: while the terminal is registered it long-polls each of the hub's streams and
// applies each page: the members stream (features/sync/pull-apply.ts), so a member enrolled and
// points earned at another shop of the chain are here moments later, and the catalogue stream
// (pull-apply-catalogue.ts), so a price the brand changes is the price at the counter. One loop
// per stream, each with its own long-poll and cursor: a quiet stream never holds the other back.
// Errors back off like the outbox relay; each cursor lives in SQLite with its stream's changes, so
// a restart resumes where the last page ended.
import { z } from 'zod';
import { pulledChange, pullLimits, type PulledChange, type PullStream } from '../../contract';
import type { TerminalStore } from '../../db/store';
import type { Clock, HubHttp } from '../ports';
import { backoffDelay, parseRetryAfter } from './backoff';
import { applyPulledPage, pullCursorKey } from './pull-apply';
import { applyCataloguePage, catalogueCursorKey } from './pull-apply-catalogue';
import type { PullProgress } from './pull-progress';
import { readRegistration } from './registration';

/** What the terminal pulls: each stream, where its cursor is kept, and what applies a page of it. */
const pulledStreams: readonly {
  stream: PullStream;
  cursorKey: string;
  apply: (store: TerminalStore, changes: readonly PulledChange[], cursor: string) => number;
}[] = [
  { stream: 'members', cursorKey: pullCursorKey, apply: applyPulledPage },
  { stream: 'catalogue', cursorKey: catalogueCursorKey, apply: applyCataloguePage },
];

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
  /** Told after a page changed something here (the catalogue screen and checkout reload then). */
  onApplied?: (stream: PullStream, applied: number) => void;
  progress?: PullProgress;
}): PullApplier {
  const timing = { ...defaults, ...deps.timing };
  const { store, http } = deps;
  let running: Promise<void> | null = null;
  let stopping = false;
  const inFlight = new Set<AbortController>();
  const pausing = new Set<() => void>();

  const pause = (ms: number) =>
    stopping
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const wake = () => (clearTimeout(timer), pausing.delete(wake), resolve());
          const timer = setTimeout(wake, ms);
          pausing.add(wake);
        });

  /** 'next': pull again now; 'idle': nothing came, pull again shortly; retry: wait (ms, null: back off); 'stop': refused. */
  async function once(
    stream: (typeof pulledStreams)[number],
  ): Promise<'next' | 'idle' | 'stop' | { retry: number | null }> {
    const registration = readRegistration(store.settings);
    if (!registration) return 'stop';
    const after = store.settings.get(stream.cursorKey) ?? '';
    const query = new URLSearchParams({
      stream: stream.stream,
      after,
      limit: String(timing.limit),
      wait: String(timing.waitSeconds),
    });
    if (deps.progress?.wantsCount(stream.stream)) query.set('count', '1');
    const request = new AbortController();
    inFlight.add(request);
    let answer;
    try {
      answer = await http.get(`${registration.url}/v1/pull?${query}`, {
        credential: registration.credential,
        // The hub holds the request for up to `wait` seconds by design: that is no timeout.
        timeoutMs: (timing.waitSeconds + 15) * 1000,
        signal: request.signal,
      });
    } catch {
      return { retry: null };
    } finally {
      inFlight.delete(request);
    }
    if (answer.status === 401 || answer.status === 403) return 'stop';
    if (answer.status === 429 || answer.status >= 500)
      return { retry: parseRetryAfter(answer.retryAfter, deps.clock.now()) };
    const page = answer.status === 200 ? readPullAnswer(answer.body) : null;
    if (!page) return { retry: null };
    if (stopping) return 'stop';
    const applied = stream.apply(store, page.changes, page.cursor);
    if (applied) deps.onApplied?.(stream.stream, applied);
    deps.progress?.paged(stream.stream, { changes: page.changes.length, more: page.more, remaining: page.remaining });
    return page.more ? 'next' : page.changes.length ? 'next' : 'idle';
  }

  async function loop(stream: (typeof pulledStreams)[number]) {
    let failures = 0;
    while (!stopping) {
      const outcome = await once(stream);
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
      running = Promise.all(
        pulledStreams.map((stream) =>
          loop(stream)
            // A store error (disk full, closed under us): that stream stops; its cursor is where its last page ended.
            .catch(() => {}),
        ),
      )
        .then(() => {})
        .finally(() => {
          running = null;
        });
    },
    async stop() {
      stopping = true;
      for (const wake of [...pausing]) wake();
      for (const request of inFlight) request.abort();
      await running;
    },
  };
}
