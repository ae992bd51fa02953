// What the self-service end-to-end tests do again and again: start a host in the self-service
// role, scan a card the way a keyboard-wedge scanner types it, and wait for member home.
import type { Page } from 'playwright-core';
import { startHostProcess, type HostProcess } from './host-process';

export function startSelfServiceHost(dataDir: string, opts: { args?: readonly string[] } = {}): Promise<HostProcess> {
  return startHostProcess(dataDir, { args: ['--role', 'self-service', ...(opts.args ?? [])] });
}

/** A wedge scan: the whole code and Enter in one fast burst (what the scanner sends). */
export async function wedgeScan(page: Page, text: string): Promise<void> {
  await page.keyboard.type(`${text}\n`);
}

/** At the attract screen: scans the card and waits for member home. */
export async function scanIntoHome(page: Page, card: string): Promise<void> {
  await page.getByTestId('ss-attract').waitFor();
  await wedgeScan(page, card);
  await page.getByTestId('ss-home').waitFor();
}
