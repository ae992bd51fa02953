// openLinli: opens the terminal's database, builds every port once, and answers every API call
// through one dispatcher (both hosts, and tests, call the same thing).
import { randomFillSync, randomInt } from 'node:crypto';
import { join } from 'node:path';
import { monotonicFactory } from 'ulid';
import {
  appVersion,
  createApiClient,
  type AppInfo,
  type KioskEventName,
  type KioskEvents,
  type KioskMethods,
  type StaffSummary,
  type SyncStatus,
  type TerminalRole,
  type Unsubscribe,
} from '../contract';
import { latestSchemaVersion } from '../db/migrate';
import { openDatabase } from '../db/open';
import { createRepositories } from '../db/repositories';
import { catalogueHandlers, catchUpEntryTier } from './catalogue/catalogue';
import { checkoutHandlers } from './checkout/checkout';
import { refundHandlers } from './checkout/refund';
import { seedDemoStore } from './demo/demo';
import { createDeviceService, type DeviceTiming } from './devices/device-service';
import { deviceHandlers, seedDemoDevices } from './devices/devices';
import { createDispatch, type Dispatch } from './dispatch';
import { seedDemoEvents } from './events/demo-events';
import { eventHandlers } from './events/events';
import type { Handlers } from './handler';
import { couponHandlers } from './loyalty/coupons';
import { loyaltyHandlers, scheduleLoyaltyJobs } from './loyalty/loyalty-accounts';
import { cardHandlers } from './members/cards';
import { memberHandlers } from './members/members';
import { consoleLog } from './console-log';
import type { DiagnosticsPort, LogPort, Ports, ShellPort } from './ports';
import { diagnosticsHandlers, systemMountRoots } from './diagnostics/diagnostics';
import { logsFolder } from './diagnostics/log-folders';
import { kioskExitHandlers, terminalBusy } from './shell/kiosk-exit';
import { dayCloseHandlers } from './reports/day-close';
import { handleScan, scanHandlers } from './scan/scan';
import { staffHandlers } from './staff/staff-session';
import { setupHandlers } from './staff/terminal-setup';
import { fetchHubHttp } from './sync/hub-http';
import { trackHubReach } from './sync/hub-reach';
import { createOutboxRelay, type SyncTiming } from './sync/outbox-relay';
import { createPullApplier, type PullTiming } from './sync/pull-applier';
import { createPullProgress, withSyncStatus } from './sync/pull-progress';
import { syncHandlers } from './sync/sync';
import { createCustomerSession } from './self-service/customer-session';
import { memberHomeHandlers } from './self-service/member-home';
import { rewardHandlers } from './rewards/rewards';
import { contestHandlers } from './contests/contests';
import { referralHandlers } from './referrals/referrals';
import { selfEnrolHandlers } from './enrolment/self-enrol';
import { createSmsSender, type SmsConfig } from './sms/sms-sender';
import { postHandlers } from './posts/posts';
import { careHandlers } from './care/care';
import { readSelfServiceSettings, terminalRoleHandlers, writeSelfServiceSettings } from './self-service/terminal-role';

export interface LinliOptions {
  dataDir: string;
  demo: boolean;
  host: AppInfo['host'];
  /** Tests pin the clock; the app uses the wall clock. */
  now?: () => Date;
  /** Device polling and print retries; the hosts read operators' overrides from the environment. */
  deviceTiming?: DeviceTiming;
  /** The hourly points-expiry and downgrade job (off in benchmarks). */
  scheduleJobs?: boolean;
  /** Push batches, polls and back-off towards the hub (tests shorten them). */
  syncTiming?: SyncTiming;
  /** Long-poll wait, page size and back-off of the pull from the hub (tests shorten them). */
  pullTiming?: PullTiming;
  /** `--role self-service`: makes this a self-service terminal at start (a manager can change it later). */
  role?: TerminalRole;
  /** The SMS gateway for verification codes (`--sms-webhook`); absent: the log sender. */
  sms?: SmsConfig;
  /** What the host does when a manager leaves the kiosk; absent: there is no kiosk window to close. */
  shell?: ShellPort;
  /** The host's logger (host-support/logger.ts) for unexpected errors; absent: the console. */
  log?: LogPort;
  /** What the diagnostics screen cannot find out by itself; absent parts take the defaults. */
  diagnostics?: Partial<Pick<DiagnosticsPort, 'runtime' | 'backupFolder' | 'logsFolder' | 'mountRoots'>>;
}

