// npm run screenshots — builds, starts the browser host on a throw-away demo store and writes PNGs of
// the main counter screens at a landscape and a portrait till size, in Chinese and English, into
// docs/screens/ (listed in docs/screens/README.md). Device scale 1, so the files stay small and
// show exactly the pixels a till of that size shows. Then the self-service terminal (attract loop and
// member home) on its own store; `npm run screenshots -- --self-service` takes only those.
// Needs a Chromium (LINLI_CHROMIUM or installed).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openDatabase } from '../db/open';
import { createRepositories } from '../db/repositories';
import { databaseFileName, openLinli } from '../features/app';
import { demoMember } from '../features/demo/demo-loyalty';
import { findChromium } from '../host-support/find-chromium';
import { chromiumFlags } from '../test/support/chromium';
import { startHostProcess } from '../test/support/host-process';
import { saveContest } from '../test/support/contests';
import { wedgeScan } from '../test/support/self-service-page';
import { tempDir } from '../test/support/temp-core';

const outDir = resolve(import.meta.dirname, '../docs/screens');
const viewports = [
  { width: 1280, height: 800 },
  { width: 1080, height: 1920 },
];
const languages = ['zh-CN', 'en'] as const;
/** A basket that is more than a screenful in the portrait list and exactly fills the landscape one. */
const basket = ['TEA-001', 'TEA-002', 'TEA-003', 'SNK-001', 'SNK-002', 'CUP-001', 'CUP-003', 'GFT-001'];

async function useLanguage(page: Page, language: string) {
  if ((await page.evaluate(() => document.documentElement.lang)) !== language)
    await page.getByTestId('lang-switch').click();
  await page.waitForFunction((lng) => document.documentElement.lang === lng, language);
}

async function shoot(page: Page, name: string, size: { width: number; height: number }, language: string) {
  // Fonts and the receipt's QR code settle before the picture is taken.
  await page.evaluate(() => document.fonts.ready);
  const file = join(outDir, `${name}-${size.width}x${size.height}-${language}.png`);
  await page.screenshot({ path: file });
  console.log(file);
}

