// Checks device settings from the set-up screen before anything is opened. Returns clean settings
// or every wrong field with its error code, so the form can mark them all at once.
import {
  baudRates,
  limits,
  printerEncodings,
  serialFramings,
  type DeviceSettings,
  type ErrorCode,
  type PrinterConnection,
  type ScannerConnection,
  type SerialFraming,
  type WedgeSettings,
} from '../contract';

/** One wrong field of a device form; `field` is the form's own field name. */
export interface SettingsProblem {
  field: string;
  code: ErrorCode;
  params?: Record<string, number>;
}

export type SettingsCheck = { ok: true; settings: DeviceSettings } | { ok: false; problems: SettingsProblem[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hostPattern =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** A serial device: an absolute path (/dev/ttyUSB0, /dev/serial/by-id/…, a pty link) or COMn. */
function serialPath(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const path = v.trim();
  if (path.length > 200 || /[\0\n\r]/.test(path)) return null;
  return /^\/[^\0]+$/.test(path) || /^COM\d{1,3}$/i.test(path) ? path : null;
}

/** The USB printer file must be a device under /dev: never a way to write bytes into any file. */
function usbPrinterPath(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const path = v.trim();
  return /^\/dev\/(usb\/)?lp\d{1,2}$/.test(path) ? path : null;
}

const int = (v: unknown, min: number, max: number): number | null =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : null;

const baudRate = (v: unknown): number | null => ((baudRates as readonly unknown[]).includes(v) ? (v as number) : null);

/**
 * Collects problems while a checker reads fields: `need(value, field, code)` passes the value
 * through and records the field when it is null, so one pass finds every wrong field.
 */
function collector() {
  const problems: SettingsProblem[] = [];
  const need = <T>(value: T | null, field: string, code: ErrorCode = 'DEVICE_CONFIG_INVALID'): T | null => {
    if (value === null) problems.push({ field, code });
    return value;
  };
  return { problems, need };
}
type Need = ReturnType<typeof collector>['need'];

function printerConnection(c: unknown, need: Need): PrinterConnection | null {
  if (!isObject(c)) return need(null, 'connection');
  switch (c.type) {
    case 'tcp': {
      const trimmed = typeof c.host === 'string' ? c.host.trim() : '';
      const host = need(hostPattern.test(trimmed) ? trimmed : null, 'host', 'DEVICE_HOST_INVALID');
      const port = need(int(c.port, 1, 65535), 'port', 'DEVICE_PORT_INVALID');
      return host !== null && port !== null ? { type: 'tcp', host, port } : null;
    }
    case 'serial': {
      const path = need(serialPath(c.path), 'path', 'DEVICE_PATH_INVALID');
      const rate = need(baudRate(c.baudRate), 'baudRate');
      return path && rate ? { type: 'serial', path, baudRate: rate } : null;
    }
    case 'usb-file': {
      const path = need(usbPrinterPath(c.path), 'usbPath', 'DEVICE_USB_PATH_INVALID');
      return path ? { type: 'usb-file', path } : null;
    }
    case 'simulator':
      return { type: 'simulator' };
    default:
      return need(null, 'connection');
  }
}

function scannerConnection(c: unknown, need: Need): ScannerConnection | null {
  if (!isObject(c)) return need(null, 'connection');
  switch (c.type) {
    case 'serial': {
      const path = need(serialPath(c.path), 'path', 'DEVICE_PATH_INVALID');
      const rate = need(baudRate(c.baudRate), 'baudRate');
      const framing = need(
        (serialFramings as readonly unknown[]).includes(c.framing) ? (c.framing as SerialFraming) : null,
        'framing',
      );
      return path && rate && framing ? { type: 'serial', path, baudRate: rate, framing } : null;
    }
    case 'hid': {
      const vendorId = need(int(c.vendorId, 0, 0xffff), 'vendorId', 'DEVICE_USB_ID_INVALID');
      const productId = need(int(c.productId, 0, 0xffff), 'productId', 'DEVICE_USB_ID_INVALID');
      const mode = need(c.mode === 'pos' || c.mode === 'keyboard' ? c.mode : null, 'mode');
      return vendorId !== null && productId !== null && mode ? { type: 'hid', vendorId, productId, mode } : null;
    }
    case 'simulator':
      return { type: 'simulator' };
    default:
      return need(null, 'connection');
  }
}

export function checkDeviceSettings(input: unknown): SettingsCheck {
  if (!isObject(input) || (input.kind !== 'printer' && input.kind !== 'scanner'))
    return { ok: false, problems: [{ field: 'kind', code: 'DEVICE_CONFIG_INVALID' }] };
  const { problems, need } = collector();
  const trimmed = typeof input.name === 'string' ? input.name.trim() : '';
  const nameOk = trimmed && [...trimmed].length <= limits.deviceNameMax && !/[\u0000-\u001f\u007f]/.test(trimmed);
  const name = need(nameOk ? trimmed : null, 'name', 'DEVICE_NAME_INVALID');
  if (input.kind === 'printer') {
    const connection = printerConnection(input.connection, need);
    const paperWidth = need(input.paperWidth === 58 || input.paperWidth === 80 ? input.paperWidth : null, 'paperWidth');
    const encoding = need(
      (printerEncodings as readonly unknown[]).includes(input.encoding)
        ? (input.encoding as (typeof printerEncodings)[number])
        : null,
      'encoding',
    );
    if (!name || !connection || !paperWidth || !encoding) return { ok: false, problems };
    return {
      ok: true,
      settings: { kind: 'printer', name, connection, paperWidth, encoding, drawer: input.drawer === true },
    };
  }
  const connection = scannerConnection(input.connection, need);
  if (!name || !connection) return { ok: false, problems };
  return { ok: true, settings: { kind: 'scanner', name, connection } };
}

const wedgeRanges: Record<'minLength' | 'maxAvgGapMs' | 'maxGapMs' | 'burstTimeoutMs', [number, number]> = {
  minLength: [1, 64],
  maxAvgGapMs: [1, 300],
  maxGapMs: [1, 1000],
  burstTimeoutMs: [20, 2000],
};

export type WedgeCheck = { ok: true; settings: Partial<WedgeSettings> } | { ok: false; problems: SettingsProblem[] };

/** Keyboard-wedge timing: whole milliseconds in sane ranges, short printable prefix/suffix. */
export function checkWedgeSettings(input: unknown): WedgeCheck {
  if (!isObject(input)) return { ok: false, problems: [{ field: 'wedge', code: 'DEVICE_CONFIG_INVALID' }] };
  const problems: SettingsProblem[] = [];
  const out: Partial<WedgeSettings> = {};
  for (const key of Object.keys(wedgeRanges) as (keyof typeof wedgeRanges)[]) {
    if (input[key] === undefined) continue;
    const [min, max] = wedgeRanges[key];
    const value = int(input[key], min, max);
    if (value === null) problems.push({ field: key, code: 'WEDGE_RANGE', params: { min, max } });
    else out[key] = value;
  }
  for (const key of ['prefix', 'suffix'] as const) {
    if (input[key] === undefined) continue;
    const value = input[key];
    if (typeof value !== 'string' || value.length > 8 || !/^[\x21-\x7e]*$/.test(value))
      problems.push({ field: key, code: 'WEDGE_AFFIX_INVALID' });
    else out[key] = value;
  }
  if (input.terminators !== undefined) {
    const t = input.terminators;
    if (!Array.isArray(t) || t.length === 0 || !t.every((k) => k === 'Enter' || k === 'Tab'))
      problems.push({ field: 'terminators', code: 'WEDGE_TERMINATOR_REQUIRED' });
    else out.terminators = [...new Set(t as ('Enter' | 'Tab')[])];
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, settings: out };
}
