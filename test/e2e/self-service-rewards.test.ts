// Rewards at the self-service terminal, end to end in headless Chromium against the built browser
// host: the demo gold member redeems a voucher, the balance drops on member home, the voucher slip
// prints on a network receipt printer (a TCP endpoint whose ESC/POS bytes are decoded) with its
// code; rewards the member cannot have are refused with a message and change nothing; then the
// cashier's checkout accepts the voucher code once and refuses it the second time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTcpPrinterSimulator, type TcpPrinterSimulator } from '../../hardware/simulators/tcp-printer';
import zhCN from '../../renderer/i18n/zh-CN';
import { chromiumForTests, chromiumFlags } from '../support/chromium';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { demoMember } from '../support/loyalty';
import { scanIntoHome } from '../support/self-service-page';
import { loginAs, openTestCore, tempDir } from '../support/temp-core';

const executablePath = chromiumForTests();
const temp = tempDir('linli-e2e-self-rewards-');
let browser: Browser;
let host: HostProcess | null = null;
let sim: TcpPrinterSimulator;
let voucherCode = '';

/** The demo store as a self-service terminal whose receipt printer is the TCP simulator. */
async function prepare(dir: string, port: number) {
  const core = openTestCore(dir);
  await loginAs(core, 'manager');
  for (const c of await core.methods.listDeviceConfigs())
    if (c.kind === 'printer') await core.methods.saveDevice({ id: c.id, enabled: false, settings: c });
  await core.methods.saveDevice({
    settings: {
      kind: 'printer',
      name: '自助机打印机',
      connection: { type: 'tcp', host: '127.0.0.1', port },
      paperWidth: 80,
      encoding: 'gb18030',
      drawer: false,
    },
  });
  // Several pages share the terminal's one customer session here: no page may time it out meanwhile.
  await core.methods.setSelfServiceSettings({ role: 'self-service', idleSeconds: 600 });
  await core.methods.logout();
  await core.close();
}

const reward = (page: Page, zh: string) => page.locator('[data-testid^="ss-reward-"]', { hasText: zh });

async function openRewards(page: Page) {
  await page.goto(host!.url);
  await scanIntoHome(page, demoMember.card);
  await page.getByTestId('ss-tile-rewards').click();
  await page.getByTestId('ss-rewards').waitFor();
}

async function redeem(page: Page, zh: string) {
  await reward(page, zh).getByTestId('ss-reward-redeem').click();
  await page.getByTestId('ss-reward-confirm').waitFor();
  await page.getByTestId('ss-reward-confirm-yes').click();
}