/** A demo store with two of the brand's campaigns, as the hub would send them: one for everyone, one for tea lovers. */
async function prepareSelfServiceStore(dir: string): Promise<void> {
  await openLinli({ dataDir: dir, demo: true, host: 'browser' }).close();
  const db = openDatabase(join(dir, databaseFileName));
  const campaigns = createRepositories(db).campaigns;
  const base = {
    startsAt: '2026-01-01T00:00:00.000Z',
    endsAt: '2099-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
  campaigns.save({
    ...base,
    id: 'spring-tea',
    title: { zh: '春茶上市', en: 'Spring tea is here' },
    body: {
      zh: '明前龙井到店品鉴，会员积分双倍。',
      en: 'Taste the first Longjing of the year: double points for members.',
    },
    targetTiers: [],
    targetTags: [],
    slides: [],
  });
  campaigns.save({
    ...base,
    id: 'tea-lovers',
    title: { zh: '爱茶会员专享：茶具 8 折', en: 'For tea lovers: 20 % off teaware' },
    body: { zh: '本月到店购买茶具享 8 折。', en: 'Teaware at 20 % off in the shop this month.' },
    targetTiers: [],
    targetTags: ['茶'],
    slides: [],
  });
  db.close();

  // A contest the brand runs (as the hub would send it), with two entrants and a few votes cast.
  const core = openLinli({ dataDir: dir, demo: true, host: 'browser' });
  try {
    const m = core.methods;
    const manager = (await m.listStaff()).find((s) => s.role === 'manager')!;
    await m.login({ staffId: manager.id, pin: '9999' });
    const friend = await m.enrolMember({ name: '李小红', phone: '13812345678', consents: { data_processing: true } });
    const gold = (await m.searchMembers({ query: demoMember.phone })).members[0]!;
    const repos = openDatabase(join(dir, databaseFileName));
    const contest = saveContest(createRepositories(repos), new Date(), [
      { memberId: friend.created ? friend.member.id : friend.existing.id, name: '李小红', code: 'V-3K7Q' },
      { memberId: gold.id, name: demoMember.name, code: 'V-8MPW' },
    ]);
    repos.close();
    await m.setSelfServiceSettings({ role: 'self-service' });
    await m.startCustomer({ text: demoMember.card });
    await m.voteInContest({ contestId: contest.id, entrantId: contest.entrants[0]!.id });
    await m.endCustomer();
    await m.logout();
  } finally {
    await core.close();
  }
}

/** Member home's actions, each screen as the demo member sees it: [route tile, screen test id]. */
const customerScreens = [
  ['rewards', 'ss-rewards'],
  ['events', 'ss-events-screen'],
  ['contest', 'ss-contest'],
  ['referrals', 'ss-referrals'],
  ['posts', 'ss-posts'],
  ['feedback', 'ss-feedback'],
  ['serviceRequest', 'ss-service-request'],
] as const;

/** The customers' own terminal: the attract loop and the demo member's home after a card scan. */
async function selfServiceScreens(browser: Browser): Promise<void> {
  const data = tempDir('linli-screenshots-self-');
  await prepareSelfServiceStore(data.dir);
  const host = await startHostProcess(data.dir, { args: ['--role', 'self-service'] });
  try {
    for (const size of viewports) {
      // No slide transition half-way in the picture.
      const page = await browser.newPage({ viewport: size, deviceScaleFactor: 1, reducedMotion: 'reduce' });
      for (const language of languages) {
        await page.goto(host.url);
        await page.getByTestId('ss-attract').waitFor();
        await useLanguage(page, language);
        await page
          .getByTestId('ss-slide')
          .getByText(language === 'en' ? 'Spring tea is here' : '春茶上市')
          .waitFor();
        await shoot(page, 'self-attract', size, language);
        await wedgeScan(page, demoMember.card);
        await page.getByTestId('ss-home').waitFor();
        await page.getByTestId('ss-offers').waitFor();
        await page
          .getByTestId('ss-coupon-qr')
          .first()
          .waitFor()
          .catch(() => undefined);
        await shoot(page, 'self-home', size, language);
        for (const [route, testId] of customerScreens) {
          await page.getByTestId(`ss-tile-${route}`).click();
          await page.getByTestId(testId).waitFor();
          await page.evaluate(() => window.scrollTo(0, 0));
          await shoot(page, `self-${route}`, size, language);
          await page.getByTestId('ss-back').click();
          await page.getByTestId('ss-home').waitFor();
        }
        await page.getByTestId('ss-finish').click();
        // Self-enrolment with the on-screen number pad open.
        await page.getByTestId('ss-join').click();
        await page.getByTestId('ss-enrol').waitFor();
        await page.getByTestId('se-phone').click();
        await shoot(page, 'self-enrol', size, language);
        await page.getByTestId('ss-back').click();
      }
      await page.close();
    }
  } finally {
    await host.stop();
    data.remove();
  }
}

async function main() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: set LINLI_CHROMIUM or install chromium.');
  mkdirSync(outDir, { recursive: true });
  // `-- --self-service`: only the self-service screens (quicker after a change there).
  if (process.argv.includes('--self-service')) {
    const browser = await chromium.launch({ executablePath, headless: true, args: chromiumFlags });
    try {
      await selfServiceScreens(browser);
    } finally {
      await browser.close();
    }
    return;
  }
  const data = tempDir('linli-screenshots-');
  const host = await startHostProcess(data.dir);
  const browser = await chromium.launch({ executablePath, headless: true, args: chromiumFlags });
  try {
    for (const size of viewports) {
      const page = await browser.newPage({ viewport: size, deviceScaleFactor: 1 });
      for (const language of languages) {
        await page.goto(host.url);
        const logout = page.getByTestId('nav-logout');
        const tile = page.getByRole('button', { name: /李娜/ });
        await logout.or(tile).first().waitFor();
        if (await logout.isVisible()) await logout.click();
        await useLanguage(page, language);
        await tile.click();
        await page.getByTestId('pin-input').fill('99');
        await shoot(page, 'login', size, language);
        await page.getByTestId('pin-input').fill('9999');
        await page.getByTestId('login-submit').click();

        await page.getByTestId('search-input').waitFor();
        await page.keyboard.type(`${demoMember.card}\n`);
        await page.getByTestId('loyalty-balance').waitFor();
        await shoot(page, 'profile', size, language);

        await page.getByTestId('nav-checkout').click();
        await page.getByTestId('checkout-empty').waitFor();
        await page.keyboard.type(`${demoMember.card}\n`);
        await page.getByTestId('checkout-member-tier').waitFor();
        for (const sku of basket) {
          await page.getByTestId(`product-${sku}`).click();
          await page.getByTestId(`line-${sku}`).waitFor();
        }
        await page.getByTestId('checkout-cash').fill('2000');
        await shoot(page, 'checkout', size, language);
        await page.getByTestId('checkout-complete').click();
        await page.getByTestId('receipt-preview').waitFor();
        await shoot(page, 'receipt', size, language);

        await page.getByTestId('checkout-refund').click();
        await page.getByTestId('refund-line-TEA-001').waitFor();
        await page.getByTestId('refund-plus-TEA-001').click();
        await shoot(page, 'refund', size, language);

        await page.getByTestId('nav-reports').click();
        await page.getByTestId('report-chart-tenders').waitFor();
        await shoot(page, 'reports', size, language);

        await page.getByTestId('nav-devices').click();
        await page.getByTestId('printer-form').waitFor();
        await shoot(page, 'devices', size, language);

        await page.getByTestId('devices-diagnostics').click();
        await page.getByTestId('diagnostics-export').waitFor();
        await shoot(page, 'diagnostics', size, language);

        await page.getByTestId('nav-community').click();
        await page.getByTestId('community-tab-events').waitFor();
        await page.evaluate(() => document.fonts.ready);
        await shoot(page, 'community', size, language);
      }
      await page.close();
    }
    await selfServiceScreens(browser);
  } finally {
    await browser.close();
    await host.stop();
    data.remove();
  }
}

await main();
