// The manager's diagnostics screen in the browser host (issue 11): reached from 设备 → 诊断, it
// shows the app version, the disk bar and the last error from the host's own log folder; an export
// to a folder that cannot be written says so in place and writes nothing; once the folder can be
// written, the zip lands in <data dir>/exports with diagnostics.json and the logs, never the database.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appVersion } from '../../contract';
import zhCN from '../../renderer/i18n/zh-CN';
import { chromiumFlags, chromiumForTests } from '../support/chromium';
import { loginAt } from '../support/counter-page';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { tempDir } from '../support/temp-core';

const executablePath = chromiumForTests();
const temp = tempDir('linli-e2e-diagnostics-');
const dataDir = join(temp.dir, 'data');
const exportsDir = join(dataDir, 'exports');
let browser: Browser;
let host: HostProcess | null = null;

// An error logged by an earlier run, in the file name and JSON lines the host's logger writes.
function writeEarlierError() {
  mkdirSync(join(dataDir, 'logs'), { recursive: true });
  const line = { level: 50, time: Date.UTC(2026, 11, 1, 9, 30), pid: 7, hostname: 'kiosk', msg: '收据打印机无应答' };
  writeFileSync(join(dataDir, 'logs', 'linli.2026-12-01.1.log'), `${JSON.stringify(line)}\n`);
}

describe.skipIf(!executablePath)('diagnostics screen: a manager checks the terminal and exports it', () => {
  beforeAll(async () => {
    writeEarlierError();
    browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: chromiumFlags });
    host = await startHostProcess(dataDir);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    temp.remove();
  });

  it('shows versions, disk and the last error; a folder it cannot write is refused, then the zip is written', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await loginAt(page, host!.url, '李娜');
    await page.getByTestId('nav-devices').click();
    await page.getByTestId('devices-diagnostics').click();

    await expect.poll(() => page.getByTestId('diagnostics-version-app').textContent()).toBe(appVersion);
    // Opened from 设备, so that header button stays lit.
    expect(await page.getByTestId('nav-devices').getAttribute('aria-current')).toBe('page');
    expect(await page.getByTestId('diagnostics-disk-bar').getAttribute('data-state')).toMatch(/^(ok|low|critical)$/);
    const error = page.getByTestId('diagnostics-error').filter({ hasText: '收据打印机无应答' });
    expect(await error.getAttribute('data-level')).toBe('error');
    expect(await error.textContent()).toContain(zhCN.diagnostics.errors.levels.error);

    // Something else sits where the exports folder should be: nothing can be written there.
    writeFileSync(exportsDir, 'not a folder');
    await page.getByTestId('diagnostics-target-exports').check();
    await page.getByTestId('diagnostics-export-start').click();
    const refused = page.getByTestId('diagnostics-export-error');
    await refused.waitFor();
    expect(await refused.getAttribute('data-code')).toBe('DIAGNOSTICS_TARGET_NOT_WRITABLE');
    expect(await refused.textContent()).toContain('无法写入');
    expect(readFileSync(exportsDir, 'utf8')).toBe('not a folder');
    expect(await page.getByTestId('diagnostics-export-result').count()).toBe(0);

    rmSync(exportsDir);
    await page.getByTestId('diagnostics-export-start').click();
    const result = page.getByTestId('diagnostics-export-result');
    await result.waitFor();
    expect(await refused.count()).toBe(0);
    const path = (await result.getAttribute('data-path'))!;
    expect(path.startsWith(exportsDir)).toBe(true);
    expect(readdirSync(exportsDir)).toEqual([path.slice(exportsDir.length + 1)]);
    const names = Object.keys(unzipSync(new Uint8Array(readFileSync(path))));
    expect(names).toContain('diagnostics.json');
    expect(names.some((n) => n.endsWith('linli.2026-12-01.1.log'))).toBe(true);
    expect(names.some((n) => /\.(db|sqlite)/.test(n))).toBe(false);
    expect(existsSync(`${path}.partial`)).toBe(false);
  });
});
