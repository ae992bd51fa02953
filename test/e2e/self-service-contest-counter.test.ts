// A contest at the counter, in headless Chromium: the cashier types an entrant's code in the coupon
// field, the basket shows whom the sale votes for and how many votes, and after Complete the
// Community screen's Contests tab shows the entrant's votes in its bar chart.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { databaseFileName } from '../../features/app';
import { openDatabase } from '../../db/open';
import { createRepositories } from '../../db/repositories';
import zhCN from '../../renderer/i18n/zh-CN';
import { chromiumForTests, chromiumFlags } from '../support/chromium';
import { saveContest } from '../support/contests';
import { loginAt, openCommunityTab } from '../support/counter-page';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { enrolment, loginAs, openTestCore, tempDir } from '../support/temp-core';

const executablePath = chromiumForTests();
const temp = tempDir('linli-e2e-contest-counter-');
let browser: Browser;
let host: HostProcess | null = null;

async function prepare(dir: string): Promise<void> {
  const core = openTestCore(dir);
  await loginAs(core, 'manager');
  const friend = await core.methods.enrolMember(enrolment({ name: '李小红', phone: '13812345678' }));
  if (!friend.created) throw new Error('expected a new member');
  await core.close();
  const db = openDatabase(join(dir, databaseFileName));
  saveContest(createRepositories(db), new Date(), [{ memberId: friend.member.id, name: '李小红', code: 'V-3K7Q' }]);
  db.close();
}

describe.skipIf(!executablePath)('counter: a purchase with an entrant code votes', () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: chromiumFlags });
    await prepare(temp.dir);
    host = await startHostProcess(temp.dir);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    temp.remove();
  });

  it('the basket shows the votes; the Contests tab shows them after the sale', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await loginAt(page, host!.url, '李娜');
    await page.getByTestId('nav-checkout').click();
    await page.getByTestId('product-TEA-001').click();
    await page.getByTestId('line-TEA-001').waitFor();
    await page.getByTestId('checkout-code-input').fill('v-3k7q');
    await page.getByTestId('checkout-code-submit').click();
    const entrant = page.getByTestId('checkout-entrant');
    await expect.poll(() => entrant.textContent()).toContain('李*红');
    expect(await entrant.textContent()).toContain('+5');
    expect(await entrant.textContent()).toContain(zhCN.checkoutEntrant.label);
    await page.getByTestId('checkout-cash').fill('100');
    await page.getByTestId('checkout-complete').click();
    await page.getByTestId('checkout-change').waitFor();

    await openCommunityTab(page, 'contests');
    const chart = page.getByTestId('contest-chart-contest-1');
    await chart.waitFor();
    await expect.poll(() => chart.textContent()).toContain('5 票');
    expect(await chart.textContent()).toContain('V-3K7Q');
    expect(await page.getByTestId('contests-tab').textContent()).toContain('翠湖社区茶艺之星');
    await page.close();
  });
});
