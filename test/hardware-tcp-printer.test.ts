import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LinliCore } from '../features/app';
import type { DeviceConfig, PrinterSettings } from '../contract';
import { startTcpPrinterSimulator, type TcpPrinterSimulator } from '../hardware/simulators/tcp-printer';
import { recordEvents, waitForEvent } from './support/device-events';
import { enrolment, loginAs, openTestCore, tempDir } from './support/temp-core';

// Fast retries and status polls; the tests wait on events, never on the clock.
process.env.LINLI_PRINT_RETRY_MS = '50';
process.env.LINLI_DEVICE_POLL_MS = '100';

let sim: TcpPrinterSimulator;
let core: LinliCore;
let temp: ReturnType<typeof tempDir>;
let printer: DeviceConfig;

const tcpPrinter = (port: number): PrinterSettings => ({
  kind: 'printer',
  name: '前台打印机',
  connection: { type: 'tcp', host: '127.0.0.1', port },
  paperWidth: 58,
  encoding: 'gb18030',
  drawer: true,
});

beforeAll(async () => {
  sim = await startTcpPrinterSimulator();
});
afterAll(async () => {
  await sim.close();
});

beforeEach(async () => {
  temp = tempDir();
  core = openTestCore(temp.dir);
  await loginAs(core, 'manager');
  // Demo mode starts with the built-in simulated printer: switch it off so receipts go to TCP.
  for (const c of await core.methods.listDeviceConfigs()) {
    if (c.kind === 'printer') await core.methods.saveDevice({ id: c.id, enabled: false, settings: { ...c } });
  }
  const online = waitForEvent(core, 'deviceStatus', (s) => s.kind === 'printer' && s.enabled && s.health === 'online');
  printer = await core.methods.saveDevice({ settings: tcpPrinter(sim.port) });
  await online;
});

afterEach(async () => {
  await sim.up();
  sim.simulator.health = 'online';
  await core.close();
  temp.remove();
});

async function enrolWithCard() {
  const result = await core.methods.enrolMember(enrolment());
  if (!result.created) throw new Error('not created');
  return result.member;
}

