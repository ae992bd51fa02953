// Logs and crash reports as an operator finds them: the browser host started as `npm run web` does
// writes its JSON lines into <dataDir>/logs/linli.<day>.<n>.log, and a host that dies of an uncaught
// error leaves a diagnostic report in <dataDir>/crash-reports/ and the error in its log file.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crashReportsDirName, isCrashReport, isLogFile, logsDirName } from '../contract/log-files';
import { startHostProcess, type HostProcess } from './support/host-process';
import { startHubProcess } from './support/hub-process';
import { tempDir } from './support/temp-core';

const root = resolve(import.meta.dirname, '..');
const dirs: { remove(): void }[] = [];
afterAll(() => dirs.forEach((d) => d.remove()));
const scratch = (prefix: string) => {
  const d = tempDir(prefix);
  dirs.push(d);
  return d.dir;
};

type LogLine = { level: number; time: number; msg: string; [field: string]: unknown };
function logLines(dataDir: string, base: 'linli' | 'hub' = 'linli'): LogLine[] {
  const dir = join(dataDir, logsDirName);
  return readdirSync(dir)
    .filter((name) => isLogFile(name, base))
    .sort()
    .flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n').filter(Boolean))
    .map((line) => JSON.parse(line) as LogLine);
}

function runCrashChild(dataDir: string, mode: 'node' | 'exit'): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/crash-child.ts', dataDir, mode], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LINLI_HUB_ADMIN_TOKEN: 'hub-admin-secret-0123456789' },
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`the crash child did not stop within 60 s:\n${output}`));
    }, 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      ok({ code, output });
    });
  });
}

describe('logs of the browser host', () => {
  let host: HostProcess | null = null;
  afterAll(async () => {
    await host?.stop();
  });

  it('writes its start-up into <dataDir>/logs/linli*.log as JSON lines, without the token', async () => {
    const dataDir = scratch('linli-logs-host-');
    host = await startHostProcess(dataDir);
    const started = logLines(dataDir).find((line) => line.msg === 'browser host started');
    expect(started).toMatchObject({ level: 30, origin: host.origin, dataDir });
    expect(typeof started!.time).toBe('number');
    const token = new URL(host.url).searchParams.get('token')!;
    await host.stop();
    host = null;
    const text = readdirSync(join(dataDir, logsDirName))
      .map((name) => readFileSync(join(dataDir, logsDirName, name), 'utf8'))
      .join('');
    expect(text).not.toContain(token);
    expect(logLines(dataDir).some((line) => line.msg === 'browser host stopped')).toBe(true);
  }, 60_000);
});

describe('logs of the hub', () => {
  it('writes hub*.log into its data directory, and never its admin token', async () => {
    const dataDir = scratch('linli-logs-hub-');
    const hub = await startHubProcess({ LINLI_HUB_DATA_DIR: dataDir });
    try {
      // A refused admin call: the hub answers, and the token sent must not reach the log.
      await fetch(`${hub.url}/admin/stores`, { headers: { authorization: 'Bearer not-the-admin-token-0000' } });
    } finally {
      await hub.stop();
    }
    const lines = logLines(dataDir, 'hub');
    expect(lines.find((line) => line.msg === 'hub started')).toMatchObject({ level: 30, engine: 'pglite' });
    expect(lines.some((line) => line.msg === 'hub stopped')).toBe(true);
    const text = readdirSync(join(dataDir, logsDirName))
      .map((name) => readFileSync(join(dataDir, logsDirName, name), 'utf8'))
      .join('');
    expect(text).not.toContain(hub.adminToken);
    expect(text).not.toContain('not-the-admin-token-0000');
  }, 120_000);
});

describe('crash reports', () => {
  for (const mode of ['node', 'exit'] as const) {
    it(`an uncaught error (${mode === 'node' ? "Node's fatal path" : 'the exit callback, as Electron'}) leaves a report in crash-reports/ and the error in the log`, async () => {
      const dataDir = scratch(`linli-crash-${mode}-`);
      const { code, output } = await runCrashChild(dataDir, mode);
      expect(code, output).toBe(1);

      const reportsDir = join(dataDir, crashReportsDirName);
      const reports = existsSync(reportsDir) ? readdirSync(reportsDir).filter(isCrashReport) : [];
      expect(reports, output).toHaveLength(1);
      const reportText = readFileSync(join(reportsDir, reports[0]!), 'utf8');
      const report = JSON.parse(reportText) as { javascriptStack: { message: string } };
      expect(report.javascriptStack.message).toContain('the till fell over (test crash)');
      // The report lists the environment: the secret is gone from it.
      expect(reportText).not.toContain('hub-admin-secret-0123456789');

      const fatal = logLines(dataDir).find((line) => line.level === 60);
      expect(fatal).toMatchObject({ err: { message: 'the till fell over (test crash)' } });
      expect(logLines(dataDir)[0]!.msg).toBe('crash child started');
    }, 60_000);
  }
});
