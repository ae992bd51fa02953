// Hardware: scanners, receipt printers, cash drawer, print queue, device set-up.
import type {
  DeviceConfig,
  DeviceSettings,
  DeviceStatus,
  DiscoveredDevices,
  MemberQrCode,
  PrintJobInfo,
  PrinterSummary,
  WedgeSettings,
} from './device-types';
import type { ScanOutcome } from './types';

export interface DeviceMethods {
  /** Every configured device with its live status (any logged-in staff). */
  listDevices(): Promise<DeviceStatus[]>;
  /** The header's printer glance (any logged-in staff). */
  getPrinterSummary(): Promise<PrinterSummary>;
  /** Serial ports and HID devices on this machine (manager). */
  discoverDevices(): Promise<DiscoveredDevices>;
  /** Saved configuration (manager). */
  listDeviceConfigs(): Promise<DeviceConfig[]>;
  /** Adds (no id) or changes a device; it is reopened at once (manager). */
  saveDevice(input: { id?: string | null; enabled?: boolean; settings: DeviceSettings }): Promise<DeviceConfig>;
  removeDevice(input: { id: string }): Promise<DeviceStatus[]>;
  /** Queues a test page with Chinese text and a QR code for the printer (manager). */
  testPrint(input: { printerId?: string | null }): Promise<PrintJobInfo>;
  /** Feeds text through a simulated scanner, exactly as a real scanner's data would arrive. */
  injectScan(input: { deviceId: string; text: string; symbology?: string }): Promise<ScanOutcome | null>;
  /** Kicks the cash drawer on the printer that has one. */
  openDrawer(): Promise<void>;
  listPrintJobs(input?: { limit?: number }): Promise<PrintJobInfo[]>;
  /** What a job looks like on paper, line by line, for the queue's preview. */
  getPrintJobPreview(input: { jobId: string }): Promise<{ job: PrintJobInfo; lines: string[] }>;
  /** Prints a stored job again as a new job marked as a copy. */
  reprintJob(input: { jobId: string }): Promise<PrintJobInfo>;
  /** The member's current phone QR code (rotates every minute). */
  getMemberQr(input: { memberId: string }): Promise<MemberQrCode>;
  /** A welcome slip with the member's card and a QR code. */
  printWelcomeSlip(input: { memberId: string }): Promise<PrintJobInfo>;
  /** Keyboard-wedge timing the manager changed (empty: the defaults); readable before login. */
  getWedgeSettings(): Promise<Partial<WedgeSettings>>;
  saveWedgeSettings(input: Partial<WedgeSettings>): Promise<Partial<WedgeSettings>>;
}

export const deviceMethodNames = [
  'listDevices',
  'getPrinterSummary',
  'discoverDevices',
  'listDeviceConfigs',
  'saveDevice',
  'removeDevice',
  'testPrint',
  'injectScan',
  'openDrawer',
  'listPrintJobs',
  'getPrintJobPreview',
  'reprintJob',
  'getMemberQr',
  'printWelcomeSlip',
  'getWedgeSettings',
  'saveWedgeSettings',
] as const satisfies readonly (keyof DeviceMethods)[];

export interface DeviceEvents {
  /** One device's status changed (opened, lost, back, paper out...). */
  deviceStatus: DeviceStatus;
  /** The printer glance changed (status or queue length). */
  printerStatus: PrinterSummary;
  /** A print job was queued, started, finished or failed. */
  printJob: PrintJobInfo;
  /** A manager changed the keyboard-wedge timing: every window applies it at once. */
  wedgeSettings: Partial<WedgeSettings>;
}
