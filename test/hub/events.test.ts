// Community events at the hub, on both engines: the brand publishes a chain-wide event that every
// terminal pulls; seats are claimed from every terminal against one capacity (a retry answers the
// same, one live ticket per member); pushed tickets make claims permanent and cancellations free
// seats; a shop's own event is kept under that shop and no other shop can claim or overwrite it.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventClaimRequest, PulledEvent, PushedEvent } from '../../contract';
import { claimSeat, listHubEvents, pull, push, upsertHubEvent, type AuthenticatedTerminal } from '../../hub/features';
import { hubEventInput } from '../../contract';
import { createHubServer } from '../../hub/server/server';
import type { HubStorage } from '../../hub/storage';
import { testEngines } from './engines';
import { at, batch, registeredTerminal } from './fixtures';

const adminToken = 'events-admin-token-0123456789';

function ticket(eventId: string, signupId: string, memberId: string, status: string, updatedAt = at): PushedEvent {
  return {
    id: randomUUID(),
    type: 'event.ticket_saved',
    aggregateId: eventId,
    createdAt: updatedAt,
    payload: {
      signupId,
      eventId,
      memberId,
      code: 'EV-ACDE-FGHJ',
      status,
      signedUpAt: at,
      checkedInAt: null,
      updatedAt,
    },
  };
}

function shopEvent(id: string, capacity = 3): PushedEvent {
  return {
    id: randomUUID(),
    type: 'event.saved',
    aggregateId: id,
    createdAt: at,
    payload: {
      id,
      title: { zh: '店内插花', en: 'Flowers' },
      description: '',
      place: '一楼',
      startsAt: '2026-04-01T06:00:00.000Z',
      endsAt: '2026-04-01T08:00:00.000Z',
      capacity,
      points: 10,
      scope: 'shop',
      storeId: null,
      status: 'open',
      updatedAt: at,
    },
  };
}

