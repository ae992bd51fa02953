// The self-service terminal as a customer meets it: the attract loop, a card scan that opens
// member home with a masked name and the right balance, a refused card, and the idle timeout that
// forgets the member (nothing of theirs left in the page).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { luhnCheckDigit } from '../../domain/card-number';
import zhCN from '../../renderer/i18n/zh-CN';
import { chromiumForTests, chromiumFlags } from '../support/chromium';
import type { HostProcess } from '../support/host-process';
import { demoMember } from '../support/loyalty';
import { scanIntoHome, startSelfServiceHost, wedgeScan } from '../support/self-service-page';
import { tempDir } from '../support/temp-core';

const executablePath = chromiumForTests();
const temp = tempDir('linli-e2e-self-home-');
let browser: Browser;
let host: HostProcess | null = null;

describe.skipIf(!executablePath)('self-service: attract screen, member home, idle timeout', () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: chromiumFlags });
    host = await startSelfServiceHost(temp.dir);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    temp.remove();
  });

  it('opens member home with the masked name and balance after a card scan', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await page.goto(host!.url);
    await expect.poll(() => page.getByTestId('ss-start').textContent()).toContain(zhCN.selfService.attract.scan);
    await scanIntoHome(page, demoMember.card);
    await expect.poll(() => page.getByTestId('ss-greeting').textContent()).toBe('您好，陈*卡');
    expect(await page.getByTestId('ss-balance').textContent()).toBe('5,000');
    expect(await page.getByTestId('ss-masked-phone').textContent()).toBe('137****0888');
    // Neither the whole name nor the whole number is anywhere in the page.
    const html = await page.content();
    expect(html).not.toContain('陈金卡');
    expect(html).not.toContain('13700000888');
    await page.close();
  });

  it('refuses an unknown card with a message and stays on the attract screen', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(host!.url);
    await page.getByTestId('ss-attract').waitFor();
    await wedgeScan(page, `880000000000001${luhnCheckDigit('880000000000001')}`);
    await expect.poll(() => page.getByTestId('error').getAttribute('data-code')).toBe('CARD_UNKNOWN');
    expect(await page.getByTestId('ss-attract').isVisible()).toBe(true);
    await page.close();
  });

  it('counts down, then forgets the member and shows the attract screen', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.clock.install();
    await page.goto(host!.url);
    await scanIntoHome(page, demoMember.card);
    await page.clock.fastForward(36_000);
    await expect.poll(() => page.getByTestId('ss-idle-countdown').textContent()).toContain('秒后自动退出');
    await page.clock.fastForward(10_000);
    await page.getByTestId('ss-attract').waitFor();
    expect(await page.getByTestId('ss-home').count()).toBe(0);
    expect(await page.content()).not.toContain('陈*卡');
    await page.close();
  });
});
