// The local catalogue on a real SQLite file: a manager adds and prices products and keeps the
// tiers of a store that has no hub yet; the counter sells what was saved, at the saved prices.
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ApiErrorShape, ProductInput } from '../contract';
import { gs1CheckDigit } from '../domain/barcode';
import { databaseFileName, openLinli, type LinliCore } from '../features/app';
import { openDatabase, type Db } from '../db/open';
import { createRepositories } from '../db/repositories';
import type { TerminalStore } from '../db/store';
import { requestId } from './support/loyalty';
import { enrolment, loginAs, openTestCore, tempDir } from './support/temp-core';

const temp = tempDir('linli-catalogue-');
afterAll(() => temp.remove());
let n = 0;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A valid EAN-13 with this 12-digit payload (the check digit computed as a scanner checks it). */
const ean13 = (payload: string) => `${payload}${gs1CheckDigit(payload)}`;

interface EmptyStore {
  core: LinliCore;
  db: Db;
  repos: TerminalStore;
  clock: { now: Date };
}

/** A terminal started with --no-demo and set up by its first manager (logged in), at noon Beijing time. */
async function openEmptyStore(): Promise<EmptyStore> {
  const dir = join(temp.dir, `s${n++}`);
  const clock = { now: new Date('2026-06-15T04:00:00.000Z') };
  const core = openLinli({ dataDir: dir, demo: false, host: 'browser', now: () => clock.now, scheduleJobs: false });
  await core.methods.setupTerminal({ storeName: '静安店', storeCode: 'SH-001', managerName: '陈静', pin: '2468' });
  const db = openDatabase(join(dir, databaseFileName));
  cleanups.push(
    () => core.close(),
    () => void db.close(),
  );
  return { core, db, repos: createRepositories(db), clock };
}

const oolong = (over: Partial<ProductInput> = {}): ProductInput => ({
  sku: 'tea-101',
  barcode: ean13('690000000001'),
  name: { zh: '  凤凰单丛 100g ', en: 'Phoenix oolong 100 g' },
  category: 'tea',
  listPriceMinor: 8800,
  ...over,
});

async function enrol(s: EmptyStore) {
  const result = await s.core.methods.enrolMember(enrolment());
  if (!result.created) throw new Error('the member should be new');
  return result.member;
}

