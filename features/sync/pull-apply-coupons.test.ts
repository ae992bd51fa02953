import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CouponDefinitionInfo, PulledChange } from '../../contract';
import { openDatabase, type Db } from '../../db/open';
import { createRepositories } from '../../db/repositories';
import type { TerminalStore } from '../../db/store';
import { pulledAt, pulledMember } from '../../test/support/pulled';
import { applyPulledPage } from './pull-apply';

const at = pulledAt;
const member = pulledMember();
const definition = (over: Partial<CouponDefinitionInfo> = {}): CouponDefinitionInfo => ({
  id: 'DEF-A',
  name: { zh: '生日券', en: 'Birthday' },
  kind: 'amount_off',
  amountOffMinor: 2000,
  percentOff: null,
  capMinor: null,
  freeProductId: null,
  minSpendMinor: 8000,
  categories: [],
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  perMemberLimit: null,
  offlineAllowed: true,
  genericCode: null,
  ...over,
});
const issued = (code: string, memberId = 'M-A1'): PulledChange => ({
  kind: 'coupon',
  data: { code, definitionId: 'DEF-A', memberId, issuedAt: at, definition: { ...definition() } },
});
const use = (
  code: string,
  saleId: string,
  over: Partial<Extract<PulledChange, { kind: 'coupon_use' }>['data']> = {},
): PulledChange => ({
  kind: 'coupon_use',
  data: {
    id: `hub-${saleId}-${over.delta ?? 1}`,
    code,
    definitionId: 'DEF-A',
    memberId: 'M-A1',
    saleId,
    refundId: null,
    delta: 1,
    storeId: 'hub-store-a',
    terminalId: 'hub-terminal-a',
    at,
    counted: true,
    ...over,
  },
});

let db: Db;
let store: TerminalStore;
beforeEach(() => {
  db = openDatabase(':memory:');
  store = createRepositories(db);
  applyPulledPage(store, [member], '1.1');
});
afterEach(() => db.close());

describe('applying pulled coupons', () => {
  it('issues a coupon made at another shop, with its definition, once', () => {
    expect(applyPulledPage(store, [issued('CAAAA'), issued('CAAAA')], '2.1')).toBe(1);
    expect(store.coupons.coupon('CAAAA')).toEqual({ code: 'CAAAA', definitionId: 'DEF-A', memberId: 'M-A1' });
    expect(store.coupons.definition('DEF-A')?.amountOffMinor).toBe(2000);
    // A member this terminal does not know cannot present it here: left out.
    expect(applyPulledPage(store, [issued('CBBBB', 'M-UNKNOWN')], '2.2')).toBe(0);
  });

  it('counts a use made elsewhere once, and its return', () => {
    applyPulledPage(store, [issued('CAAAA')], '2.1');
    expect(applyPulledPage(store, [use('CAAAA', 'S1'), use('CAAAA', 'S1')], '3.1')).toBe(1);
    expect(store.coupons.timesUsed('CAAAA')).toBe(1);
    applyPulledPage(store, [use('CAAAA', 'S1', { delta: -1, refundId: 'R1' })], '3.2');
    expect(store.coupons.timesUsed('CAAAA')).toBe(0);
  });

  it('leaves out uses elsewhere of a personal code that is someone else’s here (the demo seeds one code everywhere)', () => {
    applyPulledPage(store, [issued('CDEMOBIRTHDAY')], '2.1');
    expect(applyPulledPage(store, [use('CDEMOBIRTHDAY', 'S9', { memberId: 'M-OTHER-SHOP' })], '3.1')).toBe(0);
    expect(store.coupons.timesUsed('CDEMOBIRTHDAY')).toBe(0);
  });

  it('maps a generic code to this terminal’s own definition of it', () => {
    store.coupons.insertDefinition({ ...definition({ id: 'DEF-HERE', genericCode: 'TEA10' }), createdAt: at });
    applyPulledPage(store, [use('TEA10', 'S2', { definitionId: 'DEF-ELSEWHERE' })], '4.1');
    expect(store.coupons.memberUses('DEF-HERE', 'M-A1')).toBe(1);
  });

  it('stops counting a use the hub kept as a conflict, this terminal’s own included, and its return', () => {
    applyPulledPage(store, [issued('CAAAA')], '2.1');
    const own = { code: 'CAAAA', definitionId: 'DEF-A', memberId: 'M-A1', refundId: null, at } as const;
    store.coupons.recordUse({ ...own, id: 'local-1', saleId: 'S-HERE', delta: 1 });
    store.coupons.recordUse({ ...own, id: 'local-2', saleId: 'S-HERE', refundId: 'R-HERE', delta: -1 });
    store.coupons.recordUse({ ...own, id: 'local-3', saleId: 'S-HERE-2', delta: 1 });
    // The other shop's use reached the hub first; this one's second use is the conflict.
    applyPulledPage(store, [use('CAAAA', 'S-THERE'), use('CAAAA', 'S-HERE-2', { counted: false })], '5.1');
    expect(store.coupons.timesUsed('CAAAA')).toBe(1);
    expect(store.coupons.ofMember('M-A1')).toEqual([{ code: 'CAAAA', definitionId: 'DEF-A', used: 1 }]);
  });
});
