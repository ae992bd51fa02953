// The renderer runs under a CSP without style-src 'unsafe-inline' (React sets styles through the
// CSSOM, which CSP allows): no screen may trip the policy, and styled elements keep their styles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { chromiumForTests, chromiumFlags } from '../support/chromium';
import { loginAt } from '../support/counter-page';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { tempDir } from '../support/temp-core';

const executablePath = chromiumForTests();
const dataDir = tempDir('linli-e2e-csp-');
let browser: Browser;
let host: HostProcess | null = null;

describe.skipIf(!executablePath)('the renderer under its CSP', () => {
  beforeAll(async () => {
    host = await startHostProcess(dataDir.dir);
    browser = await chromium.launch({ executablePath: executablePath!, args: chromiumFlags });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    dataDir.remove();
  });

  it('serves the policy without unsafe-inline and no screen violates it', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    await page.exposeFunction('linliCspViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { linliCspViolation(t: string): void }).linliCspViolation(
          `${e.violatedDirective} ${e.blockedURI} ${e.sample}`,
        );
      });
    });
    const response = await page.goto(host!.url);
    expect(response?.headers()['content-security-policy']).toContain("style-src 'self';");
    expect(response?.headers()['content-security-policy']).not.toContain('unsafe-inline');
    await loginAt(page, host!.url, '李娜');
    for (const route of ['enrol', 'checkout', 'refund', 'reports', 'community', 'catalogue', 'devices', 'search']) {
      await page.getByTestId(`nav-${route}`).click();
      await expect.poll(() => page.getByTestId(`nav-${route}`).getAttribute('aria-current')).toBe('page');
    }
    // The page is styled by the stylesheet: the header nav is a flex row, not an unstyled block.
    const display = await page.evaluate(() => getComputedStyle(document.querySelector('.header__nav')!).display);
    expect(display).toBe('flex');
    // zod 4 probes `new Function('')` (zod/v4/core/util.js allowsEval) to pick its fast path; the policy
    // refusing it is the point of having no 'unsafe-eval'. Anything else is a real violation.
    expect(violations.filter((v) => v !== 'script-src eval ')).toEqual([]);
    expect(violations.some((v) => v.startsWith('style-src'))).toBe(false);
    await page.close();
  });
});
