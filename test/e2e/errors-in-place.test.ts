import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { demoMember } from '../../features/demo/demo-loyalty';
import zhCN from '../../renderer/i18n/zh-CN';
import { chromiumForTests, chromiumFlags } from '../support/chromium';
import { isInViewport, loginAt } from '../support/counter-page';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { tempDir } from '../support/temp-core';

// Each error shows where the person was looking when they caused it (the field, the dialog), with
// every wrong field marked at once; the banner at the top stays empty. 1280×800 is a common till.
const executablePath = chromiumForTests();
const temp = tempDir('linli-e2e-errors-');
let browser: Browser;
let host: HostProcess | null = null;
let page: Page;

const banner = () => page.getByTestId('error');

describe.skipIf(!executablePath)('counter: errors next to their cause', () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: chromiumFlags });
    host = await startHostProcess(temp.dir);
    page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await loginAt(page, host.url, '李娜');
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    temp.remove();
  });

  it('an empty network-printer form marks its name and its address, both in view, and saves nothing', async () => {
    await page.getByTestId('nav-devices').click();
    const rowsBefore = await page.getByTestId('device-row').count();
    const form = page.getByTestId('printer-form');
    await form.getByTestId('printer-host').fill('');
    await form.getByTestId('printer-save').click();
    const nameError = form.getByTestId('field-error-name');
    const hostError = form.getByTestId('field-error-host');
    await expect.poll(() => nameError.textContent()).toBe(zhCN.errors.DEVICE_NAME_INVALID.replace('{{max}}', '40'));
    expect(await hostError.textContent()).toBe(zhCN.errors.DEVICE_HOST_INVALID);
    expect(await isInViewport(page, nameError)).toBe(true);
    expect(await isInViewport(page, hostError)).toBe(true);
    expect(await banner().count()).toBe(0);
    expect(await page.getByTestId('device-row').count()).toBe(rowsBefore);

    // Put right, the marks go and the printer is there.
    await form.getByTestId('printer-name').fill('前台打印机 2');
    await form.getByTestId('printer-host').fill('127.0.0.1');
    await form.getByTestId('printer-save').click();
    await expect.poll(() => page.getByTestId('device-row').count()).toBe(rowsBefore + 1);
    // The row can show (a device status event) a moment before the save's answer clears the marks.
    await expect.poll(() => form.getByTestId('field-error-name').count()).toBe(0);
  });

  it('a wrong card number shows inside the card dialog under the number, and the dialog stays open', async () => {
    await page.getByTestId('nav-search').click();
    await page.keyboard.type(`${demoMember.card}\n`);
    await expect.poll(() => page.getByTestId('profile-name').textContent()).toBe(demoMember.name);
    await page.getByTestId('card-assign').click();
    const dialog = page.getByTestId('card-dialog');
    await dialog.getByTestId('card-dialog-mode-scan').check();
    await dialog.getByTestId('card-dialog-number').fill('1234');
    await dialog.getByTestId('card-dialog-confirm').click();
    const message = dialog.getByTestId('field-error-card');
    await expect.poll(() => message.textContent()).toBe(zhCN.errors.CARD_INVALID);
    expect(await isInViewport(page, message)).toBe(true);
    expect(await banner().count()).toBe(0);
    // Typing again clears the old message; Cancel closes the dialog and nothing was assigned.
    await dialog.getByTestId('card-dialog-number').fill('12345');
    expect(await message.count()).toBe(0);
    await dialog.getByTestId('card-dialog-cancel').click();
    expect(await page.getByTestId('card-dialog').count()).toBe(0);
  });

  it('a points adjustment with no points and no reason marks both fields at once', async () => {
    const balance = await page.getByTestId('loyalty-balance').textContent();
    await page.getByTestId('adjust-submit').click();
    const points = page.getByTestId('loyalty-panel').getByTestId('field-error-points');
    const reason = page.getByTestId('loyalty-panel').getByTestId('field-error-reason');
    await expect.poll(() => points.textContent()).toBe(zhCN.errors.POINTS_INVALID);
    expect(await reason.textContent()).toBe(zhCN.errors.REASON_REQUIRED);
    expect(await isInViewport(page, reason)).toBe(true);
    expect(await banner().count()).toBe(0);
    expect(await page.getByTestId('loyalty-balance').textContent()).toBe(balance);
  });

  it('an enrolment with nothing filled in marks the name and the phone together', async () => {
    await page.getByTestId('nav-enrol').click();
    await page.getByTestId('enrol-submit').click();
    await expect.poll(() => page.getByTestId('field-error-name').textContent()).toBe(zhCN.errors.NAME_REQUIRED);
    expect(await page.getByTestId('field-error-phone').textContent()).toBe(zhCN.errors.PHONE_REQUIRED);
    expect(await banner().count()).toBe(0);
    // A birthday picked in part is named, not dropped.
    await page.getByTestId('enrol-name').fill('陈一');
    await page.getByTestId('enrol-phone').fill('13912348888');
    await page.getByTestId('enrol-birthday-year').selectOption('1990');
    await page.getByTestId('enrol-submit').click();
    await expect.poll(() => page.getByTestId('field-error-birthday').textContent()).toBe(zhCN.errors.BIRTHDAY_INVALID);
  });
});
