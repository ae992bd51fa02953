// The terminal's devices as one service, built once by openLinli: the registry of configured
// printers and scanners, the persistent print queue, and the printer glance. Scanner data is
// handed to `onScan` (the scan router); statuses go out as events.
import { LinliError, type PrinterSummary, type ScanOutcome, type ScanSource, type StaffSummary } from '../../contract';
import type { TerminalStore } from '../../db/store';
import { SimulatedScanner } from '../../hardware/devices/simulated-scanner';
import { encodeReceipt } from '../../hardware/escpos/encode-receipt';
import { canPrint } from '../../hardware/escpos/status';
import { DeviceRegistry, defaultTiming, type RegistryTiming } from '../../hardware/registry';
import { createPrintQueue, type PrintQueue, type QueuePrinter } from '../printing/print-queue';
import { consoleLog } from '../console-log';
import type { Clock, EventSink, IdSource, LogPort, PrintPort } from '../ports';

/** Timing an operator (or a test) may change without a rebuild; the hosts read it from their environment. */
export interface DeviceTiming extends Partial<RegistryTiming> {
  /** First retry of a print job that could not print; doubles up to retryMaxMs. */
  retryMs?: number;
  retryMaxMs?: number;
}

export interface DevicesPort {
  /** Resolves once the configured devices were opened at start. */
  ready: Promise<void>;
  registry: DeviceRegistry;
  queue: PrintQueue;
  summary(): PrinterSummary;
  /** Reopens devices after their configuration changed. */
  reapply(): Promise<void>;
  /** Feeds text through a simulated scanner and answers what the scan router made of it. */
  inject(deviceId: string, text: string, symbology?: string): ScanOutcome | null;
  close(): Promise<void>;
}

export interface DeviceServiceDeps {
  store: TerminalStore;
  clock: Clock;
  ids: IdSource;
  events: EventSink;
  currentStaff(): StaffSummary | null;
  /** The scan router (features/scan): throws a LinliError when it refuses a scan. */
  onScan(input: { text: string; source: ScanSource; symbology?: string }): ScanOutcome;
  timing?: DeviceTiming;
  /** Where a print queue or device set-up that failed unexpectedly is reported; absent: the console. */
  log?: LogPort;
}

export function createDeviceService(deps: DeviceServiceDeps): DevicesPort & PrintPort {
  const { store, events } = deps;
  const log = deps.log ?? consoleLog;
  const timing: RegistryTiming = { ...defaultTiming, ...deps.timing };

  // inject() wants the outcome of the scan it caused; device data is delivered synchronously.
  let capture: ((result: ScanOutcome | LinliError) => void) | null = null;

  const summary = (): PrinterSummary => {
    const id = registry.receiptPrinterId();
    const status = id ? registry.status(id) : null;
    return {
      configured: Boolean(status),
      state: status?.state ?? null,
      health: status?.health ?? null,
      problem: status?.problem ?? null,
      queued: store.printJobs.pendingCount(),
    };
  };
  let lastSummary = '';
  const emitSummary = () => {
    const next = summary();
    const key = JSON.stringify(next);
    if (key === lastSummary) return;
    lastSummary = key;
    events.emit('printerStatus', next);
  };

  const registry: DeviceRegistry = new DeviceRegistry(
    {
      now: () => deps.clock.now(),
      onStatus: (status) => {
        events.emit('deviceStatus', status);
        if (status.kind !== 'printer') return;
        emitSummary();
        if (status.state === 'idle' && status.health && canPrint(status.health)) queue.kick();
      },
      onScan: (_deviceId, source, data) => {
        // A scan is routed like any other; a refused one is already reported by the scan event.
        try {
          const outcome = deps.onScan({
            text: data.text,
            source,
            ...(data.symbology ? { symbology: data.symbology } : {}),
          });
          capture?.(outcome);
        } catch (error) {
          capture?.(error instanceof LinliError ? error : new LinliError('INTERNAL'));
        }
      },
    },
    timing,
  );

  const printerFor = (printerId: string | null): QueuePrinter | null => {
    const id = printerId && registry.status(printerId)?.enabled ? printerId : registry.receiptPrinterId();
    const printer = id ? registry.printer(id) : null;
    if (!printer) return null;
    return { id: printer.config.id, profile: printer.config, print: (bytes) => printer.device.print(bytes) };
  };

  const queue = createPrintQueue(
    { store, clock: deps.clock, ids: deps.ids, currentStaff: deps.currentStaff },
    {
      printerFor,
      encode: (doc, profile) => encodeReceipt(doc, profile),
      onJob: (job) => {
        events.emit('printJob', job);
        emitSummary();
      },
      retryMs: deps.timing?.retryMs ?? 1000,
      retryMaxMs: deps.timing?.retryMaxMs ?? 10_000,
      log,
    },
  );

  const ready = registry.apply(store.deviceConfig.all()).then(() => queue.kick());
  ready.catch((error: unknown) => log.error({ err: error }, 'devices: could not open the configured devices'));

  let closed = false;
  return {
    ready,
    registry,
    queue,
    summary,
    print: (doc, options) => queue.enqueue(doc, options),
    async reapply() {
      await registry.apply(store.deviceConfig.all());
      emitSummary();
      queue.kick();
    },
    inject(deviceId, text, symbology) {
      const device = registry.scanner(deviceId);
      if (!(device instanceof SimulatedScanner)) throw new LinliError('DEVICE_UNKNOWN');
      let result: ScanOutcome | LinliError | null = null;
      capture = (r) => (result = r);
      try {
        device.inject(text, symbology);
      } finally {
        capture = null;
      }
      if ((result as unknown) instanceof LinliError) throw result;
      return result;
    },
    async close() {
      if (closed) return;
      closed = true;
      await ready.catch(() => {});
      await queue.close();
      await registry.close();
    },
  };
}
