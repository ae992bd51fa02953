// What the dispatcher promises at the boundary, for every host: declared access, parsed input,
// clear codes for bad input, nothing written when refused; and the defects found by probing.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { kioskMethods, type KioskMethodName } from '../contract';
import { demoStaff } from '../features/demo/demo';
import { balance, cashSale, openLoyaltyCore, requestId, rowCounts, type LoyaltyCore } from './support/loyalty';
import { enrolment, loginAs, openTestCore, tempDir } from './support/temp-core';

const temp = tempDir();
afterAll(() => temp.remove());
let n = 0;
const dir = () => join(temp.dir, `b${n++}`);
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('the contract as data', () => {
  it('declares every method once with its access, and the client has exactly those methods', async () => {
    const core = openTestCore(dir());
    cleanups.push(() => core.close());
    const names = Object.keys(kioskMethods) as KioskMethodName[];
    expect(names.length).toBeGreaterThan(40);
    for (const name of names) expect(typeof core.methods[name]).toBe('function');
    expect(kioskMethods.adjustPoints.access).toBe('manager');
    expect(kioskMethods.enrolMember.access).toBe('staff');
    expect(kioskMethods.login.access).toBe('anyone');
  });

  it('checks access once for every method: staff methods need a login, manager methods a manager', async () => {
    const core = openTestCore(dir());
    cleanups.push(() => core.close());
    for (const [name, spec] of Object.entries(kioskMethods)) {
      if (spec.access === 'anyone') continue;
      // Kiosk and customer methods need no login, only a self-service terminal (this one is a counter).
      const code = spec.access === 'kiosk' || spec.access === 'customer' ? 'SELF_SERVICE_ONLY' : 'NOT_LOGGED_IN';
      expect(await core.dispatch(name, undefined), name).toEqual({ ok: false, error: { code } });
    }
    await loginAs(core, 'cashier');
    for (const [name, spec] of Object.entries(kioskMethods)) {
      if (spec.access !== 'manager') continue;
      expect(await core.dispatch(name, undefined), name).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('names the field of bad input, lists every wrong field, and writes nothing', async () => {
    const d = dir();
    const core = openTestCore(d);
    cleanups.push(() => core.close());
    await loginAs(core);
    const members = () => {
      const db = new Database(join(d, 'linli.sqlite'), { readonly: true });
      const count = (db.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n;
      db.close();
      return count;
    };
    const before = members();
    const reply = await core.dispatch('enrolMember', {
      name: 42,
      phone: 13812345678,
      gender: 'robot',
      consents: { data_processing: true },
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'NAME_REQUIRED', field: 'name' } });
    const issues = (reply as { error: { issues: { code: string; field: string }[] } }).error.issues;
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ['name', 'NAME_REQUIRED'],
      ['phone', 'PHONE_INVALID'],
      ['gender', 'GENDER_INVALID'],
    ]);
    expect(members()).toBe(before);
  });
});

describe('defects found by probing the build', () => {
  it('50 parallel wrong PINs lock the account exactly as five in a row would, and the right PIN is then refused', async () => {
    const d = dir();
    const core = openTestCore(d);
    cleanups.push(() => core.close());
    const manager = (await core.methods.listStaff()).find((s) => s.role === 'manager')!;
    const guesses = Array.from({ length: 50 }, (_, i) => String(1000 + i).padStart(4, '0'));
    const pin = demoStaff.find((s) => s.role === 'manager')!.pin;
    const results = await Promise.allSettled(
      [...guesses.filter((g) => g !== pin), pin].map((p) => core.methods.login({ staffId: manager.id, pin: p })),
    );
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'OK'));
    expect(codes.filter((c) => c === 'PIN_WRONG')).toHaveLength(4);
    expect(codes.filter((c) => c === 'STAFF_LOCKED').length).toBe(codes.length - 4);
    expect(codes).not.toContain('OK');
    expect((await core.methods.getSession()).staff).toBeNull();
    await core.close();
    cleanups.pop();
    const db = new Database(join(d, 'linli.sqlite'), { readonly: true });
    const actions = (db.prepare('SELECT action FROM audit_log').all() as { action: string }[]).map((r) => r.action);
    db.close();
    expect(actions.filter((a) => a === 'login_failed')).toHaveLength(4);
    expect(actions.filter((a) => a === 'login_locked')).toHaveLength(1);
  });

  it('a request id reused with a different basket is refused, not replayed; the same request still replays', async () => {
    const l: LoyaltyCore = await openLoyaltyCore(dir());
    cleanups.push(() => l.close());
    const first = cashSale(l);
    const sale = await l.core.methods.checkout(first);
    expect((await l.core.methods.checkout(first)).replayed).toBe(true);
    const before = rowCounts(l.db);
    const points = balance(l.db, l.goldMemberId);
    const other = { ...first, lines: [{ productId: l.products['TEA-001']!.id, quantity: 3 }] };
    await expect(l.core.methods.checkout(other)).rejects.toMatchObject({ code: 'REQUEST_ID_REUSED' });
    expect(rowCounts(l.db)).toEqual(before);
    expect(balance(l.db, l.goldMemberId)).toBe(points);
    const line = sale.sale.lines[0]!;
    const refund = {
      requestId: requestId(),
      receiptNo: sale.sale.receiptNo,
      lines: [{ lineId: line.id, quantity: 1 }],
      tender: { method: 'cash' as const },
    };
    await l.core.methods.refund(refund);
    expect((await l.core.methods.refund(refund)).replayed).toBe(true);
    await expect(
      l.core.methods.refund({ ...refund, tender: { method: 'mobile', reference: 'WX-1' } }),
    ).rejects.toMatchObject({ code: 'REQUEST_ID_REUSED' });
  });

  it('refuses a name with a lone UTF-16 surrogate instead of storing it corrupted', async () => {
    const core = openTestCore(dir());
    cleanups.push(() => core.close());
    await loginAs(core);
    await expect(core.methods.enrolMember(enrolment({ name: '王\uD800明' }))).rejects.toMatchObject({
      code: 'TEXT_MALFORMED',
      field: 'name',
    });
    // What a browser's input field makes of a lone surrogate: the replacement character.
    await expect(core.methods.enrolMember(enrolment({ name: '王\uFFFD明' }))).rejects.toMatchObject({
      code: 'TEXT_MALFORMED',
      field: 'name',
    });
    await expect(core.methods.searchMembers({ query: '\uDC00' })).rejects.toMatchObject({
      code: 'TEXT_MALFORMED',
      field: 'query',
    });
    // A real astral character (a surrogate pair) is fine.
    const ok = await core.methods.enrolMember(enrolment({ name: '王𠀋明' }));
    expect(ok.created && ok.member.name).toBe('王𠀋明');
  });

  it('answers the error that fits: an overlong reason, a search of punctuation, a phone sent as a number', async () => {
    const l = await openLoyaltyCore(dir(), 'manager');
    cleanups.push(() => l.close());
    await expect(
      l.core.methods.adjustPoints({ memberId: l.goldMemberId, points: 10, reason: 'x'.repeat(10_000) }),
    ).rejects.toMatchObject({
      code: 'REASON_TOO_LONG',
      field: 'reason',
      params: { max: 200 },
    });
    await expect(
      l.core.methods.adjustPoints({ memberId: l.goldMemberId, points: 10, reason: '  ' }),
    ).rejects.toMatchObject({ code: 'REASON_REQUIRED' });
    await expect(l.core.methods.searchMembers({ query: '(' })).rejects.toMatchObject({
      code: 'QUERY_INVALID',
      field: 'query',
    });
    await expect(
      l.core.methods.enrolMember(enrolment({ phone: 13812345678 as unknown as string })),
    ).rejects.toMatchObject({ code: 'PHONE_INVALID', field: 'phone' });
    await expect(
      l.core.methods.enrolMember(enrolment({ phone: undefined as unknown as string })),
    ).rejects.toMatchObject({ code: 'PHONE_REQUIRED', field: 'phone' });
  });
});