describe.skipIf(!executablePath)('self-service: rewards bought with points, and the voucher at the counter', () => {
  beforeAll(async () => {
    sim = await startTcpPrinterSimulator();
    await prepare(temp.dir, sim.port);
    host = await startHostProcess(temp.dir);
    browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: chromiumFlags });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    await sim?.close();
    temp.remove();
  });

  it('redeems a voucher: the balance drops on member home and the slip prints with its code', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await openRewards(page);
    expect(await page.getByTestId('ss-rewards-balance').textContent()).toBe('5,000');
    // A reward not yet affordable shows how far away it is, and cannot be chosen.
    const cup = reward(page, '限量青瓷杯');
    expect(await cup.getByTestId('ss-reward-stock').textContent()).toBe('剩余 1 件');

    const printed = sim.simulator.nextReceipt(1);
    await redeem(page, '10元代金券');
    const code = page.getByTestId('ss-voucher-code');
    await code.waitFor();
    voucherCode = (await code.textContent())!.trim();
    expect(voucherCode).toMatch(/^C[0-9A-Z]{10}$/);
    expect(await page.getByTestId('ss-voucher-balance').textContent()).toBe('当前积分余额：4,000');

    const slip = await printed;
    expect(slip.lines).toContain(`券码 Code: ${voucherCode}`);
    expect(slip.qrCodes).toEqual([`LINLI:CPN:${voucherCode}`]);
    expect(slip.barcodes).toEqual([voucherCode]);
    expect(slip.lines.some((l) => l.includes('10元代金券'))).toBe(true);
    expect(slip.lines.some((l) => /^会员 Member +陈\*卡$/.test(l))).toBe(true);
    expect(slip.lines.some((l) => /^有效期至 Valid until +2\d{3}-\d{2}-\d{2}$/.test(l))).toBe(true);
    expect(slip.lines.join('\n')).not.toContain(demoMember.name);

    await page.getByTestId('ss-voucher-home').click();
    await expect.poll(() => page.getByTestId('ss-balance').textContent()).toBe('4,000');
    expect(await page.getByTestId('ss-coupons').textContent()).toContain(voucherCode);
    await page.close();
  }, 120_000);

  it('refuses a reward out of stock or beyond the balance with a message, and changes nothing', async () => {
    // Three screens open on the list at 4,000 points; one of them takes the last cup.
    const pages: Page[] = [];
    for (let i = 0; i < 3; i++) {
      const page = await browser.newPage({ locale: 'zh-CN' });
      await openRewards(page);
      pages.push(page);
    }
    const [a, b, c] = pages;
    await redeem(b!, '限量青瓷杯');
    await b!.getByTestId('ss-voucher-code').waitFor();
    expect(await b!.getByTestId('ss-voucher-balance').textContent()).toBe('当前积分余额：0');

    // A still shows the cup in stock: the terminal refuses it, says why, and shows the list as it is.
    await redeem(a!, '限量青瓷杯');
    await expect.poll(() => a!.getByTestId('error').getAttribute('data-code')).toBe('REWARD_OUT_OF_STOCK');
    expect(await a!.getByTestId('error').textContent()).toContain(zhCN.errors.REWARD_OUT_OF_STOCK);
    await expect.poll(() => a!.getByTestId('ss-rewards-balance').textContent()).toBe('0');
    expect(await reward(a!, '限量青瓷杯').getByTestId('ss-reward-stock').textContent()).toBe('已兑完');
    expect(await reward(a!, '限量青瓷杯').getByTestId('ss-reward-redeem').isDisabled()).toBe(true);

    // C still shows 4,000 points: the ¥30 voucher (2,800) is refused for the points it lacks.
    await redeem(c!, '30元代金券');
    await expect.poll(() => c!.getByTestId('error').getAttribute('data-code')).toBe('REWARD_POINTS_SHORT');
    expect(await c!.getByTestId('error').textContent()).toContain('需要 2800 积分，您有 0 积分');
    await expect.poll(() => c!.getByTestId('ss-rewards-balance').textContent()).toBe('0');
    const thirty = reward(c!, '30元代金券');
    expect(await thirty.getByTestId('ss-reward-short').textContent()).toBe('还差 2,800 积分');
    expect(await thirty.getByTestId('ss-reward-redeem').isDisabled()).toBe(true);
    expect(await thirty.getByTestId('ss-reward-stock').textContent()).toBe('剩余 50 件');

    // Nothing more printed than the two vouchers, and member home shows the same balance.
    expect(sim.simulator.receipts.length).toBe(2);
    await c!.getByTestId('ss-back').click();
    await expect.poll(() => c!.getByTestId('ss-balance').textContent()).toBe('0');
    await Promise.all([a!, b!, c!].map((p) => p.close()));
  }, 120_000);

  it('the counter accepts the voucher code once and refuses it the second time', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await page.goto(host!.url);
    await page.getByTestId('ss-staff').click();
    await page.getByRole('button', { name: /张伟/ }).click();
    await page.getByTestId('pin-input').fill('1234');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-search').waitFor();

    const basket = async () => {
      await page.getByTestId('nav-checkout').click();
      await page.getByTestId('product-TEA-001').click();
      await page.getByTestId('checkout-code-input').fill(demoMember.card);
      await page.getByTestId('checkout-code-submit').click();
      await page.getByTestId('checkout-member').waitFor();
      await page.getByTestId('checkout-code-input').fill(voucherCode);
      await page.getByTestId('checkout-code-submit').click();
    };
    await basket();
    await expect.poll(() => page.getByTestId(`checkout-coupon-${voucherCode}`).getAttribute('data-minor')).toBe('1000');
    await page.getByTestId('checkout-cash').fill('100');
    await page.getByTestId('checkout-complete').click();
    await page.getByTestId('checkout-change').waitFor();

    await page.getByTestId('checkout-new').click();
    await basket();
    await expect.poll(() => page.getByTestId('checkout-code-error').textContent()).toBe(zhCN.errors.COUPON_USED);
    expect(await page.getByTestId(`checkout-coupon-${voucherCode}`).count()).toBe(0);
    await page.close();
  }, 120_000);
});
