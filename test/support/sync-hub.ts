// A real hub in this process (createHubServer over a HubStorage of either engine) that can be
// stopped and started again on the same address while its storage stays, registered terminal
// cores, and the figures the sync resilience tests compare: rows at the hub per store, ledger sums
// per member at the hub and at a terminal.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RegistrationCodeInfo } from '../../contract';
import type { PullTiming } from '../../features/sync/pull-applier';
import type { SyncTiming } from '../../features/sync/outbox-relay';
import { createHubServer } from '../../hub/server/server';
import type { HubStorage } from '../../hub/storage';
import { openLoyaltyCore, type LoyaltyCore } from './loyalty';

export const hubAdminToken = 'sync-resilience-admin-token-01';

/** Short waits so the tests do not idle: the defaults are 20 s long-polls and second-long back-offs. */
export const fastSync: { syncTiming: SyncTiming; pullTiming: PullTiming } = {
  syncTiming: { pollMs: 50, backoffBaseMs: 20, backoffCapMs: 200, requestTimeoutMs: 5000 },
  pullTiming: { waitSeconds: 2, idleMs: 20, backoffBaseMs: 20, backoffCapMs: 200 },
};

export interface TestHub {
  /** The hub's address; the same across stop() and start(). */
  url: string;
  storage: HubStorage;
  /** Closes the HTTP server and every connection (a stopped hub process); the storage stays. */
  stop(): Promise<void>;
  /** Listens again on the same port, as a restarted hub process would. */
  start(): Promise<void>;
  admin<T>(path: string, body: unknown): Promise<T>;
  /** A store and a one-time registration code for it. */
  registrationCode(storeCode: string, name: string): Promise<string>;
  close(): Promise<void>;
}

/** Generous limits: these tests are about faults, not about a terminal sending too fast. */
const roomy = { burst: 10_000, perSecond: 10_000 };

export async function startTestHub(storage: HubStorage): Promise<TestHub> {
  let server: Server | null = null;
  let port = 0;
  const listen = async () => {
    const s = createHubServer({ storage, adminToken: hubAdminToken, rateLimit: roomy });
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve());
    });
    port = (s.address() as AddressInfo).port;
    server = s;
  };
  const stop = async () => {
    const s = server;
    server = null;
    if (!s) return;
    const closed = new Promise((resolve) => s.close(resolve));
    s.closeAllConnections();
    await closed;
  };
  await listen();
  const url = `http://127.0.0.1:${port}`;
  const admin = async <T>(path: string, body: unknown): Promise<T> => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${hubAdminToken}` },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`admin ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    url,
    storage,
    stop,
    start: listen,
    admin,
    async registrationCode(storeCode, name) {
      await admin<unknown>('/v1/admin/stores', { code: storeCode, name });
      return (await admin<RegistrationCodeInfo>('/v1/admin/registration-codes', { storeCode })).code;
    },
    close: stop,
  };
}

/** Registers an open terminal core with the hub (by default straight, or at hubUrl: a proxy). */
export async function registerCore(
  hub: TestHub,
  l: LoyaltyCore,
  storeCode: string,
  name: string,
  hubUrl = hub.url,
): Promise<void> {
  const code = await hub.registrationCode(storeCode, name);
  await l.core.methods.registerWithHub({ hubUrl, code, terminalName: `${name} 收银 1` });
}

/** A demo terminal on a fresh SQLite file, a manager logged in, registered with the hub. */
export async function registeredCore(
  hub: TestHub,
  dir: string,
  storeCode: string,
  name: string,
  timing = fastSync,
): Promise<LoyaltyCore> {
  const core = await openLoyaltyCore(dir, 'manager', timing);
  await registerCore(hub, core, storeCode, name);
  return core;
}

/**
 * Records the id of every outbox event the terminal makes from now on (a trigger on its SQLite
 * file; the relay deletes acknowledged events, so the outbox alone cannot say what was made).
 * Answers a reader of every id made: those waiting now and those recorded since.
 */
export function recordOutbox(l: LoyaltyCore): () => string[] {
  const waiting = l.repos.outbox.pending().map((e) => e.id);
  l.db.exec(`CREATE TABLE IF NOT EXISTS test_outbox_made (id TEXT NOT NULL);
    CREATE TRIGGER IF NOT EXISTS test_outbox_made AFTER INSERT ON outbox
    BEGIN INSERT INTO test_outbox_made (id) VALUES (new.id); END;`);
  const made = l.db.prepare<[], { id: string }>('SELECT id FROM test_outbox_made ORDER BY rowid');
  return () => [...waiting, ...made.all().map((r) => r.id)];
}

/** The hub's store id for a terminal core (kept at registration). */
export const hubStoreOf = (l: LoyaltyCore): string => l.repos.settings.get('hub.store_id')!;

export const hubTables = ['events', 'members', 'sales', 'refunds', 'points_entries', 'coupon_uses', 'changes'] as const;

/** Rows per table at the hub, for one store or for all. */
export async function hubRowCounts(
  storage: HubStorage,
  storeId?: string,
): Promise<Record<(typeof hubTables)[number], number>> {
  const counts = {} as Record<(typeof hubTables)[number], number>;
  for (const table of hubTables) {
    const column = table === 'members' ? 'home_store_id' : 'store_id';
    const { rows } = await storage.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${table}${storeId ? ` WHERE ${column} = $1` : ''}`,
      storeId ? [storeId] : [],
    );
    counts[table] = rows[0]!.n;
  }
  return counts;
}

/** Sum of each member's ledger at the hub. */
export async function hubBalances(storage: HubStorage, memberIds: readonly string[]): Promise<Record<string, number>> {
  const { rows } = await storage.query<{ memberId: string; sum: number }>(
    `SELECT member_id AS "memberId", COALESCE(sum(points), 0)::int AS sum FROM points_entries
      WHERE member_id IN (SELECT jsonb_array_elements_text($1::jsonb)) GROUP BY member_id`,
    [JSON.stringify(memberIds)],
  );
  const sums = Object.fromEntries(memberIds.map((id) => [id, 0]));
  for (const r of rows) sums[r.memberId] = r.sum;
  return sums;
}

/** Each member's balance as the terminal's counter shows it. */
export async function terminalBalances(l: LoyaltyCore, memberIds: readonly string[]): Promise<Record<string, number>> {
  const sums: Record<string, number> = {};
  for (const id of memberIds) sums[id] = (await l.core.methods.getMemberLoyalty({ memberId: id })).balance;
  return sums;
}

/** Waits (bounded) until the check passes; fails with the check's last complaint otherwise. */
export async function until(check: () => void | Promise<void>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}
