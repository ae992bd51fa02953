// A new terminal registering to a hub that already has members from other shops: its sync status
// tells how far the bootstrap has come (the sync screen's progress bar), page after page, until
// nothing remains and every member is here.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncPullProgress } from '../contract';
import { openHubStorage, push, type HubStorage } from '../hub/features';
import { createHubServer } from '../hub/server/server';
import { batch, enrolled, registeredTerminal } from './hub/fixtures';
import { openLoyaltyCore, type LoyaltyCore } from './support/loyalty';
import { tempDir } from './support/temp-core';

const adminToken = 'pull-progress-admin-token-0123';
const members = 6;
const dirs = [tempDir('linli-progress-core-'), tempDir('linli-progress-hub-')];
let storage: HubStorage;
let server: Server;
let hubUrl: string;
let terminal: LoyaltyCore | undefined;

async function admin<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`${hubUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify(body),
  });
  return (await res.json()) as T;
}

describe('a new terminal bootstrapping from the hub', () => {
  beforeAll(async () => {
    storage = await openHubStorage({ engine: 'pglite', dataDir: dirs[1]!.dir });
    server = createHubServer({ storage, adminToken });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    hubUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // Another shop of the chain enrolled six members before this terminal existed.
    const shop = await registeredTerminal(storage, 'CUIHU');
    const events = Array.from({ length: members }, (_, i) => {
      const e = enrolled(undefined, `+861390000000${i}`);
      return { ...e, payload: { ...(e.payload as object), referralCode: `PROG${i}` } };
    });
    await push(storage, shop, batch(events));
  }, 60_000);

  afterAll(async () => {
    await terminal?.close();
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    await storage?.close();
    for (const d of dirs) d.remove();
  });

  it('reports what it applied and what remains, page by page, down to nothing remaining', async () => {
    // Two changes a page: the six members come in three pages.
    terminal = await openLoyaltyCore(dirs[0]!.dir, 'manager', {
      pullTiming: { limit: 2, waitSeconds: 1, idleMs: 20, backoffBaseMs: 20, backoffCapMs: 200 },
    });
    const seen: SyncPullProgress[] = [];
    terminal.core.subscribe((event, payload) => {
      const pull = event === 'syncStatus' ? (payload as { pull?: SyncPullProgress | null }).pull : null;
      if (pull && JSON.stringify(pull) !== JSON.stringify(seen.at(-1))) seen.push(pull);
    });
    await admin('/v1/admin/stores', { code: 'BINJIANG', name: '滨江店' });
    const { code } = await admin<{ code: string }>('/v1/admin/registration-codes', { storeCode: 'BINJIANG' });
    await terminal.core.methods.registerWithHub({ hubUrl, code, terminalName: '滨江店 收银 1' });

    await expect.poll(() => seen.at(-1)?.remaining, { timeout: 20_000 }).toBe(0);
    expect(seen.map((p) => [p.applied, p.remaining])).toEqual([
      [2, 4],
      [4, 2],
      [6, 0],
    ]);
    expect(seen.at(-1)!.fraction).toBe(1);
    expect((await terminal.core.methods.getSyncStatus()).pull).toMatchObject({ applied: 6, remaining: 0 });
    const found = await terminal.core.methods.searchMembers({ query: '13900000005' });
    expect(found.members).toHaveLength(1);
  });
});
