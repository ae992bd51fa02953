// Coupons across two shops (two cores on two SQLite files) and one real hub on loopback (node:http
// over PGlite, in this process): a coupon issued at A is used at B, a coupon used at one shop is
// refused at the other once pulled, the same coupon redeemed at both while the hub was down ends
// with one use counted everywhere and one conflict listed by the admin API, and an online-only
// coupon needs the hub's confirmation.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckoutRequest, ConflictListResponse, CouponDefinitionInfo, RegisterResponse } from '../contract';
import type { RegistrationCodeInfo } from '../contract';
import { readPullAnswer } from '../features/sync/pull-applier';
import { applyPulledPage } from '../features/sync/pull-apply';
import { hubKeys } from '../features/sync/registration';
import { openHubStorage, type HubStorage } from '../hub/features';
import { createHubServer } from '../hub/server/server';
import { balance, cashSale, openLoyaltyCore, rowCounts, type LoyaltyCore } from './support/loyalty';
import { enrolment, tempDir } from './support/temp-core';

const adminToken = 'sync-coupons-admin-token-0123';
const timing = {
  syncTiming: { pollMs: 50, backoffBaseMs: 20, backoffCapMs: 200, requestTimeoutMs: 5000 },
  pullTiming: { waitSeconds: 5, idleMs: 20, backoffBaseMs: 20, backoffCapMs: 200 },
};
const poll = { timeout: 20_000 };

const dirs = [tempDir('linli-cpn-a-'), tempDir('linli-cpn-b-'), tempDir('linli-cpn-c-'), tempDir('linli-cpn-hub-')];
let storage: HubStorage;
let server: Server;
let port = 0;
let hubUrl: string;
let a: LoyaltyCore;
let b: LoyaltyCore;
let memberId: string;

async function startHub() {
  server = createHubServer({ storage, adminToken });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  hubUrl = `http://127.0.0.1:${port}`;
}

