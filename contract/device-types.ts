// Devices as the UI and the core see them: configuration, live status, print jobs. Plain JSON.
import type { ReceiptKind } from './receipt';

export type DeviceKind = 'printer' | 'scanner';

/** UnifiedPOS-like states: closed (not opened), idle (ready), busy (working), error (needs help). */
export type DeviceState = 'closed' | 'idle' | 'busy' | 'error';

/** What the printer last said about itself (DLE EOT), or 'unknown' when it does not answer. */
export type PrinterHealth = 'online' | 'offline' | 'coverOpen' | 'paperNearEnd' | 'paperOut' | 'unknown';

export type PaperWidth = 58 | 80;
/** GB18030 puts the printer in Chinese mode; the code pages are for printers without a Chinese font. */
export const printerEncodings = ['gb18030', 'cp437', 'cp858', 'cp1252'] as const;
export type PrinterEncoding = (typeof printerEncodings)[number];

export const serialFramings = ['CR', 'LF', 'CRLF'] as const;
export type SerialFraming = (typeof serialFramings)[number];

export const baudRates = [9600, 19200, 38400, 57600, 115200] as const;

export type PrinterConnection =
  | { type: 'tcp'; host: string; port: number }
  | { type: 'serial'; path: string; baudRate: number }
  | { type: 'usb-file'; path: string }
  /** The built-in simulated printer (demo mode, training): decodes what it gets, prints nothing. */
  | { type: 'simulator' };

export type ScannerConnection =
  | { type: 'serial'; path: string; baudRate: number; framing: SerialFraming }
  | { type: 'hid'; vendorId: number; productId: number; mode: 'pos' | 'keyboard' }
  /** Scans injected from the set-up screen or a test: the same path as a real scanner. */
  | { type: 'simulator' };

export interface PrinterSettings {
  kind: 'printer';
  name: string;
  connection: PrinterConnection;
  paperWidth: PaperWidth;
  encoding: PrinterEncoding;
  /** A cash drawer hangs off this printer's drawer port. */
  drawer: boolean;
}

export interface ScannerSettings {
  kind: 'scanner';
  name: string;
  connection: ScannerConnection;
}

export type DeviceSettings = PrinterSettings | ScannerSettings;

export type DeviceConfig = DeviceSettings & { id: string; enabled: boolean };

export interface DeviceStatus {
  id: string;
  kind: DeviceKind;
  name: string;
  /** e.g. "tcp 127.0.0.1:9100", "serial /dev/ttyUSB0 9600" */
  connection: string;
  enabled: boolean;
  state: DeviceState;
  /** Printers only. */
  health: PrinterHealth | null;
  /** Why the device is in error or closed, as a short code the UI translates (devices.problem.*). */
  problem: DeviceProblem | null;
  /** Technical detail for the set-up screen (an OS error message), never shown to customers. */
  detail: string | null;
  since: string;
  capabilities: { drawer: boolean; status: boolean; cut: boolean };
}

export type DeviceProblem =
  'unreachable' | 'disconnected' | 'unavailable' | 'noPermission' | 'offline' | 'coverOpen' | 'paperOut';

export type PrintJobStatus = 'queued' | 'printing' | 'done' | 'failed';

export interface PrintJobInfo {
  id: string;
  kind: ReceiptKind;
  title: string;
  status: PrintJobStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  printedAt: string | null;
  printerId: string | null;
  reprintOf: string | null;
}

/** The header's glance: is printing fine, and how many receipts wait. */
export interface PrinterSummary {
  configured: boolean;
  state: DeviceState | null;
  health: PrinterHealth | null;
  problem: DeviceProblem | null;
  queued: number;
}

export interface DiscoveredSerialPort {
  path: string;
  manufacturer: string | null;
  vendorId: string | null;
  productId: string | null;
}

export interface DiscoveredHidDevice {
  path: string;
  vendorId: number;
  productId: number;
  product: string | null;
  manufacturer: string | null;
  /** 0x8C = HID POS barcode scanner; 0x01 with usage 6 = keyboard (a scanner in keyboard mode). */
  usagePage: number | null;
  usage: number | null;
}

export interface DiscoveredDevices {
  serialPorts: DiscoveredSerialPort[];
  hid: DiscoveredHidDevice[];
  /** null when HID works; otherwise why it cannot (e.g. a missing system library). */
  hidProblem: string | null;
}

/** What a member's phone (or a welcome slip) shows: a signed code valid for about a minute. */
export interface MemberQrCode {
  memberId: string;
  token: string;
  /** When the next code replaces this one (ISO). */
  refreshAt: string;
  periodSeconds: number;
}

/**
 * Keyboard-wedge scanner timing, set by a manager when a scanner is slower or faster than usual.
 * Only the values a manager changed are stored; the renderer's defaults fill the rest.
 */
export interface WedgeSettings {
  minLength: number;
  maxAvgGapMs: number;
  maxGapMs: number;
  burstTimeoutMs: number;
  prefix: string;
  suffix: string;
  terminators: ('Enter' | 'Tab')[];
}
