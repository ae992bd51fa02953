import { describe, expect, it } from 'vitest';
import { checkDeviceSettings, checkWedgeSettings } from './device-settings';

const printer = {
  kind: 'printer',
  name: '前台打印机',
  connection: { type: 'tcp', host: '192.168.1.50', port: 9100 },
  paperWidth: 80,
  encoding: 'gb18030',
  drawer: true,
};

describe('device settings', () => {
  it('accepts a network printer and a serial scanner as entered', () => {
    expect(checkDeviceSettings(printer)).toEqual({ ok: true, settings: printer });
    const scanner = {
      kind: 'scanner',
      name: 'Scanner',
      connection: { type: 'serial', path: '/dev/ttyUSB0', baudRate: 9600, framing: 'CRLF' },
    };
    expect(checkDeviceSettings(scanner)).toEqual({ ok: true, settings: scanner });
  });

  it('names the wrong field', () => {
    expect(checkDeviceSettings({ ...printer, name: ' ' })).toEqual({ ok: false, field: 'name' });
    expect(checkDeviceSettings({ ...printer, paperWidth: 76 })).toEqual({ ok: false, field: 'paperWidth' });
    expect(checkDeviceSettings({ ...printer, encoding: 'utf8' })).toEqual({ ok: false, field: 'encoding' });
    expect(checkDeviceSettings({ ...printer, connection: { type: 'tcp', host: 'bad host', port: 9100 } })).toEqual({
      ok: false,
      field: 'connection',
    });
    expect(checkDeviceSettings({ ...printer, connection: { type: 'tcp', host: 'p1', port: 70000 } })).toEqual({
      ok: false,
      field: 'connection',
    });
    expect(
      checkDeviceSettings({
        kind: 'scanner',
        name: 'x',
        connection: { type: 'serial', path: '/dev/ttyS0', baudRate: 1234, framing: 'CR' },
      }),
    ).toEqual({ ok: false, field: 'connection' });
    expect(checkDeviceSettings({ kind: 'drawer', name: 'x' })).toEqual({ ok: false, field: 'kind' });
    expect(checkDeviceSettings(null)).toEqual({ ok: false, field: 'kind' });
  });

  it('lets the USB printer file be a printer device only, never any file', () => {
    expect(checkDeviceSettings({ ...printer, connection: { type: 'usb-file', path: '/dev/usb/lp0' } }).ok).toBe(true);
    expect(
      checkDeviceSettings({ ...printer, connection: { type: 'usb-file', path: '/home/shop/linli.sqlite' } }).ok,
    ).toBe(false);
    expect(checkDeviceSettings({ ...printer, connection: { type: 'usb-file', path: '/dev/usb/../sda' } }).ok).toBe(
      false,
    );
  });
});

describe('keyboard-wedge settings', () => {
  it('keeps what the manager set, in range', () => {
    expect(
      checkWedgeSettings({ maxAvgGapMs: 60, maxGapMs: 120, prefix: '#', terminators: ['Enter', 'Enter'] }),
    ).toEqual({
      ok: true,
      settings: { maxAvgGapMs: 60, maxGapMs: 120, prefix: '#', terminators: ['Enter'] },
    });
  });

  it('names the wrong field', () => {
    expect(checkWedgeSettings({ minLength: 0 })).toEqual({ ok: false, field: 'minLength' });
    expect(checkWedgeSettings({ burstTimeoutMs: 5 })).toEqual({ ok: false, field: 'burstTimeoutMs' });
    expect(checkWedgeSettings({ maxGapMs: 12.5 })).toEqual({ ok: false, field: 'maxGapMs' });
    expect(checkWedgeSettings({ suffix: 'a b' })).toEqual({ ok: false, field: 'suffix' });
    expect(checkWedgeSettings({ terminators: [] })).toEqual({ ok: false, field: 'terminators' });
    expect(checkWedgeSettings({ terminators: ['Escape'] })).toEqual({ ok: false, field: 'terminators' });
  });
});
