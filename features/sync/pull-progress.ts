// How far the terminal's catch-up from the hub has come, for the sync screen's progress bar and the
// header ("同步中 42%"). Counting what remains costs the hub a count over its change log, so the
// terminal asks for it (count=1) only when it is not already catching up: at its first pull, and on
// each long-poll once caught up (a count after the end of the log is nothing). During a catch-up it
// counts down by itself, page by page, and a page saying "no more" is the end: 100 %.
import type { KioskEventName, KioskEvents, SyncPullProgress, SyncStatus } from '../../contract';
import type { EventSink } from '../ports';

interface StreamProgress {
  applied: number;
  remaining: number;
  /** Counting down a catch-up; false once a page said no more. */
  active: boolean;
}

export interface PullProgress {
  /** Whether the next pull of the stream should ask the hub how many changes remain. */
  wantsCount(stream: string): boolean;
  /** A page of the stream was applied: its change count, whether more wait, and the hub's count if asked. */
  paged(stream: string, page: { changes: number; more: boolean; remaining?: number | undefined }): void;
  snapshot(): SyncPullProgress | null;
  /** Called after each change of the snapshot. */
  onChange(fn: () => void): void;
  /** Unregistered: nothing is being caught up. */
  reset(): void;
}

export function createPullProgress(): PullProgress {
  const streams = new Map<string, StreamProgress>();
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const fn of listeners) fn();
  };
  return {
    wantsCount: (stream) => !streams.get(stream)?.active,
    paged(stream, page) {
      const before = streams.get(stream);
      let next: StreamProgress;
      if (page.remaining !== undefined) {
        // The hub's count: a catch-up starts when anything is left after this page.
        if (!page.more && page.remaining === 0 && !before?.active && !page.changes) return;
        const fresh = !before?.active;
        next = {
          applied: (fresh ? 0 : before.applied) + page.changes,
          remaining: page.more ? page.remaining : 0,
          active: page.more,
        };
      } else if (before?.active) {
        next = {
          applied: before.applied + page.changes,
          // A count down from the hub's figure; the hub also counted this terminal's own changes,
          // which it steps over, so the figure only ends exact at the last page.
          remaining: page.more ? Math.max(1, before.remaining - page.changes) : 0,
          active: page.more,
        };
      } else return;
      streams.set(stream, next);
      changed();
    },
    snapshot() {
      if (!streams.size) return null;
      const list = [...streams].map(([stream, p]) => ({ stream, applied: p.applied, remaining: p.remaining }));
      const applied = list.reduce((n, s) => n + s.applied, 0);
      const remaining = list.reduce((n, s) => n + s.remaining, 0);
      return { applied, remaining, fraction: applied + remaining ? applied / (applied + remaining) : 1, streams: list };
    },
    onChange: (fn) => void listeners.add(fn),
    reset() {
      streams.clear();
    },
  };
}

/**
 * The events the outbox relay emits, each sync status it tells completed by `complete` (the pull's
 * progress, whether the hub answered a pull): the header and the sync screen read one status.
 */
export function withSyncStatus(events: EventSink, complete: (status: SyncStatus) => SyncStatus): EventSink {
  return {
    emit<E extends KioskEventName>(event: E, payload: KioskEvents[E]) {
      if (event !== 'syncStatus') return events.emit(event, payload);
      events.emit(event, complete(payload as KioskEvents['syncStatus']) as KioskEvents[E]);
    },
  };
}
