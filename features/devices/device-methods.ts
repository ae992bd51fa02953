import {
  LinliError,
  type DeviceConfig,
  type DeviceMethods,
  type DeviceSettings,
  type PrintJobInfo,
  type PrinterSummary,
  type ReceiptDocument,
  type ScanOutcome,
  type WedgeSettings,
} from '../../contract';
import { checkDeviceSettings, checkWedgeSettings } from '../../domain/device-settings';
import { testPageDocument, welcomeSlipDocument } from '../../domain/printouts';
import { columnsFor, layoutReceipt, previewLines } from '../../domain/receipt-layout';
import { SimulatedScanner } from '../../hardware/devices/simulated-scanner';
import { encodeReceipt } from '../../hardware/escpos/encode-receipt';
import { canPrint } from '../../hardware/escpos/status';
import { DeviceRegistry, connectionLabel, defaultTiming, type RegistryTiming } from '../../hardware/registry';
import { discoverHid } from '../../hardware/transports/hid';
import { listSerialPorts } from '../../hardware/transports/serial';
import type { ApiArea } from '../area';
import type { ServiceContext } from '../context';
import { currentMemberQr } from '../members/member-qr';
import { requireMember } from '../members/member-views';
import { createPrintQueue, type QueuePrinter } from '../printing/print-queue';
import { handleScan } from '../scan/scan';
import { requireStaff } from '../staff/staff-session';

export interface DeviceAreaOptions {
  timing?: Partial<RegistryTiming>;
  retryMs?: number;
  retryMaxMs?: number;
}

const envNumber = (name: string): number | undefined => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : undefined;
};

/** Operators (and tests) can make status polling and retries faster or slower without a rebuild. */
function optionsFromEnv(): DeviceAreaOptions {
  const pollMs = envNumber('LINLI_DEVICE_POLL_MS');
  const reconnectMs = envNumber('LINLI_DEVICE_RECONNECT_MS');
  const retryMs = envNumber('LINLI_PRINT_RETRY_MS');
  return {
    timing: { ...(pollMs ? { pollMs } : {}), ...(reconnectMs ? { reconnectMs, watchMs: reconnectMs } : {}) },
    ...(retryMs ? { retryMs } : {}),
  };
}

function requireManager(ctx: ServiceContext) {
  const staff = requireStaff(ctx);
  if (staff.role !== 'manager') throw new LinliError('FORBIDDEN');
  return staff;
}

/** Demo mode starts with the simulated printer and scanner, so printing and scanning work at once. */
function seedDemoDevices(ctx: ServiceContext): void {
  if (ctx.repos.settings.get('demo') !== '1' || ctx.repos.settings.get('devices_seeded')) return;
  const at = ctx.now().toISOString();
  ctx.repos.transaction(() => {
    ctx.repos.deviceConfig.save(ctx.newId(), { kind: 'printer', name: '模拟打印机 Simulated printer', connection: { type: 'simulator' }, paperWidth: 80, encoding: 'gb18030', drawer: true }, true, at);
    ctx.repos.deviceConfig.save(ctx.newId(), { kind: 'scanner', name: '模拟扫码枪 Simulated scanner', connection: { type: 'simulator' } }, true, at);
    ctx.repos.settings.set('devices_seeded', '1');
  });
}

const copyMark = '** 重印 REPRINT **';

/**
 * Scanners, printers, the drawer and the print queue. Opens the configured devices at start,
 * routes every scanner's data through handleScan, and makes ctx.print the persistent queue.
 */
