import { monotonicFactory } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskEventName, ReceiptDocument } from '../contract';
import type { ServiceContext } from '../features/context';
import { deviceArea } from '../features/devices/device-methods';
import { openDatabase } from '../db/open';
import { createRepositories } from '../db/repositories';
import { startTcpPrinterSimulator } from '../hardware/simulators/tcp-printer';
import { tempDir } from './support/temp-core';

// What every use case does with a receipt: ctx.print(doc). The device area makes that the queue.
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
  const ctx: ServiceContext = {
    repos,
    now: () => new Date(),
    newId: () => newId(),
    randomInt: (max) => Math.floor(Math.random() * max),
    terminalId: 'T1',
    storeId: () => null,
    session: { staff: null },
    emit: (event, payload) => {
      events.push({ event, payload });
      for (const l of listeners) l(event, payload);
    },
    print: () => null,
  };
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
  return { db, repos, ctx, events, waitFor };
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

describe('ctx.print: the persistent print queue', () => {
  it('returns at once with a stored job while the printer is off, prints it once when it is on, and survives a restart', async () => {
    const sim = await startTcpPrinterSimulator();
    cleanups.push(() => sim.close());
    const port = sim.port;
    await sim.down();
    const temp = tempDir();
    cleanups.push(() => temp.remove());

    // First run: a printer that is off, and a sale.
    const first = context(temp.dir);
    first.repos.deviceConfig.save('P1', { kind: 'printer', name: 'P', connection: { type: 'tcp', host: '127.0.0.1', port }, paperWidth: 80, encoding: 'gb18030', drawer: true }, true, new Date().toISOString());
    const area = deviceArea(first.ctx, { retryMs: 20, timing: { pollMs: 50, statusTimeoutMs: 200 } });
    const jobId = first.ctx.print(sale);
    expect(jobId).toMatch(/^[0-9A-Z]{26}$/);
    expect(first.repos.printJobs.get(jobId!)).toMatchObject({ status: 'queued', title: 'No. 0042' });
    await first.waitFor((e, p) => e === 'printJob' && (p as { attempts: number }).attempts >= 1);
    // The till closes before the printer is back: the job is on disk, not in memory.
    await area.close!();
    first.db.close();
    expect(sim.simulator.receipts).toHaveLength(0);

    // Next start: the printer is on; the stored job prints exactly once.
    await sim.up();
    const second = context(temp.dir);
    const done = second.waitFor((e, p) => e === 'printJob' && (p as { status: string }).status === 'done');
    const area2 = deviceArea(second.ctx, { retryMs: 20, timing: { pollMs: 50, statusTimeoutMs: 200 } });
    cleanups.push(async () => {
      await area2.close!();
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
