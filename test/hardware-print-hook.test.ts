import { monotonicFactory } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import { LinliError, type KioskEventName, type KioskEvents, type ReceiptDocument } from '../contract';
import { createDeviceService, type DeviceTiming } from '../features/devices/device-service';
import { openDatabase } from '../db/open';
import { createRepositories } from '../db/repositories';
import { startTcpPrinterSimulator } from '../hardware/simulators/tcp-printer';
import { tempDir } from './support/temp-core';

// What every use case does with a receipt: ports.printer.print(doc), which is the persistent queue.
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function context(dir: string) {
  const db = openDatabase(`${dir}/linli.sqlite`);
  const repos = createRepositories(db);
  const newId = monotonicFactory();
  const events: { event: KioskEventName; payload: unknown }[] = [];
  const listeners = new Set<(e: KioskEventName, p: unknown) => void>();
  const emit = <E extends KioskEventName>(event: E, payload: KioskEvents[E]) => {
    events.push({ event, payload });
    for (const l of listeners) l(event, payload);
  };
  const devices = (timing: DeviceTiming) =>
    createDeviceService({
      store: repos,
      clock: { now: () => new Date() },
      ids: { newId: () => newId(), randomInt: (max: number) => Math.floor(Math.random() * max) },
      events: { emit },
      currentStaff: () => null,
      onScan: () => {
        throw new LinliError('SCAN_NOT_RECOGNISED');
      },
      timing,
    });
  const waitFor = (pred: (e: KioskEventName, p: unknown) => boolean) =>
    new Promise<void>((resolve) => {
      const l = (e: KioskEventName, p: unknown) => {
        if (pred(e, p)) {
          listeners.delete(l);
          resolve();
        }
      };
      listeners.add(l);
    });
  return { db, repos, devices, events, waitFor };
}

const sale: ReceiptDocument = {
  kind: 'sale',
  title: 'No. 0042',
  blocks: [
    { type: 'text', text: '销售小票', align: 'center', bold: true },
    { type: 'row', left: '明前龙井 100g', right: '¥128.00' },
    { type: 'qr', data: 'RECEIPT-0042' },
    { type: 'drawer' },
  ],
};

describe('ports.printer: the persistent print queue', () => {
  it('returns at once with a stored job while the printer is off, prints it once when it is on, and survives a restart', async () => {
    const sim = await startTcpPrinterSimulator();
    cleanups.push(() => sim.close());
    const port = sim.port;
    await sim.down();
    const temp = tempDir();
    cleanups.push(() => temp.remove());

    // First run: a printer that is off, and a sale.
    const first = context(temp.dir);
    first.repos.deviceConfig.save(
      'P1',
      {
        kind: 'printer',
        name: 'P',
        connection: { type: 'tcp', host: '127.0.0.1', port },
        paperWidth: 80,
        encoding: 'gb18030',
        drawer: true,
      },
      true,
      new Date().toISOString(),
    );
    const area = first.devices({ retryMs: 20, pollMs: 50, statusTimeoutMs: 200 });
    const jobId = area.print(sale);
    expect(jobId).toMatch(/^[0-9A-Z]{26}$/);
    expect(first.repos.printJobs.get(jobId!)).toMatchObject({ status: 'queued', title: 'No. 0042' });
    await first.waitFor((e, p) => e === 'printJob' && (p as { attempts: number }).attempts >= 1);
    // The till closes before the printer is back: the job is on disk, not in memory.
    await area.close();
    first.db.close();
    expect(sim.simulator.receipts).toHaveLength(0);

    // Next start: the printer is on; the stored job prints exactly once.
    await sim.up();
    const second = context(temp.dir);
    const done = second.waitFor((e, p) => e === 'printJob' && (p as { status: string }).status === 'done');
    const area2 = second.devices({ retryMs: 20, pollMs: 50, statusTimeoutMs: 200 });
    cleanups.push(async () => {
      await area2.close();
      second.db.close();
    });
    await done;
    expect(sim.simulator.receipts).toHaveLength(1);
    const receipt = sim.simulator.receipts[0]!;
    expect(receipt.lines).toContain('销售小票');
    expect(receipt.lines.some((l) => /^明前龙井 100g +￥128\.00$/.test(l))).toBe(true);
    expect(receipt.qrCodes).toEqual(['RECEIPT-0042']);
    expect(receipt.drawerKicks).toBe(1);
    expect(second.repos.printJobs.get(jobId!)).toMatchObject({ status: 'done' });
    expect(second.repos.printJobs.pendingCount()).toBe(0);
  });
});
