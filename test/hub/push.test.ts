import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncSchemaVersion } from '../../contract';
import { push, type AuthenticatedTerminal } from '../../hub/features';
import type { HubStorage } from '../../hub/storage';
import { testEngines } from './engines';
import { adjusted, batch, enrolled, registeredTerminal, sale } from './fixtures';

async function count(storage: HubStorage, table: string, storeId: string): Promise<number> {
  const { rows } = await storage.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE store_id = $1`, [
    storeId,
  ]);
  return rows[0]!.n;
}

async function balance(storage: HubStorage, memberId: string): Promise<number> {
  const { rows } = await storage.query<{ sum: number }>(
    'SELECT COALESCE(sum(points), 0)::int AS sum FROM points_entries WHERE member_id = $1',
    [memberId],
  );
  return rows[0]!.sum;
}

describe.each(await testEngines())('push on $name', (engine) => {
  let storage: HubStorage;
  let dispose: () => Promise<void>;
  let terminal: AuthenticatedTerminal;
  beforeAll(async () => {
    ({ storage, dispose } = await engine.open());
    terminal = await registeredTerminal(storage);
  });
  afterAll(() => dispose());

  it('applies a batch once: sent again, every event is a duplicate and nothing is counted twice', async () => {
    const t = await registeredTerminal(storage);
    const member = enrolled();
    const memberId = member.aggregateId;
    const events = [member, sale(memberId, { pointsEarned: 30, coupons: ['WELCOME-1'] }), adjusted(memberId, 5)];
    const first = await push(storage, t, batch(events));
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const again = await push(storage, t, batch(events));
    expect(again.results).toEqual(events.map((e) => ({ id: e.id, status: 'duplicate' })));
    expect(await count(storage, 'events', t.storeId)).toBe(3);
    expect(await count(storage, 'sales', t.storeId)).toBe(1);
    expect(await count(storage, 'coupon_uses', t.storeId)).toBe(1);
    expect(await balance(storage, memberId)).toBe(35);
  });

  it('rejects one bad event and applies the others of the batch', async () => {
    const t = await registeredTerminal(storage);
    const member = enrolled();
    const bad = { ...sale(member.aggregateId), payload: { id: 'x', totalMinor: 'lots' } };
    const unknown = { id: randomUUID(), type: 'member.teleported', aggregateId: 'm', createdAt: 'now', payload: {} };
    const good = adjusted(member.aggregateId, 7);
    const { results } = await push(storage, t, batch([member, bad, unknown, good]));
    expect(results.map((r) => [r.status, r.reason])).toEqual([
      ['applied', undefined],
      ['rejected', 'PAYLOAD_INVALID'],
      ['rejected', 'UNKNOWN_EVENT_TYPE'],
      ['applied', undefined],
    ]);
    expect(results[1]?.detail).toMatch(/sale\.completed/);
    expect(await count(storage, 'events', t.storeId)).toBe(2);
    expect(await balance(storage, member.aggregateId)).toBe(7);
  });

  it('rolls back an event whose projection cannot apply, alone: the rest of the batch is kept', async () => {
    const t = await registeredTerminal(storage);
    const saleId = randomUUID();
    const first = sale(null, { id: saleId });
    const clash = sale(null, { id: saleId }); // another event claiming the same sale id
    const after = sale(null);
    const { results } = await push(storage, t, batch([first, clash, after]));
    expect(results.map((r) => [r.status, r.reason])).toEqual([
      ['applied', undefined],
      ['rejected', 'CONFLICT'],
      ['applied', undefined],
    ]);
    expect(await count(storage, 'events', t.storeId)).toBe(2);
    expect(await count(storage, 'sales', t.storeId)).toBe(2);
  });

  it('refuses a batch of a future schema version whole, writing nothing', async () => {
    const member = enrolled();
    const before = await count(storage, 'events', terminal.storeId);
    const { results } = await push(
      storage,
      terminal,
      batch([member, adjusted(member.aggregateId, 1)], syncSchemaVersion + 1),
    );
    expect(results.every((r) => r.status === 'rejected' && r.reason === 'FUTURE_SCHEMA_VERSION')).toBe(true);
    expect(await count(storage, 'events', terminal.storeId)).toBe(before);
    expect(await balance(storage, member.aggregateId)).toBe(0);
  });

  it("writes under the pushing terminal's store and never into another store", async () => {
    const a = await registeredTerminal(storage);
    const b = await registeredTerminal(storage);
    const saleAtA = sale(null);
    await push(storage, a, batch([saleAtA]));
    // B sends A's event id again, and a refund of A's sale.
    const refund = {
      id: randomUUID(),
      type: 'sale.refunded',
      aggregateId: saleAtA.aggregateId,
      createdAt: 'now',
      payload: {
        id: randomUUID(),
        saleId: saleAtA.aggregateId,
        memberId: null,
        at: 'now',
        amountMinor: 3000,
        pointsReversed: 0,
        pointsReturned: 0,
        couponsReturned: [],
      },
    };
    const { results } = await push(storage, b, batch([saleAtA, refund, sale(null)]));
    expect(results.map((r) => [r.status, r.reason])).toEqual([
      ['rejected', 'OTHER_STORE'],
      ['rejected', 'OTHER_STORE'],
      ['applied', undefined],
    ]);
    expect(await count(storage, 'events', a.storeId)).toBe(1);
    expect(await count(storage, 'refunds', a.storeId)).toBe(0);
    expect(await count(storage, 'sales', b.storeId)).toBe(1);
  });

  it('answers a duplicate inside one batch as a duplicate', async () => {
    const t = await registeredTerminal(storage);
    const e = sale(null);
    const { results } = await push(storage, t, batch([e, e]));
    expect(results.map((r) => r.status)).toEqual(['applied', 'duplicate']);
  });

  it('ingests a batch of 500 (figure printed, not asserted)', async () => {
    const t = await registeredTerminal(storage);
    const member = enrolled();
    await push(storage, t, batch([member]));
    const events = Array.from({ length: 500 }, (_, i) =>
      i % 2 ? sale(member.aggregateId) : adjusted(member.aggregateId, 1),
    );
    const started = performance.now();
    const { results } = await push(storage, t, batch(events));
    const seconds = (performance.now() - started) / 1000;
    expect(results.every((r) => r.status === 'applied')).toBe(true);
    console.log(
      `hub ingest on ${engine.name}: 500 events in ${(seconds * 1000).toFixed(0)} ms = ${Math.round(500 / seconds)} events/s`,
    );
  });
});
