import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { demoMember } from '../../features/demo/demo-loyalty';
import { chromiumForTests, chromiumFlags } from '../support/chromium';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { tempDir } from '../support/temp-core';

const executablePath = chromiumForTests();
const temp = tempDir('linli-e2e-checkout-errors-');
let browser: Browser;
let host: HostProcess | null = null;
let loggedIn = false;

/** A small till screen: what is out of this box is out of the cashier's sight. */
const viewport = { width: 1024, height: 640 };

async function inViewport(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  const view = page.viewportSize()!;
  return (
    box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= view.height && box.x + box.width <= view.width
  );
}

async function checkoutPage(): Promise<Page> {
  const page = await browser.newPage({ locale: 'zh-CN', viewport });
  await page.goto(host!.url);
  // The core keeps one staff session per terminal: only the first page logs in.
  if (!loggedIn) {
    await page.getByRole('button', { name: /张伟/ }).click();
    await page.getByTestId('pin-input').fill('1234');
    await page.getByTestId('login-submit').click();
    loggedIn = true;
  }
  await page.getByTestId('nav-checkout').click();
  await page.getByTestId('checkout-empty').waitFor();
  return page;
}

/** Types a code into the counter's input (the scanner's keystroke timing is other tests' subject). */
async function typeCode(page: Page, code: string): Promise<void> {
  await page.getByTestId('checkout-code-input').fill(code);
  await page.getByTestId('checkout-code-submit').click();
}

const minor = async (l: Locator) => Number(await l.getAttribute('data-minor'));

