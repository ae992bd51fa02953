import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import en from '../../renderer/i18n/en';
import zhCN from '../../renderer/i18n/zh-CN';
import { chromiumForTests, chromiumFlags } from '../support/chromium';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { tempDir } from '../support/temp-core';

const executablePath = chromiumForTests();
const temp = tempDir('linli-e2e-token-');
let browser: Browser;
let host: HostProcess | null = null;

describe.skipIf(!executablePath)('a browser tab opened without the launch token', () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: chromiumFlags });
    host = await startHostProcess(temp.dir);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    temp.remove();
  });

  it('says it is not connected (in either language) instead of offering a first-run set-up, and asks for no favicon', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    const missing: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 404) missing.push(new URL(r.url()).pathname);
    });
    await page.goto(host!.url.split('?')[0]!);
    await expect.poll(() => page.getByTestId('not-connected').textContent()).toContain(zhCN.notConnected.title);
    expect(await page.getByTestId('setup-submit').count()).toBe(0);
    expect(await page.getByTestId('error').count()).toBe(0);
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('not-connected').textContent()).toContain(en.notConnected.title);
    expect(missing).toEqual([]);
    // The link printed at start still works in the same browser.
    await page.goto(host!.url);
    await page.getByRole('button', { name: /张伟/ }).waitFor();
    await page.close();
  });
});
