import { findChromium } from '../../host-support/find-chromium';

export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * The end-to-end suite needs a Chromium. Without one it is skipped with a loud message, except
 * where LINLI_REQUIRE_E2E=1 (set by .ci/run): there a missing browser fails the run.
 */
export function chromiumForTests(): string | null {
  const path = findChromium();
  if (path) return path;
  const message = 'No Chromium found (set LINLI_CHROMIUM or install chromium): the end-to-end tests are NOT running.';
  if (process.env.LINLI_REQUIRE_E2E === '1') throw new Error(`${message} LINLI_REQUIRE_E2E=1 makes this a failure.`);
  console.warn(`\n\n!!! ${message}\n\n`);
  return null;
}
