// What the end-to-end tests do at the counter again and again: log in as one of the demo staff,
// and ask whether something a person must see is on the screen (not scrolled away).
import type { Locator, Page } from 'playwright-core';

const demoPins = { 张伟: '1234', 李娜: '9999' } as const;

export async function loginAt(page: Page, url: string, who: keyof typeof demoPins = '张伟'): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: new RegExp(who) }).click();
  await page.getByTestId('pin-input').fill(demoPins[who]);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-search').waitFor();
}

/** True when the element is painted wholly inside the viewport: a person looking at the screen sees it. */
export async function isInViewport(page: Page, target: Locator): Promise<boolean> {
  await target.waitFor();
  const box = await target.boundingBox();
  const view = page.viewportSize();
  if (!box || !view) return false;
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= view.width && box.y + box.height <= view.height;
}

/** From any counter screen: 社区 in the header, then one of its tabs. */
export async function openCommunityTab(
  page: Page,
  tab: 'events' | 'rewards' | 'contests' | 'posts' | 'requests',
): Promise<void> {
  await page.getByTestId('nav-community').click();
  await page.getByTestId(`community-tab-${tab}`).click();
}
