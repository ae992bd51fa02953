import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubLimits, syncSchemaVersion } from '../../contract';
import { createHubServer } from '../../hub/server/server';
import type { HubStorage } from '../../hub/storage';
import { testEngines } from './engines';
import { enrolled, registeredTerminal, sale, storeCode } from './fixtures';

const adminToken = 'test-admin-token-0123456789';

describe.each(await testEngines())('hub HTTP API on $name', (engine) => {
  let storage: HubStorage;
  let dispose: () => Promise<void>;
  let server: Server;
  let base: string;
  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const eventCount = async () =>
    (await storage.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0]!.n;

  beforeAll(async () => {
    ({ storage, dispose } = await engine.open());
    server = createHubServer({ storage, adminToken, rateLimit: { burst: 5, perSecond: 0.01 } });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await dispose();
  });

  it('answers health without a credential', async () => {
    const res = await fetch(`${base}/v1/health`);
    expect(await res.json()).toEqual({ ok: true, engine: engine.name, syncSchemaVersion });
  });

  it('registers over HTTP, pushes, and refuses the replayed code with 409', async () => {
    const code = storeCode();
    expect((await post('/v1/admin/stores', { code, name: '翠湖店' }, adminToken)).status).toBe(201);
    const reg = (await (await post('/v1/admin/registration-codes', { storeCode: code }, adminToken)).json()) as {
      code: string;
    };
    const first = await post('/v1/terminals/register', { code: reg.code, terminalName: '收银 1' });
    expect(first.status).toBe(201);
    const { credential } = (await first.json()) as { credential: string };
    const replay = await post('/v1/terminals/register', { code: reg.code, terminalName: '收银 2' });
    expect(replay.status).toBe(409);
    expect(((await replay.json()) as { error: { code: string } }).error.code).toBe('CODE_USED');
    const member = enrolled();
    const unknown = { id: randomUUID(), type: 'member.levitated', aggregateId: 'x', createdAt: 'now', payload: {} };
    const pushed = await post('/v1/push', { schemaVersion: syncSchemaVersion, events: [member, unknown] }, credential);
    expect(pushed.status).toBe(200);
    expect(((await pushed.json()) as { results: { status: string; reason?: string }[] }).results).toEqual([
      { id: member.id, status: 'applied' },
      expect.objectContaining({ id: unknown.id, status: 'rejected', reason: 'UNKNOWN_EVENT_TYPE' }),
    ]);
  });

  it('refuses a push with no, an unknown or a revoked credential (401), writing nothing', async () => {
    const t = await registeredTerminal(storage);
    const before = await eventCount();
    const body = { schemaVersion: syncSchemaVersion, events: [sale(null)] };
    expect((await post('/v1/push', body)).status).toBe(401);
    expect((await post('/v1/push', body, 'lt_made-up')).status).toBe(401);
    expect((await post(`/v1/admin/terminals/${t.terminalId}/revoke`, {}, adminToken)).status).toBe(200);
    const revoked = await post('/v1/push', body, t.credential);
    expect(revoked.status).toBe(401);
    expect(((await revoked.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
    expect(await eventCount()).toBe(before);
  });

  it('refuses malformed JSON and a wrong shape (400) and an oversized batch (413), writing nothing', async () => {
    const t = await registeredTerminal(storage);
    const before = await eventCount();
    const malformed = await post('/v1/push', '{"schemaVersion": 1, "events": [', t.credential);
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { message: string } }).error.message).toMatch(/not valid JSON/);
    const wrong = await post('/v1/push', { schemaVersion: 'one', events: [] }, t.credential);
    expect(wrong.status).toBe(400);
    const events = Array.from({ length: hubLimits.pushBatchMax + 1 }, () => sale(null));
    expect((await post('/v1/push', { schemaVersion: syncSchemaVersion, events }, t.credential)).status).toBe(413);
    expect(await eventCount()).toBe(before);
  });

  it('limits a terminal that sends too fast (429 with Retry-After)', async () => {
    const t = await registeredTerminal(storage);
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 7; i++) {
      const res = await post('/v1/push', { schemaVersion: syncSchemaVersion, events: [sale(null)] }, t.credential);
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });

  it('refuses the admin API without the admin token or with a terminal credential (401)', async () => {
    const t = await registeredTerminal(storage);
    expect((await post('/v1/admin/stores', { code: storeCode(), name: 'x' })).status).toBe(401);
    expect((await post('/v1/admin/stores', { code: storeCode(), name: 'x' }, t.credential)).status).toBe(401);
    expect((await fetch(`${base}/v1/admin/terminals`)).status).toBe(401);
  });
});
