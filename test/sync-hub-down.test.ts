// The hub stopped for a while (its process gone, its database kept): two shops keep serving
// members, the counters answer as always, the sync status says offline and how much waits. When the
// hub listens again on the same address everything made meanwhile arrives exactly once, and every
// member's ledger at the hub sums to the balance each terminal shows. On PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testEngines } from './hub/engines';
import type { LoyaltyCore } from './support/loyalty';
import { memberVisit, sell } from './support/member-traffic';
import {
  hubBalances,
  hubRowCounts,
  hubStoreOf,
  registeredCore,
  startTestHub,
  terminalBalances,
  until,
  type TestHub,
} from './support/sync-hub';
import { tempDir } from './support/temp-core';

vi.setConfig({ testTimeout: 60_000 });
const engines = await testEngines();

describe.each(engines)('the hub stopped for a while, on $name', (engine) => {
  const dirs = [tempDir('linli-down-a-'), tempDir('linli-down-b-')];
  let dispose: () => Promise<void>;
  let hub: TestHub;
  let a: LoyaltyCore;
  let b: LoyaltyCore;

  beforeAll(async () => {
    const opened = await engine.open();
    dispose = opened.dispose;
    hub = await startTestHub(opened.storage);
    a = await registeredCore(hub, dirs[0]!.dir, 'DOWN-A', '翠湖店');
    b = await registeredCore(hub, dirs[1]!.dir, 'DOWN-B', '滨江店');
  }, 120_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await hub?.close();
    await dispose?.();
    for (const d of dirs) d.remove();
  });

  it('both shops keep selling; afterwards everything arrives once and the ledgers agree', async () => {
    const members: string[] = [];
    // Online first: one member each, and the demo data, reach the hub.
    members.push(await memberVisit(a, '陈静'), await memberVisit(b, '赵磊'));
    for (const l of [a, b])
      await until(async () => expect(await l.core.methods.getSyncStatus()).toMatchObject({ waiting: 0, online: true }));
    const before = {
      a: await hubRowCounts(hub.storage, hubStoreOf(a)),
      b: await hubRowCounts(hub.storage, hubStoreOf(b)),
    };

    await hub.stop();

    // The counter answers normally while the hub is away.
    members.push(await memberVisit(a, '孙悦'), await memberVisit(a, '周涛'), await memberVisit(b, '吴敏'));
    await sell(a, members[0]!);
    await sell(b, members[1]!);
    const made = { a: a.repos.outbox.pending().map((e) => e.id), b: b.repos.outbox.pending().map((e) => e.id) };
    expect(made.a.length).toBeGreaterThan(10);
    expect(made.b.length).toBeGreaterThan(5);
    for (const [l, waiting] of [
      [a, made.a.length],
      [b, made.b.length],
    ] as const)
      await until(async () =>
        expect(await l.core.methods.getSyncStatus()).toMatchObject({
          online: false,
          lastError: 'HUB_UNREACHABLE',
          waiting,
          parked: 0,
        }),
      );
    // Nothing of it reached the hub's database.
    expect(await hubRowCounts(hub.storage, hubStoreOf(a))).toEqual(before.a);

    await hub.start();

    for (const l of [a, b])
      await until(async () =>
        expect(await l.core.methods.getSyncStatus()).toMatchObject({
          online: true,
          waiting: 0,
          parked: 0,
          lastError: null,
        }),
      );
    // Exactly once: every event made offline is at the hub under its own id, and the hub holds
    // nothing more than before plus those.
    const { rows } = await hub.storage.query<{ id: string }>(
      'SELECT id FROM events WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))',
      [JSON.stringify([...made.a, ...made.b])],
    );
    expect(rows.map((r) => r.id).sort()).toEqual([...made.a, ...made.b].sort());
    const after = {
      a: await hubRowCounts(hub.storage, hubStoreOf(a)),
      b: await hubRowCounts(hub.storage, hubStoreOf(b)),
    };
    expect(after.a.events).toBe(before.a.events + made.a.length);
    expect(after.b.events).toBe(before.b.events + made.b.length);
    // Sales at the hub are the sales rung up at each counter.
    const salesAt = (l: LoyaltyCore) => (l.db.prepare('SELECT count(*) AS n FROM sales').get() as { n: number }).n;
    expect(after.a.sales).toBe(salesAt(a));
    expect(after.b.sales).toBe(salesAt(b));

    // Once both have pulled, each member's ledger sums the same at the hub and at both counters.
    const atHub = await hubBalances(hub.storage, members);
    expect(Object.values(atHub).every((n) => n > 0)).toBe(true);
    for (const l of [a, b]) await until(async () => expect(await terminalBalances(l, members)).toEqual(atHub));
  });
});
