// The manager's rewards at the counter (社区 → 积分礼品): the demo rewards are listed with their
// stock; a reward with a missing name or value is refused beside its field and nothing is added;
// a good one is added, restocked (a bad stock refused with its message) and retired.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import zhCN from '../../renderer/i18n/zh-CN';
import { chromiumForTests, chromiumFlags } from '../support/chromium';
import { loginAt, openCommunityTab } from '../support/counter-page';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { tempDir } from '../support/temp-core';

const executablePath = chromiumForTests();
const temp = tempDir('linli-e2e-rewards-counter-');
let browser: Browser;
let host: HostProcess | null = null;

describe.skipIf(!executablePath)('counter: the manager keeps the rewards', () => {
  beforeAll(async () => {
    host = await startHostProcess(temp.dir);
    browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: chromiumFlags });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    temp.remove();
  });

  it('lists, refuses bad input beside its field, adds, restocks and retires', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 1000 } });
    await loginAt(page, host!.url, '李娜');
    await openCommunityTab(page, 'rewards');
    const rows = page.locator('[data-testid^="reward-row-"]');
    await expect.poll(() => rows.count()).toBe(4);
    expect(await rows.filter({ hasText: '限量青瓷杯' }).getByTestId('reward-stock').textContent()).toBe('1');

    // No name, no value: each refused beside its own field, nothing added.
    await page.getByTestId('reward-cost').fill('500');
    await page.getByTestId('reward-save').click();
    await expect
      .poll(() => page.getByTestId('field-error-nameZh').textContent())
      .toBe(zhCN.errors.REWARD_NAME_REQUIRED);
    await page.getByTestId('reward-name-zh').fill('5元券');
    await page.getByTestId('reward-save').click();
    await expect
      .poll(() => page.getByTestId('field-error-amountOffMinor').textContent())
      .toBe(zhCN.errors.REWARD_AMOUNT_INVALID);
    expect(await rows.count()).toBe(4);

    await page.getByTestId('reward-amount').fill('5');
    await page.getByTestId('reward-stock-new').fill('3');
    await page.getByTestId('reward-save').click();
    await expect.poll(() => page.getByTestId('reward-added').textContent()).toBe('已添加“5元券”。');
    await expect.poll(() => rows.count()).toBe(5);
    const added = rows.filter({ hasText: '5元券' });
    expect(await added.getByTestId('reward-stock').textContent()).toBe('3');

    await added.getByTestId('reward-stock-edit').click();
    await added.getByTestId('reward-stock-input').fill('-2');
    await added.getByTestId('reward-stock-save').click();
    await expect
      .poll(() => page.getByTestId('rewards-list-error').textContent())
      .toBe(zhCN.errors.REWARD_STOCK_INVALID);
    await added.getByTestId('reward-stock-input').fill('10');
    await added.getByTestId('reward-stock-save').click();
    await expect.poll(() => added.getByTestId('reward-stock').textContent()).toBe('10');

    await added.getByTestId('reward-retire').click();
    await page.getByTestId('reward-retire-dialog-confirm').click();
    await expect.poll(() => added.getByTestId('reward-status').textContent()).toBe('已下架');
    await page.close();
  });
});