describe.each(await testEngines())('community events at the hub on $name', (engine) => {
  let storage: HubStorage;
  let dispose: () => Promise<void>;
  let server: Server;
  let base: string;
  let a: AuthenticatedTerminal & { credential: string };
  let b: AuthenticatedTerminal & { credential: string };

  const claimOverHttp = (t: { credential: string } | null, body: unknown) =>
    fetch(`${base}/v1/events/claim`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(t ? { authorization: `Bearer ${t.credential}` } : {}) },
      body: JSON.stringify(body),
    });
  const claim = (t: AuthenticatedTerminal, eventId: string, memberId: string, signupId = randomUUID()) => {
    const req: EventClaimRequest = { signupId, eventId, memberId, code: 'EV-ACDE-FGHJ', capacity: 99 };
    return claimSeat(storage, t, req);
  };
  const pulledEvents = async (t: AuthenticatedTerminal, id: string) =>
    (await pull(storage, t, { stream: 'catalogue', after: '', limit: 1000, wait: 0 })).changes.flatMap((c) =>
      c.kind === 'event' && c.data.id === id ? [c.data] : [],
    );

  beforeAll(async () => {
    ({ storage, dispose } = await engine.open());
    server = createHubServer({ storage, adminToken });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    a = await registeredTerminal(storage);
    b = await registeredTerminal(storage);
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await dispose();
  });

  it('holds one capacity across terminals: claims, retries, one ticket per member, pushes and cancellations', async () => {
    const event = await upsertHubEvent(
      storage,
      hubEventInput.parse({
        title: { zh: '品牌茶会' },
        startsAt: '2026-04-01T06:00:00.000Z',
        endsAt: '2026-04-01T08:00:00.000Z',
        capacity: 2,
        points: 30,
      }),
    );
    expect(event).toMatchObject({ scope: 'chain', storeId: null, capacity: 2, taken: 0, status: 'open' });
    await expect.poll(async () => (await pulledEvents(b, event.id)).at(-1)?.taken).toBe(0);

    const [m1, m2, m3] = [randomUUID(), randomUUID(), randomUUID()];
    const s1 = randomUUID();
    expect(await claim(a, event.id, m1, s1)).toEqual({ status: 'confirmed', taken: 1 });
    // The answer was lost and the terminal asks again: the same seat, not a second one.
    expect(await claim(a, event.id, m1, s1)).toEqual({ status: 'confirmed', taken: 1 });
    expect(await claim(b, event.id, m1)).toEqual({ status: 'refused', reason: 'EVENT_ALREADY_SIGNED_UP', taken: 1 });
    expect(await claim(b, event.id, m2)).toEqual({ status: 'confirmed', taken: 2 });
    // The capacity the hub knows wins over the one a terminal sends.
    expect(await claim(a, event.id, m3)).toEqual({ status: 'refused', reason: 'EVENT_FULL', taken: 2 });
    await expect.poll(async () => (await pulledEvents(a, event.id)).at(-1)?.taken).toBe(2);

    // A's ticket arrives, then is cancelled: its seat is free for the next claim.
    expect((await push(storage, a, batch([ticket(event.id, s1, m1, 'confirmed')]))).results[0]!.status).toBe('applied');
    const later = '2026-03-01T11:00:00.000Z';
    await push(storage, a, batch([ticket(event.id, s1, m1, 'cancelled', later)]));
    // An older change of the same ticket arriving late does not bring it back.
    await push(storage, a, batch([ticket(event.id, s1, m1, 'confirmed', at)]));
    expect((await listHubEvents(storage)).find((e) => e.id === event.id)?.taken).toBe(1);
    expect(await claim(a, event.id, m3)).toMatchObject({ status: 'confirmed', taken: 2 });

    // A claim whose ticket never arrives lapses: its seat counts no more.
    await storage.query(`UPDATE event_signups SET held_until = now() - interval '1 minute' WHERE member_id = $1`, [m2]);
    expect((await listHubEvents(storage)).find((e) => e.id === event.id)?.taken).toBe(1);

    // Cancelled by the brand: no more seats.
    await upsertHubEvent(
      storage,
      hubEventInput.parse({
        id: event.id,
        title: { zh: '品牌茶会' },
        startsAt: '2026-04-01T06:00:00.000Z',
        endsAt: '2026-04-01T08:00:00.000Z',
        capacity: 2,
        status: 'cancelled',
      }),
    );
    expect(await claim(b, event.id, randomUUID())).toMatchObject({ status: 'refused', reason: 'EVENT_CANCELLED' });
  });

  it("keeps a shop's event under that shop: another shop can neither claim its seats nor overwrite it", async () => {
    const id = randomUUID();
    expect((await push(storage, a, batch([shopEvent(id)]))).results[0]!.status).toBe('applied');
    expect((await listHubEvents(storage)).find((e) => e.id === id)).toMatchObject({
      scope: 'shop',
      storeId: a.storeId,
      capacity: 3,
    });
    // B pulls it (and leaves it out of its lists); A does not get its own push back.
    await expect.poll(async () => (await pulledEvents(b, id)).length).toBeGreaterThan(0);
    expect(await pulledEvents(a, id)).toEqual([]);

    const refused = await push(storage, b, batch([shopEvent(id, 100)]));
    expect(refused.results[0]).toMatchObject({ status: 'rejected', reason: 'OTHER_STORE' });
    expect((await listHubEvents(storage)).find((e) => e.id === id)?.capacity).toBe(3);

    const res = await claimOverHttp(b, {
      signupId: randomUUID(),
      eventId: id,
      memberId: randomUUID(),
      code: 'EV-ACDE-FGHJ',
      capacity: 3,
    });
    expect(res.status).toBe(403);
    const ok = await claimOverHttp(a, {
      signupId: randomUUID(),
      eventId: id,
      memberId: randomUUID(),
      code: 'EV-ACDE-FGHJ',
      capacity: 3,
    });
    expect(await ok.json()).toEqual({ status: 'confirmed', taken: 1 });
  });

  it('refuses a claim without a credential or with a bad body, and an admin event without the token', async () => {
    expect((await claimOverHttp(null, {})).status).toBe(401);
    expect((await claimOverHttp(a, { eventId: 'x' })).status).toBe(400);
    const noToken = await fetch(`${base}/v1/admin/events`, { method: 'POST', body: '{}' });
    expect(noToken.status).toBe(401);
    const bad = await fetch(`${base}/v1/admin/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: { zh: '茶会' },
        startsAt: '2026-04-01T08:00:00Z',
        endsAt: '2026-04-01T06:00:00Z',
        capacity: 5,
      }),
    });
    expect(bad.status).toBe(400);
    const listed = (await (
      await fetch(`${base}/v1/admin/events`, { headers: { authorization: `Bearer ${adminToken}` } })
    ).json()) as { events: PulledEvent[] };
    expect(listed.events.some((e) => e.title.zh === '茶会')).toBe(false);
  });
});
