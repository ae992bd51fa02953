// The outbox relay: sends what the hub has not acknowledged, oldest first, in batches, until the
// outbox is empty, then waits for the next change. Every decision is stored in SQLite (the outbox
// itself, the parked events, the last sync time), so a restart resumes where it stopped; an event
// leaves the outbox only in the transaction that records the hub's answer for it, so an answer
// lost on the way (dropped connection, crash) means a resend, which the hub answers `duplicate`.
import { hubLimits, syncSchemaVersion, type PushRequest } from '../../contract';
import type { ErrorCode, SyncStatus } from '../../contract';
import type { QueuedEvent } from '../../db/repositories/outbox';
import type { TerminalStore } from '../../db/store';
import type { Clock, EventSink, HubHttp, SyncPort } from '../ports';
import { backoffDelay, parseRetryAfter } from './backoff';
import { planPushAnswer } from './hub-wire';
import { hubKeys, readRegistration, type HubRegistration } from './registration';

/** Timing an operator (or a test) may change; like DeviceTiming, read by the hosts. */
export interface SyncTiming {
  /** Events per push; never more than the hub accepts. */
  batchMax?: number;
  /** How often an idle relay looks at the outbox when nothing woke it, ms. */
  pollMs?: number;
  /** Back-off after a failed push: the first window and the largest, ms. */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** A hub asking for more than this (Retry-After) is tried again after this, ms. */
  retryAfterMaxMs?: number;
  requestTimeoutMs?: number;
  /** Uniform in [0, 1): the jitter. */
  random?: () => number;
}

const defaults: Required<SyncTiming> = {
  // As many as the hub takes: a week offline drains in fewer requests (and under the rate limit).
  batchMax: hubLimits.pushBatchMax,
  pollMs: 3000,
  backoffBaseMs: 1000,
  backoffCapMs: 5 * 60_000,
  retryAfterMaxMs: 60 * 60_000,
  requestTimeoutMs: 30_000,
  random: Math.random,
};

interface RelayDeps {
  store: TerminalStore;
  clock: Clock;
  events: EventSink;
  http: HubHttp;
  timing?: SyncTiming;
}

/** How one push ended, for the loop: go on, wait and retry (maybe as long as the hub asked), or stop. */
type Outcome = { next: 'more' } | { next: 'retry'; waitMs: number | null } | { next: 'stop' };

