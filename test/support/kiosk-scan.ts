// A wedge scan that survives a loaded machine: the decoder (renderer/scanner/wedge-decoder.ts) takes
// keys at most 80 ms apart as a scan, and two cores shared by several test runs sometimes type
// slower than that. Each attempt is a whole scan; member home appearing is the only success.
import type { Page } from 'playwright-core';
import { wedgeScan } from './self-service-page';

export async function scanIntoHomeSteadily(page: Page, card: string, attempts = 4): Promise<void> {
  await page.getByTestId('ss-attract').waitFor();
  for (let i = 0; i < attempts; i++) {
    await wedgeScan(page, card);
    try {
      await page.getByTestId('ss-home').waitFor({ timeout: 5000 });
      return;
    } catch {
      // Typed too slowly to count as a scan: the keys went nowhere; scan again.
    }
  }
  await page.getByTestId('ss-home').waitFor({ timeout: 1000 });
}
