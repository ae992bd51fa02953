// The staff side of a self-service terminal: a manager turns a counter into a self-service terminal
// in Devices and every window becomes the customers' screen at once; the idle time set there is the
// one the countdown uses; a bad idle time is refused with nothing saved; staff reach the counter
// screens through the small staff button and their PIN, and logging out hands the terminal back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import zhCN from '../../renderer/i18n/zh-CN';
import { chromiumForTests, chromiumFlags } from '../support/chromium';
import { loginAt } from '../support/counter-page';
import type { HostProcess } from '../support/host-process';
import { demoMember } from '../support/loyalty';
import { scanIntoHome, startSelfServiceHost } from '../support/self-service-page';
import { tempDir } from '../support/temp-core';

const executablePath = chromiumForTests();
const temp = tempDir('linli-e2e-self-staff-');
let browser: Browser;
let host: HostProcess | null = null;

async function openRolePanel(page: Page): Promise<void> {
  await page.getByTestId('nav-devices').click();
  await page.getByTestId('role-form').waitFor();
}

describe.skipIf(!executablePath)('self-service: the role switch and the staff path', () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: chromiumFlags });
    // A counter terminal to begin with: the manager makes it a self-service one.
    host = await startSelfServiceHost(temp.dir, { role: false });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    temp.remove();
  });

  it('refuses a bad idle time in Devices and keeps the counter', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await loginAt(page, host!.url, '李娜');
    await openRolePanel(page);
    await page.getByTestId('role-self-service').check();
    await page.getByTestId('role-idle').fill('5');
    await page.getByTestId('role-save').click();
    await expect.poll(() => page.getByTestId('role-form').textContent()).toContain(zhCN.errors.IDLE_SECONDS_INVALID);
    await page.reload();
    await page.getByTestId('nav-search').waitFor();
    await openRolePanel(page);
    expect(await page.getByTestId('role-counter').isChecked()).toBe(true);
    expect(await page.getByTestId('role-idle').inputValue()).toBe('45');
    expect(await page.getByTestId('self-service').count()).toBe(0);
    await page.getByTestId('nav-logout').click();
    await page
      .getByTestId('login-submit')
      .or(page.getByRole('button', { name: /李娜/ }))
      .first()
      .waitFor();
    await page.close();
  });

  it('turns every window into the self-service screen at once, with the idle time the manager set', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.clock.install();
    await loginAt(page, host!.url, '李娜');
    const other = await context.newPage();
    await other.goto(host!.url);
    await other.getByTestId('nav-search').waitFor();

    await openRolePanel(page);
    await page.getByTestId('role-self-service').check();
    await page.getByTestId('role-idle').fill('20');
    await page.getByTestId('role-save').click();
    await page.getByTestId('ss-attract').waitFor();
    await other.getByTestId('ss-attract').waitFor();
    expect(await page.getByTestId('nav-search').count()).toBe(0);

    // 20 s, not 45: the countdown shows after 10 s without a touch and ends the visit at 20.
    await scanIntoHome(page, demoMember.card);
    await page.clock.fastForward(11_000);
    await page.getByTestId('ss-idle-countdown').waitFor();
    await page.clock.fastForward(10_000);
    await page.getByTestId('ss-attract').waitFor();
    expect(await page.getByTestId('ss-home').count()).toBe(0);
    await context.close();
  });

  it('lets staff in through the staff button and PIN, and logging out hands the terminal back', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(host!.url);
    await page.getByTestId('ss-attract').waitFor();
    await page.getByTestId('ss-staff').click();
    // Changed their mind: back to the customers' screen without logging in.
    await page.getByTestId('back-to-self-service').click();
    await page.getByTestId('ss-attract').waitFor();

    await page.getByTestId('ss-staff').click();
    await page.getByRole('button', { name: /张伟/ }).click();
    await page.getByTestId('pin-input').fill('1234');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-search').waitFor();
    expect(await page.getByTestId('self-service').count()).toBe(0);
    // A cashier is not offered the role switch.
    expect(await page.getByTestId('nav-devices').count()).toBe(0);

    await page.getByTestId('nav-logout').click();
    await page.getByTestId('ss-attract').waitFor();
    expect(await page.getByTestId('nav-search').count()).toBe(0);
    await page.close();
  });
});
