// The manager's diagnostics (issue 11): a cashier is refused; a manager sees versions, disk, sync and
// the last errors from the log files; the export writes one zip (diagnostics.json, the logs, the
// crash reports; never the database) to the data dir's exports/ or a USB drive, and a target that
// is gone or cannot be written gives its error and leaves nothing behind.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { appVersion, type Diagnostics } from '../contract';
import { latestSchemaVersion } from '../db/migrate';
import { openLinli, type LinliCore } from '../features/app';
import { loginAs, tempDir } from './support/temp-core';

const temps: { remove(): void }[] = [];
const cores: LinliCore[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const temp of temps.splice(0)) temp.remove();
});

/** A demo terminal whose "drives" are folders in a temp mount root (as udisks makes /media/<user>/<label>). */
function open() {
  const data = tempDir('linli-diag-data-');
  const media = tempDir('linli-diag-media-');
  temps.push(data, media);
  const core = openLinli({
    dataDir: data.dir,
    demo: true,
    host: 'browser',
    diagnostics: { mountRoots: [media.dir] },
  });
  cores.push(core);
  return { core, dataDir: data.dir, mediaRoot: media.dir };
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (e: { code?: string }) => e.code,
  );

const pinoLine = (level: number, time: number, msg: string) =>
  JSON.stringify({ level, time, pid: 4242, hostname: 'kiosk', msg });

/** A log as the logger writes it, with an info line and a line that is not JSON among the errors. */
function writeLog(dataDir: string): string {
  mkdirSync(join(dataDir, 'logs'), { recursive: true });
  const t0 = Date.UTC(2026, 11, 1, 9, 0, 0);
  const lines = [
    pinoLine(30, t0, 'core opened'),
    pinoLine(40, t0 + 1000, 'printer slow to answer'),
    'Segmentation fault (core dumped) <- not JSON',
    pinoLine(50, t0 + 2000, 'sale could not be printed'),
  ];
  const file = join(dataDir, 'logs', 'linli.2026-12-01.1.log');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

function writeCrashReport(dataDir: string) {
  mkdirSync(join(dataDir, 'crash-reports'), { recursive: true });
  const report = {
    header: { event: 'Allocation failed', commandLine: ['node', 'host.js', '--sms-webhook', 'https://x/?t=s3cret'] },
    environmentVariables: { LINLI_HUB_TOKEN: 's3cret' },
  };
  writeFileSync(join(dataDir, 'crash-reports', 'report.20261201.090000.4242.0.001.json'), JSON.stringify(report));
}

function unzip(path: string): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(readFileSync(path)));
}

describe('diagnostics', () => {
  it('is for managers only', async () => {
    const { core } = open();
    expect(await codeOf(core.methods.diagnostics())).toBe('NOT_LOGGED_IN');
    await loginAs(core, 'cashier');
    expect(await codeOf(core.methods.diagnostics())).toBe('FORBIDDEN');
    expect(await codeOf(core.methods.diagnosticsTargets())).toBe('FORBIDDEN');
    expect(await codeOf(core.methods.exportDiagnostics({ targetId: 'exports' }))).toBe('FORBIDDEN');
  });

  it('shows a manager the versions, terminal, devices, sync, disk and backups', async () => {
    const { core, dataDir } = open();
    await loginAs(core, 'manager');
    const d = await core.methods.diagnostics();
    expect(d.versions).toEqual({
      app: appVersion,
      node: process.versions.node,
      electron: null,
      chrome: null,
      schema: latestSchemaVersion,
      host: 'browser',
    });
    expect(d.terminal.terminalId).toMatch(/^[0-9A-Z]{26}$/);
    expect(d.terminal.storeName).toBeTruthy();
    expect(d.terminal.role).toBe('counter');
    // The demo's simulated printer and scanner, as the device screen lists them.
    expect(d.devices.length).toBeGreaterThan(0);
    expect(d.devices.map((x) => x.kind)).toContain('printer');
    expect(d.sync).toMatchObject({ registered: false, waiting: expect.any(Number), parked: 0 });
    expect(d.disk.totalBytes).toBeGreaterThan(0);
    expect(d.disk.freeBytes).toBeLessThanOrEqual(d.disk.totalBytes);
    expect(['ok', 'low', 'critical']).toContain(d.disk.state);
    expect(d.backups).toEqual({ folder: join(dataDir, 'backups'), last: null });
    expect(d.lastErrors).toEqual([]);
    expect(d.crashReports).toEqual({ count: 0, newestAt: null });
  });

  it('lists the last errors from the log files, newest first, skipping what is not JSON', async () => {
    const { core, dataDir } = open();
    writeLog(dataDir);
    writeCrashReport(dataDir);
    await loginAs(core, 'manager');
    const d = await core.methods.diagnostics();
    expect(d.lastErrors).toEqual([
      {
        time: '2026-12-01T09:00:02.000Z',
        level: 'error',
        msg: 'sale could not be printed',
        file: 'linli.2026-12-01.1.log',
      },
      {
        time: '2026-12-01T09:00:01.000Z',
        level: 'warn',
        msg: 'printer slow to answer',
        file: 'linli.2026-12-01.1.log',
      },
    ]);
    expect(d.crashReports.count).toBe(1);
    expect(d.crashReports.newestAt).not.toBeNull();
  });
});

