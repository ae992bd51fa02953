// The terminal's link to its brand's hub: registration, the push status, parked events. The wire
// between terminal and hub is hub-api.ts; these are the methods the renderer calls at the terminal.
import { z } from 'zod';
import { methodsOf } from './method';
import { id, noInput, text } from './schema-kit';
import type { ErrorCode } from './errors';
import type { PushRejectReason } from './hub-api';

const m = methodsOf('sync');

export interface SyncStatus {
  registered: boolean;
  /** The hub's address as the manager typed it (normalised); null when not registered. */
  hubUrl: string | null;
  /** The hub's name for this terminal and its store, from the registration answer. */
  hubTerminalId: string | null;
  hubStoreName: string | null;
  /** null: no attempt since the core opened; true: the last request reached the hub and was answered. */
  online: boolean | null;
  /** Events in the outbox the hub has not acknowledged yet. */
  waiting: number;
  /** Events the hub refused: kept, never resent by themselves, listed for managers. */
  parked: number;
  /** When the hub last acknowledged a batch (ISO instant), across restarts. */
  lastSyncAt: string | null;
  /** Why the last attempt failed (HUB_UNREACHABLE, HUB_BUSY, HUB_UNAUTHORIZED, HUB_ANSWER_INVALID, INTERNAL). */
  lastError: ErrorCode | null;
  /** The last catch-up from the hub (a new terminal's bootstrap, a return after days offline); null before any. */
  pull?: SyncPullProgress | null;
}

/** How far a catch-up from the hub has come: changes applied here, and those the hub still holds. */
export interface SyncPullProgress {
  applied: number;
  remaining: number;
  /** applied / (applied + remaining), 0..1; 1 once caught up. */
  fraction: number;
  streams: { stream: string; applied: number; remaining: number }[];
}

export interface ParkedEventInfo {
  id: string;
  type: string;
  createdAt: string;
  parkedAt: string;
  reason: PushRejectReason | string;
  detail: string | null;
}

export const syncMethods = {
  /** The header's glance and the sync screen: never the credential. */
  getSyncStatus: m.staff(noInput).returns<SyncStatus>(),
  /** Registers this terminal with the hub by a one-time code; the credential stays in the core. */
  registerWithHub: m
    .manager(
      z.object({
        hubUrl: text('HUB_URL_INVALID', { max: 300, required: true }),
        code: text('HUB_CODE_INVALID', { max: 64, required: true }),
        terminalName: text('HUB_TERMINAL_NAME_INVALID', { max: 80, required: true }),
      }),
    )
    .returns<SyncStatus>(),
  /** Forgets the hub and the credential; the outbox keeps its events for a later registration. */
  unregisterFromHub: m.manager(noInput).returns<SyncStatus>(),
  /** Events the hub refused, oldest first, with the hub's reason. */
  listParkedEvents: m.manager(noInput).returns<ParkedEventInfo[]>(),
  /** Puts a refused event back at the end of the queue (the hub was fixed, or upgraded); audited. */
  resendParkedEvent: m.manager(z.object({ id: id('SYNC_PARKED_UNKNOWN') })).returns<SyncStatus>(),
  /**
   * Gives up on a refused event: it leaves this terminal and will never reach the hub. The whole
   * event is kept in the audit log with who dropped it, so nothing goes silently.
   */
  dropParkedEvent: m.manager(z.object({ id: id('SYNC_PARKED_UNKNOWN') })).returns<SyncStatus>(),
};

export interface SyncEvents {
  /** The sync glance changed (online, waiting, parked, last error). */
  syncStatus: SyncStatus;
}
