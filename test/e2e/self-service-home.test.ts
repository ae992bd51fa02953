// The self-service terminal as a customer meets it: the attract loop, a card scan that opens
// member home with a masked name, the right balance and the offers for them, refused scans (unknown
// card, blocked card, a product barcode), the language switch, and the idle timeout that forgets
// the member (nothing of theirs left in the page, typed text included).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { luhnCheckDigit } from '../../domain/card-number';
import { databaseFileName } from '../../features/app';
import { openDatabase } from '../../db/open';
import { createRepositories } from '../../db/repositories';
import en from '../../renderer/i18n/en';
import zhCN from '../../renderer/i18n/zh-CN';
import { chromiumForTests, chromiumFlags } from '../support/chromium';
import type { HostProcess } from '../support/host-process';
import { demoMember } from '../support/loyalty';
import { scanIntoHome, startSelfServiceHost, wedgeScan } from '../support/self-service-page';
import { enrolment, loginAs, openTestCore, tempDir } from '../support/temp-core';

const executablePath = chromiumForTests();
const temp = tempDir('linli-e2e-self-home-');
let browser: Browser;
let host: HostProcess | null = null;
let blockedCard = '';

const name = (zh: string, enText: string) => ({ zh, en: enText });

/** The store before the terminal starts: a member whose card was blocked, and the brand's campaigns. */
async function prepareStore(dir: string): Promise<void> {
  const core = openTestCore(dir);
  await loginAs(core, 'manager');
  const enrolled = await core.methods.enrolMember(enrolment({ name: '王小明', phone: '13812345678' }));
  if (!enrolled.created) throw new Error('expected a new member');
  blockedCard = enrolled.member.activeCard!;
  await core.methods.blockCard({ memberId: enrolled.member.id, number: blockedCard, reason: 'lost' });
  await core.close();
  const db = openDatabase(join(dir, databaseFileName));
  const campaigns = createRepositories(db).campaigns;
  const base = {
    body: name('会员专享', 'For members'),
    startsAt: '2026-01-01T00:00:00.000Z',
    endsAt: '2099-01-01T00:00:00.000Z',
    slides: [],
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
  campaigns.save({
    ...base,
    id: 'tea',
    title: name('爱茶会员双倍积分', 'Double points for tea lovers'),
    targetTiers: [],
    targetTags: ['茶'],
  });
  campaigns.save({
    ...base,
    id: 'coffee',
    title: name('咖啡节', 'Coffee week'),
    targetTiers: [],
    targetTags: ['咖啡'],
  });
  campaigns.save({
    ...base,
    id: 'spring',
    title: name('春茶上市', 'Spring tea is here'),
    targetTiers: [],
    targetTags: [],
    slides: [
      { title: name('春茶上市', 'Spring tea is here'), body: name('到店品尝', 'Come and taste'), imageUrl: null },
    ],
  });
  campaigns.save({
    ...base,
    id: 'mooncake',
    title: name('中秋礼盒预订', 'Mid-autumn gift boxes'),
    targetTiers: [],
    targetTags: [],
    slides: [
      {
        title: name('中秋礼盒预订', 'Mid-autumn gift boxes'),
        body: name('会员价预订', 'Member prices'),
        imageUrl: null,
      },
    ],
  });
  db.close();
}

describe.skipIf(!executablePath)('self-service: attract screen, member home, idle timeout', () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: chromiumFlags });
    await prepareStore(temp.dir);
    host = await startSelfServiceHost(temp.dir);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    temp.remove();
  });

  it('opens member home with the masked name, balance and offers after a card scan', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await page.goto(host!.url);
    await expect.poll(() => page.getByTestId('ss-start').textContent()).toContain(zhCN.selfService.attract.scan);
    // A campaign for everyone is on the attract loop; the targeted ones are not.
    await expect.poll(() => page.getByTestId('ss-slide').textContent()).toMatch(/春茶上市|中秋礼盒预订/);
    expect(await page.getByTestId('ss-slide').textContent()).not.toMatch(/爱茶会员|咖啡节/);
    await scanIntoHome(page, demoMember.card);
    await expect.poll(() => page.getByTestId('ss-greeting').textContent()).toBe('您好，陈*卡');
    expect(await page.getByTestId('ss-balance').textContent()).toBe('5,000');
    expect(await page.getByTestId('ss-masked-phone').textContent()).toBe('137****0888');
    // Offers: the tea lover's campaign and the one for everyone, not the coffee one.
    const offers = await page.getByTestId('ss-offer').allTextContents();
    expect(offers.some((o) => o.includes('爱茶会员双倍积分'))).toBe(true);
    expect(offers.some((o) => o.includes('春茶上市'))).toBe(true);
    expect(offers.some((o) => o.includes('咖啡节'))).toBe(false);
    // The tiles draw their icons (no emoji: the kiosk has no emoji font).
    expect(await page.getByTestId('ss-tile-rewards').locator('svg').count()).toBe(1);
    expect(await page.locator('.ss-tiles').textContent()).not.toMatch(/\p{Extended_Pictographic}/u);
    // Neither the whole name nor the whole number is anywhere in the page.
    const html = await page.content();
    expect(html).not.toContain('陈金卡');
    expect(html).not.toContain('13700000888');
    await page.close();
  });

  it('loops the slides of the campaigns for everyone on the attract screen', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await page.clock.install();
    await page.goto(host!.url);
    await page
      .getByTestId('ss-slide')
      .getByText(/春茶上市|中秋礼盒预订/)
      .first()
      .waitFor();
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) {
      seen.add((await page.getByTestId('ss-slide-content').locator('h1').textContent()) ?? '');
      await page.clock.fastForward(6_000);
    }
    expect([...seen].sort()).toEqual(['中秋礼盒预订', '春茶上市'].sort());
    // Nobody scanned: the loop has no timeout and nothing to forget.
    expect(await page.getByTestId('ss-idle-countdown').count()).toBe(0);
    await page.close();
  });

  it('switches member home between Chinese and English', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await page.goto(host!.url);
    await scanIntoHome(page, demoMember.card);
    await expect.poll(() => page.getByTestId('ss-greeting').textContent()).toBe('您好，陈*卡');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('ss-greeting').textContent()).toBe('Hello, 陈*卡');
    expect(await page.getByTestId('ss-tile-rewards').textContent()).toBe(en.selfService.tiles.rewards);
    expect(await page.getByTestId('ss-offers').textContent()).toContain('Double points for tea lovers');
    expect(await page.getByTestId('ss-balance').textContent()).toBe('5,000');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('ss-tile-rewards').textContent()).toBe(zhCN.selfService.tiles.rewards);
    await page.close();
  });

  it('refuses an unknown card, a blocked card and a product barcode, each with its message, opening nothing', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(host!.url);
    await page.getByTestId('ss-attract').waitFor();
    const refused = [
      [`880000000000001${luhnCheckDigit('880000000000001')}`, 'CARD_UNKNOWN'],
      [blockedCard, 'CARD_BLOCKED'],
      ['6901234567892', 'SCAN_NOT_MEMBER'],
    ] as const;
    for (const [text, code] of refused) {
      await wedgeScan(page, text);
      const banner = page.locator(`[data-testid="error"][data-code="${code}"]`);
      await banner.waitFor();
      expect(await banner.textContent()).toContain(zhCN.errors[code]);
      expect(await page.getByTestId('ss-attract').isVisible()).toBe(true);
      expect(await page.getByTestId('ss-home').count()).toBe(0);
      await page.getByTestId('error-dismiss').click();
      await banner.waitFor({ state: 'detached' });
    }
    // Nothing of the blocked card's member reached the page either.
    expect(await page.content()).not.toContain('王*明');
    await page.close();
  });

  it('counts down, then forgets the member and what they typed, and shows the attract screen', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.clock.install();
    await page.goto(host!.url);
    await scanIntoHome(page, demoMember.card);
    // Text typed on a screen of this visit (a comment box stands in for the screens' own fields).
    await page.getByTestId('ss-main').evaluate((main) => {
      const field = document.createElement('textarea');
      field.setAttribute('data-testid', 'typed');
      main.appendChild(field);
    });
    await page.getByTestId('typed').fill('我的私人留言');
    await page.clock.fastForward(36_000);
    await expect.poll(() => page.getByTestId('ss-idle-countdown').textContent()).toContain('秒后自动退出');
    await page.clock.fastForward(10_000);
    await page.getByTestId('ss-attract').waitFor();
    expect(await page.getByTestId('ss-home').count()).toBe(0);
    expect(await page.getByTestId('typed').count()).toBe(0);
    const html = await page.content();
    expect(html).not.toContain('陈*卡');
    expect(html).not.toContain('5,000');
    expect(html).not.toContain('我的私人留言');
    expect(await page.getByTestId('ss-idle-countdown').count()).toBe(0);
    await page.close();
  });

  it('keeps the member while they touch the screen in the countdown', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.clock.install();
    await page.goto(host!.url);
    await scanIntoHome(page, demoMember.card);
    await page.clock.fastForward(38_000);
    await page.getByTestId('ss-idle-countdown').waitFor();
    await page.mouse.click(5, 400);
    await expect.poll(() => page.getByTestId('ss-idle-countdown').count()).toBe(0);
    await page.clock.fastForward(20_000);
    expect(await page.getByTestId('ss-home').isVisible()).toBe(true);
    await page.close();
  });
});
