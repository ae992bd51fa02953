import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLinli } from '../features/app';
import { tempDir } from './support/temp-core';

const temp = tempDir();
afterAll(() => temp.remove());

describe('a terminal started without demo data', () => {
  it('has no store and no staff until its first manager sets it up, then refuses a second set-up', async () => {
    const dir = join(temp.dir, 'empty');
    const core = openLinli({ dataDir: dir, demo: false, host: 'browser' });
    expect(await core.methods.listStaff()).toEqual([]);
    expect((await core.methods.getSession()).store).toBeNull();
    expect((await core.methods.getAppInfo()).demo).toBe(false);

    await expect(
      core.methods.setupTerminal({ storeName: ' ', storeCode: 'SH-001', managerName: '陈静', pin: '2468' }),
    ).rejects.toMatchObject({ code: 'STORE_NAME_INVALID', field: 'storeName' });
    await expect(
      core.methods.setupTerminal({ storeName: '静安店', storeCode: 'x', managerName: '陈静', pin: '2468' }),
    ).rejects.toMatchObject({ code: 'STORE_CODE_INVALID', field: 'storeCode' });
    await expect(
      core.methods.setupTerminal({ storeName: '静安店', storeCode: 'SH-001', managerName: '', pin: '2468' }),
    ).rejects.toMatchObject({ code: 'NAME_REQUIRED', field: 'managerName' });
    await expect(
      core.methods.setupTerminal({ storeName: '静安店', storeCode: 'SH-001', managerName: '陈静', pin: '12' }),
    ).rejects.toMatchObject({ code: 'PIN_FORMAT', field: 'pin' });
    expect(await core.methods.listStaff()).toEqual([]);

    const session = await core.methods.setupTerminal({
      storeName: '静安店',
      storeCode: 'sh-001',
      managerName: '陈静',
      pin: '2468',
    });
    expect(session.staff).toMatchObject({ name: '陈静', role: 'manager' });
    expect(session.store).toMatchObject({ name: '静安店', code: 'SH-001', currency: 'CNY' });
    await expect(
      core.methods.setupTerminal({ storeName: '别的店', storeCode: 'SH-002', managerName: '李雷', pin: '1357' }),
    ).rejects.toMatchObject({ code: 'SETUP_ALREADY_DONE' });
    await core.methods.logout();
    await core.close();

    const reopened = openLinli({ dataDir: dir, demo: false, host: 'browser' });
    const [manager] = await reopened.methods.listStaff();
    expect(manager).toMatchObject({ name: '陈静', role: 'manager' });
    expect((await reopened.methods.login({ staffId: manager!.id, pin: '2468' })).store?.code).toBe('SH-001');
    await reopened.close();
  });
});
