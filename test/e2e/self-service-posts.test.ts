// Ambassador posts end to end on the browser host in the self-service role: a member submits a
// link at the terminal (the platform shows), the same post again is refused with a clear message and
// nothing added; a manager approves it at the counter, a second approval (from a page that still
// showed it pending) is refused; the member's balance grew by the points once and the post says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import zhCN from '../../renderer/i18n/zh-CN';
import { chromiumForTests, chromiumFlags } from '../support/chromium';
import type { HostProcess } from '../support/host-process';
import { demoMember } from '../support/loyalty';
import { openCommunityTab } from '../support/counter-page';
import { scanIntoHome, startSelfServiceHost } from '../support/self-service-page';
import { logoutAndClose, staffLoginAtKiosk } from '../support/self-service-scan';
import { tempDir } from '../support/temp-core';

const executablePath = chromiumForTests();
const temp = tempDir('linli-e2e-self-posts-');
let browser: Browser;
let host: HostProcess | null = null;

async function openPostsTab(page: Page): Promise<void> {
  await openCommunityTab(page, 'posts');
  await page.getByTestId('posts-tab').waitFor();
}

describe.skipIf(!executablePath)('self-service: ambassador posts', () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: chromiumFlags });
    host = await startSelfServiceHost(temp.dir);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    temp.remove();
  });

  it('submit a post → approve at the counter → points once; the same post twice is refused', async () => {
    let kiosk = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await kiosk.goto(host!.url);
    await scanIntoHome(kiosk, demoMember.card);
    expect(await kiosk.getByTestId('ss-balance').textContent()).toBe('5,000');
    await kiosk.getByTestId('ss-tile-posts').click();
    await kiosk.getByTestId('ss-posts').waitFor();
    await expect.poll(() => kiosk.getByTestId('ss-posts').textContent()).toContain('200 积分');

    await kiosk.getByTestId('ss-post-url').fill('https://www.xiaohongshu.com/explore/6650a1b2c3?xsec_token=ABC');
    expect(await kiosk.getByTestId('ss-post-platform').textContent()).toBe(zhCN.posts.platform.xiaohongshu);
    await kiosk.getByTestId('ss-post-submit').click();
    await kiosk.getByTestId('ss-post-submitted').waitFor();
    await expect.poll(() => kiosk.getByTestId('ss-post').count()).toBe(1);
    expect(await kiosk.getByTestId('ss-post-status').textContent()).toBe(zhCN.posts.status.pending);

    // The same post, shared again with other tracking tags and an upper-case host.
    await kiosk.getByTestId('ss-post-url').fill('HTTPS://XiaoHongShu.com/explore/6650a1b2c3/?utm_source=wechat');
    await kiosk.getByTestId('ss-post-submit').click();
    await expect.poll(() => kiosk.getByTestId('error').getAttribute('data-code')).toBe('POST_DUPLICATE');
    expect(await kiosk.getByTestId('error').textContent()).toContain(zhCN.errors.POST_DUPLICATE);
    expect(await kiosk.getByTestId('ss-post').count()).toBe(1);

    // The manager reviews at the counter; a second counter page still shows the post pending.
    const counter = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await staffLoginAtKiosk(counter, host!.url, '李娜');
    await openPostsTab(counter);
    const stale = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await stale.goto(host!.url);
    await stale.getByTestId('nav-search').waitFor();
    await openPostsTab(stale);
    for (const page of [counter, stale]) {
      await expect.poll(() => page.getByTestId('post-row').count()).toBe(1);
      expect(await page.getByTestId('post-row').textContent()).toContain('陈金卡');
      expect(await page.getByTestId('post-link').getAttribute('href')).toBe(
        'https://www.xiaohongshu.com/explore/6650a1b2c3?xsec_token=ABC',
      );
    }
    await counter.getByTestId('post-approve').click();
    await expect.poll(() => counter.getByTestId('posts-notice').textContent()).toContain('200');
    await expect.poll(() => counter.getByTestId('post-row').count()).toBe(0);

    await stale.getByTestId('post-approve').click();
    await expect.poll(() => stale.getByTestId('post-error').getAttribute('data-code')).toBe('POST_ALREADY_REVIEWED');
    expect(await stale.getByTestId('post-error').textContent()).toBe(zhCN.errors.POST_ALREADY_REVIEWED);
    await stale.close();

    await counter.getByTestId('posts-filter-approved').click();
    await expect.poll(() => counter.getByTestId('post-row').getAttribute('data-status')).toBe('approved');
    await logoutAndClose(counter);

    // Back at the terminal (the next customer's page): the balance grew by the points once, and the post says so.
    await kiosk.close();
    kiosk = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await kiosk.goto(host!.url);
    await scanIntoHome(kiosk, demoMember.card);
    await expect.poll(() => kiosk.getByTestId('ss-balance').textContent()).toBe('5,200');
    await kiosk.getByTestId('ss-tile-posts').click();
    await expect
      .poll(() => kiosk.getByTestId('ss-post-status').textContent())
      .toBe(zhCN.posts.status.approved.replace('{{points}}', '200'));
    await kiosk.close();
  });

  it('a rejected post shows the reason to the member; a rejection without a reason is refused', async () => {
    let kiosk = await browser.newPage({ locale: 'zh-CN' });
    await kiosk.goto(host!.url);
    await scanIntoHome(kiosk, demoMember.card);
    await kiosk.getByTestId('ss-tile-posts').click();
    await kiosk.getByTestId('ss-post-url').fill('https://www.douyin.com/video/7380001');
    expect(await kiosk.getByTestId('ss-post-platform').textContent()).toBe(zhCN.posts.platform.douyin);
    await kiosk.getByTestId('ss-post-submit').click();
    await kiosk.getByTestId('ss-post-submitted').waitFor();
    await kiosk.getByTestId('ss-post-url').fill('http://www.douyin.com/video/7380002');
    await kiosk.getByTestId('ss-post-submit').click();
    await expect.poll(() => kiosk.getByTestId('error').getAttribute('data-code')).toBe('POST_URL_NOT_HTTPS');

    const counter = await browser.newPage({ locale: 'zh-CN' });
    await staffLoginAtKiosk(counter, host!.url, '张伟');
    await openPostsTab(counter);
    await expect.poll(() => counter.getByTestId('post-row').count()).toBe(1);
    await counter.getByTestId('post-reject').click();
    await counter.getByTestId('post-reject-confirm').click();
    await expect.poll(() => counter.getByTestId('post-error').getAttribute('data-code')).toBe('POST_REASON_REQUIRED');
    await counter.getByTestId('post-reason').fill('视频与本店无关');
    await counter.getByTestId('post-reject-confirm').click();
    await expect.poll(() => counter.getByTestId('post-row').count()).toBe(0);
    await logoutAndClose(counter);

    await kiosk.close();
    kiosk = await browser.newPage({ locale: 'zh-CN' });
    await kiosk.goto(host!.url);
    await scanIntoHome(kiosk, demoMember.card);
    expect(await kiosk.getByTestId('ss-balance').textContent()).toBe('5,200');
    await kiosk.getByTestId('ss-tile-posts').click();
    await expect
      .poll(() => kiosk.locator('[data-testid="ss-post-status"][data-status="rejected"]').textContent())
      .toBe(zhCN.posts.status.rejected.replace('{{reason}}', '视频与本店无关'));
    await kiosk.close();
  });
});
