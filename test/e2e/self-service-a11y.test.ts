// Touch at arm's length: every target on the attract screen and member home is at least 48 px
// both ways, in landscape (1280×800) and portrait (1080×1920), in normal and larger text; larger
// text makes the text bigger and stays on after a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumForTests, chromiumFlags } from '../support/chromium';
import type { HostProcess } from '../support/host-process';
import { demoMember } from '../support/loyalty';
import { scanIntoHome, startSelfServiceHost } from '../support/self-service-page';
import { tempDir } from '../support/temp-core';

const executablePath = chromiumForTests();
const temp = tempDir('linli-e2e-self-a11y-');
let browser: Browser;
let host: HostProcess | null = null;

const viewports = [
  { width: 1280, height: 800 },
  { width: 1080, height: 1920 },
];

/** Every button, link and field a finger can hit that is smaller than 48×48 px, by its test id or text. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.getByTestId('self-service').evaluate((root) =>
    [...root.querySelectorAll<HTMLElement>('button, a[href], input, textarea, select, [role="button"]')]
      .filter((el) => el.getClientRects().length > 0)
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width < 48 || box.height < 48;
      })
      .map((el) => {
        const box = el.getBoundingClientRect();
        return `${el.dataset.testid ?? el.textContent?.trim() ?? el.tagName} ${Math.round(box.width)}×${Math.round(box.height)}`;
      }),
  );
}

const fontSize = (page: Page) =>
  page.getByTestId('ss-greeting').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

describe.skipIf(!executablePath)('self-service: touch targets and larger text', () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: chromiumFlags });
    host = await startSelfServiceHost(temp.dir);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    temp.remove();
  });

  for (const viewport of viewports)
    it(`keeps every target at least 48 px at ${viewport.width}×${viewport.height}`, async () => {
      const page = await browser.newPage({ locale: 'zh-CN', viewport });
      await page.goto(host!.url);
      await page.getByTestId('ss-attract').waitFor();
      await page.getByTestId('ss-camera').waitFor();
      expect(await smallTargets(page)).toEqual([]);
      await scanIntoHome(page, demoMember.card);
      expect(await page.getByRole('button').count()).toBeGreaterThan(8);
      expect(await smallTargets(page)).toEqual([]);
      // Larger text keeps them too.
      await page.getByTestId('ss-large-text').click();
      expect(await smallTargets(page)).toEqual([]);
      // Nothing spills sideways: no horizontal scrolling on a touch screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await page.evaluate(() => localStorage.clear());
      await page.close();
    });

  it('makes the text larger and keeps it that way after a reload', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await page.goto(host!.url);
    await scanIntoHome(page, demoMember.card);
    const normal = await fontSize(page);
    expect(await page.getByTestId('ss-large-text').getAttribute('aria-pressed')).toBe('false');
    await page.getByTestId('ss-large-text').click();
    await expect.poll(() => fontSize(page)).toBeGreaterThan(normal * 1.2);
    expect(await page.getByTestId('ss-large-text').getAttribute('aria-pressed')).toBe('true');

    await page.reload();
    await scanIntoHome(page, demoMember.card);
    expect(await fontSize(page)).toBeGreaterThan(normal * 1.2);
    expect(await page.getByTestId('ss-large-text').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('ss-large-text').click();
    await expect.poll(() => fontSize(page)).toBe(normal);
    await page.close();
  });
});
