// Device use cases: status, set-up, test print, drawer, print queue, member QR, wedge timing.
import { LinliError, formError, type DeviceConfig, type PrintJobInfo, type ReceiptDocument } from '../../contract';
import { checkDeviceSettings, checkWedgeSettings } from '../../domain/device-settings';
import { testPageDocument, welcomeSlipDocument } from '../../domain/printouts';
import { columnsFor, layoutReceipt, previewLines } from '../../domain/receipt-layout';
import { connectionLabel } from '../../hardware/registry';
import { discoverHid } from '../../hardware/transports/hid';
import { listSerialPorts } from '../../hardware/transports/serial';
import type { SomeHandlers } from '../handler';
import { utcOffset } from '../loyalty/loyalty-config';
import { currentMemberQr } from '../members/member-qr';
import { requireMember } from '../members/member-views';
import type { Ports } from '../ports';

const copyMark = '** 重印 REPRINT **';
const wedgeKey = 'wedge_config';

const jobInfo = (ports: Ports, id: string): PrintJobInfo => ports.store.printJobs.info(id)!;

function requireConfig(ports: Ports, id: string): DeviceConfig {
  const config = ports.store.deviceConfig.get(id);
  if (!config) throw new LinliError('DEVICE_UNKNOWN');
  return config;
}

function storeName(ports: Ports): string {
  const storeId = ports.config.storeId();
  return (storeId ? ports.store.stores.get(storeId)?.name : null) ?? 'Linli';
}

function readWedge(ports: Ports) {
  const check = checkWedgeSettings(JSON.parse(ports.store.settings.get(wedgeKey) ?? '{}'));
  return check.ok ? check.settings : {};
}