const outboxOf = (s: EmptyStore, type: string) => s.repos.outbox.pending().filter((e) => e.type === type);
const count = (db: Db, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

async function refusal(call: Promise<unknown>): Promise<ApiErrorShape> {
  const error = await call.then(
    () => null,
    (e: unknown) => e as ApiErrorShape,
  );
  expect(error, 'the call should have been refused').not.toBeNull();
  return error!;
}
const fields = (e: ApiErrorShape) => (e.issues ?? [e]).map((i) => [i.field, i.code]);

describe('a manager adds a product to a store without demo data', () => {
  it('the product is listed, scanned and sold at its price; the change and its outbox event are one', async () => {
    const s = await openEmptyStore();
    expect(await s.core.methods.listProducts()).toEqual([]);

    const saved = await s.core.methods.saveProduct(oolong());
    expect(saved).toMatchObject({
      sku: 'TEA-101',
      barcode: ean13('690000000001'),
      name: { zh: '凤凰单丛 100g', en: 'Phoenix oolong 100 g' },
      category: 'tea',
      listPriceMinor: 8800,
      tierPrices: {},
      pointsEligible: true,
      active: true,
      currency: 'CNY',
    });
    const { active: _active, ...info } = saved;
    expect(await s.core.methods.listProducts()).toEqual([info]);
    expect(await s.core.methods.listCatalogueProducts()).toEqual([saved]);

    // The outbox has the event, with the whole product and who saved it.
    const events = outboxOf(s, 'product.saved');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      aggregateId: saved.id,
      payload: { sku: 'TEA-101', listPriceMinor: 8800, created: true, active: true },
    });

    // Found by its barcode and by its SKU typed in lower case, as at the counter.
    expect(await s.core.methods.handleScan({ text: ean13('690000000001') })).toMatchObject({
      kind: 'product',
      product: { id: saved.id },
    });
    expect(await s.core.methods.handleScan({ text: 'tea-101' })).toMatchObject({ product: { id: saved.id } });

    const lines = [{ productId: saved.id, quantity: 2 }];
    const quote = await s.core.methods.quoteSale({ memberId: null, lines });
    expect(quote).toMatchObject({ listTotalMinor: 17_600, totalMinor: 17_600, memberSavingsMinor: 0 });
    const sale = await s.core.methods.checkout({
      requestId: requestId(),
      memberId: null,
      lines,
      tenders: [{ method: 'cash', amountMinor: 20_000 }],
    });
    expect(sale.sale).toMatchObject({ totalMinor: 17_600, changeMinor: 2400 });
    expect(sale.sale.lines[0]).toMatchObject({ sku: 'TEA-101', name: { zh: '凤凰单丛 100g' }, unitMinor: 8800 });
  });

  it('an English name left empty shows the Chinese one; no barcode means it is found by SKU only', async () => {
    const s = await openEmptyStore();
    const bag = await s.core.methods.saveProduct({
      sku: 'BAG-1',
      barcode: '',
      name: { zh: '帆布袋', en: '' },
      listPriceMinor: 1500,
      pointsEligible: false,
    });
    expect(bag).toMatchObject({ barcode: null, name: { zh: '帆布袋', en: '帆布袋' }, category: 'general' });
    expect(await s.core.methods.handleScan({ text: 'BAG-1' })).toMatchObject({ product: { id: bag.id } });
  });

  it('changes a price and stops selling a product without deleting it: old sales still resolve and refund', async () => {
    const s = await openEmptyStore();
    const p = await s.core.methods.saveProduct(oolong());
    const sold = await s.core.methods.checkout({
      requestId: requestId(),
      memberId: null,
      lines: [{ productId: p.id, quantity: 1 }],
      tenders: [{ method: 'cash', amountMinor: 8800 }],
    });

    const dearer = await s.core.methods.saveProduct({ ...oolong({ listPriceMinor: 9600 }), id: p.id });
    expect(dearer).toMatchObject({ id: p.id, listPriceMinor: 9600 });
    expect(
      (await s.core.methods.quoteSale({ memberId: null, lines: [{ productId: p.id, quantity: 1 }] })).totalMinor,
    ).toBe(9600);

    const retired = await s.core.methods.saveProduct({ ...oolong(), id: p.id, active: false });
    expect(retired.active).toBe(false);
    expect(await s.core.methods.listProducts()).toEqual([]);
    expect(await s.core.methods.listCatalogueProducts()).toEqual([retired]);
    await expect(s.core.methods.handleScan({ text: ean13('690000000001') })).rejects.toMatchObject({
      code: 'SCAN_NOT_RECOGNISED',
    });
    await expect(
      s.core.methods.quoteSale({ memberId: null, lines: [{ productId: p.id, quantity: 1 }] }),
    ).rejects.toMatchObject({ code: 'PRODUCT_UNKNOWN' });
    expect(count(s.db, 'products')).toBe(1);

    // The sale made before keeps its line at the price it was sold for, and can be refunded.
    const record = await s.core.methods.getSale({ receiptNo: sold.sale.receiptNo });
    expect(record.lines[0]).toMatchObject({ productId: p.id, unitMinor: 8800 });
    const refund = await s.core.methods.refund({
      requestId: requestId(),
      receiptNo: sold.sale.receiptNo,
      lines: [{ lineId: record.lines[0]!.id, quantity: 1 }],
      tender: { method: 'cash' },
    });
    expect(refund.refund.amountMinor).toBe(8800);

    // Selling it again is one switch away; its barcode stayed its own meanwhile.
    await s.core.methods.saveProduct({ ...oolong(), id: p.id, active: true });
    expect(await s.core.methods.handleScan({ text: ean13('690000000001') })).toMatchObject({ product: { id: p.id } });
    expect(outboxOf(s, 'product.saved').map((e) => (e.payload as { created: boolean }).created)).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('refuses a SKU or barcode another product has (inactive ones too), and nothing changes', async () => {
    const s = await openEmptyStore();
    const first = await s.core.methods.saveProduct(oolong());
    const other = await s.core.methods.saveProduct(
      oolong({ sku: 'TEA-102', barcode: ean13('690000000002'), name: { zh: '白毫银针', en: 'Silver needle' } }),
    );
    await s.core.methods.saveProduct({
      ...oolong({ sku: 'TEA-102', barcode: ean13('690000000002') }),
      id: other.id,
      active: false,
    });
    const before = { products: await s.core.methods.listCatalogueProducts(), outbox: count(s.db, 'outbox') };

    // Same SKU typed in lower case, and the barcode of the inactive product: both named at once.
    const both = await refusal(s.core.methods.saveProduct(oolong({ sku: 'tea-101', barcode: ean13('690000000002') })));
    expect(fields(both)).toEqual([
      ['sku', 'SKU_TAKEN'],
      ['barcode', 'BARCODE_TAKEN'],
    ]);
    expect(both.issues?.[1]?.params).toEqual({ sku: 'TEA-102' });

    // A UPC-A is the same product as its EAN-13 form with a leading 0 (as a scanner reads it).
    const upc = `03600029145${gs1CheckDigit('03600029145')}`;
    const cola = await s.core.methods.saveProduct(oolong({ sku: 'DRK-1', barcode: upc }));
    expect(cola.barcode).toBe(upc);
    expect(fields(await refusal(s.core.methods.saveProduct(oolong({ sku: 'DRK-2', barcode: `0${upc}` }))))).toEqual([
      ['barcode', 'BARCODE_TAKEN'],
    ]);

    // Changing a product to another's SKU is refused the same way.
    expect(
      fields(await refusal(s.core.methods.saveProduct({ ...oolong({ sku: 'TEA-102', barcode: null }), id: first.id }))),
    ).toEqual([['sku', 'SKU_TAKEN']]);

    const after = await s.core.methods.listCatalogueProducts();
    expect(after.filter((p) => p.id !== cola.id)).toEqual(before.products);
    expect(count(s.db, 'outbox')).toBe(before.outbox + 1);
  });

  it('flags every wrong field at once, with the codes the form shows beside each field', async () => {
    const s = await openEmptyStore();
    const schema = await refusal(
      s.core.methods.saveProduct({
        sku: '12345',
        barcode: 'abc',
        name: { zh: '   ', en: '' },
        category: 'Tea & Co',
        listPriceMinor: Number.NaN,
        tierPrices: { normal: -1 },
      }),
    );
    expect(fields(schema)).toEqual([
      ['sku', 'SKU_INVALID'],
      ['barcode', 'BARCODE_INVALID'],
      ['nameZh', 'PRODUCT_NAME_REQUIRED'],
      ['category', 'CATEGORY_INVALID'],
      ['listPriceMinor', 'PRICE_INVALID'],
      ['tierPrices.normal', 'PRICE_INVALID'],
    ]);
    // What only the domain can tell: the check digit, the tier, the member price against the list price.
    const domain = await refusal(
      s.core.methods.saveProduct(
        oolong({ barcode: '6900000000010', tierPrices: { normal: 9000, gold: 100 }, listPriceMinor: 8800 }),
      ),
    );
    expect(fields(domain)).toEqual([
      ['barcode', 'BARCODE_INVALID'],
      ['tierPrices.normal', 'TIER_PRICE_ABOVE_LIST'],
      ['tierPrices.gold', 'TIER_UNKNOWN'],
    ]);
    await expect(s.core.methods.saveProduct({ ...oolong(), id: '01NOSUCHPRODUCT' })).rejects.toMatchObject({
      code: 'PRODUCT_UNKNOWN',
    });
    expect(count(s.db, 'products')).toBe(0);
    expect(outboxOf(s, 'product.saved')).toEqual([]);
  });
});

describe('only managers keep the catalogue', () => {
  it('a cashier is refused every catalogue change and the list, and nothing is written', async () => {
    const core = openTestCore(join(temp.dir, `s${n++}`));
    cleanups.push(() => core.close());
    await loginAs(core, 'cashier');
    const products = await core.methods.listProducts();
    const tiers = await core.methods.listTiers();
    await expect(core.methods.saveProduct(oolong())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      core.methods.saveProduct({ ...oolong({ listPriceMinor: 1 }), id: products[0]!.id, sku: products[0]!.sku }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      core.methods.saveTier({ code: 'gold', name: { zh: '金卡' }, rank: 2, qualifyMetric: 'spend', threshold: 1 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(core.methods.listCatalogueProducts()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await core.methods.listProducts()).toEqual(products);
    expect(await core.methods.listTiers()).toEqual(tiers);

    await loginAs(core, 'manager');
    expect(await core.methods.listCatalogueProducts()).toHaveLength(products.length);
  });
});

describe('tiers kept at the terminal', () => {
  it('a store set up without demo data starts with the entry tier, so members can be served at once', async () => {
    const s = await openEmptyStore();
    expect(await s.core.methods.listTiers()).toEqual([
      {
        code: 'normal',
        name: { zh: '普通会员', en: 'Member' },
        rank: 0,
        qualifyMetric: 'spend',
        threshold: 0,
        windowDays: 365,
        pointsMultiplierPct: 100,
      },
    ]);
    expect(outboxOf(s, 'tier.saved')).toHaveLength(1);
    const member = await enrol(s);
    const loyalty = await s.core.methods.getMemberLoyalty({ memberId: member.id });
    expect(loyalty).toMatchObject({ balance: 0, tier: { code: 'normal' }, progress: { next: null, fraction: 1 } });
  });

  it('a store set up before terminals made the entry tier gets it at the next start', async () => {
    const dir = join(temp.dir, `s${n++}`);
    const first = openLinli({ dataDir: dir, demo: false, host: 'browser', scheduleJobs: false });
    await first.methods.setupTerminal({ storeName: '静安店', storeCode: 'SH-001', managerName: '陈静', pin: '2468' });
    await first.close();
    const db = openDatabase(join(dir, databaseFileName));
    db.exec("DELETE FROM tiers; DELETE FROM outbox WHERE type = 'tier.saved'");
    db.close();
    const again = openLinli({ dataDir: dir, demo: false, host: 'browser', scheduleJobs: false });
    cleanups.push(() => again.close());
    const [manager] = await again.methods.listStaff();
    await again.methods.login({ staffId: manager!.id, pin: '2468' });
    expect((await again.methods.listTiers()).map((t) => t.code)).toEqual(['normal']);
  });

  it('a new tier with member prices: a qualifying sale moves the member up, who then pays the tier price and earns more', async () => {
    const s = await openEmptyStore();
    const tiers = await s.core.methods.saveTier({
      code: ' Silver ',
      name: { zh: '银卡会员', en: 'Silver' },
      rank: 1,
      qualifyMetric: 'spend',
      threshold: 10_000,
      pointsMultiplierPct: 150,
    });
    expect(tiers.map((t) => [t.code, t.rank, t.threshold])).toEqual([
      ['normal', 0, 0],
      ['silver', 1, 10_000],
    ]);
    expect(outboxOf(s, 'tier.saved').at(-1)).toMatchObject({
      aggregateId: 'silver',
      payload: { code: 'silver', threshold: 10_000, windowDays: 365, pointsMultiplierPct: 150 },
    });

    const tea = await s.core.methods.saveProduct(oolong({ tierPrices: { silver: 8000 } }));
    expect(tea.tierPrices).toEqual({ silver: 8000 });
    const member = await enrol(s);
    const lines = [{ productId: tea.id, quantity: 1 }];

    // In the entry tier: the list price, 1 point per yuan.
    const first = await s.core.methods.checkout({
      requestId: requestId(),
      memberId: member.id,
      lines: [{ productId: tea.id, quantity: 2 }],
      tenders: [{ method: 'cash', amountMinor: 17_600 }],
    });
    expect(first.sale).toMatchObject({ totalMinor: 17_600, memberSavingsMinor: 0, pointsEarned: 176 });
    // ¥176 in the window reaches silver's ¥100: upgraded by the sale that qualified.
    expect(first.tierChanged).toMatchObject({ code: 'silver' });

    const quote = await s.core.methods.quoteSale({ memberId: member.id, lines });
    expect(quote).toMatchObject({ totalMinor: 8000, memberSavingsMinor: 800, pointsEarned: 120 });
    expect(quote.member?.tier.code).toBe('silver');
    // An anonymous customer still pays the list price.
    expect((await s.core.methods.quoteSale({ memberId: null, lines })).totalMinor).toBe(8800);

    // Changing the tier's rules changes what its members get on the next sale.
    await s.core.methods.saveTier({
      code: 'silver',
      name: { zh: '银卡', en: 'Silver' },
      rank: 1,
      qualifyMetric: 'spend',
      threshold: 10_000,
      pointsMultiplierPct: 200,
    });
    expect((await s.core.methods.quoteSale({ memberId: member.id, lines })).pointsEarned).toBe(160);
    expect((await s.core.methods.getMemberLoyalty({ memberId: member.id })).tier.name.zh).toBe('银卡');
  });

  it('keeps the ladder in order: a rank is one tier’s, a higher tier needs a higher threshold; nothing changes when refused', async () => {
    const s = await openEmptyStore();
    const silver = {
      code: 'silver',
      name: { zh: '银卡会员', en: 'Silver' },
      rank: 1,
      qualifyMetric: 'spend',
      threshold: 50_000,
    } as const;
    await s.core.methods.saveTier(silver);
    const before = { tiers: await s.core.methods.listTiers(), outbox: count(s.db, 'outbox') };

    const taken = await refusal(s.core.methods.saveTier({ ...silver, code: 'gold', name: { zh: '金卡会员' } }));
    expect(taken).toMatchObject({ code: 'TIER_RANK_TAKEN', field: 'rank', params: { code: 'silver' } });
    const order = await refusal(
      s.core.methods.saveTier({
        ...silver,
        code: 'gold',
        name: { zh: '金卡会员', en: 'Gold' },
        rank: 2,
        threshold: 50_000,
      }),
    );
    expect(order).toMatchObject({
      code: 'TIER_THRESHOLD_ORDER',
      field: 'threshold',
      params: { lower: 'silver', higher: 'gold' },
    });
    // Raising the entry tier above silver would put the ladder upside down too.
    expect(
      (
        await refusal(
          s.core.methods.saveTier({ ...silver, code: 'normal', name: { zh: '普通' }, rank: 0, threshold: 60_000 }),
        )
      ).code,
    ).toBe('TIER_THRESHOLD_ORDER');
    // The schema's own checks, every field at once.
    const schema = await refusal(
      s.core.methods.saveTier({
        code: '9lives',
        name: { zh: '' },
        rank: -1,
        qualifyMetric: 'visits' as 'spend',
        threshold: 1.5,
        windowDays: 0,
        pointsMultiplierPct: 5000,
      }),
    );
    expect(fields(schema)).toEqual([
      ['code', 'TIER_CODE_INVALID'],
      ['nameZh', 'TIER_NAME_REQUIRED'],
      ['rank', 'TIER_RANK_INVALID'],
      ['qualifyMetric', 'INVALID_INPUT'],
      ['threshold', 'TIER_THRESHOLD_INVALID'],
      ['windowDays', 'TIER_WINDOW_INVALID'],
      ['pointsMultiplierPct', 'TIER_MULTIPLIER_INVALID'],
    ]);
    expect(await s.core.methods.listTiers()).toEqual(before.tiers);
    expect(count(s.db, 'outbox')).toBe(before.outbox);

    // In order, gold goes on top.
    const after = await s.core.methods.saveTier({
      ...silver,
      code: 'gold',
      name: { zh: '金卡会员' },
      rank: 2,
      threshold: 200_000,
    });
    expect(after.map((t) => t.code)).toEqual(['normal', 'silver', 'gold']);
    expect(after[2]!.name.en).toBe('金卡会员');
  });
});
