import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import zhCN from '../../renderer/i18n/zh-CN';
import { chromiumForTests, chromiumFlags } from '../support/chromium';
import { isInViewport, loginAt } from '../support/counter-page';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { startHubProcess, type HubProcess } from '../support/hub-process';
import { tempDir } from '../support/temp-core';

// ONLINE30 at a registered counter: Complete asks the hub, and the sale goes through; with the hub
// gone, Complete refuses the coupon beside the code field (where it was typed and can be removed),
// saying it needs the hub, and the sale is not recorded.
const executablePath = chromiumForTests();
const temp = tempDir('linli-e2e-online-coupon-');
const hubDir = tempDir('linli-e2e-online-coupon-hub-');
let hub: HubProcess | null = null;
let host: HostProcess | null = null;
let browser: Browser;
let page: Page;

async function basketWithOnline30() {
  await page.getByTestId('nav-checkout').click();
  await page.getByTestId('product-TEA-002').click();
  await page.getByTestId('line-TEA-002').waitFor();
  await page.getByTestId('product-TEA-002').click();
  await page.getByTestId('checkout-code-input').fill('ONLINE30');
  await page.getByTestId('checkout-code-submit').click();
  await page.getByTestId('checkout-coupon-ONLINE30').waitFor();
  await page.getByTestId('checkout-cash').fill('300');
}

describe.skipIf(!executablePath)('counter and hub: an online-only coupon needs the hub at Complete', () => {
  beforeAll(async () => {
    hub = await startHubProcess({ LINLI_HUB_DATA_DIR: hubDir.dir });
    host = await startHostProcess(temp.dir);
    browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: chromiumFlags });
    page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await loginAt(page, host.url, '李娜');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    await hub?.stop();
    temp.remove();
    hubDir.remove();
  });

  it('is confirmed by the hub, and refused beside the code field once the hub is gone', async () => {
    expect((await hub!.cli('create-store', '--code', 'CUIHU', '--name', '翠湖店')).ok).toBe(true);
    const made = await hub!.cli('create-code', '--store', 'CUIHU');
    const code = /([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})/.exec(made.out)?.[1];
    expect(code, made.out).toBeDefined();
    await page.getByTestId('nav-devices').click();
    await page.getByTestId('devices-sync').click();
    await page.getByTestId('sync-hub-url-input').fill(hub!.url);
    await page.getByTestId('sync-code-input').fill(code!);
    await page.getByTestId('sync-terminal-name-input').fill('翠湖 收银 1');
    await page.getByTestId('sync-register-submit').click();
    await expect.poll(() => page.getByTestId('sync-hub-url').textContent()).toBe(hub!.url);

    await basketWithOnline30();
    await page.getByTestId('checkout-complete').click();
    await page.getByTestId('checkout-change').waitFor();

    await page.getByTestId('checkout-new').click();
    await basketWithOnline30();
    await hub!.stop();
    await page.getByTestId('checkout-complete').click();
    const error = page.getByTestId('checkout-code-error');
    await expect.poll(() => error.textContent(), { timeout: 20_000 }).toBe(zhCN.errors.COUPON_OFFLINE);
    expect(await isInViewport(page, error)).toBe(true);
    expect(await page.getByTestId('checkout-change').count()).toBe(0);
    expect(await page.getByTestId('checkout-pay-error').count()).toBe(0);
  }, 180_000);
});