describe('exportDiagnostics', () => {
  it("writes one zip into the data dir's exports/ with diagnostics.json, the log and the crash report, never the database", async () => {
    const { core, dataDir } = open();
    writeLog(dataDir);
    writeCrashReport(dataDir);
    await loginAs(core, 'manager');
    const targets = await core.methods.diagnosticsTargets();
    expect(targets).toEqual([{ id: 'exports', kind: 'exports', label: 'exports', path: join(dataDir, 'exports') }]);

    const result = await core.methods.exportDiagnostics({ targetId: 'exports' });
    expect(result.path.startsWith(join(dataDir, 'exports'))).toBe(true);
    expect(result.path).toMatch(/linli-diagnostics-.+\.zip$/);
    expect(readdirSync(join(dataDir, 'exports'))).toEqual([result.path.split('/').pop()]);
    expect(result.sizeBytes).toBe(readFileSync(result.path).byteLength);

    const files = unzip(result.path);
    expect(Object.keys(files).sort()).toEqual([
      'crash-reports/report.20261201.090000.4242.0.001.json',
      'diagnostics.json',
      'logs/linli.2026-12-01.1.log',
    ]);
    expect(result.entries).toBe(3);
    expect(Object.keys(files).some((name) => /sqlite|\.db$/.test(name))).toBe(false);
    const text = new TextDecoder();
    const diagnostics = JSON.parse(text.decode(files['diagnostics.json'])) as Diagnostics;
    expect(diagnostics.lastErrors).toHaveLength(2);
    expect(text.decode(files['logs/linli.2026-12-01.1.log'])).toBe(
      readFileSync(join(dataDir, 'logs', 'linli.2026-12-01.1.log'), 'utf8'),
    );
    // No secrets: the crash report's environment and command-line values are gone, and nothing
    // in diagnostics.json names a PIN or a credential.
    const all = Object.values(files)
      .map((f) => text.decode(f))
      .join('\n');
    expect(all).not.toContain('s3cret');
    expect(text.decode(files['diagnostics.json'])).not.toMatch(/pin|credential|token/i);
  });

  it('writes to a USB drive found under the mount root', async () => {
    const { core, mediaRoot } = open();
    const drive = join(mediaRoot, 'KINGSTON');
    mkdirSync(drive);
    await loginAs(core, 'manager');
    const targets = await core.methods.diagnosticsTargets();
    const usb = targets.find((t) => t.kind === 'removable')!;
    expect(usb).toEqual({ id: `usb:${drive}`, kind: 'removable', label: 'KINGSTON', path: drive });

    const result = await core.methods.exportDiagnostics({ targetId: usb.id });
    expect(result.path.startsWith(drive + '/')).toBe(true);
    expect(Object.keys(unzip(result.path))).toEqual(['diagnostics.json']);
  });

  it('refuses a drive pulled out since it was listed, and a target that cannot be written, writing nothing', async () => {
    const { core, dataDir, mediaRoot } = open();
    const drive = join(mediaRoot, 'USB');
    mkdirSync(drive);
    await loginAs(core, 'manager');
    const usb = (await core.methods.diagnosticsTargets()).find((t) => t.kind === 'removable')!;
    rmSync(drive, { recursive: true });
    expect(await codeOf(core.methods.exportDiagnostics({ targetId: usb.id }))).toBe('DIAGNOSTICS_TARGET_GONE');
    expect(existsSync(drive)).toBe(false);
    // A made-up target is never written either, even a real folder.
    expect(await codeOf(core.methods.exportDiagnostics({ targetId: `usb:${dataDir}` }))).toBe(
      'DIAGNOSTICS_TARGET_GONE',
    );

    // exports/ is a file here, so no folder can be made there (as a read-only or full disk refuses).
    writeFileSync(join(dataDir, 'exports'), 'in the way');
    expect(await codeOf(core.methods.exportDiagnostics({ targetId: 'exports' }))).toBe(
      'DIAGNOSTICS_TARGET_NOT_WRITABLE',
    );
    expect(readFileSync(join(dataDir, 'exports'), 'utf8')).toBe('in the way');
    expect(readdirSync(dataDir).filter((n) => n.includes('diagnostics'))).toEqual([]);
  });
});
