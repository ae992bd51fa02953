// Coupons at the hub, on both engines: a coupon redeemed at two shops while both were offline is
// counted once and the second use is a recorded conflict (pulled by both shops, the one that made
// it too); an online-only coupon is claimed before its sale, a retry answers the same, and the
// sale that follows does not count the use twice.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConflictInfo, PulledChange, PushedEvent } from '../../contract';
import { listConflicts, pull, push, type AuthenticatedTerminal } from '../../hub/features';
import { createHubServer } from '../../hub/server/server';
import type { HubStorage } from '../../hub/storage';
import { testEngines } from './engines';
import { at, batch, enrolled, registeredTerminal, sale } from './fixtures';

const adminToken = 'coupons-admin-token-0123456789';

interface Rules {
  definitionId?: string;
  singleUse?: boolean;
  perMemberLimit?: number | null;
}

/** A sale using one coupon, with the rules the terminal applied it under. */
function saleWith(memberId: string | null, code: string, rules: Rules = {}, id?: string): PushedEvent {
  const e = sale(memberId, { coupons: [code], ...(id ? { id } : {}) });
  const payload = e.payload as { coupons: Record<string, unknown>[] };
  payload.coupons = payload.coupons.map((c) => ({ ...c, ...rules }));
  return e;
}

function issued(memberId: string, code: string): PushedEvent {
  return {
    id: randomUUID(),
    type: 'coupon.issued',
    aggregateId: memberId,
    createdAt: at,
    payload: { code, definitionId: 'def-1', memberId, at, staffId: 'staff-1' },
  };
}

function refunded(saleEvent: PushedEvent, memberId: string, code: string): PushedEvent {
  return {
    id: randomUUID(),
    type: 'sale.refunded',
    aggregateId: randomUUID(),
    createdAt: at,
    payload: {
      id: randomUUID(),
      saleId: saleEvent.aggregateId,
      memberId,
      at,
      amountMinor: 3000,
      pointsReversed: 0,
      pointsReturned: 0,
      couponsReturned: [code],
    },
  };
}

async function couponUses(storage: HubStorage, code: string) {
  const { rows } = await storage.query<{ counted: number; conflicted: number }>(
    `SELECT coalesce(sum(delta) FILTER (WHERE NOT conflict), 0)::int AS counted,
            count(*) FILTER (WHERE conflict)::int AS conflicted
       FROM coupon_uses WHERE code = $1`,
    [code],
  );
  return rows[0]!;
}

async function pulledUses(storage: HubStorage, t: AuthenticatedTerminal, code: string) {
  const page = await pull(storage, t, { stream: 'members', after: '', limit: 1000, wait: 0 });
  return page.changes.flatMap((c: PulledChange) =>
    c.kind === 'coupon_use' && c.data.code === code ? [{ saleId: c.data.saleId, counted: c.data.counted }] : [],
  );
}

const conflictsOf = async (storage: HubStorage, code: string): Promise<ConflictInfo[]> =>
  (await listConflicts(storage, { status: 'all' })).filter((c) => c.subject === code);