/** The hub goes away: its connections drop and its port refuses, as when its machine is off. */
async function stopHub() {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

async function hubCall<T>(method: 'GET' | 'POST', path: string, body?: unknown, token = adminToken): Promise<T> {
  const res = await fetch(`${hubUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.status).toBeLessThan(300);
  return (await res.json()) as T;
}

async function registrationCode(storeCode: string, name: string): Promise<string> {
  await hubCall('POST', '/v1/admin/stores', { code: storeCode, name });
  return (await hubCall<RegistrationCodeInfo>('POST', '/v1/admin/registration-codes', { storeCode })).code;
}

async function registeredCore(dir: string, storeCode: string, name: string): Promise<LoyaltyCore> {
  const code = await registrationCode(storeCode, name);
  const core = await openLoyaltyCore(dir, 'manager', timing);
  await core.core.methods.registerWithHub({ hubUrl, code, terminalName: `${name} 收银 1` });
  return core;
}

/** Two TEA-002 at list price (¥256): enough for every coupon here. */
const bigSale = (l: LoyaltyCore, over: Partial<CheckoutRequest> = {}): CheckoutRequest =>
  cashSale(l, {
    memberId,
    lines: [{ productId: l.products['TEA-002']!.id, quantity: 2 }],
    tenders: [{ method: 'cash', amountMinor: 30_000 }],
    ...over,
  });

/** Issues a personal coupon of the demo's birthday campaign (no generic code) at this terminal. */
async function issue(l: LoyaltyCore): Promise<string> {
  const definition = l.repos.coupons.definitions().find((d) => d.genericCode === null)!;
  return (await l.core.methods.issueCoupon({ memberId, definitionId: definition.id })).code;
}

const quoteError = (l: LoyaltyCore, code: string) =>
  l.core.methods.quoteSale(bigSale(l, { couponCodes: [code] })).then(
    () => null,
    (error: { code: string }) => error.code,
  );

const drained = (l: LoyaltyCore) => l.repos.outbox.counts().waiting === 0;

async function hubPoints(id: string): Promise<number> {
  const { rows } = await storage.query<{ n: number }>(
    'SELECT coalesce(sum(points), 0)::int AS n FROM points_entries WHERE member_id = $1',
    [id],
  );
  return rows[0]!.n;
}

describe('coupons across two shops and one hub', () => {
  beforeAll(async () => {
    storage = await openHubStorage({ engine: 'pglite', dataDir: dirs[3]!.dir });
    await startHub();
    a = await registeredCore(dirs[0]!.dir, 'CUIHU', '翠湖店');
    b = await registeredCore(dirs[1]!.dir, 'BINJIANG', '滨江店');
    const enrolled = await a.core.methods.enrolMember(enrolment({ name: '周敏', phone: '13955507777' }));
    if (!enrolled.created) throw new Error('the phone was taken');
    memberId = enrolled.member.id;
  }, 60_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    await storage?.close();
    for (const d of dirs) d.remove();
  });

  it('a coupon issued at A is used at B; a coupon used at one shop is refused at the other once pulled', async () => {
    await expect.poll(() => b.repos.members.get(memberId)?.name, poll).toBe('周敏');
    const forB = await issue(a);
    await expect
      .poll(async () => (await b.core.methods.getMemberLoyalty({ memberId })).coupons.map((c) => c.code), poll)
      .toContain(forB);
    const atB = await b.core.methods.checkout(bigSale(b, { couponCodes: [forB] }));
    expect(atB.sale.couponDiscountMinor).toBe(2000);
    await expect.poll(() => quoteError(a, forB), poll).toBe('COUPON_USED');

    const forA = await issue(a);
    await expect.poll(() => b.repos.coupons.coupon(forA)?.memberId, poll).toBe(memberId);
    await a.core.methods.checkout(bigSale(a, { couponCodes: [forA] }));
    await expect.poll(() => quoteError(b, forA), poll).toBe('COUPON_USED');
    const before = rowCounts(b.db);
    await expect(b.core.methods.checkout(bigSale(b, { couponCodes: [forA] }))).rejects.toMatchObject({
      code: 'COUPON_USED',
      field: 'coupon',
    });
    expect(rowCounts(b.db)).toEqual(before);
  });

  it('the same coupon redeemed at A and B while the hub is down: both sales count, the coupon once, one conflict', async () => {
    const code = await issue(a);
    await expect.poll(() => b.repos.coupons.coupon(code)?.memberId, poll).toBe(memberId);
    await expect.poll(() => drained(a) && drained(b), poll).toBe(true);
    await stopHub();
    const atA = await a.core.methods.checkout(bigSale(a, { couponCodes: [code] }));
    const atB = await b.core.methods.checkout(bigSale(b, { couponCodes: [code] }));
    expect([atA.sale.couponDiscountMinor, atB.sale.couponDiscountMinor]).toEqual([2000, 2000]);
    await startHub();

    await expect.poll(() => drained(a) && drained(b), poll).toBe(true);
    const conflicts = async () =>
      (await hubCall<ConflictListResponse>('GET', '/v1/admin/conflicts')).conflicts.filter((c) => c.subject === code);
    await expect.poll(async () => (await conflicts()).length, poll).toBe(1);
    const [conflict] = await conflicts();
    const sales = [atA.sale.id, atB.sale.id];
    const detail = conflict!.detail as { kept: { saleId: string }[]; conflicting: { saleId: string } };
    // Whichever reached the hub first is kept; the other is the conflict, and the detail names both.
    expect([detail.kept.map((k) => k.saleId)[0], detail.conflicting.saleId].sort()).toEqual([...sales].sort());
    expect(conflict).toMatchObject({ kind: 'coupon_reused', resolvedAt: null, detail: { rule: 'single_use' } });
    const { rows } = await storage.query<{ saleId: string; conflict: boolean }>(
      'SELECT sale_id AS "saleId", conflict FROM coupon_uses WHERE code = $1 ORDER BY conflict',
      [code],
    );
    expect(rows).toEqual([
      { saleId: detail.kept[0]!.saleId, conflict: false },
      { saleId: detail.conflicting.saleId, conflict: true },
    ]);

    // Every terminal converges on one use, the one that made the conflicting sale too.
    await expect.poll(() => [a.repos.coupons.timesUsed(code), b.repos.coupons.timesUsed(code)], poll).toEqual([1, 1]);
    expect(await quoteError(a, code)).toBe('COUPON_USED');
    expect(await quoteError(b, code)).toBe('COUPON_USED');
    // Both sales were real: their points count at the hub and at both shops alike.
    const atHub = await hubPoints(memberId);
    await expect.poll(() => [balance(a.db, memberId), balance(b.db, memberId)], poll).toEqual([atHub, atHub]);
    const { rows: hubSales } = await storage.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM sales WHERE id = $1 OR id = $2',
      sales,
    );
    expect(hubSales[0]!.n).toBe(2);
  });

  it('ONLINE30 is used with the hub’s confirmation and refused as offline while the hub is down', async () => {
    const sale = await a.core.methods.checkout(bigSale(a, { couponCodes: ['ONLINE30'] }));
    expect(sale.sale.couponDiscountMinor).toBe(3000);
    await expect
      .poll(async () => {
        const { rows } = await storage.query<{ conflict: boolean }>(
          'SELECT conflict FROM coupon_uses WHERE sale_id = $1 AND code = $2',
          [sale.sale.id, 'ONLINE30'],
        );
        return rows;
      }, poll)
      .toEqual([{ conflict: false }]);
    const { rows: claims } = await storage.query<{ status: string }>(
      'SELECT status FROM coupon_claims WHERE sale_id = $1',
      [sale.sale.id],
    );
    expect(claims).toEqual([{ status: 'confirmed' }]);

    await expect.poll(() => drained(a), poll).toBe(true);
    await stopHub();
    try {
      const before = rowCounts(a.db);
      await expect(a.core.methods.checkout(bigSale(a, { couponCodes: ['ONLINE30'] }))).rejects.toMatchObject({
        code: 'COUPON_OFFLINE',
        field: 'coupon',
      });
      expect(rowCounts(a.db)).toEqual(before);
      // The checkout found the hub gone: the quote now says so too, without asking it.
      expect(await quoteError(a, 'ONLINE30')).toBe('COUPON_OFFLINE');
    } finally {
      await startHub();
    }
  });

  it('an online-only coupon the member has used up at another shop is refused by the hub, and nothing is written', async () => {
    // A third terminal, registered but not syncing (its settings written as registration writes
    // them): whatever it knows of the member's uses, it knows only what the hub says when asked.
    const c = await openLoyaltyCore(dirs[2]!.dir, 'cashier');
    try {
      const code = await registrationCode('HUAYUAN', '花园店');
      const res = await fetch(`${hubUrl}/v1/terminals/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, terminalName: '花园店 收银 1' }),
      });
      const reg = (await res.json()) as RegisterResponse;
      for (const [key, value] of [
        [hubKeys.url, hubUrl],
        [hubKeys.terminalId, reg.terminalId],
        [hubKeys.credential, reg.credential],
        [hubKeys.storeId, reg.storeId],
      ] as const)
        c.repos.settings.set(key, value);
      // The member, as the hub's members stream gives it.
      const page = readPullAnswer(await hubCall('GET', '/v1/pull?stream=members', undefined, reg.credential))!;
      applyPulledPage(
        c.repos,
        page.changes.filter((ch) => ch.kind === 'member' && ch.data.id === memberId),
        page.cursor,
      );
      expect(c.repos.members.get(memberId)?.name).toBe('周敏');

      const onceOnline: Omit<CouponDefinitionInfo, 'id'> = {
        name: { zh: '联网专享 每人一次', en: 'Online only, once per member' },
        kind: 'amount_off',
        amountOffMinor: 1000,
        percentOff: null,
        capMinor: null,
        freeProductId: null,
        minSpendMinor: 0,
        categories: [],
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
        perMemberLimit: 1,
        offlineAllowed: false,
        genericCode: 'ONCE10',
      };
      for (const [l, id] of [
        [a, 'def-once-a'],
        [c, 'def-once-c'],
      ] as const)
        l.repos.coupons.insertDefinition({ ...onceOnline, id, createdAt: '2026-01-01T00:00:00.000Z' });

      await a.core.methods.checkout(bigSale(a, { couponCodes: ['ONCE10'] }));
      const before = rowCounts(c.db);
      await expect(c.core.methods.checkout(bigSale(c, { couponCodes: ['ONCE10'] }))).rejects.toMatchObject({
        code: 'COUPON_LIMIT_REACHED',
        params: { limit: 1 },
        field: 'coupon',
      });
      expect(rowCounts(c.db)).toEqual(before);
      const { rows } = await storage.query<{ status: string; reason: string }>(
        `SELECT status, reason FROM coupon_claims WHERE code = 'ONCE10' AND store_id = $1`,
        [reg.storeId],
      );
      expect(rows).toEqual([{ status: 'refused', reason: 'COUPON_LIMIT_REACHED' }]);
    } finally {
      await c.close();
    }
  });
});
