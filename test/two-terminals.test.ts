// Two shops of one brand, each with its own terminal (two cores on two SQLite files), and one real
// hub on loopback (node:http over PGlite, in this process): a member enrolled at A and the points
// earned there are known at B moments later, through A's push and B's pull, with no copy back to A.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistrationCodeInfo } from '../contract';
import { openHubStorage, type HubStorage } from '../hub/features';
import { createHubServer } from '../hub/server/server';
import type { Server } from 'node:http';
import { cashSale, openLoyaltyCore, type LoyaltyCore } from './support/loyalty';
import { enrolment, tempDir } from './support/temp-core';

const adminToken = 'two-terminals-admin-token-0123';
// Short waits so the test does not idle; the defaults are 20 s long-polls and second-long back-offs.
const timing = {
  syncTiming: { pollMs: 50, backoffBaseMs: 20, backoffCapMs: 200, requestTimeoutMs: 5000 },
  pullTiming: { waitSeconds: 5, idleMs: 20, backoffBaseMs: 20, backoffCapMs: 200 },
};

const dirs = [tempDir('linli-two-a-'), tempDir('linli-two-b-'), tempDir('linli-two-hub-')];
let storage: HubStorage;
let server: Server;
let hubUrl: string;
let a: LoyaltyCore;
let b: LoyaltyCore;

async function admin<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`${hubUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as T;
}

async function registeredCore(dir: string, storeCode: string, name: string): Promise<LoyaltyCore> {
  await admin('/v1/admin/stores', { code: storeCode, name });
  const { code } = await admin<RegistrationCodeInfo>('/v1/admin/registration-codes', { storeCode });
  const core = await openLoyaltyCore(dir, 'manager', timing);
  await core.core.methods.registerWithHub({ hubUrl, code, terminalName: `${name} 收银 1` });
  return core;
}

describe('two terminals and one hub', () => {
  beforeAll(async () => {
    storage = await openHubStorage({ engine: 'pglite', dataDir: dirs[2]!.dir });
    server = createHubServer({ storage, adminToken });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    hubUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    a = await registeredCore(dirs[0]!.dir, 'CUIHU', '翠湖店');
    b = await registeredCore(dirs[1]!.dir, 'BINJIANG', '滨江店');
  }, 60_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    await storage?.close();
    for (const d of dirs) d.remove();
  });

  it('a member enrolled at A, with the points earned there, is found at B with the same balance', async () => {
    const enrolled = await a.core.methods.enrolMember(enrolment({ name: '陈静', phone: '13955501234' }));
    if (!enrolled.created) throw new Error('the phone was taken');
    const memberId = enrolled.member.id;
    await a.core.methods.checkout(cashSale(a, { memberId }));
    const earned = (await a.core.methods.getMemberLoyalty({ memberId })).balance;
    expect(earned).toBeGreaterThan(0);

    await expect
      .poll(async () => (await b.core.methods.searchMembers({ query: '13955501234' })).members.map((m) => m.name), {
        timeout: 20_000,
      })
      .toEqual(['陈静']);
    await expect
      .poll(async () => (await b.core.methods.getMemberLoyalty({ memberId })).balance, { timeout: 20_000 })
      .toBe(earned);
    // B learnt it from the hub: nothing of it waits in B's outbox to be sent back.
    expect(b.repos.outbox.pending().filter((e) => e.aggregateId === memberId)).toEqual([]);

    // B's points reach A the same way, and A's own enrolment never comes back to A twice.
    await b.core.methods.checkout(cashSale(b, { memberId }));
    const both = (await b.core.methods.getMemberLoyalty({ memberId })).balance;
    expect(both).toBeGreaterThan(earned);
    await expect
      .poll(async () => (await a.core.methods.getMemberLoyalty({ memberId })).balance, { timeout: 20_000 })
      .toBe(both);
    expect((await a.core.methods.searchMembers({ query: '13955501234' })).members).toHaveLength(1);
  });
});
