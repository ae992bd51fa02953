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

  it('names every wrong field at once, each with its own message', () => {
    const fields = (input: unknown) => {
      const check = checkDeviceSettings(input);
      return check.ok ? [] : check.problems;
    };
    expect(fields({ ...printer, name: ' ' })).toEqual([{ field: 'name', code: 'DEVICE_NAME_INVALID' }]);
    expect(fields({ ...printer, paperWidth: 76 })).toEqual([{ field: 'paperWidth', code: 'DEVICE_CONFIG_INVALID' }]);
    expect(fields({ ...printer, encoding: 'utf8' })).toEqual([{ field: 'encoding', code: 'DEVICE_CONFIG_INVALID' }]);
    expect(fields({ ...printer, connection: { type: 'tcp', host: 'p1', port: 70000 } })).toEqual([
      { field: 'port', code: 'DEVICE_PORT_INVALID' },
    ]);
    // The empty network-printer form: its name, host and port are all marked, not only the first.
    expect(fields({ ...printer, name: '', connection: { type: 'tcp', host: 'bad host', port: null } })).toEqual([
      { field: 'name', code: 'DEVICE_NAME_INVALID' },
      { field: 'host', code: 'DEVICE_HOST_INVALID' },
      { field: 'port', code: 'DEVICE_PORT_INVALID' },
    ]);
    expect(
      fields({
        kind: 'scanner',
        name: 'x',
        connection: { type: 'serial', path: 'ttyS0', baudRate: 1234, framing: 'CR' },
      }),
    ).toEqual([
      { field: 'path', code: 'DEVICE_PATH_INVALID' },
      { field: 'baudRate', code: 'DEVICE_CONFIG_INVALID' },
    ]);
    expect(
      fields({ kind: 'scanner', name: 'x', connection: { type: 'hid', vendorId: -1, productId: 1, mode: 'pos' } }),
    ).toEqual([{ field: 'vendorId', code: 'DEVICE_USB_ID_INVALID' }]);
    expect(fields({ kind: 'drawer', name: 'x' })).toEqual([{ field: 'kind', code: 'DEVICE_CONFIG_INVALID' }]);
    expect(fields(null)).toEqual([{ field: 'kind', code: 'DEVICE_CONFIG_INVALID' }]);
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

  it('names every wrong field, with the range it must be in', () => {
    const problems = (input: unknown) => {
      const check = checkWedgeSettings(input);
      return check.ok ? [] : check.problems;
    };
    expect(problems({ minLength: 0, burstTimeoutMs: 5 })).toEqual([
      { field: 'minLength', code: 'WEDGE_RANGE', params: { min: 1, max: 64 } },
      { field: 'burstTimeoutMs', code: 'WEDGE_RANGE', params: { min: 20, max: 2000 } },
    ]);
    expect(problems({ maxGapMs: 12.5 })).toEqual([
      { field: 'maxGapMs', code: 'WEDGE_RANGE', params: { min: 1, max: 1000 } },
    ]);
    expect(problems({ suffix: 'a b' })).toEqual([{ field: 'suffix', code: 'WEDGE_AFFIX_INVALID' }]);
    expect(problems({ terminators: [] })).toEqual([{ field: 'terminators', code: 'WEDGE_TERMINATOR_REQUIRED' }]);
    expect(problems({ terminators: ['Escape'] })).toEqual([
      { field: 'terminators', code: 'WEDGE_TERMINATOR_REQUIRED' },
    ]);
  });
});
