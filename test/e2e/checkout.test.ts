import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { demoMember } from '../../features/demo/demo-loyalty';
import { chromiumForTests, chromiumFlags } from '../support/chromium';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { prepareStoreWithFeedbackUrl, tempDir } from '../support/temp-core';

const executablePath = chromiumForTests();
const temp = tempDir('linli-e2e-checkout-');
let browser: Browser;
let host: HostProcess | null = null;

describe.skipIf(!executablePath)('counter: a sale with a gold member, a coupon, points and cash; then a refund', () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: chromiumFlags });
    await prepareStoreWithFeedbackUrl(temp.dir);
    host = await startHostProcess(temp.dir);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    temp.remove();
  });

  it('scans the card and two products, sees gold prices, pays with SAVE10 + 3000 points + ¥100 cash, refunds the cakes', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(host!.url);
    await page.getByRole('button', { name: /张伟/ }).click();
    await page.getByTestId('pin-input').fill('1234');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-checkout').click();
    await page.getByTestId('checkout-empty').waitFor();

    // The scanner types the member card, then two product barcodes.
    await page.keyboard.type(`${demoMember.card}\n`);
    await expect.poll(() => page.getByTestId('checkout-member').textContent()).toContain(demoMember.name);
    expect(await page.getByTestId('checkout-member-tier').textContent()).toBe('金卡会员');
    await page.keyboard.type('6901234567892\n');
    await page.getByTestId('line-TEA-001').waitFor();
    await page.keyboard.type('6901234567113\n');
    await page.getByTestId('line-SNK-001').waitFor();

    // Gold-member prices, with the list price struck through.
    const tea = page.getByTestId('line-price-TEA-001');
    expect(await tea.getAttribute('data-unit')).toBe('6000');
    expect(await tea.textContent()).toContain('¥60.00');
    expect(await tea.locator('s').textContent()).toBe('¥68.00');
    expect(await page.getByTestId('line-price-SNK-001').getAttribute('data-unit')).toBe('3500');
    expect(await page.getByTestId('checkout-total').textContent()).toBe('¥95.00');

    // A coupon typed at the counter; then part of the bill in points.
    await page.getByTestId('checkout-code-input').fill('SAVE10');
    await page.getByTestId('checkout-code-submit').click();
    await expect.poll(() => page.getByTestId('checkout-coupons').textContent()).toContain('SAVE10');
    await expect.poll(() => page.getByTestId('checkout-total').textContent()).toBe('¥85.00');
    await page.getByTestId('checkout-points').fill('3000');
    await page.getByTestId('checkout-points-apply').click();
    await expect.poll(() => page.getByTestId('checkout-due').getAttribute('data-minor')).toBe('5500');

    // The rest in cash; the change is shown before and after completing.
    await page.getByTestId('checkout-cash').fill('100');
    await expect.poll(() => page.getByTestId('checkout-change-preview').textContent()).toContain('¥45.00');
    await page.getByTestId('checkout-complete').click();
    await expect.poll(() => page.getByTestId('checkout-change').getAttribute('data-minor')).toBe('4500');
    expect(await page.getByTestId('checkout-change').textContent()).toContain('¥45.00');
    // 5000 − 3000 + 134 earned (tea ×2, gold ×1.5, on what was paid in money after the coupon).
    expect(await page.getByTestId('checkout-points-earned').getAttribute('data-points')).toBe('134');
    expect(await page.getByTestId('checkout-balance-after').getAttribute('data-points')).toBe('2134');
    const receipt = page.getByTestId('receipt-preview');
    await receipt.waitFor();
    const paper = (await receipt.textContent()) ?? '';
    for (const s of ['邻里体验店', '张伟', 'SAVE10', '会员价节省', '+134', '2134', '¥45.00'])
      expect(paper).toContain(s);
    expect(await receipt.getByTestId('receipt-qr').count()).toBe(1);
    // The preview's QR code is a real one, drawn by the locally served wasm writer.
    await expect
      .poll(() => receipt.getByTestId('receipt-qr').locator('img').getAttribute('src'))
      .toMatch(/^data:image\/svg\+xml/);

    // Refund the cakes from this receipt: their points are reversed, their redeemed points returned.
    await page.getByTestId('checkout-refund').click();
    await page.getByTestId('refund-line-SNK-001').waitFor();
    await page.getByTestId('refund-plus-SNK-001').click();
    await expect.poll(() => page.getByTestId('refund-preview-money').getAttribute('data-minor')).toBe('2027');
    await page.getByTestId('refund-submit').click();
    await page.getByTestId('refund-dialog-confirm').click();
    await expect.poll(() => page.getByTestId('refund-balance-after').getAttribute('data-points')).toBe('3209');
    expect(await page.getByTestId('refund-amount').textContent()).toContain('¥20.27');
    expect(await page.getByTestId('refund-points-reversed').textContent()).toContain('-30');
    expect(await page.getByTestId('refund-points-returned').textContent()).toContain('+1105');
    expect(await page.getByTestId('refund-result').getByTestId('receipt-preview').getAttribute('data-kind')).toBe(
      'refund',
    );

    // The member screen agrees: balance, tier bar, what expires, the ledger.
    await page.getByTestId('nav-search').click();
    await page.keyboard.type(`${demoMember.card}\n`);
    await expect.poll(() => page.getByTestId('loyalty-balance').textContent()).toBe('3209');
    expect(await page.getByTestId('loyalty-tier').textContent()).toBe('金卡会员');
    expect(await page.getByTestId('tier-progress-bar').getAttribute('aria-valuenow')).toBe('100');
    expect(await page.getByTestId('loyalty-expiring').textContent()).toContain('3209');
    expect(await page.getByTestId('loyalty-ledger').locator('li').count()).toBeGreaterThanOrEqual(4);

    // The X report has the sale, the refund and a chart.
    await page.getByTestId('nav-reports').click();
    await expect.poll(() => page.getByTestId('report-sales').textContent()).toContain('1');
    expect(await page.getByTestId('report-refunds').textContent()).toContain('1');
    expect(await page.getByTestId('report-chart-tenders').locator('rect').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('a refused coupon says why and the basket stays as it was; voiding writes nothing', async () => {
    const page = await browser.newPage({ locale: 'en' });
    await page.goto(host!.url);
    // The core keeps one staff session per terminal: 张伟 is still logged in from the first sale.
    await page.getByTestId('nav-checkout').click();
    await page.keyboard.type('6901234567113\n');
    await page.getByTestId('line-SNK-001').waitFor();
    await page.getByTestId('checkout-code-input').fill('SAVE10');
    await page.getByTestId('checkout-code-submit').click();
    // The refusal shows beside the code input it was typed into.
    const refused = page.getByTestId('checkout-code-error');
    await expect.poll(() => refused.getAttribute('data-code')).toBe('COUPON_MIN_SPEND');
    expect(await refused.textContent()).toContain('¥50.00');
    expect(await page.getByTestId('checkout-total').textContent()).toContain('39.00');
    await page.getByTestId('checkout-void').click();
    await page.getByTestId('void-dialog-confirm').click();
    await page.getByTestId('checkout-empty').waitFor();
    await page.getByTestId('nav-reports').click();
    // Still only the one sale from the first test.
    await expect.poll(() => page.getByTestId('report-sales').textContent()).toContain('1');
    await page.close();
  });
});
