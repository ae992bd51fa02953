import { openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinliCore } from '../features/app';
import { SerialPort } from 'serialport';
import { PrinterSimulator } from '../hardware/simulators/printer-simulator';
import { waitForEvent } from './support/device-events';
import { ptyPair, socatPath, type PtyPair } from './support/socat';
import { enrolment, loginAs, openTestCore, tempDir } from './support/temp-core';

// Fast reconnects, retries and status polls; the tests wait on events, never on the clock.
const deviceTiming = { reconnectMs: 100, watchMs: 100, retryMs: 50, pollMs: 200 };

// Real serial ports: socat links two pseudo-terminals, one for the app, one for the "device".
const temp = tempDir('linli-serial-');
let core: LinliCore;
const pairs: PtyPair[] = [];

function writeTo(path: string, text: string) {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, Buffer.from(text));
  } finally {
    closeSync(fd);
  }
}

beforeAll(async () => {
  core = openTestCore(temp.dir, undefined, { deviceTiming });
  await loginAs(core, 'manager');
});

afterAll(async () => {
  await core?.close();
  for (const p of pairs) await p.kill();
  temp.remove();
});

describe.skipIf(!socatPath)('serial devices over a socat pty pair', () => {
  it('a serial scanner: CODE\\r\\n arrives as a routed scan; a member card opens the member; unplug and replug reconnects', async () => {
    const scannerDev = join(temp.dir, 'scanner-device');
    const scannerApp = join(temp.dir, 'scanner-app');
    const pair = await ptyPair(scannerDev, scannerApp);
    pairs.push(pair);
    const ready = waitForEvent(
      core,
      'deviceStatus',
      (s) => s.kind === 'scanner' && s.connection.startsWith('serial') && s.state === 'idle',
    );
    const scanner = await core.methods.saveDevice({
      settings: {
        kind: 'scanner',
        name: '串口扫码枪',
        connection: { type: 'serial', path: scannerApp, baudRate: 9600, framing: 'CRLF' },
      },
    });
    await ready;

    const first = waitForEvent(core, 'scan', (e) => e.input.source === 'serial');
    writeTo(scannerDev, 'CODE\r\n');
    const scan = await first;
    expect(scan.input.text).toBe('CODE');
    expect(scan.error?.code).toBe('SCAN_NOT_RECOGNISED');

    const enrolled = await core.methods.enrolMember(enrolment());
    if (!enrolled.created) throw new Error('not created');
    const card = enrolled.member.activeCard!;
    const memberScan = waitForEvent(core, 'scan', (e) => e.input.source === 'serial' && e.outcome !== null);
    writeTo(scannerDev, `${card}\r\n`);
    const outcome = (await memberScan).outcome!;
    expect(outcome.kind === 'member' && outcome.member.name).toBe('王小明');

    // Unplug: the app sees it and says so; nothing crashes.
    const lost = waitForEvent(core, 'deviceStatus', (s) => s.id === scanner.id && s.state === 'error');
    await pair.kill();
    expect((await lost).problem).toBe('disconnected');

    // Plug back in (a new pty behind the same name): the scanner reconnects by itself.
    const back = waitForEvent(core, 'deviceStatus', (s) => s.id === scanner.id && s.state === 'idle');
    pairs.push(await ptyPair(scannerDev, scannerApp));
    await back;
    const again = waitForEvent(core, 'scan', (e) => e.input.source === 'serial' && e.outcome !== null);
    writeTo(scannerDev, `${card}\r\n`);
    expect((await again).outcome?.kind).toBe('member');
  });

  it('a serial printer receives the welcome slip in Chinese with its QR code', async () => {
    const printerDev = join(temp.dir, 'printer-device');
    const printerApp = join(temp.dir, 'printer-app');
    pairs.push(await ptyPair(printerDev, printerApp));
    // The "printer" at the other end: decodes what arrives and answers status requests.
    const simulator = new PrinterSimulator();
    const port = new SerialPort({ path: printerDev, baudRate: 9600, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    const connection = simulator.connect((bytes) => port.write(Buffer.from(bytes)));
    port.on('data', (chunk: Buffer) => connection.push(chunk));

    for (const c of await core.methods.listDeviceConfigs()) {
      if (c.kind === 'printer' && c.enabled)
        await core.methods.saveDevice({ id: c.id, enabled: false, settings: { ...c } });
    }
    const online = waitForEvent(
      core,
      'deviceStatus',
      (s) => s.kind === 'printer' && s.enabled && s.health === 'online',
    );
    await core.methods.saveDevice({
      settings: {
        kind: 'printer',
        name: '串口打印机',
        connection: { type: 'serial', path: printerApp, baudRate: 9600 },
        paperWidth: 58,
        encoding: 'gb18030',
        drawer: false,
      },
    });
    await online;

    const member = (await core.methods.searchMembers({ query: '王小明' })).members[0]!;
    const done = waitForEvent(core, 'printJob', (j) => j.kind === 'welcome' && j.status === 'done');
    const job = await core.methods.printWelcomeSlip({ memberId: member.id });
    const receipt = await simulator.nextReceipt(1);
    expect(receipt.lines).toContain('欢迎加入会员');
    expect(receipt.lines.some((l) => l.includes('王小明'))).toBe(true);
    expect(receipt.qrCodes).toEqual([member.activeCard]);
    expect((await done).id).toBe(job.id);
    await new Promise<void>((resolve) => port.close(() => resolve()));
  });
});
