// The batch path of push (one savepoint, one INSERT of the events) must leave exactly what the
// per-event path leaves:
// the same batches pushed to two hubs, one each way, give the same answers and the same rows in
// every table, and the change log in the same order (a terminal applies it in that order).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushedEvent } from '../../contract';
import { push } from '../../hub/features';
import type { HubStorage } from '../../hub/storage';
import { testEngines } from './engines';
import { adjusted, at, batch, enrolled, registeredTerminal, sale } from './fixtures';

const tables = ['events', 'members', 'consents', 'cards', 'sales', 'refunds', 'points_entries', 'coupon_uses'];

const event = (type: string, aggregateId: string, payload: unknown): PushedEvent => ({
  id: randomUUID(),
  type,
  aggregateId,
  createdAt: at,
  payload,
});

/** Every row a hub holds, its own ids (store, terminal, seq, txid, times it made) written as names. */
async function everything(storage: HubStorage, storeId: string, terminalId: string) {
  const named = (value: unknown) =>
    JSON.parse(JSON.stringify(value).replaceAll(storeId, '<store>').replaceAll(terminalId, '<terminal>')) as unknown;
  const out: Record<string, unknown> = {};
  for (const table of tables) {
    const { rows } = await storage.query<Record<string, unknown>>(`SELECT * FROM ${table} ORDER BY 1`);
    out[table] = rows.map(({ seq: _seq, received_at: _r, ...row }) => named(row));
  }
  const { rows } = await storage.query(
    'SELECT stream, kind, data, store_id, terminal_id, event_id FROM changes ORDER BY txid, seq',
  );
  out.changes = named(rows);
  return out;
}

describe.each(await testEngines())('batch push on $name', (engine) => {
  const hubs: { storage: HubStorage; dispose(): Promise<void> }[] = [];
  beforeAll(async () => {
    hubs.push(await engine.open(), await engine.open());
  });
  afterAll(async () => {
    for (const h of hubs) await h.dispose();
  });

  it('answers and writes exactly what the per-event path does, also when an event of the batch is refused', async () => {
    const member = enrolled(randomUUID(), '+8613800138111');
    const memberId = member.aggregateId;
    const soldId = randomUUID();
    const sold = sale(memberId, { id: soldId, pointsEarned: 40, coupons: ['WELCOME-1', 'SPRING-2'] });
    (sold.payload as { pointsRedeemed: number }).pointsRedeemed = 10;
    const first = [
      member,
      event('member.card_issued', memberId, { memberId, number: '8800000001', at }),
      sold,
      sale(null),
      adjusted(memberId, 5),
      event('points.expired', memberId, { memberId, points: 3, at }),
      event('member.tier_changed', memberId, { memberId, from: null, to: 'gold', at }),
      event('member.consents_changed', memberId, {
        memberId,
        records: [{ purpose: 'marketing_sms', granted: false, recordedAt: at }],
      }),
      event('sale.refunded', soldId, {
        id: randomUUID(),
        saleId: soldId,
        memberId,
        at,
        amountMinor: 3000,
        pointsReversed: -40,
        pointsReturned: 10,
        couponsReturned: ['WELCOME-1'],
      }),
      event('member.card_blocked', memberId, { memberId, number: '8800000001', reason: 'lost', at }),
      enrolled(randomUUID(), '+8613800138112'),
      event('day.closed', 'close-1', { kind: 'x', number: null, to: at, netMinor: 3000 }),
    ];
    first.push(first[3]!); // the same event twice in one batch
    const clashId = randomUUID();
    // A card already held by another member (applied, flagged card_claimed) and a sale id taken twice
    // (refused alone): the batch falls back to the per-event path.
    const second = [
      sale(memberId, { id: clashId }),
      event('member.card_issued', 'other', { memberId: 'other', number: '8800000001', at }),
      sale(memberId, { id: clashId }),
      adjusted(memberId, 2),
      first[0]!,
    ];

    const seen = [];
    for (const [i, hub] of hubs.entries()) {
      const t = await registeredTerminal(hub.storage, 'BULKSHOP');
      const answers = [];
      for (const events of [first, second]) answers.push(await push(hub.storage, t, batch(events), { bulk: i === 0 }));
      seen.push({ answers, rows: await everything(hub.storage, t.storeId, t.terminalId) });
    }
    expect(seen[0]!.answers[0]!.results.map((r) => r.status)).toEqual(
      [...first.map(() => 'applied')].fill('duplicate', -1),
    );
    expect(seen[0]!.answers[1]!.results.map((r) => r.status)).toEqual([
      'applied',
      'applied',
      'rejected',
      'applied',
      'duplicate',
    ]);
    expect(seen[0]).toEqual(seen[1]);
  });
});
