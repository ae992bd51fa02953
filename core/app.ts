import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { monotonicFactory } from 'ulid';
import type { AppInfo, KioskEventName, KioskEvents, KioskMethods, StaffSummary, Unsubscribe } from './contract';
import { openDatabase } from '../db/open';
import { latestSchemaVersion } from '../db/migrate';
import { createRepositories } from '../db/repositories';
import { seedDemoStore } from './seed/demo';
import type { ServiceContext } from './services/context';
import { assignCard, blockCard, replaceCard } from './services/cards';
import { enrolMember, getMember, searchMembers, updateConsents } from './services/members';
import { handleScan } from './services/scan';
import { login, logout, sessionInfo } from './services/staff-session';
import { appVersion } from './version';

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
  close(): void;
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
  };

  const info: AppInfo = {
    version: appVersion,
    schemaVersion: latestSchemaVersion,
    dataDir: options.dataDir,
    demo: repos.settings.get('demo') === '1',
    host: options.host,
  };

  const methods: KioskMethods = {
    getAppInfo: async () => info,
    getSession: async () => sessionInfo(ctx),
    listStaff: async () => repos.staff.listActive(),
    login: (input) => login(ctx, input),
    logout: async () => logout(ctx),
    enrolMember: async (input) => enrolMember(ctx, input),
    searchMembers: async (input) => searchMembers(ctx, input),
    getMember: async (input) => getMember(ctx, input),
    assignCard: async (input) => assignCard(ctx, input),
    blockCard: async (input) => blockCard(ctx, input),
    replaceCard: async (input) => replaceCard(ctx, input),
    updateConsents: async (input) => updateConsents(ctx, input),
    handleScan: async (input) => handleScan(ctx, input),
  };

  return {
    methods,
    info,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      db.close();
    },
  };
}
