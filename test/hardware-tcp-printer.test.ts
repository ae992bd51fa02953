import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LinliCore } from '../features/app';
import type { DeviceConfig, PrintJobInfo, PrinterSettings } from '../contract';
import { decodeEscPos } from '../hardware/escpos/decode-stream';
import {
  startTcpPrinterSimulator,
  type ReceivedJob,
  type TcpPrinterSimulator,
} from '../hardware/simulators/tcp-printer';
import { recordEvents, waitForEvent } from './support/device-events';
import { enrolment, loginAs, openTestCore, tempDir } from './support/temp-core';

// Fast retries and status polls; the tests wait on events, never on the clock.
const deviceTiming = { retryMs: 50, pollMs: 100 };

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
  core = openTestCore(temp.dir, undefined, { deviceTiming });
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
  sim.answersStatus = true;
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
    // Cut the job's connection, not a status poll that may open first (the printer closes it).
    const cut = sim.cutNextJob({ afterBytes: 60, how: 'close' });
    const done = waitForEvent(core, 'printJob', (j) => j.status === 'done');
    const job = await core.methods.testPrint({ printerId: printer.id });
    await cut;
    expect((await done).id).toBe(job.id);
    expect(sim.simulator.partials.length).toBe(partialsBefore + 1);
    expect(sim.simulator.receipts.length).toBe(before + 1);
    expect((await core.methods.listPrintJobs()).find((j) => j.id === job.id)).toMatchObject({
      status: 'done',
      attempts: 2,
    });
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
    await expect(
      core.methods.saveDevice({
        settings: { ...tcpPrinter(sim.port), connection: { type: 'tcp', host: 'no such host!', port: 9100 } },
      }),
    ).rejects.toMatchObject({ code: 'DEVICE_HOST_INVALID', field: 'host' });
    await expect(core.methods.testPrint({ printerId: 'nope' })).rejects.toMatchObject({ code: 'DEVICE_UNKNOWN' });
    await expect(core.methods.reprintJob({ jobId: 'nope' })).rejects.toMatchObject({ code: 'PRINT_JOB_UNKNOWN' });
    expect(await core.methods.listDeviceConfigs()).toEqual(before);
    expect(await core.methods.listPrintJobs()).toEqual([]);
    await loginAs(core, 'cashier');
    await expect(core.methods.saveDevice({ settings: tcpPrinter(1) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

/** What one connection's job bytes would put on paper. */
function paperOf(job: ReceivedJob) {
  const items = decodeEscPos(job.bytes);
  return {
    lines: items.flatMap((i) => (i.type === 'line' ? [i.text] : [])),
    qrCodes: items.flatMap((i) => (i.type === 'qr' ? [i.data] : [])),
    cuts: items.filter((i) => i.type === 'cut').length,
  };
}

/** Job connections whose bytes make a whole test page: its lines, its QR code, and the cut. */
const wholeTestPages = (jobs: ReceivedJob[]) =>
  jobs
    .map(paperOf)
    .filter(
      (p) =>
        p.cuts === 1 &&
        p.lines.includes('打印测试页') &&
        p.lines.includes('中文：邻里体验店欢迎您！') &&
        p.qrCodes.length === 1,
    );

/** A job's states as the UI heard them ("status attempts"), from its first attempt on. */
function history(events: PrintJobInfo[], id: string): string[] {
  const seen: string[] = [];
  for (const e of events) {
    if (e.id !== id || e.attempts === 0) continue;
    const step = `${e.status} ${e.attempts}`;
    // The enqueue announcement may repeat the state the queue already reported.
    if (seen.at(-1) !== step) seen.push(step);
  }
  return seen;
}

/**
 * A cut mid-job: the job must come back to the queue (not done), and once the printer behaves the
 * whole receipt comes out exactly once. Both kinds of printer: one that answers DLE EOT and can
 * confirm the job, and a cheap one that never answers, where only a clean close counts.
 */
async function cutMidJobThenPrintOnce(afterBytes: number) {
  const before = sim.simulator.receipts.length;
  const partialsBefore = sim.simulator.partials.length;
  const jobsBefore = sim.jobs.length;
  const events = recordEvents(core, 'printJob');
  const cut = sim.cutNextJob({ afterBytes });
  const requeued = waitForEvent(
    core,
    'printJob',
    (j) => j.status === 'queued' && j.attempts === 1 && Boolean(j.lastError),
  );
  const done = waitForEvent(core, 'printJob', (j) => j.status === 'done');
  const job = await core.methods.testPrint({ printerId: printer.id });

  const cutJob = await cut;
  // Whichever the queue says first: back in the queue (right) or done (a lost receipt).
  const first = await Promise.race([requeued, done]);
  expect(first).toMatchObject({ id: job.id, status: 'queued', attempts: 1 });
  expect(history(events, job.id)).toEqual(['printing 1', 'queued 1']);
  expect(cutJob.bytes.length).toBe(afterBytes);
  expect(paperOf(cutJob).cuts).toBe(0);

  expect((await done).id).toBe(job.id);
  // Never done after the cut: back in the queue, then one more attempt, then done.
  expect(history(events, job.id)).toEqual(['printing 1', 'queued 1', 'printing 2', 'done 2']);
  expect((await core.methods.listPrintJobs()).find((j) => j.id === job.id)).toMatchObject({
    status: 'done',
    attempts: 2,
  });

  // What the printer received, decoded: the torn first attempt, then one whole receipt.
  const jobs = sim.jobs.slice(jobsBefore);
  expect(jobs).toHaveLength(2);
  expect(jobs[0]).toBe(cutJob);
  expect(jobs[1]!.cut).toBe(false);
  // The job is sent again from its first byte.
  expect(Buffer.from(jobs[1]!.bytes.subarray(0, afterBytes)).equals(Buffer.from(cutJob.bytes))).toBe(true);
  const pages = wholeTestPages(jobs);
  expect(pages).toHaveLength(1);
  expect(pages[0]!.lines.filter((l) => l === '打印测试页')).toHaveLength(1);
  expect(pages[0]!.qrCodes).toEqual([expect.stringMatching(/^LINLI-TEST /)]);

  expect(sim.simulator.receipts.length).toBe(before + 1);
  expect(sim.simulator.receipts.at(-1)!.lines).toContain('打印测试页');
  expect(sim.simulator.partials.length).toBe(partialsBefore + 1);
  expect(sim.simulator.partials.at(-1)!.lines).toContain('打印测试页');
  expect((await core.methods.getPrinterSummary()).queued).toBe(0);
}

// A silent printer makes every attempt wait out the real status timeout (800 ms): a job takes a few
// of those, so these tests get a wider bound than the default five seconds (they never sleep).
const silentBoundMs = 20_000;

describe('a network printer that never answers status (cheap printers)', () => {
  it(
    'prints a receipt exactly once, on a clean close of the connection',
    async () => {
      const statuses = recordEvents(core, 'deviceStatus');
      sim.answersStatus = false;
      const before = sim.simulator.receipts.length;
      const jobsBefore = sim.jobs.length;
      const done = waitForEvent(core, 'printJob', (j) => j.status === 'done');
      const job = await core.methods.testPrint({ printerId: printer.id });
      expect((await done).id).toBe(job.id);
      expect((await core.methods.listPrintJobs()).find((j) => j.id === job.id)).toMatchObject({
        status: 'done',
        attempts: 1,
      });
      // The job went out without a status answer: the printer's health is unknown, not online.
      expect(statuses.some((s) => s.id === printer.id && s.health === 'unknown')).toBe(true);
      const jobs = sim.jobs.slice(jobsBefore);
      expect(jobs).toHaveLength(1);
      expect(wholeTestPages(jobs)).toHaveLength(1);
      expect(sim.simulator.receipts.length).toBe(before + 1);
      expect((await core.methods.getPrinterSummary()).queued).toBe(0);
    },
    silentBoundMs,
  );

  it(
    'a connection reset mid-job: the job is not done, stays queued, and prints whole exactly once',
    async () => {
      sim.answersStatus = false;
      await cutMidJobThenPrintOnce(200);
    },
    silentBoundMs,
  );
});

describe('a network printer that answers status, cut mid-job', () => {
  it('a connection reset mid-job: the job is not done, stays queued, and prints whole exactly once', async () => {
    await cutMidJobThenPrintOnce(200);
  });
});
