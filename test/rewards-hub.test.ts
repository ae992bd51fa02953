// reward.redeemed at the hub, on both engines: the points spent become one redeem entry in the
// member's chain-wide ledger, sent down the members stream to every shop; the same event pushed
// again changes nothing; a payload without the points is refused and writes nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PulledChange, PushedEvent } from '../contract';
import { pull, push, type AuthenticatedTerminal } from '../hub/features';
import type { HubStorage } from '../hub/storage';
import { testEngines } from './hub/engines';
import { adjusted, at, batch, enrolled, registeredTerminal } from './hub/fixtures';

function redeemed(memberId: string, points: number): PushedEvent {
  const redemptionId = randomUUID();
  return {
    id: randomUUID(),
    type: 'reward.redeemed',
    aggregateId: memberId,
    createdAt: at,
    payload: {
      redemptionId,
      entryId: randomUUID(),
      memberId,
      rewardId: randomUUID(),
      points,
      reason: '兑换 30元代金券 / ¥30 voucher',
      couponCode: 'CABCDEFGHJK',
      at,
    },
  };
}

describe.each(await testEngines())('reward.redeemed at the hub on $name', (engine) => {
  let storage: HubStorage;
  let dispose: () => Promise<void>;
  let a: AuthenticatedTerminal;
  let b: AuthenticatedTerminal;

  beforeAll(async () => {
    ({ storage, dispose } = await engine.open());
    a = await registeredTerminal(storage);
    b = await registeredTerminal(storage);
    // Opening and migrating a hub store takes a while on a busy machine (the hub project allows 60 s too).
  }, 60_000);
  afterAll(async () => dispose(), 60_000);

  const points = async (memberId: string) => {
    const { rows } = await storage.query<{ kind: string; points: number; reason: string }>(
      'SELECT kind, points, reason FROM points_entries WHERE member_id = $1 ORDER BY points DESC',
      [memberId],
    );
    return rows;
  };

  it('is one redeem entry in the ledger, pulled by the other shop, once', async () => {
    const member = enrolled(randomUUID(), '+8613900000777');
    const memberId = member.aggregateId;
    const event = redeemed(memberId, 2800);
    const first = await push(storage, a, batch([member, adjusted(memberId, 5000), event]));
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect((await push(storage, a, batch([event]))).results).toEqual([{ id: event.id, status: 'duplicate' }]);
    expect(await points(memberId)).toEqual([
      { kind: 'adjust', points: 5000, reason: 'goodwill' },
      { kind: 'redeem', points: -2800, reason: '兑换 30元代金券 / ¥30 voucher' },
    ]);
    const page = await pull(storage, b, { stream: 'members', after: '', limit: 1000, wait: 0 });
    const entries = page.changes.flatMap((c: PulledChange) =>
      c.kind === 'points' && c.data.memberId === memberId ? [{ kind: c.data.kind, points: c.data.points }] : [],
    );
    expect(entries).toEqual([
      { kind: 'adjust', points: 5000 },
      { kind: 'redeem', points: -2800 },
    ]);
  });

  it('refuses a payload without its points, and writes nothing', async () => {
    const member = enrolled(randomUUID(), '+8613900000778');
    await push(storage, a, batch([member]));
    const bad = redeemed(member.aggregateId, 0);
    const answer = await push(storage, a, batch([bad]));
    expect(answer.results[0]).toMatchObject({ id: bad.id, status: 'rejected' });
    expect(await points(member.aggregateId)).toEqual([]);
  });
});
