// Feedback and service requests end to end on the browser host in the self-service role: a member
// opens a repair request (a ticket number on screen and on paper: the print queue's job decoded),
// staff answer and close it at the counter and the member sees the answer; a request without a
// description is refused with a clear message; feedback given at the terminal shows at the counter.
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
const temp = tempDir('linli-e2e-self-care-');
let browser: Browser;
let host: HostProcess | null = null;

async function kioskHome(): Promise<Page> {
  const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  await page.goto(host!.url);
  await scanIntoHome(page, demoMember.card);
  return page;
}

async function openRequestsTab(page: Page): Promise<void> {
  await openCommunityTab(page, 'requests');
  await page.getByTestId('requests-tab').waitFor();
}

describe.skipIf(!executablePath)('self-service: feedback and service requests', () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: chromiumFlags });
    host = await startSelfServiceHost(temp.dir);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    temp.remove();
  });

  it('a service request gets a ticket that prints; staff answer and close it; the member sees the answer', async () => {
    const kiosk = await kioskHome();
    await kiosk.getByTestId('ss-tile-serviceRequest').click();
    await kiosk.getByTestId('ss-service-request').waitFor();
    await kiosk.getByTestId('ss-request-kind-repair').click();
    // Nothing described yet: refused with its message, nothing recorded.
    await kiosk.getByTestId('ss-request-submit').click();
    await expect.poll(() => kiosk.getByTestId('error').getAttribute('data-code')).toBe('REQUEST_DESCRIPTION_REQUIRED');
    expect(await kiosk.getByTestId('error').textContent()).toContain(zhCN.errors.REQUEST_DESCRIPTION_REQUIRED);
    expect(await kiosk.getByTestId('ss-request').count()).toBe(0);

    await kiosk.getByTestId('ss-request-description').fill('茶壶盖子裂了，想换一个');
    await kiosk.getByTestId('ss-request-submit').click();
    await expect.poll(() => kiosk.getByTestId('ss-ticket-no').textContent()).toBe('S-0001');
    expect(await kiosk.getByTestId('ss-request-ticket').textContent()).toContain(zhCN.care.request.ticketPrinted);
    await expect.poll(() => kiosk.getByTestId('ss-request-status').textContent()).toBe(zhCN.care.request.status.open);
    await kiosk.close();

    // At the counter: the ticket is in the print queue, and decoded it carries the number and the request.
    const counter = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await staffLoginAtKiosk(counter, host!.url, '李娜');
    await counter.getByTestId('nav-devices').click();
    await counter.getByTestId('devices-print-queue').click();
    const ticketJob = counter.locator('[data-testid="print-job"][data-kind="ticket"]');
    await expect.poll(() => ticketJob.count()).toBe(1);
    await ticketJob.getByTestId('print-job-preview').click();
    const paper = counter.getByTestId('receipt-preview');
    await expect.poll(() => paper.textContent()).toContain('S-0001');
    expect(await paper.textContent()).toContain('茶壶盖子裂了');
    expect(await paper.textContent()).not.toContain('陈金卡');

    await openRequestsTab(counter);
    const row = counter.locator('[data-testid="request-row"][data-ticket="S-0001"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('陈金卡');
    await row.getByTestId('request-answer-send').click();
    await expect.poll(() => row.getByTestId('request-error').getAttribute('data-code')).toBe('REQUEST_ANSWER_REQUIRED');
    await row.getByTestId('request-answer-input').fill('请明天带茶壶来，免费更换盖子。');
    await row.getByTestId('request-answer-send').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('answered');
    await row.getByTestId('request-close').click();
    await expect.poll(() => counter.getByTestId('request-row').count()).toBe(0);
    await counter.getByTestId('requests-filter-all').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('closed');
    await logoutAndClose(counter);

    const again = await kioskHome();
    await again.getByTestId('ss-tile-serviceRequest').click();
    await expect.poll(() => again.getByTestId('ss-request-status').textContent()).toBe(zhCN.care.request.status.closed);
    expect(await again.getByTestId('ss-request-answer').textContent()).toContain('请明天带茶壶来，免费更换盖子。');
    await again.close();
  });

  it('feedback given at the terminal shows at the counter with its average and chart', async () => {
    const kiosk = await kioskHome();
    await kiosk.getByTestId('ss-tile-feedback').click();
    await kiosk.getByTestId('ss-feedback').waitFor();
    expect(await kiosk.getByTestId('ss-feedback-submit').isDisabled()).toBe(true);
    await kiosk.getByTestId('ss-star-4').click();
    await kiosk.getByTestId('ss-feedback-tag-friendly').click();
    await kiosk.getByTestId('ss-feedback-tag-clean').click();
    await kiosk.getByTestId('ss-feedback-comment').fill('店员很耐心');
    await kiosk.getByTestId('ss-feedback-submit').click();
    await kiosk.getByTestId('ss-feedback-thanks').waitFor();
    await kiosk.close();

    const counter = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await staffLoginAtKiosk(counter, host!.url, '张伟');
    await openRequestsTab(counter);
    await expect.poll(() => counter.getByTestId('feedback-average').textContent()).toContain('4.0');
    const fb = counter.getByTestId('feedback-row');
    expect(await fb.getAttribute('data-rating')).toBe('4');
    expect(await fb.textContent()).toContain('店员很耐心');
    expect(await fb.textContent()).toContain(zhCN.care.feedback.tags.friendly);
    expect(
      await counter.getByTestId('feedback-chart').locator('g[data-key="4"] rect').first().getAttribute('width'),
    ).not.toBe('0');
    await logoutAndClose(counter);
  });
});
