import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestCore, tempDir } from './support/temp-core';

const temp = tempDir();
afterAll(() => temp.remove());

describe('staff login with PIN lockout', () => {
  it('locks after five wrong PINs, refuses the right one while locked, and audits every attempt', async () => {
    let clock = new Date('2026-11-25T09:00:00.000Z');
    const dir = join(temp.dir, 'lock');
    const core = openTestCore(dir, () => clock);
    const cashier = (await core.methods.listStaff()).find((s) => s.role === 'cashier')!;
    for (const remaining of [4, 3, 2, 1]) {
      await expect(core.methods.login({ staffId: cashier.id, pin: '0000' })).rejects.toMatchObject({
        code: 'PIN_WRONG',
        params: { remaining },
      });
    }
    await expect(core.methods.login({ staffId: cashier.id, pin: '0000' })).rejects.toMatchObject({
      code: 'STAFF_LOCKED',
      params: { minutes: 15 },
    });
    await expect(core.methods.login({ staffId: cashier.id, pin: '1234' })).rejects.toMatchObject({
      code: 'STAFF_LOCKED',
    });
    expect((await core.methods.getSession()).staff).toBeNull();

    clock = new Date('2026-11-25T09:16:00.000Z');
    const session = await core.methods.login({ staffId: cashier.id, pin: '1234' });
    expect(session.staff).toMatchObject({ id: cashier.id, role: 'cashier' });
    expect(session.store?.name).toContain('邻里');
    await expect(core.methods.login({ staffId: cashier.id, pin: '12' })).rejects.toMatchObject({ code: 'PIN_FORMAT' });
    await core.close();

    const db = new Database(join(dir, 'linli.sqlite'), { readonly: true });
    const actions = db
      .prepare('SELECT action FROM audit_log ORDER BY at, id')
      .all()
      .map((r) => (r as { action: string }).action);
    db.close();
    expect(actions).toEqual([
      'login_failed',
      'login_failed',
      'login_failed',
      'login_failed',
      'login_locked',
      'login_refused_locked',
      'login',
    ]);
  });

  it('stores PINs only as scrypt hashes', async () => {
    const dir = join(temp.dir, 'hash');
    await openTestCore(dir).close();
    const db = new Database(join(dir, 'linli.sqlite'), { readonly: true });
    const hashes = db.prepare('SELECT pin_hash FROM staff').all() as { pin_hash: string }[];
    db.close();
    for (const { pin_hash } of hashes) {
      expect(pin_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(pin_hash).not.toContain('1234');
    }
  });

  it('refuses an unknown staff member', async () => {
    const core = openTestCore(join(temp.dir, 'unknown'));
    await expect(core.methods.login({ staffId: 'nobody', pin: '1234' })).rejects.toMatchObject({
      code: 'STAFF_UNKNOWN',
    });
    await core.close();
  });
});
