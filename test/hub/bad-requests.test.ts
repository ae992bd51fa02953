// Bad requests to the hub over HTTP, on PGlite and PostgreSQL: each gets a clear 4xx (or, inside a
// well-formed push, a per-event rejection with its reason, which is the contract) and nothing is
// written: the rows of events, members, sales, refunds, points entries, coupon uses, changes,
// terminals and registration codes are counted before and after each one.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubLimits, syncSchemaVersion, type PushResponse } from '../../contract';
import { push } from '../../hub/features';
import { createHubServer } from '../../hub/server/server';
import type { HubStorage } from '../../hub/storage';
import { hubRowCounts } from '../support/sync-hub';
import { testEngines } from './engines';
import { adjusted, batch, enrolled, registeredTerminal, sale, storeCode } from './fixtures';

const adminToken = 'bad-requests-admin-token-0123';

describe.each(await testEngines())('bad requests to the hub on $name', (engine) => {
  let storage: HubStorage;
  let dispose: () => Promise<void>;
  let server: Server;
  let base: string;

  const send = (path: string, init: { body?: string; token?: string; type?: string | null; method?: string }) =>
    fetch(`${base}${path}`, {
      method: init.method ?? 'POST',
      headers: {
        ...(init.type === null ? {} : { 'content-type': init.type ?? 'application/json' }),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      ...(init.body === undefined ? {} : { body: init.body }),
    });
  const pushBody = (events: unknown[], schemaVersion = syncSchemaVersion) => JSON.stringify({ schemaVersion, events });

  /** Every table a request could write, whole-hub. */
  async function everything() {
    const count = async (table: string) =>
      (await storage.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
    return {
      ...(await hubRowCounts(storage)),
      terminals: await count('terminals'),
      registrationCodesUsed: await count('registration_codes WHERE used_at IS NOT NULL'),
      stores: await count('stores'),
    };
  }

  /** Runs the request and checks its status, the error code it names, and that nothing changed. */
  async function refused(request: () => Promise<Response>, status: number, code: string) {
    const before = await everything();
    const res = await request();
    const body = (await res.json()) as { error?: { code: string; message: string } };
    expect({ status: res.status, code: body.error?.code }).toEqual({ status, code });
    expect(body.error!.message.length).toBeGreaterThan(10);
    expect(await everything()).toEqual(before);
  }

  /** A push the hub answers 200 with a rejection for every event: nothing of it is written. */
  async function rejected(token: string, events: unknown[], reasons: string[], schemaVersion = syncSchemaVersion) {
    const before = await everything();
    const res = await send('/v1/push', { token, body: pushBody(events, schemaVersion) });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as PushResponse;
    expect(results.map((r) => [r.status, r.reason])).toEqual(reasons.map((r) => ['rejected', r]));
    for (const r of results) expect(r.detail?.length).toBeGreaterThan(5);
    expect(await everything()).toEqual(before);
  }

  beforeAll(async () => {
    ({ storage, dispose } = await engine.open());
    server = createHubServer({ storage, adminToken });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await dispose();
  });

  it('refuses a push or pull with no, a made-up or a revoked credential (401)', async () => {
    const t = await registeredTerminal(storage);
    const body = pushBody([enrolled()]);
    await refused(() => send('/v1/push', { body }), 401, 'UNAUTHORIZED');
    await refused(() => send('/v1/push', { body, token: 'lt_made-up' }), 401, 'UNAUTHORIZED');
    await refused(() => send('/v1/pull?stream=members', { method: 'GET', type: null }), 401, 'UNAUTHORIZED');
    // The admin token is not a terminal's credential either.
    await refused(() => send('/v1/push', { body, token: adminToken }), 401, 'UNAUTHORIZED');
    expect((await send(`/v1/admin/terminals/${t.terminalId}/revoke`, { token: adminToken, body: '{}' })).status).toBe(
      200,
    );
    await refused(() => send('/v1/push', { body, token: t.credential }), 401, 'UNAUTHORIZED');
    await refused(
      () => send('/v1/pull?stream=members', { method: 'GET', type: null, token: t.credential }),
      401,
      'UNAUTHORIZED',
    );
  });

  it("refuses another store's data event by event: its sale refunded, its event id, its member's card", async () => {
    const a = await registeredTerminal(storage);
    const b = await registeredTerminal(storage);
    const member = enrolled();
    const card = {
      id: randomUUID(),
      type: 'member.card_issued',
      aggregateId: member.aggregateId,
      createdAt: member.createdAt,
      payload: { number: `88${Date.now()}`, memberId: member.aggregateId, at: member.createdAt },
    };
    const saleAtA = sale(member.aggregateId);
    await push(storage, a, batch([member, card, saleAtA]));
    const refund = {
      id: randomUUID(),
      type: 'sale.refunded',
      aggregateId: saleAtA.aggregateId,
      createdAt: saleAtA.createdAt,
      payload: {
        id: randomUUID(),
        saleId: saleAtA.aggregateId,
        memberId: member.aggregateId,
        at: saleAtA.createdAt,
        amountMinor: 3000,
        pointsReversed: -30,
        pointsReturned: 0,
        couponsReturned: [],
      },
    };
    // Blocking A's member's card in the name of another member, from B. (Issuing a number someone
    // holds is applied and flagged as a card_claimed conflict instead: test/hub/members-lww.test.ts.)
    const stolenCard = {
      ...card,
      id: randomUUID(),
      type: 'member.card_blocked',
      payload: { ...card.payload, memberId: randomUUID(), reason: 'lost' },
    };
    const reused = { ...adjusted(member.aggregateId, 500), id: saleAtA.id };
    await rejected(
      b.credential,
      [refund, saleAtA, reused, stolenCard],
      ['OTHER_STORE', 'OTHER_STORE', 'OTHER_STORE', 'CONFLICT'],
    );
  });

  it('refuses malformed JSON and a wrong shape (400), writing nothing', async () => {
    const t = await registeredTerminal(storage);
    await refused(
      () => send('/v1/push', { token: t.credential, body: '{"schemaVersion": 1, "events": [' }),
      400,
      'BAD_REQUEST',
    );
    await refused(
      () => send('/v1/push', { token: t.credential, body: JSON.stringify({ schemaVersion: 'one', events: [] }) }),
      400,
      'BAD_REQUEST',
    );
    await refused(() => send('/v1/push', { token: t.credential, body: '[1, 2, 3]' }), 400, 'BAD_REQUEST');
    // Events without ids or types: the envelope is wrong, so the whole batch is refused.
    await refused(
      () => send('/v1/push', { token: t.credential, body: pushBody([{ type: 'sale.completed', payload: {} }]) }),
      400,
      'BAD_REQUEST',
    );
    await refused(
      () => send('/v1/pull?stream=members&after=not-a-cursor', { method: 'GET', type: null, token: t.credential }),
      400,
      'BAD_REQUEST',
    );
    await refused(
      () => send('/v1/terminals/register', { body: JSON.stringify({ terminalName: 'x' }) }),
      400,
      'BAD_REQUEST',
    );
  });

  it('refuses an oversized batch, an oversized body and a body that is not JSON (413, 415)', async () => {
    const t = await registeredTerminal(storage);
    const many = Array.from({ length: hubLimits.pushBatchMax + 1 }, () => sale(null));
    await refused(() => send('/v1/push', { token: t.credential, body: pushBody(many) }), 413, 'PAYLOAD_TOO_LARGE');
    const huge = {
      ...enrolled(),
      payload: { ...(enrolled().payload as object), name: 'x'.repeat(hubLimits.requestBytesMax) },
    };
    await refused(() => send('/v1/push', { token: t.credential, body: pushBody([huge]) }), 413, 'PAYLOAD_TOO_LARGE');
    const body = pushBody([enrolled()]);
    await refused(
      () => send('/v1/push', { token: t.credential, body, type: 'text/plain' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    await refused(
      () => send('/v1/push', { token: t.credential, body, type: 'application/x-www-form-urlencoded' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('rejects an unknown event type and a payload the hub cannot read, each with its reason', async () => {
    const t = await registeredTerminal(storage);
    const unknown = { id: randomUUID(), type: 'member.levitated', aggregateId: 'x', createdAt: 'now', payload: {} };
    const unreadable = { ...sale(null), payload: { id: 'x', totalMinor: 'lots' } };
    await rejected(t.credential, [unknown, unreadable], ['UNKNOWN_EVENT_TYPE', 'PAYLOAD_INVALID']);
  });

  it('rejects a batch of a future schema version whole, even its readable events', async () => {
    const t = await registeredTerminal(storage);
    const member = enrolled();
    await rejected(
      t.credential,
      [member, adjusted(member.aggregateId, 10)],
      ['FUTURE_SCHEMA_VERSION', 'FUTURE_SCHEMA_VERSION'],
      syncSchemaVersion + 1,
    );
  });

  it('refuses a replayed registration code (409) and makes no second terminal', async () => {
    const code = storeCode();
    expect(
      (await send('/v1/admin/stores', { token: adminToken, body: JSON.stringify({ code, name: '店' }) })).status,
    ).toBe(201);
    const reg = (await (
      await send('/v1/admin/registration-codes', { token: adminToken, body: JSON.stringify({ storeCode: code }) })
    ).json()) as { code: string };
    const register = () =>
      send('/v1/terminals/register', { body: JSON.stringify({ code: reg.code, terminalName: '收银 1' }) });
    expect((await register()).status).toBe(201);
    await refused(register, 409, 'CODE_USED');
    await refused(
      () =>
        send('/v1/terminals/register', { body: JSON.stringify({ code: 'ZZZZ-ZZZZ-ZZZZ', terminalName: '收银 2' }) }),
      404,
      'CODE_UNKNOWN',
    );
  });
});