describe('a network printer (simulated, TCP on 127.0.0.1)', () => {
  it('prints the test page: Chinese lines, ￥ prices, the QR payload and one cut', async () => {
    const before = sim.simulator.receipts.length;
    const done = waitForEvent(core, 'printJob', (j) => j.status === 'done');
    const job = await core.methods.testPrint({ printerId: printer.id });
    expect(job.status).toBe('queued');
    const receipt = await sim.simulator.nextReceipt(before + 1);
    expect((await done).id).toBe(job.id);
    expect(receipt.lines[0]).toBe('打印测试页');
    expect(receipt.lines).toContain('中文：邻里体验店欢迎您！');
    expect(receipt.lines.find((l) => l.startsWith('桂花乌龙茶'))).toMatch(/^桂花乌龙茶 250g +￥68\.00$/);
    expect(receipt.qrCodes).toEqual([expect.stringMatching(/^LINLI-TEST /)]);
    expect(receipt.barcodes).toEqual(['LINLI-TEST']);
    expect(sim.simulator.receipts.length).toBe(before + 1);
    const jobs = await core.methods.listPrintJobs();
    expect(jobs.find((j) => j.id === job.id)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('a welcome slip waits while the printer is off, then prints exactly once', async () => {
    const member = await enrolWithCard();
    await sim.down();
    const before = sim.simulator.receipts.length;
    const failedOnce = waitForEvent(core, 'printJob', (j) => j.status === 'queued' && j.attempts >= 1);
    const offline = waitForEvent(core, 'printerStatus', (s) => s.state === 'error');
    const job = await core.methods.printWelcomeSlip({ memberId: member.id });
    await failedOnce;
    expect((await offline).queued).toBe(1);
    expect(sim.simulator.receipts.length).toBe(before);

    const done = waitForEvent(core, 'printJob', (j) => j.id === job.id && j.status === 'done');
    await sim.up();
    await done;
    expect(sim.simulator.receipts.length).toBe(before + 1);
    const slip = sim.simulator.receipts.at(-1)!;
    expect(slip.lines).toContain('欢迎加入会员');
    expect(slip.lines.some((l) => l.includes(member.name))).toBe(true);
    expect(slip.qrCodes).toEqual([member.activeCard]);
    // Nothing left to print: a later poll or kick cannot print it again.
    expect((await core.methods.getPrinterSummary()).queued).toBe(0);
  });

  it('a connection cut in the middle of a job: the job is sent again and one whole receipt comes out', async () => {
    const before = sim.simulator.receipts.length;
    const partialsBefore = sim.simulator.partials.length;
    sim.dropNextConnectionAfter(60);
    const done = waitForEvent(core, 'printJob', (j) => j.status === 'done');
    const job = await core.methods.testPrint({ printerId: printer.id });
    expect((await done).id).toBe(job.id);
    expect(sim.simulator.partials.length).toBe(partialsBefore + 1);
    expect(sim.simulator.receipts.length).toBe(before + 1);
    expect((await core.methods.listPrintJobs()).find((j) => j.id === job.id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('paper out holds the job and the UI hears it; new paper prints it once', async () => {
    const statuses = recordEvents(core, 'deviceStatus');
    sim.simulator.health = 'paperOut';
    const paperOut = waitForEvent(core, 'deviceStatus', (s) => s.id === printer.id && s.health === 'paperOut');
    await paperOut;
    const before = sim.simulator.receipts.length;
    const held = waitForEvent(core, 'printJob', (j) => j.status === 'queued' && j.attempts >= 1);
    const job = await core.methods.testPrint({ printerId: printer.id });
    expect((await held).lastError).toMatch(/paperOut/);
    expect(sim.simulator.receipts.length).toBe(before);
    const done = waitForEvent(core, 'printJob', (j) => j.id === job.id && j.status === 'done');
    sim.simulator.health = 'online';
    await done;
    expect(sim.simulator.receipts.length).toBe(before + 1);
    expect(statuses.some((s) => s.problem === 'paperOut' && s.state === 'error')).toBe(true);
  });

  it('a reprint is a new job marked as a copy of the original', async () => {
    const first = await core.methods.testPrint({ printerId: printer.id });
    await waitForEvent(core, 'printJob', (j) => j.id === first.id && j.status === 'done');
    const before = sim.simulator.receipts.length;
    const copy = await core.methods.reprintJob({ jobId: first.id });
    expect(copy.reprintOf).toBe(first.id);
    await waitForEvent(core, 'printJob', (j) => j.id === copy.id && j.status === 'done');
    const receipt = await sim.simulator.nextReceipt(before + 1);
    expect(receipt.lines[0]).toContain('重印 REPRINT');
    expect(receipt.lines).toContain('打印测试页');
    const preview = await core.methods.getPrintJobPreview({ jobId: copy.id });
    expect(preview.lines.some((l) => l.includes('重印 REPRINT'))).toBe(true);
    expect(preview.lines.some((l) => l.includes('[QR LINLI-TEST'))).toBe(true);
  });

  it('opens the cash drawer on the printer that has one', async () => {
    const kicks = sim.simulator.drawerKicks;
    const kicked = new Promise<void>((resolve) => sim.simulator.once('drawer', () => resolve()));
    await core.methods.openDrawer();
    await kicked;
    expect(sim.simulator.drawerKicks).toBe(kicks + 1);
  });

  it('refuses bad settings with the field and changes nothing', async () => {
    const before = await core.methods.listDeviceConfigs();
    await expect(core.methods.saveDevice({ settings: { ...tcpPrinter(sim.port), connection: { type: 'tcp', host: 'no such host!', port: 9100 } } })).rejects.toMatchObject({ code: 'DEVICE_CONFIG_INVALID', field: 'connection' });
    await expect(core.methods.testPrint({ printerId: 'nope' })).rejects.toMatchObject({ code: 'DEVICE_UNKNOWN' });
    await expect(core.methods.reprintJob({ jobId: 'nope' })).rejects.toMatchObject({ code: 'PRINT_JOB_UNKNOWN' });
    expect(await core.methods.listDeviceConfigs()).toEqual(before);
    expect(await core.methods.listPrintJobs()).toEqual([]);
    await loginAs(core, 'cashier');
    await expect(core.methods.saveDevice({ settings: tcpPrinter(1) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
