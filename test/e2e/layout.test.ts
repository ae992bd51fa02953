import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { demoMember } from '../../features/demo/demo-loyalty';
import { chromiumForTests, chromiumFlags } from '../support/chromium';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { tempDir } from '../support/temp-core';

/** The till displays the counter runs on: two landscape tablets, a full-HD monitor and one on its side. */
const viewports = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
] as const;
const languages = ['zh-CN', 'en'] as const;

/** Every demo product: a basket of a dozen lines, the most a counter sees in a normal sale. */
const skus = [
  'TEA-001',
  'TEA-002',
  'TEA-003',
  'TEA-004',
  'TEA-005',
  'SNK-001',
  'SNK-002',
  'SNK-003',
  'CUP-001',
  'CUP-002',
  'CUP-003',
  'GFT-001',
];

const executablePath = chromiumForTests();
const demoData = tempDir('linli-e2e-layout-');
const freshData = tempDir('linli-e2e-layout-setup-');
let browser: Browser;
let host: HostProcess | null = null;
let setupHost: HostProcess | null = null;

interface Where {
  screen: string;
  viewport: string;
  language: string;
}

/**
 * What does not fit on the current screen, in words a person can act on: text wider than its box
 * (it is cut off or spills over its neighbours), a placeholder longer than its input, a page wider
 * than the display.
 */
