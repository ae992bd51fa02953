// Hardware: scanners, receipt printers, cash drawer, print queue, device set-up.
import { z } from 'zod';
import { methodsOf } from './method';
import { fail, id, noInput, text } from './schema-kit';
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

const m = methodsOf('devices');

const jobId = id('PRINT_JOB_UNKNOWN');
const memberId = id('MEMBER_UNKNOWN');
// Device settings are checked field by field by domain/device-settings.ts, which names the wrong
// field for the set-up form; the schema only says what arrives is an object.
const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
const settingsObject = <T>() => z.custom<T>(isObject, fail('DEVICE_CONFIG_INVALID', { field: 'settings' }));

export const deviceMethods = {
  /** Every configured device with its live status. */
  listDevices: m.staff(noInput).returns<DeviceStatus[]>(),
  /** The header's printer glance. */
  getPrinterSummary: m.staff(noInput).returns<PrinterSummary>(),
  /** Serial ports and HID devices on this machine. */
  discoverDevices: m.manager(noInput).returns<DiscoveredDevices>(),
  listDeviceConfigs: m.manager(noInput).returns<DeviceConfig[]>(),
  /** Adds (no id) or changes a device; it is reopened at once. */
  saveDevice: m
    .manager(
      z.object({
        id: id('DEVICE_UNKNOWN').nullish(),
        enabled: z.boolean(fail('DEVICE_CONFIG_INVALID', { field: 'enabled' })).optional(),
        settings: settingsObject<DeviceSettings>(),
      }),
    )
    .returns<DeviceConfig>(),
  removeDevice: m.manager(z.object({ id: id('DEVICE_UNKNOWN') })).returns<DeviceStatus[]>(),
  /** Queues a test page with Chinese text and a QR code for the printer. */
  testPrint: m.manager(z.object({ printerId: id('DEVICE_UNKNOWN').nullish() })).returns<PrintJobInfo>(),
  /** Feeds text through a simulated scanner, exactly as a real scanner's data would arrive. */
  injectScan: m
    .staff(
      z.object({
        deviceId: id('DEVICE_UNKNOWN'),
        text: text('SCAN_INVALID', { max: 4096, malformed: 'SCAN_INVALID' }),
        symbology: text('SCAN_INVALID', { max: 64 }).optional(),
      }),
    )
    .returns<ScanOutcome | null>(),
  /** Kicks the cash drawer on the printer that has one. */
  openDrawer: m.staff(noInput).returns<void>(),
  listPrintJobs: m
    .staff(z.object({ limit: z.number(fail('INVALID_INPUT', { field: 'limit' })).optional() }).optional())
    .returns<PrintJobInfo[]>(),
  /** What a job looks like on paper, line by line, for the queue's preview. */
  getPrintJobPreview: m.staff(z.object({ jobId })).returns<{ job: PrintJobInfo; lines: string[] }>(),
  /** Prints a stored job again as a new job marked as a copy. */
  reprintJob: m.staff(z.object({ jobId })).returns<PrintJobInfo>(),
  /** The member's current phone QR code (rotates every minute). */
  getMemberQr: m.staff(z.object({ memberId })).returns<MemberQrCode>(),
  /** A welcome slip with the member's card and a QR code. */
  printWelcomeSlip: m.staff(z.object({ memberId })).returns<PrintJobInfo>(),
  /** Keyboard-wedge timing the manager changed (empty: the defaults); readable before login. */
  getWedgeSettings: m.anyone(noInput).returns<Partial<WedgeSettings>>(),
  // Checked by domain/device-settings.ts (checkWedgeSettings), which names the wrong field.
  saveWedgeSettings: m.manager(settingsObject<Partial<WedgeSettings>>()).returns<Partial<WedgeSettings>>(),
};

export type { DeviceSettings };

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
