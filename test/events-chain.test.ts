// A chain-wide event across two shops and the hub: the brand publishes it (admin API), both
// terminals pull it, and its one seat taken at shop A is refused at shop B as full, with nothing
// written there; B then shows no seat left. A shop's own event reaches the hub by push.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PulledEvent } from '../contract';
import { startChain, type Chain } from './support/chain';
import { demoMember, type LoyaltyCore } from './support/loyalty';

const poll = { timeout: 20_000 };
let chain: Chain;
let a: LoyaltyCore;
let b: LoyaltyCore;

const rows = (l: LoyaltyCore) => ({
  signups: (l.db.prepare('SELECT count(*) AS n FROM event_signups').get() as { n: number }).n,
  tickets: (l.db.prepare(`SELECT count(*) AS n FROM print_jobs WHERE kind = 'ticket'`).get() as { n: number }).n,
  outbox: (l.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n,
});

describe('a chain-wide event at two shops and the hub', () => {
  beforeAll(async () => {
    chain = await startChain();
    a = await chain.terminal('SH-001', '店A');
    b = await chain.terminal('SH-002', '店B');
    for (const l of [a, b]) await l.core.methods.setSelfServiceSettings({ role: 'self-service' });
  }, 60_000);
  afterAll(async () => {
    await chain?.close();
  });

  it('counts a sign-up at shop A against the capacity at shop B', async () => {
    const published = await chain.admin<{ event: PulledEvent }>('POST', '/v1/admin/events', {
      title: { zh: '品牌茶会', en: 'Brand tea party' },
      place: '全国各店',
      startsAt: '2026-07-01T06:00:00.000Z',
      endsAt: '2026-07-01T08:00:00.000Z',
      capacity: 1,
      points: 30,
    });
    expect(published.status).toBe(200);
    const eventId = published.body.event.id;
    for (const l of [a, b])
      await expect
        .poll(async () => (await l.core.methods.upcomingEvents()).find((e) => e.id === eventId)?.scope, poll)
        .toBe('chain');

    await a.core.methods.startCustomer({ text: demoMember.card, source: 'wedge' });
    expect(await a.core.methods.signUpForEvent({ eventId })).toMatchObject({ mine: { status: 'confirmed' } });

    // B has not heard of A's sign-up yet or has: either way the hub decides, and says full.
    await b.core.methods.startCustomer({ text: demoMember.card, source: 'wedge' });
    const before = rows(b);
    await expect(b.core.methods.signUpForEvent({ eventId })).rejects.toMatchObject({
      code: 'EVENT_FULL',
      params: { capacity: 1 },
    });
    expect(rows(b)).toEqual(before);
    expect((await b.core.methods.eventDetail({ eventId })).seatsLeft).toBe(0);

    // A's ticket reaches the hub by push and stays counted after the claim's hold.
    await expect
      .poll(async () => {
        const { rows: r } = await chain.storage.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM event_signups WHERE event_id = $1 AND held_until IS NULL`,
          [eventId],
        );
        return r[0]!.n;
      }, poll)
      .toBe(1);

    // The waiting list is still there for B's member.
    const waiting = await b.core.methods.signUpForEvent({ eventId, waitlist: true });
    expect(waiting.mine).toMatchObject({ status: 'waiting', position: 1 });
  });

  it("pushes a shop's own event to the hub, which counts it under that shop", async () => {
    await a.core.methods.setSelfServiceSettings({ role: 'counter' });
    const event = await a.core.methods.saveEvent({
      titleZh: '店A插花课',
      startsAt: '2026-07-02T06:00:00.000Z',
      endsAt: '2026-07-02T08:00:00.000Z',
      capacity: 3,
      points: 10,
    });
    await expect
      .poll(async () => {
        const { body } = await chain.admin<{ events: PulledEvent[] }>('GET', '/v1/admin/events');
        return body.events.find((e) => e.id === event.id)?.scope;
      }, poll)
      .toBe('shop');
    // Another shop's event is not listed at B.
    await expect.poll(async () => (await b.core.methods.upcomingEvents()).some((e) => e.id === event.id)).toBe(false);
  });
});
