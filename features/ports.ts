// What the use cases need from the world, declared as interfaces. openLinli (features/app.ts)
// builds each port once and passes the same object to every use case; none is ever reassigned,
// so no use case depends on the order in which others were set up.
import type { KioskEventName, KioskEvents, ReceiptDocument, StaffSummary, SyncStatus, TerminalRole } from '../contract';
import type { TerminalStore } from '../db/store';
import type { PrintSource } from '../db/repositories/print-jobs';
import type { DevicesPort } from './devices/device-service';
import type { SmsSender } from './sms/sms-sender';

export interface Clock {
  now(): Date;
}

export interface IdSource {
  /** A ULID, made here so records created offline never collide. */
  newId(): string;
  /** A uniformly random integer in [0, max). */
  randomInt(max: number): number;
}

export interface TerminalConfig {
  terminalId: string;
  /** The store this terminal belongs to; null until the first set-up. */
  storeId(): string | null;
  dataDir: string;
  host: 'electron' | 'browser';
}

/** Who is logged in at this terminal: held by the core, shared by every window and host. */
export interface SessionPort {
  current(): StaffSummary | null;
  set(staff: StaffSummary | null): void;
}

/** Whether this terminal is a counter or a self-service terminal (a manager sets it; kept in settings). */
export interface RolePort {
  current(): TerminalRole;
}

/** The member a scan identified at a self-service terminal. */
export interface CustomerSession {
  memberId: string;
  startedAt: string;
}

/**
 * The self-service terminal's customer: held by the core like the staff session, and forgotten
 * after the idle timeout even if no window says so (a crashed tab must not leave a member open).
 */
export interface CustomerSessionPort {
  start(memberId: string): CustomerSession;
  /** The session, still within the idle timeout, now touched; null when none or expired. */
  touch(): CustomerSession | null;
  /** Whether a customer is at the screens (within the idle timeout), without touching the session. */
  active(): boolean;
  end(): void;
}

/**
 * What the host around the core can do for it. `exit` closes the kiosk window (Electron quits, the
 * browser host closes its kiosk Chromium) and answers whether there was one to close.
 */
export interface ShellPort {
  /** True when a window is closing; false when there is none; throws (or rejects) when closing failed. */
  exit(by: StaffSummary): boolean | Promise<boolean>;
}

/**
 * Where the core reports what went wrong unexpectedly (a use case that threw, a print queue that
 * stopped): the host's logger (pino, into the log files), or the console when none is given.
 */
export interface LogPort {
  error(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
}

/** What the diagnostics screen is told by the host: versions only it knows, and where files are. */
export interface DiagnosticsPort {
  /** process.versions.electron and .chrome in the Electron host; null in the browser host. */
  runtime: { electron: string | null; chrome: string | null };
  databaseFile: string;
  /** Where the scheduled backups go (--backup-dir, LINLI_BACKUP_DIR, or the data dir's backups/). */
  backupFolder: string;
  /** The log files' folder (<dataDir>/logs, or LINLI_LOG_DIR). */
  logsFolder: string;
  /** Where removable drives appear (/media/<user>, /run/media/<user>); tests give a temp dir. */
  mountRoots: readonly string[];
}

export interface EventSink {
  emit<E extends KioskEventName>(event: E, payload: KioskEvents[E]): void;
}

export interface PrintOptions {
  printerId?: string | null;
  reprintOf?: string | null;
  /** The sale or refund whose stored receipt this is: the job refers to it instead of copying it. */
  source?: PrintSource | null;
}

/** The persistent print queue: a job is stored (in the caller's transaction) and printed later. */
export interface PrintPort {
  /** Returns the print job id. */
  print(doc: ReceiptDocument, options?: PrintOptions): string;
}

/** What the hub answered one request with; the body is null when it was not JSON. */
export interface HubAnswer {
  status: number;
  /** The Retry-After header, as sent. */
  retryAfter: string | null;
  /** The Date header: an HTTP-date Retry-After is read against the hub's clock, not the terminal's. */
  date: string | null;
  body: unknown;
}

/** One JSON request to the brand's hub. Rejects when no answer arrived (refused, reset, timed out). */
export interface HubHttp {
  post(
    url: string,
    body: unknown,
    options: { credential?: string; timeoutMs: number; signal?: AbortSignal },
  ): Promise<HubAnswer>;
  get(url: string, options: { credential?: string; timeoutMs: number; signal?: AbortSignal }): Promise<HubAnswer>;
}

/** The link to the hub: the outbox relay (features/sync/outbox-relay.ts) and how it talks. */
export interface SyncPort {
  http: HubHttp;
  /** How long one request to the hub may take before it counts as unreachable. */
  requestTimeoutMs: number;
  status(): SyncStatus;
  /** Whether the hub answered the last request made to it (push, pull or claim); null before any. */
  reachable(): boolean | null;
  /** Starts pushing (after registration, or at open when registered); a no-op while it runs. */
  start(): void;
  /** Stops pushing; resolves once no request is in flight and nothing more is written. */
  stop(): Promise<void>;
  /** Something may have been appended to the outbox: push now instead of at the next poll. */
  wake(): void;
  /** Forgets the last attempt's outcome (after unregistering) and tells every window. */
  reset(): void;
}

export interface Ports {
  store: TerminalStore;
  clock: Clock;
  ids: IdSource;
  config: TerminalConfig;
  session: SessionPort;
  role: RolePort;
  customer: CustomerSessionPort;
  events: EventSink;
  printer: PrintPort;
  devices: DevicesPort;
  sync: SyncPort;
  /** Sends verification codes (self-enrolment): the operator's SMS webhook or the demo's log. */
  sms: SmsSender;
  shell: ShellPort;
  log: LogPort;
  diagnostics: DiagnosticsPort;
}