describe.each(await testEngines())('coupons at the hub on $name', (engine) => {
  let storage: HubStorage;
  let dispose: () => Promise<void>;
  let server: Server;
  let base: string;
  let a: AuthenticatedTerminal & { credential: string };
  let b: AuthenticatedTerminal & { credential: string };

  const claim = (t: { credential: string } | null, body: unknown) =>
    fetch(`${base}/v1/coupons/claim`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(t ? { authorization: `Bearer ${t.credential}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

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

  it('a personal coupon used at two shops offline: both sales apply, the first use counts, the second is a conflict', async () => {
    const member = enrolled(randomUUID(), '+8613900000001');
    const memberId = member.aggregateId;
    const code = `C${randomUUID().slice(0, 8).toUpperCase()}`;
    const atA = saleWith(memberId, code, { singleUse: true });
    // An older terminal's sale says nothing of the rules: coupon.issued told the hub it is personal.
    const atB = saleWith(memberId, code);
    expect((await push(storage, a, batch([member, issued(memberId, code), atA]))).results.map((r) => r.status)).toEqual(
      ['applied', 'applied', 'applied'],
    );
    expect((await push(storage, b, batch([atB]))).results).toEqual([{ id: atB.id, status: 'applied' }]);
    // Sent again (its answer was lost): nothing more is counted, no second conflict.
    expect((await push(storage, b, batch([atB]))).results).toEqual([{ id: atB.id, status: 'duplicate' }]);

    expect(await couponUses(storage, code)).toEqual({ counted: 1, conflicted: 1 });
    const [conflict, ...more] = await conflictsOf(storage, code);
    expect(more).toEqual([]);
    expect(conflict).toMatchObject({
      kind: 'coupon_reused',
      storeId: b.storeId,
      storeCode: b.storeCode,
      resolvedAt: null,
      detail: {
        code,
        rule: 'single_use',
        kept: [{ saleId: atA.aggregateId, storeCode: a.storeCode, memberId }],
        conflicting: { saleId: atB.aggregateId, storeId: b.storeId, memberId },
      },
    });
    // B learns that its own use is the one in conflict, and A learns of B's use as not counted.
    // Polled: on a shared PostgreSQL another test's open transaction may hold the pull's snapshot back.
    await expect
      .poll(() => pulledUses(storage, b, code), { timeout: 10_000 })
      .toEqual([
        { saleId: atA.aggregateId, counted: true },
        { saleId: atB.aggregateId, counted: false },
      ]);
    await expect
      .poll(() => pulledUses(storage, a, code), { timeout: 10_000 })
      .toEqual([{ saleId: atB.aggregateId, counted: false }]);

    // The same code used by another member is another coupon sharing it (every demo terminal seeds
    // CDEMOBIRTHDAY): not a reuse.
    const other = enrolled(randomUUID(), '+8613900000009');
    await push(storage, b, batch([other, saleWith(other.aggregateId, code, { singleUse: true })]));
    expect(await conflictsOf(storage, code)).toHaveLength(1);

    // The conflicting sale refunded: what it gives back never counted, so the coupon stays used.
    await push(storage, b, batch([refunded(atB, memberId, code)]));
    expect(await couponUses(storage, code)).toEqual({ counted: 2, conflicted: 2 });
  });

  it('a generic code over its per-member limit is a conflict; a code without limits never is', async () => {
    const member = enrolled(randomUUID(), '+8613900000002');
    const memberId = member.aggregateId;
    await push(storage, a, batch([member]));
    // Each shop has its own id for the campaign; the generic code is what both share.
    const limited = (definitionId: string) => ({ definitionId, perMemberLimit: 1, singleUse: false });
    const first = saleWith(memberId, 'FREECUP', limited('def-at-a'));
    const second = saleWith(memberId, 'FREECUP', limited('def-at-b'));
    await push(storage, a, batch([first, saleWith(memberId, 'SAVE10'), saleWith(null, 'SAVE10')]));
    await push(storage, b, batch([second, saleWith(memberId, 'SAVE10')]));
    const [conflict, ...more] = await conflictsOf(storage, 'FREECUP');
    expect(more).toEqual([]);
    expect(conflict?.detail).toMatchObject({
      rule: 'per_member_limit',
      limit: 1,
      kept: [{ saleId: first.aggregateId }],
      conflicting: { saleId: second.aggregateId },
    });
    expect(await conflictsOf(storage, 'SAVE10')).toEqual([]);
  });

  it('claims an online-only coupon: a retry answers the same, its sale does not count twice, the next is refused', async () => {
    const member = enrolled(randomUUID(), '+8613900000003');
    const memberId = member.aggregateId;
    await push(storage, a, batch([member]));
    const rules = { definitionId: 'def-online', memberId, singleUse: false, perMemberLimit: 1 };
    const first = saleWith(memberId, 'ONLINE1', { definitionId: 'def-online', perMemberLimit: 1 });
    const request = { ...rules, saleId: first.aggregateId, code: 'ONLINE1' };

    const confirmed = await claim(a, request);
    expect(confirmed.status).toBe(200);
    const answer = (await confirmed.json()) as { status: string; heldUntil: string };
    expect(answer.status).toBe('confirmed');
    // The same claim again (the answer was lost): the same answer, one hold.
    expect(await (await claim(a, request)).json()).toEqual(answer);
    // Held for that sale: another sale of the member is refused before the first even arrives.
    const held = await claim(b, { ...rules, saleId: randomUUID(), code: 'ONLINE1' });
    expect(await held.json()).toEqual({ status: 'refused', reason: 'COUPON_LIMIT_REACHED', limit: 1 });

    expect((await push(storage, a, batch([first]))).results[0]?.status).toBe('applied');
    expect(await couponUses(storage, 'ONLINE1')).toEqual({ counted: 1, conflicted: 0 });
    expect(await conflictsOf(storage, 'ONLINE1')).toEqual([]);
    const next = await claim(a, { ...rules, saleId: randomUUID(), code: 'ONLINE1' });
    expect(await next.json()).toEqual({ status: 'refused', reason: 'COUPON_LIMIT_REACHED', limit: 1 });
  });

  it('a hold whose sale never arrives lapses: the coupon is free again, and counts once when used', async () => {
    const memberId = randomUUID();
    const rules = { definitionId: 'def-lapse', memberId, singleUse: false, perMemberLimit: 1 };
    const abandoned = { ...rules, saleId: randomUUID(), code: 'LAPSE1' };
    expect(((await (await claim(a, abandoned)).json()) as { status: string }).status).toBe('confirmed');
    const retry = { ...rules, saleId: randomUUID(), code: 'LAPSE1' };
    expect(((await (await claim(a, retry)).json()) as { status: string }).status).toBe('refused');
    // The hold's time passes (its sale failed at the terminal and was never sent).
    await storage.query(`UPDATE coupon_claims SET held_until = now() - interval '1 minute' WHERE sale_id = $1`, [
      abandoned.saleId,
    ]);
    const again = { ...rules, saleId: randomUUID(), code: 'LAPSE1' };
    expect(((await (await claim(a, again)).json()) as { status: string }).status).toBe('confirmed');
    const used = saleWith(memberId, 'LAPSE1', { definitionId: 'def-lapse', perMemberLimit: 1 }, again.saleId);
    expect((await push(storage, a, batch([used]))).results[0]?.status).toBe('applied');
    expect(await couponUses(storage, 'LAPSE1')).toEqual({ counted: 1, conflicted: 0 });
    expect(await conflictsOf(storage, 'LAPSE1')).toEqual([]);
  });

  it('refuses bad claims: no credential, bad input, another store’s sale, another member for the same sale', async () => {
    const saleId = randomUUID();
    const body = {
      saleId,
      code: 'ONLINE30',
      definitionId: 'def-30',
      memberId: null,
      singleUse: false,
      perMemberLimit: null,
    };
    const count = async () =>
      (await storage.query<{ n: number }>('SELECT count(*)::int AS n FROM coupon_claims')).rows[0]!.n;
    const before = await count();
    expect((await claim(null, body)).status).toBe(401);
    for (const bad of [
      '{not json',
      { ...body, code: '' },
      { ...body, saleId: undefined },
      { ...body, perMemberLimit: 0 },
    ]) {
      const res = await claim(a, bad);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
    }
    expect(await count()).toBe(before);

    expect(((await (await claim(a, body)).json()) as { status: string }).status).toBe('confirmed');
    const other = await claim(b, body);
    expect(other.status).toBe(403);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    expect((await claim(a, { ...body, memberId: randomUUID() })).status).toBe(409);
    // A sale the hub already has from another store cannot be claimed for either.
    const pushedAtB = sale(null);
    await push(storage, b, batch([pushedAtB]));
    expect((await claim(a, { ...body, saleId: pushedAtB.aggregateId })).status).toBe(403);
    expect(await count()).toBe(before + 1);
  });
});
