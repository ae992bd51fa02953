// The brand's catalogue through the admin API: every write becomes a change of the `catalogue`
// stream, in the order written, behind a cursor; a wrong value is refused with its field and
// writes nothing; without the admin token nothing is answered.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubProduct, PullResponse } from '../../contract';
import { pull, type AuthenticatedTerminal } from '../../hub/features';
import { createHubServer } from '../../hub/server/server';
import type { HubStorage } from '../../hub/storage';
import { testEngines } from './engines';
import { registeredTerminal } from './fixtures';

const adminToken = 'catalogue-admin-token-0123456789';

const tea = {
  sku: 'tea-901',
  barcode: '6901234567892',
  name: { zh: '凤凰单丛', en: 'Phoenix oolong' },
  category: 'tea',
  listPriceMinor: 8800,
};

describe.each(await testEngines())('the catalogue admin API on $name', (engine) => {
  let storage: HubStorage;
  let dispose: () => Promise<void>;
  let server: Server;
  let base: string;
  let terminal: AuthenticatedTerminal;

  const send = async (method: string, path: string, body?: unknown, token: string | null = adminToken) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { field?: string } } };
  };
  const post = (path: string, body: unknown, token?: string | null) => send('POST', path, body, token);

  /** Everything on the stream after the cursor, page by page as a terminal reads it. */
  async function catalogueAfter(after: string) {
    const changes: PullResponse['changes'] = [];
    let cursor = after;
    for (;;) {
      const page = await pull(storage, terminal, { stream: 'catalogue', after: cursor, limit: 2, wait: 0 });
      changes.push(...page.changes);
      cursor = page.cursor;
      if (!page.more) return { changes, cursor };
    }
  }
  const changeCount = async () =>
    (await storage.query<{ n: number }>(`SELECT count(*)::int AS n FROM changes WHERE stream = 'catalogue'`)).rows[0]!
      .n;

  beforeAll(async () => {
    ({ storage, dispose } = await engine.open());
    server = createHubServer({ storage, adminToken });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    terminal = await registeredTerminal(storage);
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await dispose();
  });

  it('puts every write on the catalogue stream in order, and a terminal reads each once after its cursor', async () => {
    const { cursor: start } = await catalogueAfter('');
    expect(
      (
        await post('/v1/admin/tiers', {
          code: 'GOLD',
          name: { zh: '金卡' },
          rank: 2,
          qualifyMetric: 'spend',
          threshold: 200_000,
        })
      ).status,
    ).toBe(200);
    const saved = await post('/v1/admin/products', { ...tea, tierPrices: { gold: 8000 } });
    expect(saved.status).toBe(200);
    const product = saved.body.product as HubProduct;
    // Stored as a terminal stores it: SKU in capitals, tier codes in lower case, the English name given.
    expect(product).toMatchObject({ sku: 'TEA-901', tierPrices: { gold: 8000 }, active: true });
    expect((await post('/v1/admin/products/TEA-901/price', { priceMinor: 9900 })).body.product).toMatchObject({
      listPriceMinor: 9900,
    });
    expect((await post('/v1/admin/products/tea-901/price', { priceMinor: 8500, tier: 'GOLD' })).status).toBe(200);
    await post('/v1/admin/rules', {
      earning: { unitMinor: 100, pointsPerUnit: 2 },
      redeem: { points: 100, valueMinor: 100 },
      expiry: { kind: 'never' },
    });
    const coupon = await post('/v1/admin/coupon-definitions', {
      name: { zh: '联网专享满150减30' },
      kind: 'amount_off',
      amountOffMinor: 3000,
      minSpendMinor: 15_000,
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      offlineAllowed: false,
      genericCode: 'online30',
    });
    expect(coupon.body.definition).toMatchObject({ genericCode: 'ONLINE30', offlineAllowed: false });
    await post('/v1/admin/campaigns', {
      title: { zh: '秋茶上新', en: 'Autumn teas' },
      body: { zh: '金卡会员九折' },
      targetTiers: ['gold'],
      startsAt: '2026-09-01T00:00:00+08:00',
      endsAt: '2026-10-01T00:00:00+08:00',
      slides: [{ title: { zh: '新茶' }, body: { zh: '到店品鉴' }, imageUrl: 'https://example.com/tea.jpg' }],
    });
    expect((await post('/v1/admin/products/TEA-901/retire', {})).body.product).toMatchObject({ active: false });

    // On PostgreSQL another test's open transaction (any schema) may hold the snapshot's xmin back
    // for a moment: the changes are readable once it ends, never skipped.
    const kinds = ['tier', 'product', 'product', 'product', 'rules', 'coupon_definition', 'campaign', 'product'];
    await expect
      .poll(async () => (await catalogueAfter(start)).changes.map((c) => c.kind), { timeout: 20_000 })
      .toEqual(kinds);
    const { changes, cursor } = await catalogueAfter(start);
    const prices = changes.flatMap((c) =>
      c.kind === 'product' ? [[c.data.listPriceMinor, c.data.tierPrices.gold]] : [],
    );
    expect(prices).toEqual([
      [8800, 8000],
      [9900, 8000],
      [9900, 8500],
      [9900, 8500],
    ]);
    expect(changes.at(-2)).toMatchObject({
      kind: 'campaign',
      data: { targetTiers: ['gold'], body: { en: '金卡会员九折' } },
    });
    // The same cursor again: nothing twice. And the lists answer what is stored.
    expect((await catalogueAfter(cursor)).changes).toEqual([]);
    expect((await send('GET', '/v1/admin/products')).body.products).toEqual([
      expect.objectContaining({ sku: 'TEA-901', active: false }),
    ]);
    expect((await send('GET', '/v1/admin/rules')).body.rules).toMatchObject({ earning: { pointsPerUnit: 2 } });
    // The members stream is not the catalogue's.
    const members = await pull(storage, terminal, { stream: 'members', after: '', limit: 500, wait: 0 });
    expect(members.changes.filter((c) => c.kind === 'product')).toEqual([]);
  });

  it('refuses a wrong value with its field and writes nothing', async () => {
    const before = await changeCount();
    const refusals: [string, unknown, number, string][] = [
      ['/v1/admin/products', { ...tea, sku: 'TEA-902', listPriceMinor: 12.5 }, 400, 'listPriceMinor'],
      ['/v1/admin/products', { ...tea, sku: 'TEA-902', barcode: '6901234567890' }, 400, 'barcode'],
      ['/v1/admin/products', { ...tea, sku: 'TEA-902', tierPrices: { platinum: 100 } }, 400, 'tierPrices.platinum'],
      ['/v1/admin/products', { ...tea, sku: 'TEA-902', tierPrices: { gold: 99_000 } }, 400, 'tierPrices.gold'],
      ['/v1/admin/products/TEA-404/price', { priceMinor: 100 }, 404, 'sku'],
      ['/v1/admin/products/TEA-901/price', { priceMinor: -1 }, 400, 'priceMinor'],
      ['/v1/admin/products/TEA-901/price', { priceMinor: 100, tier: 'platinum' }, 400, 'tier'],
      // Under the gold price: lower that first.
      ['/v1/admin/products/TEA-901/price', { priceMinor: 100 }, 400, 'priceMinor'],
      ['/v1/admin/products/TEA-404/retire', {}, 404, 'sku'],
      [
        '/v1/admin/tiers',
        { code: 'silver', name: { zh: '银卡' }, rank: 2, qualifyMetric: 'spend', threshold: 1 },
        400,
        'rank',
      ],
      [
        '/v1/admin/tiers',
        { code: 'silver', name: { zh: '银卡' }, rank: 3, qualifyMetric: 'spend', threshold: 1 },
        400,
        'threshold',
      ],
      [
        '/v1/admin/rules',
        {
          earning: { unitMinor: 0, pointsPerUnit: 1 },
          redeem: { points: 1, valueMinor: 1 },
          expiry: { kind: 'never' },
        },
        400,
        'earning.unitMinor',
      ],
      [
        '/v1/admin/coupon-definitions',
        { name: { zh: '券' }, kind: 'amount_off', validFrom: '2026-01-01', validTo: '2026-12-31' },
        400,
        'amountOffMinor',
      ],
      [
        '/v1/admin/coupon-definitions',
        {
          name: { zh: '券' },
          kind: 'free_item',
          freeProductSku: 'NOPE-1',
          validFrom: '2026-01-01',
          validTo: '2026-12-31',
        },
        400,
        'freeProductSku',
      ],
      [
        '/v1/admin/coupon-definitions',
        {
          name: { zh: '券' },
          kind: 'amount_off',
          amountOffMinor: 1,
          genericCode: 'ONLINE30',
          validFrom: '2026-01-01',
          validTo: '2026-12-31',
        },
        409,
        'genericCode',
      ],
      [
        '/v1/admin/campaigns',
        {
          title: { zh: '活动' },
          body: { zh: '内容' },
          startsAt: '2026-10-01T00:00:00Z',
          endsAt: '2026-09-01T00:00:00Z',
        },
        400,
        'endsAt',
      ],
      [
        '/v1/admin/campaigns',
        {
          title: { zh: '活动' },
          body: { zh: '内容' },
          targetTiers: ['diamond'],
          startsAt: '2026-09-01T00:00:00Z',
          endsAt: '2026-10-01T00:00:00Z',
        },
        400,
        'targetTiers',
      ],
    ];
    for (const [path, body, status, field] of refusals) {
      const res = await post(path, body);
      expect({ path, status: res.status, field: res.body.error?.field }).toEqual({ path, status, field });
    }
    expect(await changeCount()).toBe(before);
    expect((await send('GET', '/v1/admin/products')).body.products).toHaveLength(1);
  });

  it('answers 401 without the admin token, and writes nothing', async () => {
    const before = await changeCount();
    for (const token of [null, 'not-the-admin-token']) {
      expect((await post('/v1/admin/products', { ...tea, sku: 'TEA-903' }, token)).status).toBe(401);
      expect((await post('/v1/admin/products/TEA-901/price', { priceMinor: 1 }, token)).status).toBe(401);
      expect((await send('GET', '/v1/admin/products', undefined, token)).status).toBe(401);
    }
    expect(await changeCount()).toBe(before);
  });
});