function measure(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const describe = (el: Element) => {
      const id = el.getAttribute('data-testid');
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.split(' ').join('.')}` : '';
      return `<${el.tagName.toLowerCase()}${id ? ` data-testid=${id}` : ''}${cls}>`;
    };
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const boxes = document.querySelectorAll(
      'button, td, th, label, dt, dd, .kv, .badge, .tier-badge, .field__label, .tile__name, .printer-badge',
    );
    for (const el of boxes) {
      if (!(el instanceof HTMLElement) || !visible(el)) continue;
      const style = getComputedStyle(el);
      if (style.display === 'inline') continue; // an inline box has no width of its own to overflow
      // A name cut with an ellipsis on purpose is fine when the whole of it is in its title.
      if (style.textOverflow === 'ellipsis' && el.closest('[title]')) continue;
      if (el.scrollWidth > el.clientWidth + 1)
        problems.push(
          `${describe(el)} "${(el.textContent ?? '').trim().slice(0, 60)}" is ${el.scrollWidth}px wide in a ${el.clientWidth}px box`,
        );
    }
    const canvas = document.createElement('canvas').getContext('2d')!;
    for (const input of document.querySelectorAll('input[placeholder]')) {
      if (!(input instanceof HTMLInputElement) || !visible(input) || !input.placeholder || input.value) continue;
      const style = getComputedStyle(input);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const needed = canvas.measureText(input.placeholder).width;
      if (needed > room + 1)
        problems.push(
          `${describe(input)} placeholder "${input.placeholder}" needs ${Math.ceil(needed)}px, has ${room}px`,
        );
    }
    const page = document.documentElement;
    if (page.scrollWidth > window.innerWidth)
      problems.push(`the page scrolls sideways: ${page.scrollWidth}px wide on a ${window.innerWidth}px display`);
    // The screen area scrolls by itself (the header stays): it must not scroll sideways either.
    const main = document.querySelector('main');
    if (main && main.scrollWidth > main.clientWidth + 1)
      problems.push(`the screen scrolls sideways: ${main.scrollWidth}px of content in ${main.clientWidth}px`);
    // Header items side by side must not cover each other (a squeezed row overlaps instead of wrapping).
    const items = [...document.querySelectorAll('header > *, .header__session > *, .header__nav > *')].filter(
      (el) => !el.matches('.header__session, .header__nav') && visible(el),
    );
    for (const [i, a] of items.entries())
      for (const b of items.slice(i + 1)) {
        const x = a.getBoundingClientRect();
        const y = b.getBoundingClientRect();
        if (x.left < y.right - 1 && y.left < x.right - 1 && x.top < y.bottom - 1 && y.top < x.bottom - 1)
          problems.push(`in the header, ${describe(a)} and ${describe(b)} overlap`);
      }
    // One row on a landscape till; a portrait display gives the nav a row of its own.
    const header = document.querySelector('header');
    const rows = innerHeight > innerWidth ? 2 : 1;
    if (header && header.getBoundingClientRect().height > 70 * rows + 10)
      problems.push(
        `the header takes ${Math.round(header.getBoundingClientRect().height)}px (more than ${rows} row${rows > 1 ? 's' : ''})`,
      );
    return problems;
  });
}

async function check(page: Page, where: Where, problems: string[]) {
  for (const p of await measure(page)) problems.push(`${where.screen} @ ${where.viewport} ${where.language}: ${p}`);
}

/** The pay action must be on the display without scrolling, and the checkout page must not scroll at all. */
async function checkPayVisible(page: Page, where: Where, problems: string[]) {
  const found = await page.getByTestId('checkout-complete').evaluate((el) => {
    const box = el.getBoundingClientRect();
    return {
      inside: box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth,
      bottom: Math.round(box.bottom),
      pageHeight: document.documentElement.scrollHeight,
      height: window.innerHeight,
    };
  });
  const at = `${where.screen} @ ${where.viewport} ${where.language}`;
  if (!found.inside)
    problems.push(`${at}: "Complete" ends at ${found.bottom}px, outside the ${found.height}px display`);
  if (found.pageHeight > found.height + 1)
    problems.push(`${at}: the checkout page scrolls (${found.pageHeight}px on a ${found.height}px display)`);
}

async function useLanguage(page: Page, language: string) {
  if ((await page.evaluate(() => document.documentElement.lang)) !== language)
    await page.getByTestId('lang-switch').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
}

/** Walks every counter screen once, as the manager (who has the most buttons in the header). */
async function walkCounter(page: Page, viewport: string, language: string, problems: string[]) {
  const at = (screen: string): Where => ({ screen, viewport, language });
  await page.goto(host!.url);
  // The core keeps one session per terminal: whoever the last walk left logged in goes first.
  const logout = page.getByTestId('nav-logout');
  const tile = page.getByRole('button', { name: /李娜/ });
  await expect.poll(async () => (await logout.isVisible()) || (await tile.isVisible())).toBe(true);
  if (await logout.isVisible()) await logout.click();
  await tile.waitFor();
  await useLanguage(page, language);
  await check(page, at('login'), problems);
  await tile.click();
  await page.getByTestId('pin-input').waitFor();
  await check(page, at('login PIN'), problems);
  await page.getByTestId('pin-input').fill('9999');
  await page.getByTestId('login-submit').click();

  await page.getByTestId('search-input').fill(demoMember.name.slice(0, 1));
  await page.getByTestId('search-submit').click();
  await page.getByTestId('result-row').first().waitFor();
  await check(page, at('find'), problems);

  await page.getByTestId('nav-enrol').click();
  await page.locator('section.enrol').waitFor();
  await check(page, at('enrol'), problems);

  await page.getByTestId('nav-search').click();
  await page.getByTestId('search-input').waitFor();
  await page.keyboard.type(`${demoMember.card}\n`);
  await page.getByTestId('loyalty-balance').waitFor();
  await check(page, at('member profile'), problems);
  await page.getByTestId(`card-replace-${demoMember.card}`).click();
  await page.getByTestId('card-dialog').waitFor();
  await check(page, at('card dialog'), problems);
  await page.getByTestId('card-dialog-cancel').click();

  await page.getByTestId('nav-checkout').click();
  await page.getByTestId('checkout-empty').waitFor();
  await check(page, at('checkout (empty)'), problems);
  await page.keyboard.type(`${demoMember.card}\n`);
  await expect.poll(() => page.getByTestId('checkout-member').textContent()).toContain(demoMember.name);
  for (const sku of skus) {
    await page.getByTestId(`product-${sku}`).click();
    await page.getByTestId(`line-${sku}`).waitFor();
  }
  await check(page, at('checkout (12 lines, member)'), problems);
  await checkPayVisible(page, at('checkout (12 lines, member)'), problems);
  const due = Number(await page.getByTestId('checkout-due').getAttribute('data-minor'));
  await page.getByTestId('checkout-cash').fill(String(Math.ceil(due / 100) + 100));
  await expect.poll(() => page.getByTestId('checkout-change-preview').textContent()).toMatch(/\d/);
  await check(page, at('checkout (cash typed)'), problems);
  await checkPayVisible(page, at('checkout (cash typed)'), problems);
  await page.getByTestId('checkout-complete').click();
  await page.getByTestId('receipt-preview').waitFor();
  await check(page, at('checkout done (receipt)'), problems);

  await page.getByTestId('checkout-refund').click();
  await page.getByTestId('refund-line-TEA-001').waitFor();
  await check(page, at('refund'), problems);

  await page.getByTestId('nav-reports').click();
  await page.getByTestId('report-sales').waitFor();
  await check(page, at('reports'), problems);

  await page.getByTestId('nav-devices').click();
  await page.getByTestId('printer-form').waitFor();
  await check(page, at('device set-up'), problems);
  await page.getByTestId('devices-print-queue').click();
  await page.locator('section.print-queue').waitFor();
  await check(page, at('print queue'), problems);
  await page.getByTestId('nav-devices').click();
  await page.getByTestId('devices-sync').click();
  await page.getByTestId('sync-register').waitFor();
  await check(page, at('sync (hub registration)'), problems);
  await page.getByTestId('nav-devices').click();
  await page.getByTestId('devices-diagnostics').click();
  await page.getByTestId('diagnostics-export').waitFor();
  await check(page, at('diagnostics'), problems);

  await page.getByTestId('nav-catalogue').click();
  await page.locator('section.catalogue').waitFor();
  await check(page, at('catalogue'), problems);
}

async function walkSetup(page: Page, viewport: string, language: string, problems: string[]) {
  await page.goto(setupHost!.url);
  await page.getByTestId('setup-submit').waitFor();
  await useLanguage(page, language);
  await check(page, { screen: 'terminal set-up', viewport, language }, problems);
}

describe.skipIf(!executablePath)('every counter screen fits the till display, in both languages', () => {
  beforeAll(async () => {
    [browser, host, setupHost] = await Promise.all([
      chromium.launch({ executablePath: executablePath!, headless: true, args: chromiumFlags }),
      startHostProcess(demoData.dir),
      startHostProcess(freshData.dir, { demo: false }),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([host?.stop(), setupHost?.stop()]);
    demoData.remove();
    freshData.remove();
  });

  it.each(viewports)(
    'at $width×$height: no text spills out of its box, no sideways scroll, "Complete" on screen',
    async (size) => {
      const viewport = `${size.width}×${size.height}`;
      const page = await browser.newPage({ viewport: size, deviceScaleFactor: 1 });
      const problems: string[] = [];
      try {
        for (const language of languages) {
          await walkCounter(page, viewport, language, problems);
          await walkSetup(page, viewport, language, problems);
        }
      } finally {
        await page.close();
      }
      expect(problems).toEqual([]);
    },
  );
});
