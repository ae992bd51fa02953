import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { monotonicFactory } from 'ulid';
import type { AppInfo, KioskEventName, KioskEvents, KioskMethods, StaffSummary, Unsubscribe } from '../contract';
import { openDatabase } from '../db/open';
import { latestSchemaVersion } from '../db/migrate';
import { createRepositories } from '../db/repositories';
import { seedDemoStore } from './demo/demo';
import type { ServiceContext } from './context';
import { deviceArea } from './devices/device-methods';
import { loyaltyArea } from './loyalty/loyalty-methods';
import { memberArea } from './members/member-methods';
import { appVersion } from '../contract/version';

export interface LinliOptions {
  dataDir: string;
  demo: boolean;
  host: AppInfo['host'];
  /** Tests pin the clock; the app uses the wall clock. */
  now?: () => Date;
}

export interface LinliCore {
  methods: KioskMethods;
  subscribe(listener: (event: KioskEventName, payload: unknown) => void): Unsubscribe;
  info: AppInfo;
  close(): Promise<void>;
}

export const databaseFileName = 'linli.sqlite';

/** Opens the terminal's database and wires the one implementation of KioskMethods both hosts serve. */
export function openLinli(options: LinliOptions): LinliCore {
  const db = openDatabase(join(options.dataDir, databaseFileName));
  const repos = createRepositories(db);
  const newId = monotonicFactory();
  const now = options.now ?? (() => new Date());

  if (!repos.settings.get('terminal_id')) repos.settings.set('terminal_id', newId());
  if (options.demo) seedDemoStore(repos, newId, now());

  const listeners = new Set<(event: KioskEventName, payload: unknown) => void>();
  const session: { staff: StaffSummary | null } = { staff: null };
  const ctx: ServiceContext = {
    repos,
    now,
    newId: () => newId(),
    randomInt: (max) => randomInt(max),
    terminalId: repos.settings.get('terminal_id')!,
    storeId: () => repos.settings.get('store_id'),
    session,
    emit: <E extends KioskEventName>(event: E, payload: KioskEvents[E]) => {
      for (const listener of listeners) listener(event, payload);
    },
    print: () => null,
  };

  const info: AppInfo = {
    version: appVersion,
    schemaVersion: latestSchemaVersion,
    dataDir: options.dataDir,
    demo: repos.settings.get('demo') === '1',
    host: options.host,
  };

  const areas = [memberArea(ctx, info), loyaltyArea(ctx), deviceArea(ctx)];
  const methods: KioskMethods = Object.assign({}, ...areas.map((area) => area.methods));


  return {
    methods,
    info,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      for (const area of areas) await area.close?.();
      db.close();
    },
  };
}
