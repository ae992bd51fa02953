// The camera path: no scanner at the terminal, the customer holds the member QR on their phone up
// to the camera. Chromium's fake camera plays a video made here of a QR code of the demo member's
// card number; the camera scanner on the attract screen reads it and member home opens.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { chromiumForTests, chromiumFlags } from '../support/chromium';
import type { HostProcess } from '../support/host-process';
import { demoMember } from '../support/loyalty';
import { startSelfServiceHost, writeQrY4m } from '../support/self-service-page';
import { tempDir } from '../support/temp-core';

const executablePath = chromiumForTests();
const temp = tempDir('linli-e2e-self-camera-');
let browser: Browser;
let host: HostProcess | null = null;

describe.skipIf(!executablePath)('self-service: the camera reads a member QR', () => {
  beforeAll(async () => {
    const video = join(temp.dir, 'member-qr.y4m');
    await writeQrY4m(video, demoMember.card);
    browser = await chromium.launch({
      executablePath: executablePath!,
      headless: true,
      args: [
        ...chromiumFlags,
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ],
    });
    host = await startSelfServiceHost(join(temp.dir, 'data'));
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    temp.remove();
  });

  it('opens member home from the QR the camera sees', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(['camera'], { origin: new URL(host!.url).origin });
    const page = await context.newPage();
    await page.goto(host!.url);
    await page.getByTestId('ss-attract').waitFor();
    await page.getByTestId('ss-camera').click();
    await page.getByTestId('camera-video').waitFor();
    await page.getByTestId('ss-home').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('ss-greeting').textContent()).toBe('您好，陈*卡');
    expect(await page.getByTestId('ss-balance').textContent()).toBe('5,000');
    // Member home has no camera running behind it.
    expect(await page.getByTestId('camera-video').count()).toBe(0);
    await context.close();
  });
});
