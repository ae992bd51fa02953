import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import zhCN from '../../renderer/i18n/zh-CN';
import { chromiumForTests, chromiumFlags } from '../support/chromium';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { tempDir } from '../support/temp-core';

const executablePath = chromiumForTests();
const temp = tempDir('linli-e2e-');
let browser: Browser;
let host: HostProcess | null = null;

async function login(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: /张伟/ }).click();
  await page.getByTestId('pin-input').fill('1234');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-enrol').waitFor();
}

describe.skipIf(!executablePath)('counter: enrol and find a member in the browser host', () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: chromiumFlags });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    temp.remove();
  });

  it('enrols 王小明, finds her by phone suffix and by a card scan, and again after a restart', async () => {
    host = await startHostProcess(temp.dir);
    const page = await browser.newPage({ locale: 'zh-CN' });
    await login(page, host.url);
    // The token left the address bar once the page had it.
    expect(page.url()).not.toContain('token=');

    await page.getByTestId('nav-enrol').click();
    await page.getByTestId('enrol-name').fill('王小明');
    await page.getByTestId('consent-marketing_sms').check();
    await page.getByTestId('consent-data_processing').check();

    // A wrong number is refused with the translated message, and nothing is enrolled.
    await page.getByTestId('enrol-phone').fill('+86 139 1234');
    await page.getByTestId('enrol-submit').click();
    await expect.poll(() => page.getByTestId('field-error-phone').textContent()).toBe(zhCN.errors.PHONE_INVALID);
    // Beside the field only: the banner at the top is for errors that belong nowhere.
    expect(await page.getByTestId('error').count()).toBe(0);

    await page.getByTestId('enrol-phone').fill('+86 139 1234 8765');
    await page.getByTestId('enrol-submit').click();
    await expect.poll(() => page.getByTestId('profile-name').textContent()).toBe('王小明');
    const card = ((await page.getByTestId('profile-card').textContent()) ?? '').replace(/\s/g, '');
    expect(card).toMatch(/^88\d{14}$/);
    await expect
      .poll(() => page.getByTestId('consent-row-marketing_sms').textContent())
      .toContain(zhCN.consent.granted);

    // The last four digits find her.
    await page.getByTestId('nav-search').click();
    await page.getByTestId('search-input').fill('8765');
    await page.getByTestId('search-submit').click();
    const row = page.getByTestId('result-row').filter({ hasText: '王小明' });
    await row.waitFor();
    expect(await page.getByTestId('result-row').count()).toBe(1);
    await row.click();
    await expect.poll(() => page.getByTestId('profile-name').textContent()).toBe('王小明');

    // A scanner burst while the search box has focus opens her profile; the box never sees a digit.
    await page.getByTestId('nav-search').click();
    const box = page.getByTestId('search-input');
    await box.fill('');
    await box.focus();
    await box.evaluate((el: HTMLInputElement) => {
      (window as unknown as { leaked: string[] }).leaked = [];
      el.addEventListener('input', () => (window as unknown as { leaked: string[] }).leaked.push(el.value));
    });
    await page.keyboard.type(`${card}\n`);
    await expect.poll(() => page.getByTestId('profile-name').textContent()).toBe('王小明');
    expect(await page.evaluate(() => (window as unknown as { leaked: string[] }).leaked)).toEqual([]);

    // Typing by hand still reaches the field.
    await page.getByTestId('nav-search').click();
    await page.getByTestId('search-input').focus();
    await page.keyboard.type('王', { delay: 150 });
    await expect.poll(() => page.getByTestId('search-input').inputValue()).toBe('王');

    // Restart the host: she is still there, found by name.
    await page.close();
    await host.stop();
    host = await startHostProcess(temp.dir);
    const again = await browser.newPage({ locale: 'zh-CN' });
    await login(again, host.url);
    await again.getByTestId('nav-search').click();
    await again.getByTestId('search-input').fill('王小明');
    await again.getByTestId('search-submit').click();
    await again.getByTestId('result-row').filter({ hasText: '王小明' }).click();
    await expect
      .poll(() =>
        again
          .getByTestId('profile-card')
          .textContent()
          .then((t) => (t ?? '').replace(/\s/g, '')),
      )
      .toBe(card);
    await again.close();
  });

  it('tells a cashier who is not logged in to log in before scanning', async () => {
    await host?.stop();
    host = await startHostProcess(`${temp.dir}/fresh`);
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(host.url);
    await page.getByRole('button', { name: /张伟/ }).waitFor();
    await page.keyboard.type('8800123412341234\n');
    await expect.poll(() => page.getByTestId('error').textContent()).toContain(zhCN.errors.NOT_LOGGED_IN);
    await page.close();
  });
});
