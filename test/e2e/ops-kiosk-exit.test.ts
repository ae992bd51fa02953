// The staff way out of the locked kiosk (issue 11): five quick taps in the top-left corner open the
// PIN prompt on the login screen; a wrong PIN is refused in the dialog; a manager's PIN is accepted
// (a plain browser tab has no kiosk window, and the dialog says so).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import zhCN from '../../renderer/i18n/zh-CN';
import { chromiumFlags, chromiumForTests } from '../support/chromium';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { tempDir } from '../support/temp-core';

const executablePath = chromiumForTests();
const temp = tempDir('linli-e2e-kiosk-exit-');
const tempUnit = tempDir('linli-e2e-kiosk-exit-unit-');
let browser: Browser;
let host: HostProcess | null = null;

describe.skipIf(!executablePath)('kiosk exit: gesture and manager PIN', () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: chromiumFlags });
    host = await startHostProcess(temp.dir);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    temp.remove();
    tempUnit.remove();
  });

  it('opens on five corner taps, refuses a wrong PIN, accepts the manager', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await page.goto(host!.url);
    await page.getByText(zhCN.login.chooseStaff).waitFor();
    // Four taps, then one elsewhere: nothing opens.
    for (let i = 0; i < 4; i++) await page.mouse.click(20, 20);
    await page.mouse.click(600, 400);
    expect(await page.getByTestId('kiosk-exit').count()).toBe(0);
    for (let i = 0; i < 5; i++) await page.mouse.click(20, 20);
    await page.getByTestId('kiosk-exit').waitFor();
    for (const d of '1111') await page.getByTestId(`kiosk-exit-pin-key-${d}`).click();
    await page.getByTestId('kiosk-exit-confirm').click();
    const error = page.getByTestId('kiosk-exit-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('PIN_WRONG');
    // The whole dialog, its error line and buttons included, fits a 1280×800 kiosk screen unscrolled.
    const confirm = await page.getByTestId('kiosk-exit-confirm').boundingBox();
    expect(confirm!.y + confirm!.height).toBeLessThanOrEqual(800);
    expect(await page.getByTestId('kiosk-exit-result').count()).toBe(0);

    for (const d of '9999') await page.getByTestId(`kiosk-exit-pin-key-${d}`).click();
    await page.getByTestId('kiosk-exit-confirm').click();
    const result = page.getByTestId('kiosk-exit-result');
    await result.waitFor();
    expect(await result.getAttribute('data-result')).toBe('nothing');
    expect(await result.textContent()).toContain(zhCN.kioskExit.nothingToClose);
    await page.close();
  });
  it('shows the error when the kiosk unit cannot be stopped, instead of "closing…" for ever', async () => {
    // Under systemd the host stops LINLI_KIOSK_UNIT; here that systemctl fails (as with no user manager).
    const failing = await startHostProcess(tempUnit.dir, {
      env: { LINLI_KIOSK_UNIT: 'linli-kiosk.service', LINLI_SYSTEMCTL: '/bin/false' },
    });
    try {
      const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
      await page.goto(failing.url);
      await page.getByText(zhCN.login.chooseStaff).waitFor();
      for (let i = 0; i < 5; i++) await page.mouse.click(20, 20);
      for (const d of '9999') await page.getByTestId(`kiosk-exit-pin-key-${d}`).click();
      await page.getByTestId('kiosk-exit-confirm').click();
      const error = page.getByTestId('kiosk-exit-error');
      await error.waitFor();
      expect(await error.getAttribute('data-code')).toBe('KIOSK_EXIT_FAILED');
      expect(await error.textContent()).toContain(zhCN.errors.KIOSK_EXIT_FAILED);
      expect(await page.getByTestId('kiosk-exit-result').count()).toBe(0);
      await page.close();
    } finally {
      await failing.stop();
    }
  });
});
