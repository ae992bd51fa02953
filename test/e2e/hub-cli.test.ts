import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumForTests, chromiumFlags } from '../support/chromium';
import { loginAt } from '../support/counter-page';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { startHubProcess, type HubProcess } from '../support/hub-process';
import { tempDir } from '../support/temp-core';

// The operator's CLI end to end: a hub started as `npm run hub` starts it (embedded PGlite), a
// store and a one-time code made with `hub:admin`, the counter registered with them from its sync
// screen in Chromium, then a price changed with `hub:admin set-price`: the cashier sees the new
// price on the product tile and on the line already in the basket, without reloading anything.
const executablePath = chromiumForTests();
const hubDir = tempDir('linli-e2e-hub-cli-hub-');
const counterDir = tempDir('linli-e2e-hub-cli-counter-');
let hub: HubProcess | null = null;
let host: HostProcess | null = null;
let browser: Browser;
let page: Page;

describe.skipIf(!executablePath)('the hub CLI end to end: a price set with set-price shows at the counter', () => {
  beforeAll(async () => {
    hub = await startHubProcess({ LINLI_HUB_DATA_DIR: hubDir.dir });
    host = await startHostProcess(counterDir.dir, { demo: true });
    browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: chromiumFlags });
    page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await loginAt(page, host.url, '李娜');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    await hub?.stop();
    hubDir.remove();
    counterDir.remove();
  });

  it('registers with a CLI-made code, and a price changed with the CLI reaches the checkout screen', async () => {
    const cli = async (...args: string[]) => {
      const run = await hub!.cli(...args);
      expect(run.ok, run.out).toBe(true);
      return run.out;
    };
    await cli('create-store', '--code', 'CUIHU', '--name', '翠湖店');
    const code = /([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})/.exec(await cli('create-code', '--store', 'CUIHU'))?.[1];
    expect(code).toBeDefined();
    // The brand takes the shop's oolong into its catalogue at the shelf price the counter has.
    await cli(
      'upsert-product',
      '--sku',
      'TEA-001',
      '--name-zh',
      '桂花乌龙茶 250g',
      '--name-en',
      'Osmanthus oolong 250 g',
      '--category',
      'tea',
      '--barcode',
      '6901234567892',
      '--price',
      '68',
    );

    await page.getByTestId('nav-devices').click();
    await page.getByTestId('devices-sync').click();
    await page.getByTestId('sync-hub-url-input').fill(hub!.url);
    await page.getByTestId('sync-code-input').fill(code!);
    await page.getByTestId('sync-terminal-name-input').fill('翠湖 收银 1');
    await page.getByTestId('sync-register-submit').click();
    await expect.poll(() => page.getByTestId('sync-hub-url').textContent()).toBe(hub!.url);

    // Registered: the catalogue screen says the hub keeps it, and offers no edits.
    await page.getByTestId('nav-catalogue').click();
    await page.getByTestId('catalogue-hub-managed').waitFor();
    expect(await page.getByTestId('catalogue-add-product').count()).toBe(0);
    expect(await page.getByTestId('catalogue-edit-TEA-001').count()).toBe(0);

    // A basket with the oolong at ¥68.00.
    await page.getByTestId('nav-checkout').click();
    await expect.poll(() => page.getByTestId('product-price-TEA-001').textContent()).toBe('¥68.00');
    await page.getByTestId('product-TEA-001').click();
    await expect.poll(() => page.getByTestId('line-price-TEA-001').getAttribute('data-unit')).toBe('6800');

    expect(await cli('set-price', '--sku', 'TEA-001', '--price', '72.50')).toMatch(/list price set to ¥72\.50/);

    await expect
      .poll(() => page.getByTestId('product-price-TEA-001').textContent(), { timeout: 30_000 })
      .toBe('¥72.50');
    await expect.poll(() => page.getByTestId('line-price-TEA-001').getAttribute('data-unit')).toBe('7250');
    expect(await page.getByTestId('line-price-TEA-001').textContent()).toContain('¥72.50');
  }, 240_000);
});
