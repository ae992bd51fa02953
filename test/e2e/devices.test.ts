import { openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import zhCN from '../../renderer/i18n/zh-CN';
import { startTcpPrinterSimulator, type TcpPrinterSimulator } from '../../hardware/simulators/tcp-printer';
import { chromiumForTests, chromiumFlags } from '../support/chromium';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { ptyPair, socatPath, type PtyPair } from '../support/socat';
import { tempDir } from '../support/temp-core';

// The host polls printer status and retries a little faster than in a shop, so status changes
// show up within the default waits; the assertions wait on what the page shows, not on the clock.
process.env.LINLI_DEVICE_POLL_MS = '300';
process.env.LINLI_PRINT_RETRY_MS = '200';
process.env.LINLI_DEVICE_RECONNECT_MS = '200';

const executablePath = chromiumForTests();
const temp = tempDir('linli-e2e-devices-');
let browser: Browser;
let host: HostProcess | null = null;
let sim: TcpPrinterSimulator;
let scannerPair: PtyPair | null = null;

async function loginAsManager(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: /李娜/ }).click();
  await page.getByTestId('pin-input').fill('9999');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-devices').waitFor();
}

function writeTo(path: string, text: string) {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, Buffer.from(text));
  } finally {
    closeSync(fd);
  }
}

const row = (page: Page, name: string) => page.locator(`[data-testid="device-row"][data-device-name="${name}"]`);

describe.skipIf(!executablePath || !socatPath)(
  'device set-up: a manager adds a network printer and a serial scanner',
  () => {
    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: chromiumFlags });
      sim = await startTcpPrinterSimulator();
      scannerPair = await ptyPair(join(temp.dir, 'scanner-device'), join(temp.dir, 'scanner-app'));
    });
    afterAll(async () => {
      await browser?.close();
      await host?.stop();
      await sim?.close();
      await scannerPair?.kill();
      temp.remove();
    });

    it('configures both from the set-up screen, prints a test page in Chinese with a QR code, and shows live status', async () => {
      host = await startHostProcess(join(temp.dir, 'data'));
      const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 1400 } });
      const foreign: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(host!.origin) && !request.url().startsWith('data:')) foreign.push(request.url());
      });
      await loginAsManager(page, host.url);
      await page.getByTestId('nav-devices').click();

      // The demo's simulated printer is there; switch it off so receipts go to the real one.
      const demoPrinter = page.locator('[data-testid="device-row"]', { hasText: '模拟打印机' });
      await demoPrinter.getByTestId('device-toggle').click();
      await expect.poll(() => demoPrinter.getAttribute('data-state')).toBe('closed');

      // Network printer: the simulated one on 127.0.0.1.
      await page.getByTestId('printer-name').fill('前台打印机');
      await page.getByTestId('printer-host').fill('127.0.0.1');
      await page.getByTestId('printer-port').fill(String(sim.port));
      await page.getByTestId('printer-paper-58').check();
      await page.getByTestId('printer-drawer').check();
      await page.getByTestId('printer-save').click();
      await expect.poll(() => row(page, '前台打印机').getAttribute('data-health')).toBe('online');
      await expect.poll(() => page.getByTestId('printer-status').getAttribute('data-light')).toBe('ok');

      // Serial scanner on the pty.
      await page.getByTestId('scanner-name').fill('串口扫码枪');
      await page.getByTestId('scanner-path').fill(scannerPair!.app);
      await page.getByTestId('scanner-baud').selectOption('9600');
      await page.getByTestId('scanner-framing').selectOption('CRLF');
      await page.getByTestId('scanner-save').click();
      await expect.poll(() => row(page, '串口扫码枪').getAttribute('data-state')).toBe('idle');

      // Test print: the printer receives the Chinese test page with its QR code.
      const receipt = sim.simulator.nextReceipt(1);
      await row(page, '前台打印机').getByTestId('device-test-print').click();
      const printed = await receipt;
      expect(printed.lines).toContain('打印测试页');
      expect(printed.lines).toContain('中文：邻里体验店欢迎您！');
      expect(printed.lines.some((l) => /^桂花乌龙茶 250g +￥68\.00$/.test(l))).toBe(true);
      expect(printed.qrCodes).toEqual([expect.stringMatching(/^LINLI-TEST /)]);
      await expect.poll(() => page.getByTestId('devices-notice').textContent()).toBe(zhCN.devices.testPrintQueued);

      // Test scan: the serial scanner's code shows up live, routed and refused as unknown.
      writeTo(scannerPair!.device, 'CODE\r\n');
      const entry = page.getByTestId('scan-entry').filter({ hasText: 'CODE' });
      await entry.waitFor();
      expect(await entry.getAttribute('data-source')).toBe('serial');
      expect(await entry.textContent()).toContain(zhCN.errors.SCAN_NOT_RECOGNISED);

      // Live status: the printer goes away and comes back; the row and the header light follow.
      await sim.down();
      await expect.poll(() => row(page, '前台打印机').getAttribute('data-state'), { timeout: 20_000 }).toBe('error');
      await expect.poll(() => page.getByTestId('printer-status').getAttribute('data-light')).toBe('bad');
      await page.screenshot({ path: join(temp.dir, 'devices-offline.png'), fullPage: true });
      await sim.up();
      await expect.poll(() => row(page, '前台打印机').getAttribute('data-state'), { timeout: 20_000 }).toBe('idle');
      await expect.poll(() => page.getByTestId('printer-status').getAttribute('data-light')).toBe('ok');

      // The print queue shows the test page as printed, with a preview.
      await page.getByTestId('printer-status').click();
      const job = page.getByTestId('print-job').first();
      await expect.poll(() => job.getAttribute('data-status')).toBe('done');
      await job.getByTestId('print-job-preview').click();
      await expect.poll(() => page.getByTestId('receipt-preview').textContent()).toContain('打印测试页');

      // Nothing was fetched from anywhere but the kiosk's own host (no CDN for zxing-wasm either).
      expect(foreign).toEqual([]);
      await page.close();
    });
  },
);
