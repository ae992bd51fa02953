// Checks device settings from the set-up screen before anything is opened. Returns clean settings
// or the name of the first wrong field.
import {
  baudRates,
  printerEncodings,
  serialFramings,
  type DeviceSettings,
  type PrinterConnection,
  type ScannerConnection,
  type SerialFraming,
  type WedgeSettings,
} from '../contract';

export type SettingsCheck = { ok: true; settings: DeviceSettings } | { ok: false; field: string };

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

function printerConnection(c: unknown): PrinterConnection | null {
  if (!isObject(c)) return null;
  switch (c.type) {
    case 'tcp': {
      const host = typeof c.host === 'string' ? c.host.trim() : '';
      const port = int(c.port, 1, 65535);
      return hostPattern.test(host) && port !== null ? { type: 'tcp', host, port } : null;
    }
    case 'serial': {
      const path = serialPath(c.path);
      const baudRate = (baudRates as readonly number[]).includes(c.baudRate as number) ? (c.baudRate as number) : null;
      return path && baudRate ? { type: 'serial', path, baudRate } : null;
    }
    case 'usb-file': {
      const path = usbPrinterPath(c.path);
      return path ? { type: 'usb-file', path } : null;
    }
    case 'simulator':
      return { type: 'simulator' };
    default:
      return null;
  }
}

function scannerConnection(c: unknown): ScannerConnection | null {
  if (!isObject(c)) return null;
  switch (c.type) {
    case 'serial': {
      const path = serialPath(c.path);
      const baudRate = (baudRates as readonly number[]).includes(c.baudRate as number) ? (c.baudRate as number) : null;
      const framing = (serialFramings as readonly unknown[]).includes(c.framing) ? (c.framing as SerialFraming) : null;
      return path && baudRate && framing ? { type: 'serial', path, baudRate, framing } : null;
    }
    case 'hid': {
      const vendorId = int(c.vendorId, 0, 0xffff);
      const productId = int(c.productId, 0, 0xffff);
      const mode = c.mode === 'pos' || c.mode === 'keyboard' ? c.mode : null;
      return vendorId !== null && productId !== null && mode ? { type: 'hid', vendorId, productId, mode } : null;
    }
    case 'simulator':
      return { type: 'simulator' };
    default:
      return null;
  }
}

export const deviceNameMax = 40;

export function checkDeviceSettings(input: unknown): SettingsCheck {
  if (!isObject(input)) return { ok: false, field: 'kind' };
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (!name || [...name].length > deviceNameMax || /[\u0000-\u001f\u007f]/.test(name))
    return { ok: false, field: 'name' };
  if (input.kind === 'printer') {
    const connection = printerConnection(input.connection);
    if (!connection) return { ok: false, field: 'connection' };
    if (input.paperWidth !== 58 && input.paperWidth !== 80) return { ok: false, field: 'paperWidth' };
    if (!(printerEncodings as readonly unknown[]).includes(input.encoding)) return { ok: false, field: 'encoding' };
    return {
      ok: true,
      settings: {
        kind: 'printer',
        name,
        connection,
        paperWidth: input.paperWidth,
        encoding: input.encoding as (typeof printerEncodings)[number],
        drawer: input.drawer === true,
      },
    };
  }
  if (input.kind === 'scanner') {
    const connection = scannerConnection(input.connection);
    if (!connection) return { ok: false, field: 'connection' };
    return { ok: true, settings: { kind: 'scanner', name, connection } };
  }
  return { ok: false, field: 'kind' };
}

const wedgeRanges: Record<'minLength' | 'maxAvgGapMs' | 'maxGapMs' | 'burstTimeoutMs', [number, number]> = {
  minLength: [1, 64],
  maxAvgGapMs: [1, 300],
  maxGapMs: [1, 1000],
  burstTimeoutMs: [20, 2000],
};

export type WedgeCheck = { ok: true; settings: Partial<WedgeSettings> } | { ok: false; field: string };

/** Keyboard-wedge timing: whole milliseconds in sane ranges, short printable prefix/suffix. */
export function checkWedgeSettings(input: unknown): WedgeCheck {
  if (!isObject(input)) return { ok: false, field: 'wedge' };
  const out: Partial<WedgeSettings> = {};
  for (const key of Object.keys(wedgeRanges) as (keyof typeof wedgeRanges)[]) {
    if (input[key] === undefined) continue;
    const [min, max] = wedgeRanges[key];
    const value = int(input[key], min, max);
    if (value === null) return { ok: false, field: key };
    out[key] = value;
  }
  for (const key of ['prefix', 'suffix'] as const) {
    if (input[key] === undefined) continue;
    const value = input[key];
    if (typeof value !== 'string' || value.length > 8 || !/^[\x21-\x7e]*$/.test(value))
      return { ok: false, field: key };
    out[key] = value;
  }
  if (input.terminators !== undefined) {
    const t = input.terminators;
    if (!Array.isArray(t) || t.length === 0 || !t.every((k) => k === 'Enter' || k === 'Tab'))
      return { ok: false, field: 'terminators' };
    out.terminators = [...new Set(t as ('Enter' | 'Tab')[])];
  }
  return { ok: true, settings: out };
}
