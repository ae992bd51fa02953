// Referrals end to end: a friend enrols at the counter with the gold member's code and buys twice
// (core API on the same data directory); at the self-service terminal the referrer sees the points
// once and the friend, masked; a member who types their own code as "who invited me" is refused
// with a clear message and nothing is written.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { databaseFileName } from '../../features/app';
import { openDatabase } from '../../db/open';
import zhCN from '../../renderer/i18n/zh-CN';
import { chromiumForTests, chromiumFlags } from '../support/chromium';
import type { HostProcess } from '../support/host-process';
import { demoMember, requestId } from '../support/loyalty';
import { scanIntoHome, startSelfServiceHost } from '../support/self-service-page';
import { enrolment, loginAs, openTestCore, tempDir } from '../support/temp-core';

const executablePath = chromiumForTests();
const temp = tempDir('linli-e2e-referral-');
let browser: Browser;
let host: HostProcess | null = null;
let loneCard = '';
let loneId = '';

const referralPoints = () => {
  const db = openDatabase(join(temp.dir, databaseFileName));
  try {
    return db
      .prepare("SELECT reason, points FROM points_ledger WHERE reason LIKE 'referral%' ORDER BY reason")
      .all() as { reason: string; points: number }[];
  } finally {
    db.close();
  }
};

async function prepare(dir: string): Promise<void> {
  const core = openTestCore(dir);
  await loginAs(core, 'cashier');
  const friend = await core.methods.enrolMember(
    enrolment({ name: '赵小芳', phone: '13912345678', referralCode: 'GOLD88' }),
  );
  if (!friend.created) throw new Error('expected a new member');
  const tea = (await core.methods.listProducts()).find((p) => p.sku === 'TEA-001')!;
  for (let i = 0; i < 2; i++)
    await core.methods.checkout({
      requestId: requestId(),
      memberId: friend.member.id,
      lines: [{ productId: tea.id, quantity: 1 }],
      couponCodes: [],
      pointsToRedeem: 0,
      tenders: [{ method: 'cash', amountMinor: 10_000 }],
    });
  const lone = await core.methods.enrolMember(enrolment({ name: '孙一', phone: '13612345678' }));
  if (!lone.created) throw new Error('expected a new member');
  loneCard = lone.member.cards[0]!.number;
  loneId = lone.member.id;
  await core.close();
}

describe.skipIf(!executablePath)('self-service: referrals', () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: chromiumFlags });
    await prepare(temp.dir);
    host = await startSelfServiceHost(temp.dir);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    temp.remove();
  });

  it("pays both once after the friend's first purchase; the referrer sees the friend", async () => {
    // Two purchases, one payment each side.
    expect(referralPoints()).toEqual([
      { reason: 'referral', points: 200 },
      { reason: 'referral_welcome', points: 200 },
    ]);
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await page.goto(host!.url);
    await scanIntoHome(page, demoMember.card);
    expect(await page.getByTestId('ss-balance').textContent()).toBe('5,200');
    await page.getByTestId('ss-tile-referrals').click();
    await page.getByTestId('ss-referrals').waitFor();
    expect(await page.getByTestId('ss-referral-code').textContent()).toBe('GOLD88');
    await page.getByTestId('ss-referral-qr').waitFor();
    const friends = page.getByTestId('ss-referral-friend');
    await expect.poll(() => friends.count()).toBe(1);
    expect(await friends.first().textContent()).toContain('赵*芳');
    expect(await friends.first().textContent()).toContain('+200');
    expect(await page.getByTestId('ss-referral-earned').textContent()).toContain('200');
    expect(await page.content()).not.toContain('赵小芳');
    await page.close();
  });

  it("refuses the member's own code with a clear message, writing nothing", async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await page.goto(host!.url);
    await scanIntoHome(page, loneCard);
    await page.getByTestId('ss-tile-referrals').click();
    const own = (await page.getByTestId('ss-referral-code').textContent())!;
    await page.getByTestId('ss-referrer-code').fill(own);
    await page.getByTestId('ss-referrer-submit').click();
    await expect.poll(() => page.getByTestId('error').getAttribute('data-code')).toBe('REFERRAL_SELF');
    expect(await page.getByTestId('error').textContent()).toContain(zhCN.errors.REFERRAL_SELF);
    const db = openDatabase(join(temp.dir, databaseFileName));
    try {
      const row = db.prepare('SELECT referred_by AS referredBy FROM members WHERE id = ?').get(loneId) as {
        referredBy: string | null;
      };
      expect(row.referredBy).toBeNull();
      const named = db.prepare("SELECT count(*) AS n FROM outbox WHERE type = 'member.referrer_named'").get() as {
        n: number;
      };
      expect(named.n).toBe(0);
    } finally {
      db.close();
    }
    // The form is still there: the member may type the right code.
    expect(await page.getByTestId('ss-name-referrer').isVisible()).toBe(true);
    await page.close();
  });
});
