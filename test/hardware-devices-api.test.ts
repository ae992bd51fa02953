import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LinliCore } from '../features/app';
import { waitForEvent } from './support/device-events';
import { loginAs, openTestCore, tempDir } from './support/temp-core';

let core: LinliCore;
let temp: ReturnType<typeof tempDir>;

beforeEach(() => {
  temp = tempDir();
  core = openTestCore(temp.dir);
});
afterEach(async () => {
  await core.close();
  temp.remove();
});

describe('device set-up through the API', () => {
  it('demo mode starts with a ready simulated printer and scanner; the header glance says ready', async () => {
    await loginAs(core, 'cashier');
    const devices = await core.methods.listDevices();
    expect(devices.map((d) => [d.kind, d.connection, d.state])).toEqual([
      ['printer', 'simulator', 'idle'],
      ['scanner', 'simulator', 'idle'],
    ]);
    expect(await core.methods.getPrinterSummary()).toEqual({
      configured: true,
      state: 'idle',
      health: 'online',
      problem: null,
      queued: 0,
    });
    // Cashiers use devices, managers set them up.
    await expect(core.methods.discoverDevices()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a HID scanner that cannot be opened here is a status, not a crash', async () => {
    await loginAs(core, 'manager');
    const found = await core.methods.discoverDevices();
    expect(Array.isArray(found.serialPorts)).toBe(true);
    const failed = waitForEvent(
      core,
      'deviceStatus',
      (s) => s.kind === 'scanner' && s.connection.startsWith('hid') && s.state === 'error',
    );
    const saved = await core.methods.saveDevice({
      settings: {
        kind: 'scanner',
        name: 'Honeywell',
        connection: { type: 'hid', vendorId: 0x0c2e, productId: 0x0b61, mode: 'pos' },
      },
    });
    const status = await failed;
    // Without libusb node-hid cannot load ("unavailable"); with it, no such scanner is plugged in.
    expect(found.hidProblem ? 'unavailable' : 'disconnected').toBe(status.problem);
    const after = await core.methods.removeDevice({ id: saved.id });
    expect(after.some((d) => d.id === saved.id)).toBe(false);
    await expect(core.methods.removeDevice({ id: saved.id })).rejects.toMatchObject({ code: 'DEVICE_UNKNOWN' });
  });

  it('keyboard-wedge timing: a manager changes it, every window hears it, bad values change nothing', async () => {
    expect(await core.methods.getWedgeSettings()).toEqual({});
    await loginAs(core, 'manager');
    const heard = waitForEvent(core, 'wedgeSettings');
    await core.methods.saveWedgeSettings({ maxAvgGapMs: 60, maxGapMs: 120, terminators: ['Enter'] });
    expect(await heard).toEqual({ maxAvgGapMs: 60, maxGapMs: 120, terminators: ['Enter'] });
    await expect(core.methods.saveWedgeSettings({ minLength: 0 })).rejects.toMatchObject({
      code: 'WEDGE_RANGE',
      field: 'minLength',
    });
    expect(await core.methods.getWedgeSettings()).toEqual({ maxAvgGapMs: 60, maxGapMs: 120, terminators: ['Enter'] });
    await loginAs(core, 'cashier');
    await expect(core.methods.saveWedgeSettings({ minLength: 8 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('the simulated scanner feeds the scan path; a switched-off scanner delivers nothing', async () => {
    await loginAs(core, 'manager');
    const scanner = (await core.methods.listDeviceConfigs()).find((c) => c.kind === 'scanner')!;
    await expect(core.methods.injectScan({ deviceId: scanner.id, text: 'HELLO-1' })).rejects.toMatchObject({
      code: 'SCAN_NOT_RECOGNISED',
    });
    await core.methods.saveDevice({
      id: scanner.id,
      enabled: false,
      settings: { kind: 'scanner', name: scanner.name, connection: { type: 'simulator' } },
    });
    await expect(core.methods.injectScan({ deviceId: scanner.id, text: 'HELLO-2' })).rejects.toMatchObject({
      code: 'DEVICE_UNKNOWN',
    });
  });
});
