// The set-up screen's forms as plain data, and how they become device settings for the API.
// The core checks the settings (domain/device-settings.ts); this only shapes them.
import type { DeviceConfig, DeviceSettings, PrinterEncoding, SerialFraming } from '../../contract';

export interface PrinterForm {
  name: string;
  connection: 'tcp' | 'serial' | 'usb-file' | 'simulator';
  host: string;
  port: string;
  path: string;
  baudRate: string;
  usbPath: string;
  paperWidth: '58' | '80';
  encoding: PrinterEncoding;
  drawer: boolean;
}

export interface ScannerForm {
  name: string;
  connection: 'serial' | 'hid' | 'simulator';
  path: string;
  baudRate: string;
  framing: SerialFraming;
  vendorId: string;
  productId: string;
  mode: 'pos' | 'keyboard';
}

export const emptyPrinterForm: PrinterForm = {
  name: '',
  connection: 'tcp',
  host: '',
  port: '9100',
  path: '',
  baudRate: '9600',
  usbPath: '/dev/usb/lp0',
  paperWidth: '80',
  encoding: 'gb18030',
  drawer: false,
};

export const emptyScannerForm: ScannerForm = {
  name: '',
  connection: 'serial',
  path: '',
  baudRate: '9600',
  framing: 'CRLF',
  vendorId: '',
  productId: '',
  mode: 'pos',
};

const int = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN);
const hex = (text: string) =>
  /^(0x)?[0-9a-f]{1,4}$/i.test(text.trim()) ? parseInt(text.trim().replace(/^0x/i, ''), 16) : NaN;

export function printerSettings(form: PrinterForm): DeviceSettings {
  const connection =
    form.connection === 'tcp'
      ? { type: 'tcp' as const, host: form.host.trim(), port: int(form.port) }
      : form.connection === 'serial'
        ? { type: 'serial' as const, path: form.path.trim(), baudRate: int(form.baudRate) }
        : form.connection === 'usb-file'
          ? { type: 'usb-file' as const, path: form.usbPath.trim() }
          : { type: 'simulator' as const };
  return {
    kind: 'printer',
    name: form.name.trim(),
    connection,
    paperWidth: form.paperWidth === '58' ? 58 : 80,
    encoding: form.encoding,
    drawer: form.drawer,
  };
}

export function scannerSettings(form: ScannerForm): DeviceSettings {
  const connection =
    form.connection === 'serial'
      ? { type: 'serial' as const, path: form.path.trim(), baudRate: int(form.baudRate), framing: form.framing }
      : form.connection === 'hid'
        ? { type: 'hid' as const, vendorId: hex(form.vendorId), productId: hex(form.productId), mode: form.mode }
        : { type: 'simulator' as const };
  return { kind: 'scanner', name: form.name.trim(), connection };
}

/** The settings part of a saved device, to switch it on or off unchanged. */
export function settingsOf(config: DeviceConfig): DeviceSettings {
  const { id: _id, enabled: _enabled, ...settings } = config;
  return settings as DeviceSettings;
}

export const hex4 = (n: number) => n.toString(16).padStart(4, '0');