export interface LinliCore {
  /** Runs one call for a host: validates, checks access, and answers with an envelope. */
  dispatch: Dispatch;
  /** The same API as the renderer sees it, in process (tests, benchmarks): every call goes through dispatch. */
  methods: KioskMethods;
  subscribe(listener: (event: KioskEventName, payload: unknown) => void): Unsubscribe;
  info: AppInfo;
  /** Someone is using the terminal (staff, a customer, receipts printing): an update must wait. */
  busy(): boolean;
  close(): Promise<void>;
}

export const databaseFileName = 'linli.sqlite';

/**
 * ulid asks for one random number per character of an id, and a sale makes several ids: drawing
 * them from a pool of crypto-random bytes refilled 4 KiB at a time costs a fraction of a call to
 * the system's random source each.
 */
function pooledRandom(): () => number {
  const pool = new Uint32Array(1024);
  let next = pool.length;
  return () => {
    if (next === pool.length) {
      randomFillSync(pool);
      next = 0;
    }
    return pool[next++]! / 2 ** 32;
  };
}

export function openLinli(options: LinliOptions): LinliCore {
  // First: a broken SMS configuration stops the start before the database is opened.
  const sms = createSmsSender(options.sms);
  const db = openDatabase(join(options.dataDir, databaseFileName));
  const store = createRepositories(db);
  const ulid = monotonicFactory(pooledRandom());
  const clock = { now: options.now ?? (() => new Date()) };
  const ids = { newId: () => ulid(), randomInt: (max: number) => randomInt(max) };

  if (!store.settings.get('terminal_id')) store.settings.set('terminal_id', ids.newId());
  if (options.demo) seedDemoStore(store, ids.newId, clock.now());
  if (options.role) writeSelfServiceSettings(store, { role: options.role });
  seedDemoDevices({ store, clock, ids });

  const listeners = new Set<(event: KioskEventName, payload: unknown) => void>();
  const events = {
    emit<E extends KioskEventName>(event: E, payload: KioskEvents[E]) {
      for (const listener of listeners) listener(event, payload);
    },
  };
  let staff: StaffSummary | null = null;
  const session = { current: () => staff, set: (next: StaffSummary | null) => void (staff = next) };

  const log = options.log ?? consoleLog;
  const devices = createDeviceService({
    log,
    store,
    clock,
    ids,
    events,
    currentStaff: session.current,
    // Device scans go through the same router as scans from the UI.
    onScan: (input) => handleScan(ports, input),
    ...(options.deviceTiming ? { timing: options.deviceTiming } : {}),
  });

  // Every request to the hub goes through one tracker: "online" is whether the hub last answered.
  const hub = trackHubReach(fetchHubHttp);
  // The pull's progress rides on the relay's sync status: one status for the header and the sync screen.
  const progress = createPullProgress();
  // Before the first push is answered the relay cannot say whether the hub is there; a pull (or the
  // registration) that reached it can, so the header does not say "online" for a hub never reached.
  const complete = (s: SyncStatus): SyncStatus => ({
    ...s,
    online: s.registered ? (s.online ?? hub.reachable()) : null,
    pull: progress.snapshot(),
  });
  const relay = createOutboxRelay({
    store,
    clock,
    events: withSyncStatus(events, complete),
    http: hub.http,
    ...(options.syncTiming ? { timing: options.syncTiming } : {}),
  });
  const puller = createPullApplier({
    store,
    clock,
    http: hub.http,
    onApplied: (stream, applied) => {
      if (stream === 'catalogue') {
        events.emit('catalogueChanged', { applied });
        // Tallies from the hub may have moved the leaderboard.
        events.emit('contestVotes', { contestIds: [] });
      }
    },
    progress,
    ...(options.pullTiming ? { timing: options.pullTiming } : {}),
  });
  // Pushing and pulling run together: whatever starts the relay (opening registered, registering)
  // starts the pull too, and unregistering or closing stops both.
  const sync: Ports['sync'] = {
    ...relay,
    reachable: hub.reachable,
    status: () => complete(relay.status()),
    reset() {
      progress.reset();
      relay.reset();
    },
    start() {
      relay.start();
      puller.start();
    },
    async stop() {
      await Promise.all([relay.stop(), puller.stop()]);
    },
  };

  progress.onChange(() => events.emit('syncStatus', sync.status()));

  const ports: Ports = {
    store,
    clock,
    ids,
    config: {
      terminalId: store.settings.get('terminal_id')!,
      storeId: () => store.settings.get('store_id'),
      dataDir: options.dataDir,
      host: options.host,
    },
    session,
    role: { current: () => readSelfServiceSettings(store).role },
    customer: createCustomerSession(clock, () => readSelfServiceSettings(store).idleSeconds),
    events,
    printer: devices,
    devices,
    sync,
    sms,
    shell: options.shell ?? { exit: () => false },
    log,
    diagnostics: {
      runtime: options.diagnostics?.runtime ?? { electron: null, chrome: null },
      databaseFile: join(options.dataDir, databaseFileName),
      // The hosts' default (host-support/backup-options.ts) when the host does not say.
      backupFolder: options.diagnostics?.backupFolder ?? join(options.dataDir, 'backups'),
      logsFolder: options.diagnostics?.logsFolder ?? logsFolder(options.dataDir),
      mountRoots: options.diagnostics?.mountRoots ?? systemMountRoots(),
    },
  };

  catchUpEntryTier(ports);
  if (options.demo) seedDemoEvents(ports);

  const info: AppInfo = {
    version: appVersion,
    schemaVersion: latestSchemaVersion,
    dataDir: options.dataDir,
    demo: store.settings.get('demo') === '1',
    host: options.host,
  };

  // Every method the contract declares, each once; the compiler checks none is missing.
  const handlers: Handlers = {
    getAppInfo: () => info,
    ...staffHandlers,
    ...setupHandlers,
    ...memberHandlers,
    ...cardHandlers,
    ...scanHandlers,
    ...loyaltyHandlers,
    ...couponHandlers,
    ...catalogueHandlers,
    ...checkoutHandlers,
    ...refundHandlers,
    ...dayCloseHandlers,
    ...deviceHandlers,
    ...syncHandlers,
    ...terminalRoleHandlers,
    ...memberHomeHandlers,
    ...rewardHandlers,
    ...contestHandlers,
    ...referralHandlers,
    ...selfEnrolHandlers,
    ...postHandlers,
    ...careHandlers,
    ...eventHandlers,
    ...kioskExitHandlers,
    ...diagnosticsHandlers,
  };
  const handle = createDispatch(handlers, ports);
  // Every change a person makes comes through here, committed by the time the handler answers: the
  // relay then pushes it at once instead of at its next poll (the poll covers the hourly jobs).
  const dispatch: Dispatch = async (method, input) => {
    const envelope = await handle(method, input);
    sync.wake();
    return envelope;
  };
  const stopJobs = options.scheduleJobs === false ? () => {} : scheduleLoyaltyJobs(ports);
  // Only a registered terminal pushes; registerWithHub starts it later otherwise.
  sync.start();

  const subscribe = (listener: (event: KioskEventName, payload: unknown) => void): Unsubscribe => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const methods = createApiClient(dispatch, subscribe);

  return {
    dispatch,
    methods,
    info,
    subscribe,
    busy: () => terminalBusy(ports),
    async close() {
      listeners.clear();
      stopJobs();
      await sync.stop();
      await devices.close();
      db.close();
    },
  };
}
