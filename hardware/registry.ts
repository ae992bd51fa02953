// Opens the devices a terminal is configured with, keeps their status, and reopens them when
// their configuration changes. A device that fails is a status, never an exception to the caller.
import type { DeviceConfig, DeviceStatus, PrinterConnection, ScanSource, ScannerConnection } from '../contract';
import type { BaseDevice, DeviceCondition, ScanData } from './device';
import { EscPosPrinter, type PrinterTiming } from './devices/printer';
import { HidScanner } from './devices/hid-scanner';
import { SerialScanner, type ReconnectTiming } from './devices/serial-scanner';
import { SimulatedScanner } from './devices/simulated-scanner';
import { PrinterSimulator } from './simulators/printer-simulator';
import type { PrinterTransport } from './transports/link';
import { serialPrinterTransport } from './transports/serial';
import { simulatedPrinterTransport } from './transports/simulated';
import { tcpPrinterTransport } from './transports/tcp';
import { usbFilePrinterTransport } from './transports/usb-file';

export type RegistryTiming = ReconnectTiming & PrinterTiming;

export const defaultTiming: RegistryTiming = {
  reconnectMs: 1000,
  reconnectMaxMs: 10_000,
  watchMs: 1000,
  pollMs: 5000,
  statusTimeoutMs: 800,
};

export interface RegistryHooks {
  onScan(deviceId: string, source: ScanSource, data: ScanData): void;
  onStatus(status: DeviceStatus): void;
  now(): Date;
}

interface Entry {
  config: DeviceConfig;
  key: string;
  device: BaseDevice | null;
  since: string;
}

export function connectionLabel(config: DeviceConfig): string {
  const c = config.connection as PrinterConnection | ScannerConnection;
  switch (c.type) {
    case 'tcp':
      return `tcp ${c.host}:${c.port}`;
    case 'serial':
      return `serial ${c.path} ${c.baudRate}${'framing' in c ? ` ${c.framing}` : ''}`;
    case 'usb-file':
      return `usb ${c.path}`;
    case 'hid':
      return `hid ${c.vendorId.toString(16).padStart(4, '0')}:${c.productId.toString(16).padStart(4, '0')} ${c.mode}`;
    case 'simulator':
      return 'simulator';
  }
}

export class DeviceRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly simulators = new Map<string, PrinterSimulator>();
  private applying: Promise<void> = Promise.resolve();

  constructor(
    private readonly hooks: RegistryHooks,
    private readonly timing: RegistryTiming = defaultTiming,
  ) {}

  /** The simulated printer behind a 'simulator' printer (demo mode, tests), created on first use. */
  simulatorFor(deviceId: string): PrinterSimulator {
    let sim = this.simulators.get(deviceId);
    if (!sim) this.simulators.set(deviceId, (sim = new PrinterSimulator()));
    return sim;
  }

  private printerTransport(c: PrinterConnection, id: string): PrinterTransport {
    switch (c.type) {
      case 'tcp':
        return tcpPrinterTransport(c.host, c.port);
      case 'serial':
        return serialPrinterTransport(c.path, c.baudRate);
      case 'usb-file':
        return usbFilePrinterTransport(c.path);
      case 'simulator':
        return simulatedPrinterTransport(this.simulatorFor(id));
    }
  }

  private create(config: DeviceConfig): BaseDevice {
    if (config.kind === 'printer') {
      return new EscPosPrinter(this.printerTransport(config.connection, config.id), config, this.timing);
    }
    const c = config.connection;
    if (c.type === 'serial') return new SerialScanner(c.path, c.baudRate, c.framing, this.timing);
    if (c.type === 'hid') return new HidScanner(c.vendorId, c.productId, c.mode, this.timing);
    return new SimulatedScanner();
  }

  private statusOf(entry: Entry): DeviceStatus {
    const { config } = entry;
    const condition: DeviceCondition = entry.device?.status ?? {
      state: 'closed',
      health: null,
      problem: null,
      detail: null,
    };
    const printer = config.kind === 'printer';
    return {
      id: config.id,
      kind: config.kind,
      name: config.name,
      connection: connectionLabel(config),
      enabled: config.enabled,
      state: condition.state,
      health: printer ? condition.health : null,
      problem: condition.problem,
      detail: condition.detail,
      since: entry.since,
      capabilities: {
        drawer: printer && config.drawer,
        status: printer && config.connection.type !== 'usb-file',
        cut: printer,
      },
    };
  }

  private async openEntry(entry: Entry): Promise<void> {
    const { config } = entry;
    if (!config.enabled) return;
    const device = this.create(config);
    entry.device = device;
    const source: ScanSource =
      config.kind === 'scanner'
        ? config.connection.type === 'simulator'
          ? 'simulator'
          : config.connection.type
        : 'simulator';
    device.on('status', () => {
      if (this.entries.get(config.id) !== entry) return;
      entry.since = this.hooks.now().toISOString();
      this.hooks.onStatus(this.statusOf(entry));
    });
    device.on('data', (data) => this.hooks.onScan(config.id, source, data));
    device.enable();
    await device.open();
  }

  /** Brings the open devices in line with the configuration; unchanged devices are left alone. */
  apply(configs: DeviceConfig[]): Promise<void> {
    const run = this.applying.then(async () => {
      const wanted = new Map(configs.map((c) => [c.id, c]));
      for (const [id, entry] of this.entries) {
        const next = wanted.get(id);
        if (next && JSON.stringify(next) === entry.key) continue;
        this.entries.delete(id);
        await entry.device?.close().catch(() => {});
        if (!next) this.simulators.delete(id);
      }
      for (const config of configs) {
        if (this.entries.has(config.id)) continue;
        const entry: Entry = {
          config,
          key: JSON.stringify(config),
          device: null,
          since: this.hooks.now().toISOString(),
        };
        this.entries.set(config.id, entry);
        await this.openEntry(entry);
        this.hooks.onStatus(this.statusOf(entry));
      }
    });
    this.applying = run.catch(() => {});
    return run;
  }

  statuses(): DeviceStatus[] {
    return [...this.entries.values()].map((e) => this.statusOf(e));
  }

  status(id: string): DeviceStatus | null {
    const entry = this.entries.get(id);
    return entry ? this.statusOf(entry) : null;
  }

  printer(id: string): { config: DeviceConfig & { kind: 'printer' }; device: EscPosPrinter } | null {
    const entry = this.entries.get(id);
    if (!entry || entry.config.kind !== 'printer' || !(entry.device instanceof EscPosPrinter)) return null;
    return { config: entry.config, device: entry.device };
  }

  /** Receipts go to the first enabled printer, in the order printers were added. */
  receiptPrinterId(): string | null {
    for (const entry of this.entries.values())
      if (entry.config.kind === 'printer' && entry.config.enabled) return entry.config.id;
    return null;
  }

  scanner(id: string): BaseDevice | null {
    const entry = this.entries.get(id);
    return entry && entry.config.kind === 'scanner' ? entry.device : null;
  }

  async close(): Promise<void> {
    await this.applying;
    const entries = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(entries.map((e) => e.device?.close().catch(() => {})));
  }
}