export function deviceArea(ctx: ServiceContext, overrides: DeviceAreaOptions = {}): ApiArea<DeviceMethods> {
  const env = optionsFromEnv();
  const timing: RegistryTiming = { ...defaultTiming, ...env.timing, ...overrides.timing };
  seedDemoDevices(ctx);

  // injectScan wants the outcome of the scan it caused; device data is delivered synchronously.
  let capture: ((result: ScanOutcome | LinliError) => void) | null = null;

  const summary = (): PrinterSummary => {
    const id = registry.receiptPrinterId();
    const status = id ? registry.status(id) : null;
    return {
      configured: Boolean(status),
      state: status?.state ?? null,
      health: status?.health ?? null,
      problem: status?.problem ?? null,
      queued: ctx.repos.printJobs.pendingCount(),
    };
  };
  let lastSummary = '';
  const emitSummary = () => {
    const next = summary();
    const key = JSON.stringify(next);
    if (key === lastSummary) return;
    lastSummary = key;
    ctx.emit('printerStatus', next);
  };

  const registry: DeviceRegistry = new DeviceRegistry(
    {
      now: ctx.now,
      onStatus: (status) => {
        ctx.emit('deviceStatus', status);
        if (status.kind !== 'printer') return;
        emitSummary();
        if (status.state === 'idle' && status.health && canPrint(status.health)) queue.kick();
      },
      onScan: (_deviceId, source, data) => {
        // A scan is routed like any other; a refused one is already reported by the scan event.
        try {
          const outcome = handleScan(ctx, { text: data.text, source, ...(data.symbology ? { symbology: data.symbology } : {}) });
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

  const queue = createPrintQueue(ctx, {
    printerFor,
    encode: (doc, profile) => encodeReceipt(doc, profile),
    onJob: (job) => {
      ctx.emit('printJob', job);
      emitSummary();
    },
    retryMs: overrides.retryMs ?? env.retryMs ?? 1000,
    retryMaxMs: overrides.retryMaxMs ?? 10_000,
  });

  ctx.print = (doc: ReceiptDocument) => queue.enqueue(doc);

  const ready = registry.apply(ctx.repos.deviceConfig.all()).then(() => queue.kick());
  ready.catch((error: unknown) => console.error('[linli] devices:', error));

  const reapply = async () => {
    await registry.apply(ctx.repos.deviceConfig.all());
    emitSummary();
    queue.kick();
  };

  const jobInfo = (id: string): PrintJobInfo => ctx.repos.printJobs.info(id)!;

  const wedgeKey = 'wedge_config';
  const readWedge = (): Partial<WedgeSettings> => {
    const check = checkWedgeSettings(JSON.parse(ctx.repos.settings.get(wedgeKey) ?? '{}'));
    return check.ok ? check.settings : {};
  };

  const storeName = () => {
    const storeId = ctx.storeId();
    return (storeId ? ctx.repos.stores.get(storeId)?.name : null) ?? 'Linli';
  };

  const requireConfig = (id: unknown): DeviceConfig => {
    const config = typeof id === 'string' ? ctx.repos.deviceConfig.get(id) : null;
    if (!config) throw new LinliError('DEVICE_UNKNOWN');
    return config;
  };

  return {
    methods: {
      listDevices: async () => {
        requireStaff(ctx);
        await ready;
        return registry.statuses();
      },
      getPrinterSummary: async () => {
        requireStaff(ctx);
        await ready;
        return summary();
      },
      discoverDevices: async () => {
        requireManager(ctx);
        const [serialPorts, hid] = await Promise.all([listSerialPorts(), discoverHid()]);
        return { serialPorts, hid: hid.devices, hidProblem: hid.problem };
      },
      listDeviceConfigs: async () => {
        requireManager(ctx);
        return ctx.repos.deviceConfig.all();
      },
      saveDevice: async (input) => {
        requireManager(ctx);
        const check = checkDeviceSettings(input?.settings);
        if (!check.ok) throw new LinliError('DEVICE_CONFIG_INVALID', undefined, check.field);
        const existing = input.id ? requireConfig(input.id) : null;
        if (existing && existing.kind !== check.settings.kind) throw new LinliError('DEVICE_CONFIG_INVALID', undefined, 'kind');
        const id = existing?.id ?? ctx.newId();
        const enabled = input.enabled ?? existing?.enabled ?? true;
        ctx.repos.deviceConfig.save(id, check.settings as DeviceSettings, enabled, ctx.now().toISOString());
        await reapply();
        return requireConfig(id);
      },
      removeDevice: async (input) => {
        requireManager(ctx);
        const config = requireConfig(input?.id);
        ctx.repos.deviceConfig.remove(config.id);
        await reapply();
        return registry.statuses();
      },
      testPrint: async (input) => {
        requireManager(ctx);
        await ready;
        const id = input?.printerId ?? registry.receiptPrinterId();
        const config = id ? ctx.repos.deviceConfig.get(id) : null;
        if (!config || config.kind !== 'printer') throw new LinliError(id ? 'DEVICE_UNKNOWN' : 'PRINTER_NOT_CONFIGURED');
        const doc = testPageDocument({
          storeName: storeName(),
          printerName: config.name,
          connection: connectionLabel(config),
          paperWidth: config.paperWidth,
          at: ctx.now().toISOString(),
          terminalId: ctx.terminalId,
        });
        return jobInfo(queue.enqueue(doc, { printerId: config.id }));
      },
      injectScan: async (input) => {
        requireStaff(ctx);
        await ready;
        const device = typeof input?.deviceId === 'string' ? registry.scanner(input.deviceId) : null;
        if (!(device instanceof SimulatedScanner)) throw new LinliError('DEVICE_UNKNOWN');
        if (typeof input.text !== 'string') throw new LinliError('SCAN_INVALID');
        let result: ScanOutcome | LinliError | null = null;
        capture = (r) => (result = r);
        try {
          device.inject(input.text, typeof input.symbology === 'string' ? input.symbology : undefined);
        } finally {
          capture = null;
        }
        if ((result as unknown) instanceof LinliError) throw result;
        return result;
      },
      openDrawer: async () => {
        requireStaff(ctx);
        await ready;
        const withDrawer = ctx.repos.deviceConfig.all().find((c) => c.kind === 'printer' && c.enabled && c.drawer);
        const printer = withDrawer ? registry.printer(withDrawer.id) : null;
        if (!printer) throw new LinliError('DRAWER_NOT_CONFIGURED');
        try {
          await printer.device.kickDrawer();
        } catch {
          throw new LinliError('PRINTER_UNAVAILABLE');
        }
      },
      listPrintJobs: async (input) => {
        requireStaff(ctx);
        const limit = Math.max(1, Math.min(200, Math.floor(Number(input?.limit ?? 50)) || 50));
        return ctx.repos.printJobs.recent(limit);
      },
      getPrintJobPreview: async (input) => {
        requireStaff(ctx);
        const job = typeof input?.jobId === 'string' ? ctx.repos.printJobs.get(input.jobId) : null;
        if (!job) throw new LinliError('PRINT_JOB_UNKNOWN');
        const printer = job.printerId ? ctx.repos.deviceConfig.get(job.printerId) : null;
        const paper = printer?.kind === 'printer' ? printer.paperWidth : 80;
        const chinese = printer?.kind === 'printer' ? printer.encoding === 'gb18030' : true;
        const laid = layoutReceipt(job.document, { columns: columnsFor(paper), chineseMode: chinese });
        const { document: _d, ...info } = job;
        return { job: info, lines: previewLines(laid, columnsFor(paper), chinese) };
      },
      reprintJob: async (input) => {
        requireStaff(ctx);
        const job = typeof input?.jobId === 'string' ? ctx.repos.printJobs.get(input.jobId) : null;
        if (!job) throw new LinliError('PRINT_JOB_UNKNOWN');
        const original = job.reprintOf ?? job.id;
        const first = job.document.blocks[0];
        const marked = first?.type === 'text' && first.text === copyMark;
        const doc: ReceiptDocument = {
          ...job.document,
          blocks: marked ? job.document.blocks : [{ type: 'text', text: copyMark, align: 'center', bold: true }, ...job.document.blocks],
        };
        return jobInfo(queue.enqueue(doc, { printerId: job.printerId, reprintOf: original }));
      },
      getMemberQr: async (input) => {
        requireStaff(ctx);
        return currentMemberQr(ctx, input?.memberId);
      },
      printWelcomeSlip: async (input) => {
        requireStaff(ctx);
        const member = requireMember(ctx, input?.memberId);
        const doc = welcomeSlipDocument({
          storeName: storeName(),
          memberName: member.name,
          cardNumber: member.activeCard,
          referralCode: member.referralCode,
          enrolledAt: member.enrolledAt,
        });
        return jobInfo(queue.enqueue(doc));
      },
      getWedgeSettings: async () => readWedge(),
      saveWedgeSettings: async (input) => {
        requireManager(ctx);
        const check = checkWedgeSettings(input);
        if (!check.ok) throw new LinliError('DEVICE_CONFIG_INVALID', undefined, check.field);
        ctx.repos.settings.set(wedgeKey, JSON.stringify(check.settings));
        ctx.emit('wedgeSettings', check.settings);
        return check.settings;
      },
    },
    async close() {
      ctx.print = () => null;
      await ready.catch(() => {});
      await queue.close();
      await registry.close();
    },
  };
}