describe.skipIf(!executablePath)(
  'counter: errors where the cashier looks, a void that asks, a refund that says first',
  () => {
    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: chromiumFlags });
      host = await startHostProcess(temp.dir);
    });
    afterAll(async () => {
      await browser?.close();
      await host?.stop();
      temp.remove();
    });

    it('Complete while money is still owed says so in the pay panel, in sight, and records nothing', async () => {
      const page = await checkoutPage();
      await typeCode(page, '6901234567892');
      await page.getByTestId('line-TEA-001').waitFor();
      await page.getByTestId('checkout-cash').fill('10');
      await page.getByTestId('checkout-complete').click();
      const error = page.locator('.payment').getByTestId('checkout-pay-error');
      await expect.poll(() => error.getAttribute('data-code')).toBe('TENDER_SHORT');
      expect(await error.textContent()).toContain('¥58.00');
      expect(await inViewport(page, error)).toBe(true);
      // Not in the banner, and no sale: the basket is still there to pay.
      expect(await page.getByTestId('error').count()).toBe(0);
      expect(await page.getByTestId('line-TEA-001').count()).toBe(1);
      await page.getByTestId('nav-reports').click();
      await expect.poll(() => page.getByTestId('report-sales').textContent()).toMatch(/\b0\b/);
      await page.close();
    });

    it('Void with lines asks first: Cancel keeps the basket, Void empties it', async () => {
      const page = await checkoutPage();
      await typeCode(page, '6901234567113');
      await page.getByTestId('line-SNK-001').waitFor();
      await page.getByTestId('line-plus-0').click();
      await expect.poll(() => page.getByTestId('line-qty-0').textContent()).toBe('2');
      await page.getByTestId('checkout-void').click();
      expect(await page.getByTestId('void-dialog-summary').textContent()).toContain('2 件商品，共 ¥78.00');
      await page.getByTestId('void-dialog-cancel').click();
      expect(await page.getByTestId('void-dialog').count()).toBe(0);
      expect(await page.getByTestId('line-qty-0').textContent()).toBe('2');
      await page.getByTestId('checkout-void').click();
      await page.getByTestId('void-dialog-confirm').click();
      await page.getByTestId('checkout-empty').waitFor();
      await page.close();
    });

    it('the basket and totals add up; the refund shows cash and points before confirming, and records just that', async () => {
      const page = await checkoutPage();
      await typeCode(page, demoMember.card);
      await expect.poll(() => page.getByTestId('checkout-member').textContent()).toContain(demoMember.name);
      await typeCode(page, '6901234567892');
      await page.getByTestId('line-TEA-001').waitFor();
      await page.getByTestId('line-plus-0').click();
      await typeCode(page, '6901234567113');
      await page.getByTestId('line-SNK-001').waitFor();
      await page.getByTestId('checkout-code-input').fill('SAVE10');
      await page.getByTestId('checkout-code-submit').click();
      await page.getByTestId('checkout-coupon-SAVE10').waitFor();
      await page.getByTestId('checkout-points').fill('2000');
      await page.getByTestId('checkout-points-apply').click();
      await page.getByTestId('checkout-points-value').waitFor();

      // Each line: list × qty − member saving − coupon share − points share = the line's amount.
      let linesDue = 0;
      for (const sku of ['TEA-001', 'SNK-001']) {
        const parts = page.getByTestId(`line-${sku}`).locator('.sale-line__figure dd');
        const figures = await Promise.all((await parts.all()).map(minor));
        const net = await minor(page.getByTestId(`line-net-${sku}`));
        expect(
          figures.reduce((a, b) => a + b, 0),
          sku,
        ).toBe(net);
        expect(await page.getByTestId(`line-coupon-${sku}`).count(), sku).toBe(1);
        expect(await page.getByTestId(`line-points-${sku}`).count(), sku).toBe(1);
        linesDue += net;
      }
      // The totals: list total − member savings − coupon − points = due (the demo's tax is included).
      const due = await minor(page.getByTestId('checkout-due'));
      expect(
        (await minor(page.getByTestId('checkout-list-total'))) -
          (await minor(page.getByTestId('checkout-member-savings'))) -
          (await minor(page.getByTestId('checkout-coupon-SAVE10'))) -
          (await minor(page.getByTestId('checkout-points-value'))),
      ).toBe(due);
      expect(linesDue).toBe(due);

      await page.getByTestId('checkout-cash').fill((due / 100).toFixed(2));
      await page.getByTestId('checkout-complete').click();
      await page.getByTestId('checkout-change').waitFor();
      await page.getByTestId('checkout-refund').click();
      await page.getByTestId('refund-line-TEA-001').waitFor();

      // Picking one tea: the preview says what comes back before anything is committed.
      await page.getByTestId('refund-plus-TEA-001').click();
      const money = page.getByTestId('refund-preview-money');
      await money.waitFor();
      const shown = {
        money: await minor(money),
        returned: Number(await page.getByTestId('refund-preview-points-returned').getAttribute('data-points')),
        reversed: Number(await page.getByTestId('refund-preview-points-reversed').getAttribute('data-points')),
        balance: await page.getByTestId('refund-preview-balance-after').getAttribute('data-points'),
      };
      expect(shown.money).toBeGreaterThan(0);
      expect(shown.returned).toBeGreaterThan(0);
      expect(await page.getByTestId('refund-result').count()).toBe(0);

      // The confirm dialog repeats the same figures; confirming records exactly them.
      await page.getByTestId('refund-submit').click();
      expect(await minor(page.getByTestId('refund-dialog-money'))).toBe(shown.money);
      expect(Number(await page.getByTestId('refund-dialog-points-returned').getAttribute('data-points'))).toBe(
        shown.returned,
      );
      expect(await page.getByTestId('refund-result').count()).toBe(0);
      await page.getByTestId('refund-dialog-confirm').click();
      await page.getByTestId('refund-result').waitFor();
      expect(await minor(page.getByTestId('refund-amount'))).toBe(shown.money);
      expect(Number(await page.getByTestId('refund-points-returned').getAttribute('data-points'))).toBe(shown.returned);
      expect(Number(await page.getByTestId('refund-points-reversed').getAttribute('data-points'))).toBe(shown.reversed);
      expect(await page.getByTestId('refund-balance-after').getAttribute('data-points')).toBe(shown.balance);
      await page.close();
    });
  },
);
