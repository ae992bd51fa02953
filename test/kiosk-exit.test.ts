// Leaving the locked kiosk (issue 11): only a manager's PIN asks the host to close the window; a
// cashier is refused without a PIN check; wrong PINs count towards the login's lockout; the exit is
// audited. And the core's busy(), which holds an update back while someone uses the terminal.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LinliCore } from '../features/app';
import { databaseFileName, openLinli } from '../features/app';
import { openDatabase } from '../db/open';
import { createRepositories } from '../db/repositories';
import { demoMember } from './support/loyalty';
import { loginAs, tempDir } from './support/temp-core';

const temps: { remove(): void }[] = [];
const cores: LinliCore[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const temp of temps.splice(0)) temp.remove();
});

function open(opts: { role?: 'self-service'; windowToClose?: boolean; closeFails?: boolean } = {}) {
  const temp = tempDir('linli-kiosk-exit-');
  temps.push(temp);
  const exits: string[] = [];
  const core = openLinli({
    dataDir: temp.dir,
    demo: true,
    host: 'browser',
    ...(opts.role ? { role: opts.role } : {}),
    shell: {
      exit: (by) => {
        exits.push(by.name);
        if (opts.closeFails) return Promise.reject(new Error('systemctl: Failed to connect to bus'));
        return opts.windowToClose ?? true;
      },
    },
  });
  cores.push(core);
  return { core, exits, dataDir: temp.dir };
}

async function staffId(core: LinliCore, role: 'cashier' | 'manager') {
  return (await core.methods.listStaff()).find((s) => s.role === role)!.id;
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (e: { code?: string }) => e.code,
  );

describe('exitKiosk', () => {
  it("closes the window with a manager's PIN, logs nobody in, and audits it", async () => {
    const { core, exits, dataDir } = open();
    const manager = await staffId(core, 'manager');
    expect(await core.methods.exitKiosk({ staffId: manager, pin: '9999' })).toEqual({ closing: true });
    expect(exits).toEqual(['李娜 Li Na']);
    expect((await core.methods.getSession()).staff).toBeNull();
    await core.close();
    cores.length = 0;
    const db = openDatabase(join(dataDir, databaseFileName));
    const actions = createRepositories(db)
      .audit.recent(5)
      .map((e) => e.action);
    db.close();
    expect(actions[0]).toBe('kiosk_exit');
  });

  it('answers closing: false where the host has no kiosk window', async () => {
    const { core, exits } = open({ windowToClose: false });
    expect(await core.methods.exitKiosk({ staffId: await staffId(core, 'manager'), pin: '9999' })).toEqual({
      closing: false,
    });
    expect(exits).toEqual(['李娜 Li Na']);
  });

  it('says so when the host could not close the window, instead of claiming it is closing', async () => {
    const { core, exits } = open({ closeFails: true });
    const manager = await staffId(core, 'manager');
    expect(await codeOf(core.methods.exitKiosk({ staffId: manager, pin: '9999' }))).toBe('KIOSK_EXIT_FAILED');
    expect(exits).toEqual(['李娜 Li Na']);
    // The PIN was right: it does not count towards the lockout, so the manager can try again.
    expect(await codeOf(core.methods.exitKiosk({ staffId: manager, pin: '9999' }))).toBe('KIOSK_EXIT_FAILED');
    expect(await codeOf(core.methods.login({ staffId: manager, pin: '9999' }))).toBe('resolved');
  });

  it("refuses a cashier without checking the PIN, so it cannot lock the cashier's login", async () => {
    const { core, exits } = open();
    const cashier = await staffId(core, 'cashier');
    for (let i = 0; i < 6; i++)
      expect(await codeOf(core.methods.exitKiosk({ staffId: cashier, pin: '0000' }))).toBe('KIOSK_EXIT_MANAGER_ONLY');
    expect(await codeOf(core.methods.exitKiosk({ staffId: cashier, pin: '1234' }))).toBe('KIOSK_EXIT_MANAGER_ONLY');
    expect(exits).toEqual([]);
    expect((await loginAs(core, 'cashier')).staff?.name).toBe('张伟 Zhang Wei');
  });

  it("counts wrong PINs towards the manager's login lockout", async () => {
    const { core, exits } = open();
    const manager = await staffId(core, 'manager');
    expect(await codeOf(core.methods.exitKiosk({ staffId: manager, pin: '12' }))).toBe('PIN_FORMAT');
    for (let i = 0; i < 4; i++)
      expect(await codeOf(core.methods.exitKiosk({ staffId: manager, pin: '0000' }))).toBe('PIN_WRONG');
    expect(await codeOf(core.methods.exitKiosk({ staffId: manager, pin: '0000' }))).toBe('STAFF_LOCKED');
    // Locked now: the right PIN opens neither the kiosk nor the login.
    expect(await codeOf(core.methods.exitKiosk({ staffId: manager, pin: '9999' }))).toBe('STAFF_LOCKED');
    expect(await codeOf(core.methods.login({ staffId: manager, pin: '9999' }))).toBe('STAFF_LOCKED');
    expect(exits).toEqual([]);
  });

  it('refuses an unknown staff id', async () => {
    const { core } = open();
    expect(await codeOf(core.methods.exitKiosk({ staffId: 'nobody', pin: '9999' }))).toBe('STAFF_UNKNOWN');
  });
});

describe('busy (an update waits)', () => {
  it('is busy while staff are logged in, and free after they log out', async () => {
    const { core } = open();
    expect(core.busy()).toBe(false);
    await loginAs(core, 'cashier');
    expect(core.busy()).toBe(true);
    await core.methods.logout();
    expect(core.busy()).toBe(false);
  });

  it('is busy while a customer is at the self-service screens', async () => {
    const { core } = open({ role: 'self-service' });
    expect(core.busy()).toBe(false);
    await core.methods.startCustomer({ text: demoMember.card, source: 'wedge' });
    expect(core.busy()).toBe(true);
    await core.methods.endCustomer();
    expect(core.busy()).toBe(false);
  });

  it('is busy while a receipt is still waiting to print, and free once it printed', async () => {
    const { core } = open();
    await loginAs(core, 'manager');
    // The demo's simulated printer, switched off: the job waits in the queue.
    const { id, enabled: _, ...settings } = (await core.methods.listDeviceConfigs()).find((d) => d.kind === 'printer')!;
    await core.methods.saveDevice({ id, enabled: false, settings });
    await core.methods.testPrint({ printerId: id });
    await core.methods.logout();
    expect(core.busy()).toBe(true);
    await loginAs(core, 'manager');
    await core.methods.saveDevice({ id, enabled: true, settings });
    await core.methods.logout();
    await expect.poll(() => core.busy()).toBe(false);
  });
});
