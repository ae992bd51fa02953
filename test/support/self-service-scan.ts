// Helpers shared by the posts and care end-to-end tests at a self-service host.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { wedgeScan } from './self-service-page';

/**
 * Scans the card until member home shows. On a loaded machine a burst typed by Playwright can come
 * slower than a scanner's (the wedge decoder then takes it for typing), or before the page listens.
 */
export async function scanUntilHome(page: Page, card: string): Promise<void> {
  await page.getByTestId('ss-attract').waitFor();
  await expect
    .poll(
      async () => {
        if (await page.getByTestId('ss-home').isVisible()) return true;
        await wedgeScan(page, card);
        return page.getByTestId('ss-home').isVisible();
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .toBe(true);
}

/** At a self-service terminal staff press the small staff button, then log in as usual. */
export async function staffLoginAtKiosk(page: Page, url: string, who: '李娜' | '张伟'): Promise<void> {
  await page.goto(url);
  await page.getByTestId('ss-staff').click();
  await page.getByRole('button', { name: new RegExp(who) }).click();
  await page.getByTestId('pin-input').fill(who === '李娜' ? '9999' : '1234');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-search').waitFor();
}

/** Logs out, waits for the terminal to be the customers' again, and closes the page. */
export async function logoutAndClose(page: Page): Promise<void> {
  await page.getByTestId('nav-logout').click();
  await page.getByTestId('ss-attract').waitFor();
  await page.close();
}
