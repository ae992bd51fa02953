// Correcting a member's profile at the counter: the Edit dialog on the member screen refuses a blank
// name beside the field, then saves the corrected name, community and interests, and the member
// screen shows them, also after the profile is opened again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import zhCN from '../../renderer/i18n/zh-CN';
import { chromiumForTests, chromiumFlags } from '../support/chromium';
import { loginAt } from '../support/counter-page';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { tempDir } from '../support/temp-core';

const executablePath = chromiumForTests();
const temp = tempDir('linli-e2e-profile-');
let browser: Browser;
let host: HostProcess | null = null;

describe.skipIf(!executablePath)('counter: edit a member profile', () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: chromiumFlags });
    host = await startHostProcess(temp.dir);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    temp.remove();
  });

  it('refuses a blank name in place, then saves the corrected profile', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await loginAt(page, host!.url);
    await page.getByTestId('nav-enrol').click();
    await page.getByTestId('enrol-name').fill('王小明');
    await page.getByTestId('enrol-phone').fill('139 1234 8765');
    await page.getByTestId('consent-data_processing').check();
    await page.getByTestId('enrol-submit').click();
    await expect.poll(() => page.getByTestId('profile-name').textContent()).toBe('王小明');

    await page.getByTestId('profile-edit').click();
    await page.getByTestId('profile-dialog-name').fill('   ');
    await page.getByTestId('profile-dialog-confirm').click();
    await expect.poll(() => page.getByTestId('field-error-name').textContent()).toBe(zhCN.errors.NAME_REQUIRED);
    expect(await page.getByTestId('profile-name').textContent()).toBe('王小明');

    await page.getByTestId('profile-dialog-name').fill('王晓明');
    await page.getByTestId('profile-dialog-community').fill('翠湖花园');
    await page.getByTestId('profile-dialog-interests').fill('茶艺，烘焙');
    await page.getByTestId('profile-dialog-gender').selectOption('male');
    await page.getByTestId('profile-dialog-confirm').click();
    await page.getByTestId('profile-dialog').waitFor({ state: 'detached' });
    expect(await page.getByTestId('profile-name').textContent()).toBe('王晓明');
    expect(await page.getByTestId('profile-community').textContent()).toBe('翠湖花园');
    expect(await page.getByTestId('profile-interests').textContent()).toBe('茶艺、烘焙');
    expect(await page.getByTestId('profile-gender').textContent()).toBe(zhCN.genders.male);

    // Found again by the new name, the saved profile is what the member screen shows.
    await page.getByTestId('nav-search').click();
    await page.getByTestId('search-input').fill('晓明');
    await page.getByTestId('search-submit').click();
    await page.getByTestId('result-row').first().click();
    await expect.poll(() => page.getByTestId('profile-community').textContent()).toBe('翠湖花园');
  });
});
