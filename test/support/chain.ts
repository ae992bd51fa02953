// A brand's chain in one test process: a real hub (node:http over PGlite) on loopback and terminals
// (cores on their own SQLite files) registered with it, with short sync waits so tests do not idle.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RegistrationCodeInfo } from '../../contract';
import { openHubStorage, type HubStorage } from '../../hub/features';
import { createHubServer } from '../../hub/server/server';
import { openLoyaltyCore, type LoyaltyCore } from './loyalty';
import { fastSync } from './sync-hub';
import { tempDir } from './temp-core';

export interface Chain {
  storage: HubStorage;
  url: string;
  /** A request to the admin API; answers the status and the JSON body. */
  admin<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** A new store with a terminal: a demo core (manager logged in), registered unless told not to. */
  terminal(storeCode: string, storeName: string, options?: { register?: boolean }): Promise<LoyaltyCore>;
  /** Registers a core opened unregistered (a shop that was offline until now). */
  register(core: LoyaltyCore, storeCode: string, storeName: string): Promise<void>;
  close(): Promise<void>;
}

export async function startChain(adminToken = 'chain-admin-token-0123456789'): Promise<Chain> {
  const dirs = [tempDir('linli-chain-hub-')];
  const storage = await openHubStorage({ engine: 'pglite', dataDir: dirs[0]!.dir });
  const server: Server = createHubServer({ storage, adminToken });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const cores: LoyaltyCore[] = [];

  async function admin<T>(method: 'GET' | 'POST', path: string, body?: unknown) {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as T };
  }

  async function register(core: LoyaltyCore, storeCode: string, storeName: string) {
    await admin('POST', '/v1/admin/stores', { code: storeCode, name: storeName });
    const { body } = await admin<RegistrationCodeInfo>('POST', '/v1/admin/registration-codes', { storeCode });
    await core.core.methods.registerWithHub({ hubUrl: url, code: body.code, terminalName: `${storeName} 收银 1` });
  }

  return {
    storage,
    url,
    admin,
    register,
    async terminal(storeCode, storeName, options = {}) {
      const dir = tempDir(`linli-chain-${storeCode.toLowerCase()}-`);
      dirs.push(dir);
      const core = await openLoyaltyCore(dir.dir, 'manager', fastSync);
      cores.push(core);
      if (options.register !== false) await register(core, storeCode, storeName);
      return core;
    },
    async close() {
      for (const core of cores) await core.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await storage.close();
      for (const d of dirs) d.remove();
    },
  };
}
