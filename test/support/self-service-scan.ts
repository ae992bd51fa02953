// Helpers shared by the posts and care end-to-end tests at a self-service host.
import type { Page } from 'playwright-core';

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