/** The relay's share of the sync port; features/app.ts adds the hub's reachability. */
export function createOutboxRelay(deps: RelayDeps): Omit<SyncPort, 'reachable'> {
  const timing = { ...defaults, ...deps.timing };
  const batchMax = Math.max(1, Math.min(timing.batchMax, hubLimits.pushBatchMax));
  const { store, clock, http } = deps;

  // The last attempt's outcome: in memory, so a fresh start says "not tried yet" rather than a stale answer.
  let online: boolean | null = null;
  let lastError: ErrorCode | null = null;
  let published = '';

  let running: Promise<void> | null = null;
  let stopping = false;
  let woken = false;
  let wait: { wakeable: boolean; end: () => void } | null = null;
  // Closing the core must not wait for a hub that hangs: the request in flight is abandoned (its
  // events stay in the outbox; if the hub stored them, the resend after the restart is a duplicate).
  let inFlight: AbortController | null = null;

  function status(): SyncStatus {
    const registration = readRegistration(store.settings);
    const { waiting, parked } = store.outbox.counts();
    return {
      registered: registration !== null,
      hubUrl: registration?.url ?? null,
      hubTerminalId: registration?.terminalId ?? null,
      hubStoreName: registration ? registration.storeName || null : null,
      online: registration ? online : null,
      waiting,
      parked,
      lastSyncAt: store.settings.get(hubKeys.lastSyncAt) || null,
      lastError: registration ? lastError : null,
    };
  }

  /** Tells every window, only when something it shows changed. */
  function publish() {
    const now = status();
    const text = JSON.stringify(now);
    if (text === published) return;
    published = text;
    deps.events.emit('syncStatus', now);
  }

  function note(reached: boolean, error: ErrorCode | null) {
    online = reached && error === null;
    lastError = error;
  }

  /** Resolves after ms, or at once on stop; an idle wait also ends when something is appended. */
  function pause(ms: number, wakeable: boolean): Promise<void> {
    if (stopping || (wakeable && woken)) {
      woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const end = () => {
        clearTimeout(timer);
        wait = null;
        resolve();
      };
      const timer = setTimeout(end, ms);
      wait = { wakeable, end };
    });
  }

  let size = batchMax;

  async function push(registration: HubRegistration, batch: QueuedEvent[]): Promise<Outcome> {
    const body: PushRequest = {
      schemaVersion: syncSchemaVersion,
      events: batch.map((e) => ({
        id: e.id,
        type: e.type,
        aggregateId: e.aggregateId,
        createdAt: e.createdAt,
        payload: e.payload,
      })),
    };
    let answer;
    inFlight = new AbortController();
    try {
      answer = await http.post(`${registration.url}/v1/push`, body, {
        credential: registration.credential,
        timeoutMs: timing.requestTimeoutMs,
        signal: inFlight.signal,
      });
    } catch {
      note(false, 'HUB_UNREACHABLE');
      return { next: 'retry', waitMs: null };
    } finally {
      inFlight = null;
    }
    const retryAfter = () => {
      // "Retry after 07:28 GMT" means the hub's 07:28: a terminal whose clock is hours off must
      // not wait hours (or not at all), so the date is measured against the answer's own Date.
      const hubNow = answer.date ? new Date(answer.date) : null;
      const now = hubNow && !Number.isNaN(hubNow.getTime()) ? hubNow : clock.now();
      const ms = parseRetryAfter(answer.retryAfter, now);
      return ms === null ? null : Math.min(ms, timing.retryAfterMaxMs);
    };
    if (answer.status === 401 || answer.status === 403) {
      // Revoked, or the registration was wiped at the hub: resending cannot help until a manager registers again.
      note(true, 'HUB_UNAUTHORIZED');
      return { next: 'stop' };
    }
    if (answer.status === 429 || answer.status >= 500) {
      note(true, 'HUB_BUSY');
      return { next: 'retry', waitMs: retryAfter() };
    }
    if (answer.status === 413) {
      // Too many bytes for one request (large payloads): halve the batch; one event alone too big is parked.
      if (batch.length === 1) {
        const at = clock.now().toISOString();
        store.transaction(() => store.outbox.park(batch[0]!.seq, 'PAYLOAD_TOO_LARGE', null, at));
        note(true, null);
        return { next: 'more' };
      }
      size = Math.max(1, Math.floor(batch.length / 2));
      return { next: 'more' };
    }
    const plan = answer.status >= 200 && answer.status < 300 ? planPushAnswer(batch, answer.body) : null;
    if (!plan) {
      note(true, 'HUB_ANSWER_INVALID');
      return { next: 'retry', waitMs: retryAfter() };
    }
    const at = clock.now().toISOString();
    // One transaction per answer: acknowledged events leave, refused ones are parked, and the sync
    // time moves, together or not at all.
    store.transaction(() => {
      store.outbox.acknowledge(plan.acknowledged);
      for (const p of plan.parked) store.outbox.park(p.seq, p.reason, p.detail, at);
      if (plan.acknowledged.length + plan.parked.length > 0) store.settings.set(hubKeys.lastSyncAt, at);
    });
    size = batchMax;
    if (plan.acknowledged.length + plan.parked.length === 0) {
      // The hub answered for none of them: trying at once again would loop; back off as for an error.
      note(true, 'HUB_ANSWER_INVALID');
      return { next: 'retry', waitMs: null };
    }
    note(true, null);
    return { next: 'more' };
  }

  async function loop() {
    let failures = 0;
    while (!stopping) {
      const registration = readRegistration(store.settings);
      if (!registration) break;
      const batch = store.outbox.nextBatch(size);
      if (batch.length === 0) {
        publish();
        await pause(timing.pollMs, true);
        continue;
      }
      const outcome = await push(registration, batch);
      publish();
      if (outcome.next === 'stop') break;
      if (outcome.next === 'more') {
        failures = 0;
        continue;
      }
      const delay =
        outcome.waitMs ??
        backoffDelay(failures, timing.random, { base: timing.backoffBaseMs, cap: timing.backoffCapMs });
      failures++;
      await pause(delay, false);
    }
  }

  return {
    http,
    requestTimeoutMs: timing.requestTimeoutMs,
    status,
    start() {
      if (running || !readRegistration(store.settings)) return;
      stopping = false;
      online = null;
      lastError = null;
      running = loop()
        .catch(() => {
          // A store error (disk full, closed under us): stop pushing; the outbox keeps everything.
          note(false, 'INTERNAL');
        })
        .finally(() => {
          running = null;
        });
    },
    async stop() {
      stopping = true;
      wait?.end();
      inFlight?.abort();
      await running;
    },
    wake() {
      if (wait?.wakeable) wait.end();
      else woken = true;
      if (!running) return;
      // Cheap: one count query; the header's "waiting" follows a sale at once, not at the next push.
      publish();
    },
    reset() {
      online = null;
      lastError = null;
      publish();
    },
  };
}