export const deviceHandlers = {
  async listDevices(_input, { ports }) {
    await ports.devices.ready;
    return ports.devices.registry.statuses();
  },
  async getPrinterSummary(_input, { ports }) {
    await ports.devices.ready;
    return ports.devices.summary();
  },
  async discoverDevices() {
    const [serialPorts, hid] = await Promise.all([listSerialPorts(), discoverHid()]);
    return { serialPorts, hid: hid.devices, hidProblem: hid.problem };
  },
  listDeviceConfigs: (_input, { ports }) => ports.store.deviceConfig.all(),
  async saveDevice(input, { ports }) {
    const check = checkDeviceSettings(input.settings);
    if (!check.ok) throw formError(check.problems);
    const existing = input.id ? requireConfig(ports, input.id) : null;
    if (existing && existing.kind !== check.settings.kind)
      throw new LinliError('DEVICE_CONFIG_INVALID', undefined, 'kind');
    const id = existing?.id ?? ports.ids.newId();
    const enabled = input.enabled ?? existing?.enabled ?? true;
    ports.store.deviceConfig.save(id, check.settings, enabled, ports.clock.now().toISOString());
    await ports.devices.reapply();
    return requireConfig(ports, id);
  },
  async removeDevice(input, { ports }) {
    const config = requireConfig(ports, input.id);
    ports.store.deviceConfig.remove(config.id);
    await ports.devices.reapply();
    return ports.devices.registry.statuses();
  },
  async testPrint(input, { ports }) {
    await ports.devices.ready;
    const id = input.printerId ?? ports.devices.registry.receiptPrinterId();
    const config = id ? ports.store.deviceConfig.get(id) : null;
    if (!config || config.kind !== 'printer') throw new LinliError(id ? 'DEVICE_UNKNOWN' : 'PRINTER_NOT_CONFIGURED');
    const doc = testPageDocument({
      storeName: storeName(ports),
      printerName: config.name,
      connection: connectionLabel(config),
      paperWidth: config.paperWidth,
      at: ports.clock.now().toISOString(),
      utcOffsetMinutes: utcOffset(ports),
      terminalId: ports.config.terminalId,
    });
    return jobInfo(ports, ports.printer.print(doc, { printerId: config.id }));
  },
  async injectScan(input, { ports }) {
    await ports.devices.ready;
    return ports.devices.inject(input.deviceId, input.text, input.symbology);
  },
  async openDrawer(_input, { ports }) {
    await ports.devices.ready;
    const withDrawer = ports.store.deviceConfig.all().find((c) => c.kind === 'printer' && c.enabled && c.drawer);
    const printer = withDrawer ? ports.devices.registry.printer(withDrawer.id) : null;
    if (!printer) throw new LinliError('DRAWER_NOT_CONFIGURED');
    try {
      await printer.device.kickDrawer();
    } catch {
      throw new LinliError('PRINTER_UNAVAILABLE');
    }
  },
  listPrintJobs(input, { ports }) {
    const limit = Math.max(1, Math.min(200, Math.floor(Number(input?.limit ?? 50)) || 50));
    return ports.store.printJobs.recent(limit);
  },
  getPrintJobPreview(input, { ports }) {
    const job = ports.store.printJobs.get(input.jobId);
    if (!job) throw new LinliError('PRINT_JOB_UNKNOWN');
    const printer = job.printerId ? ports.store.deviceConfig.get(job.printerId) : null;
    const paper = printer?.kind === 'printer' ? printer.paperWidth : 80;
    const chinese = printer?.kind === 'printer' ? printer.encoding === 'gb18030' : true;
    const laid = layoutReceipt(job.document, { columns: columnsFor(paper), chineseMode: chinese });
    const { document: _d, ...info } = job;
    return { job: info, lines: previewLines(laid, columnsFor(paper), chinese) };
  },
  reprintJob(input, { ports }) {
    const job = ports.store.printJobs.get(input.jobId);
    if (!job) throw new LinliError('PRINT_JOB_UNKNOWN');
    const original = job.reprintOf ?? job.id;
    const first = job.document.blocks[0];
    const marked = first?.type === 'text' && first.text === copyMark;
    const doc: ReceiptDocument = {
      ...job.document,
      blocks: marked
        ? job.document.blocks
        : [{ type: 'text', text: copyMark, align: 'center', bold: true }, ...job.document.blocks],
    };
    return jobInfo(ports, ports.printer.print(doc, { printerId: job.printerId, reprintOf: original }));
  },
  getMemberQr: (input, { ports }) => currentMemberQr(ports, input.memberId),
  printWelcomeSlip(input, { ports }) {
    const member = requireMember(ports, input.memberId);
    const doc = welcomeSlipDocument({
      storeName: storeName(ports),
      memberName: member.name,
      cardNumber: member.activeCard,
      referralCode: member.referralCode,
      enrolledAt: member.enrolledAt,
    });
    return jobInfo(ports, ports.printer.print(doc));
  },
  getWedgeSettings: (_input, { ports }) => readWedge(ports),
  saveWedgeSettings(input, { ports }) {
    const check = checkWedgeSettings(input);
    if (!check.ok) throw formError(check.problems);
    ports.store.settings.set(wedgeKey, JSON.stringify(check.settings));
    ports.events.emit('wedgeSettings', check.settings);
    return check.settings;
  },
} satisfies SomeHandlers;

/** Demo mode starts with the simulated printer and scanner, so printing and scanning work at once. */
export function seedDemoDevices(ports: Pick<Ports, 'store' | 'clock' | 'ids'>): void {
  const { store } = ports;
  if (store.settings.get('demo') !== '1' || store.settings.get('devices_seeded')) return;
  const at = ports.clock.now().toISOString();
  store.transaction(() => {
    store.deviceConfig.save(
      ports.ids.newId(),
      {
        kind: 'printer',
        name: '模拟打印机 Simulated printer',
        connection: { type: 'simulator' },
        paperWidth: 80,
        encoding: 'gb18030',
        drawer: true,
      },
      true,
      at,
    );
    store.deviceConfig.save(
      ports.ids.newId(),
      { kind: 'scanner', name: '模拟扫码枪 Simulated scanner', connection: { type: 'simulator' } },
      true,
      at,
    );
    store.settings.set('devices_seeded', '1');
  });
}
