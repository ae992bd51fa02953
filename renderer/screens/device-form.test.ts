import { describe, expect, it } from 'vitest';
import { emptyPrinterForm, emptyScannerForm, printerSettings, scannerSettings, settingsOf } from './device-form';

describe('device set-up forms', () => {
  it('a network printer form becomes TCP settings with a numeric port', () => {
    expect(
      printerSettings({
        ...emptyPrinterForm,
        name: ' 前台 ',
        host: ' 192.168.1.9 ',
        port: '9100',
        paperWidth: '58',
        drawer: true,
      }),
    ).toEqual({
      kind: 'printer',
      name: '前台',
      connection: { type: 'tcp', host: '192.168.1.9', port: 9100 },
      paperWidth: 58,
      encoding: 'gb18030',
      drawer: true,
    });
  });

  it('a bad port stays bad (the core names the field) instead of becoming 0', () => {
    const s = printerSettings({ ...emptyPrinterForm, name: 'x', host: 'h', port: '91a' });
    expect(s.kind === 'printer' && s.connection.type === 'tcp' && Number.isNaN(s.connection.port)).toBe(true);
  });

  it('HID ids are typed in hex, as lsusb shows them', () => {
    expect(
      scannerSettings({
        ...emptyScannerForm,
        name: 'S',
        connection: 'hid',
        vendorId: '0c2e',
        productId: '0x0b61',
        mode: 'pos',
      }),
    ).toEqual({
      kind: 'scanner',
      name: 'S',
      connection: { type: 'hid', vendorId: 0x0c2e, productId: 0x0b61, mode: 'pos' },
    });
  });

  it('a saved device goes back as settings without id and enabled', () => {
    expect(
      settingsOf({ id: '1', enabled: true, kind: 'scanner', name: 'S', connection: { type: 'simulator' } }),
    ).toEqual({ kind: 'scanner', name: 'S', connection: { type: 'simulator' } });
  });
});
