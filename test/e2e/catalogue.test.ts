import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { gs1CheckDigit } from '../../domain/barcode';
import zhCN from '../../renderer/i18n/zh-CN';
import { chromiumForTests, chromiumFlags } from '../support/chromium';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { tempDir } from '../support/temp-core';

const executablePath = chromiumForTests();
const temp = tempDir('linli-e2e-catalogue-');
let browser: Browser;
let host: HostProcess | null = null;

const barcode = `690000000123${gs1CheckDigit('690000000123')}`;

describe.skipIf(!executablePath)('a store started without demo data: the manager adds a product and sells it', () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: chromiumFlags });
    host = await startHostProcess(temp.dir, { demo: false });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    temp.remove();
  });

  it('sets up the terminal, adds a product (a missing name is flagged beside its field first), sells it by its barcode', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(host!.url);

    // The empty store's first screen: name the store and its first manager, who is logged in.
    await page.getByTestId('setup-storeName').fill('静安体验店');
    await page.getByTestId('setup-storeCode').fill('SH-002');
    await page.getByTestId('setup-managerName').fill('陈静');
    await page.getByTestId('setup-pin').fill('2468');
    await page.getByTestId('setup-submit').click();
    await expect.poll(() => page.getByTestId('staff-role').textContent()).toBe(zhCN.roles.manager);

    await page.getByTestId('nav-catalogue').click();
    await page.getByTestId('catalogue-empty').waitFor();
    // The store started with its entry tier, so members can be served before any tier is added.
    await page.getByTestId('catalogue-tier-normal').waitFor();

    await page.getByTestId('catalogue-add-product').click();
    const dialog = page.getByTestId('product-dialog');
    await dialog.waitFor();
    // A scan while the dialog is open fills the barcode, wherever the focus is (here the name field).
    await page.keyboard.type(`${barcode}\n`);
    await expect.poll(() => page.getByTestId('product-barcode').inputValue()).toBe(barcode);
    expect(await page.getByTestId('product-nameZh').inputValue()).toBe('');
    await page.getByTestId('product-sku').fill('tea-201');
    await page.getByTestId('product-category').fill('tea');
    await page.getByTestId('product-listPrice').fill('12.5');
    await page.getByTestId('product-tierPrice-normal').fill('12');
    await page.getByTestId('product-dialog-confirm').click();

    // Refused: the message stands under the name field, in view, and the dialog keeps what was typed.
    const nameError = dialog
      .locator('label.field', { has: page.getByTestId('product-nameZh') })
      .getByTestId('field-error-nameZh');
    await nameError.waitFor({ state: 'visible' });
    expect(await nameError.textContent()).toBe(zhCN.errors.PRODUCT_NAME_REQUIRED);
    const inView = await nameError.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    expect(await dialog.locator('.field-error').count()).toBe(1);
    expect(await page.getByTestId('product-dialog-error').count()).toBe(0);
    expect(await page.getByTestId('product-sku').inputValue()).toBe('tea-201');

    await page.getByTestId('product-nameZh').fill('凤凰单丛 小包');
    await page.getByTestId('product-nameEn').fill('Phoenix oolong, small');
    await page.getByTestId('product-dialog-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('catalogue-saved').textContent()).toContain('凤凰单丛 小包');
    const row = page.getByTestId('catalogue-product-TEA-201');
    expect(await row.textContent()).toContain(barcode);
    expect(await page.getByTestId('catalogue-price-TEA-201').getAttribute('data-minor')).toBe('1250');
    expect(await page.getByTestId('catalogue-status-TEA-201').textContent()).toBe(zhCN.catalogue.products.active);

    // At checkout, the barcode typed into the code field sells it at its list price (no member).
    await page.getByTestId('nav-checkout').click();
    await page.getByTestId('checkout-code-input').fill(barcode);
    await page.getByTestId('checkout-code-submit').click();
    await page.getByTestId('line-TEA-201').waitFor();
    expect(await page.getByTestId('line-TEA-201').textContent()).toContain('凤凰单丛 小包');
    await expect.poll(() => page.getByTestId('checkout-total').textContent()).toBe('¥12.50');
    await page.getByTestId('checkout-cash').fill('20');
    await page.getByTestId('checkout-complete').click();
    await expect.poll(() => page.getByTestId('checkout-change').getAttribute('data-minor')).toBe('750');
    expect(await page.getByTestId('receipt-preview').textContent()).toContain('凤凰单丛 小包');
    await page.close();
  });
});
