// Two terminals talk to the hub only through a loopback fault proxy (test/support/fault-proxy.ts)
// that, by a seeded random, spoils about 30 % of pushes and pulls: requests dropped, answers dropped
// after the hub acted, delays, answers cut mid-body, requests sent twice, requests held back and
// released after the next one. The shops serve members meanwhile (enrolments, sales with points,
// refunds, adjustments, and sales to members enrolled at the other shop). Convergence: every event
// made is at the hub exactly once, nothing is parked, and every member's ledger sums the same at
// the hub and at both terminals. On PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testEngines } from './hub/engines';
import { faultKinds, scheduledFaults, seededRandom, startFaultProxy, type FaultProxy } from './support/fault-proxy';
import { openLoyaltyCore, type LoyaltyCore } from './support/loyalty';
import { adjust, memberVisit, refundOne, sell } from './support/member-traffic';
import {
  fastSync,
  hubBalances,
  hubRowCounts,
  hubStoreOf,
  recordOutbox,
  registerCore,
  startTestHub,
  terminalBalances,
  until,
  type TestHub,
} from './support/sync-hub';
import { tempDir } from './support/temp-core';

vi.setConfig({ testTimeout: 120_000 });
const engines = await testEngines();
const seed = Number(process.env.LINLI_FAULT_SEED ?? 20260615);
// Small batches and pages: many requests, so many of them meet a fault.
const timing = {
  syncTiming: { ...fastSync.syncTiming, batchMax: 4 },
  pullTiming: { ...fastSync.pullTiming, limit: 4, waitSeconds: 1 },
};

describe.each(engines)('sync through a fault proxy, on $name', (engine) => {
  const dirs = [tempDir('linli-fault-a-'), tempDir('linli-fault-b-')];
  let dispose: () => Promise<void>;
  let hub: TestHub;
  let proxy: FaultProxy;
  const shops: { l: LoyaltyCore; made: () => string[]; members: string[] }[] = [];

  beforeAll(async () => {
    const opened = await engine.open();
    dispose = opened.dispose;
    hub = await startTestHub(opened.storage);
    const random = seededRandom(seed);
    proxy = await startFaultProxy({
      target: hub.url,
      choose: scheduledFaults(random, ['/v1/push', '/v1/pull']),
      random,
      maxDelayMs: 300,
    });
    for (const [i, [code, name]] of [
      ['FAULT-A', '翠湖店'],
      ['FAULT-B', '滨江店'],
    ].entries()) {
      const l = await openLoyaltyCore(dirs[i]!.dir, 'manager', timing);
      const made = recordOutbox(l);
      await registerCore(hub, l, code!, name!, proxy.url);
      shops.push({ l, made, members: [] });
    }
  }, 120_000);

  afterAll(async () => {
    for (const s of shops) await s.l.close();
    await proxy?.close();
    await hub?.close();
    await dispose?.();
    for (const d of dirs) d.remove();
  });

  it('converges: every event once, nothing lost or parked, the same ledgers everywhere', async () => {
    const [a, b] = shops as [(typeof shops)[0], (typeof shops)[0]];
    // Both counters busy at once, while the relay and the pull run through the proxy.
    await Promise.all(
      [a, b].map(async (shop, s) => {
        for (let i = 0; i < 8; i++) shop.members.push(await memberVisit(shop.l, `会员${s}-${i}`));
      }),
    );
    // Members of the other shop come down through the faulty pull; then each shop serves them too.
    for (const [here, there] of [
      [a, b],
      [b, a],
    ] as const)
      await until(async () => {
        for (const id of there.members.slice(0, 3)) await here.l.core.methods.getMemberLoyalty({ memberId: id });
      }, 60_000);
    await Promise.all(
      [
        [a, b],
        [b, a],
      ].map(async ([here, there]) => {
        for (const id of there!.members.slice(0, 3)) {
          const sale = await sell(here!.l, id);
          await refundOne(here!.l, sale);
          await adjust(here!.l, id, -3);
        }
      }),
    );

    for (const { l } of shops)
      await until(
        async () => expect(await l.core.methods.getSyncStatus()).toMatchObject({ waiting: 0, parked: 0 }),
        60_000,
      );

    // Every event made at each shop is at the hub, each once (the id is the key), nothing else.
    for (const shop of shops) {
      const made = shop.made();
      const { rows } = await hub.storage.query<{ id: string }>(
        'SELECT id FROM events WHERE store_id = $1 ORDER BY id',
        [hubStoreOf(shop.l)],
      );
      expect(new Set(made).size).toBe(made.length);
      expect(rows.map((r) => r.id)).toEqual([...made].sort());
      const counts = await hubRowCounts(hub.storage, hubStoreOf(shop.l));
      const local = (sql: string) => (shop.l.db.prepare(sql).get() as { n: number }).n;
      expect(counts.sales).toBe(local('SELECT count(*) AS n FROM sales'));
      expect(counts.refunds).toBe(local('SELECT count(*) AS n FROM refunds'));
    }
    // The ledgers: each member's sum at the hub is the balance both counters show, once pulled.
    const members = [...a.members, ...b.members];
    const atHub = await hubBalances(hub.storage, members);
    for (const { l } of shops)
      await until(async () => expect(await terminalBalances(l, members)).toEqual(atHub), 60_000);

    // The proxy did spoil what it was meant to: every kind of fault, on pushes and on pulls.
    const faults = proxy.log.filter((e) => e.fault !== 'pass');
    for (const path of ['/v1/push', '/v1/pull']) {
      const here = proxy.log.filter((e) => e.path === path);
      expect(here.length).toBeGreaterThanOrEqual(20);
      expect(new Set(here.map((e) => e.fault))).toEqual(new Set(['pass', ...faultKinds]));
    }
    console.log(
      `fault proxy (seed ${seed}, ${engine.name}): ${proxy.log.length} requests, ${faults.length} spoilt: ` +
        faultKinds.map((k) => `${k} ${faults.filter((e) => e.fault === k).length}`).join(', '),
    );
  });
});
