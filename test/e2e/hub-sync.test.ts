import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import zhCN from '../../renderer/i18n/zh-CN';
import { chromiumForTests, chromiumFlags } from '../support/chromium';
import { isInViewport, loginAt } from '../support/counter-page';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { startHubProcess, type HubProcess } from '../support/hub-process';
import { tempDir } from '../support/temp-core';

// An operator's first day with a hub: the CLI makes a store and a one-time code, a manager registers
// the counter with it on the sync screen (after one mistyped address), a sale at the counter reaches
// the hub's PostgreSQL once, and revoking the terminal at the hub shows at the counter.
const executablePath = chromiumForTests();
const databaseUrl = process.env.LINLI_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `hub_e2e_${randomBytes(5).toString('hex')}`;
const temp = tempDir('linli-e2e-hub-');
let db: pg.Client | null = null;
let hub: HubProcess | null = null;
let host: HostProcess | null = null;
let browser: Browser;
let page: Page;

async function postgresAnswers(): Promise<boolean> {
  const probe = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await probe.connect();
    await probe.end();
    return true;
  } catch {
    if (process.env.LINLI_REQUIRE_PG === '1') throw new Error(`LINLI_REQUIRE_PG=1 but ${databaseUrl} does not answer`);
    return false;
  }
}
const canRun = Boolean(executablePath) && (await postgresAnswers());

const count = async (table: string) =>
  Number((await db!.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.${table}`)).rows[0]!.n);

describe.skipIf(!canRun)('counter and hub: register with a code, a sale reaches PostgreSQL once', () => {
  beforeAll(async () => {
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    await db.query(`CREATE SCHEMA ${schema}`);
    hub = await startHubProcess({ DATABASE_URL: databaseUrl, LINLI_HUB_SCHEMA: schema });
    host = await startHostProcess(temp.dir);
    browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: chromiumFlags });
    page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await loginAt(page, host.url, '李娜');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    await hub?.stop();
    await db?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await db?.end();
    temp.remove();
  });

  it('registers from the sync screen, pushes a sale once, and shows a revocation', async () => {
    expect((await hub!.cli('create-store', '--code', 'CUIHU', '--name', '翠湖店')).ok).toBe(true);
    const made = await hub!.cli('create-code', '--store', 'CUIHU');
    const code = /([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})/.exec(made.out)?.[1];
    expect(code, made.out).toBeDefined();

    await page.getByTestId('nav-devices').click();
    await page.getByTestId('devices-sync').click();
    // A mistyped address is marked beside the field, in view; nothing is registered.
    await page.getByTestId('sync-hub-url-input').fill('ftp://hub');
    await page.getByTestId('sync-code-input').fill(code!);
    await page.getByTestId('sync-terminal-name-input').fill('翠湖 收银 1');
    await page.getByTestId('sync-register-submit').click();
    const urlError = page.getByTestId('sync-register').getByTestId('field-error-hubUrl');
    await expect.poll(() => urlError.textContent()).toBe(zhCN.errors.HUB_URL_INVALID);
    expect(await isInViewport(page, urlError)).toBe(true);
    expect((await hub!.cli('list-terminals')).out).not.toContain('翠湖 收银 1');

    await page.getByTestId('sync-hub-url-input').fill(hub!.url);
    await page.getByTestId('sync-register-submit').click();
    await expect.poll(() => page.getByTestId('sync-hub-url').textContent()).toBe(hub!.url);
    expect((await hub!.cli('list-terminals')).out).toContain('翠湖 收银 1');

    // A cash sale at the counter.
    await page.getByTestId('nav-checkout').click();
    await page.getByTestId('product-TEA-001').click();
    await page.getByTestId('line-TEA-001').waitFor();
    await page.getByTestId('checkout-cash').fill('100');
    await page.getByTestId('checkout-complete').click();
    await page.getByTestId('checkout-change').waitFor();

    // It reaches the hub once and leaves the outbox.
    await expect.poll(() => count('sales'), { timeout: 20_000 }).toBe(1);
    await page.getByTestId('nav-devices').click();
    await page.getByTestId('devices-sync').click();
    await expect.poll(() => page.getByTestId('sync-waiting').textContent(), { timeout: 20_000 }).toBe('0');
    const events = await count('events');
    expect(events).toBeGreaterThan(0);

    // Revoked at the hub: the next sale stays at the counter, and the sync screen says why.
    const terminalId = /(\S+)\s+CUIHU\s+翠湖 收银 1/.exec((await hub!.cli('list-terminals')).out)?.[1];
    expect((await hub!.cli('revoke', '--terminal', terminalId!)).out).toMatch(/revoked/);
    await page.getByTestId('nav-checkout').click();
    await page.getByTestId('product-TEA-001').click();
    await page.getByTestId('line-TEA-001').waitFor();
    await page.getByTestId('checkout-cash').fill('100');
    await page.getByTestId('checkout-complete').click();
    await page.getByTestId('checkout-change').waitFor();
    await page.getByTestId('nav-devices').click();
    await page.getByTestId('devices-sync').click();
    await expect
      .poll(() => page.getByTestId('sync-last-error').getAttribute('data-code'), { timeout: 20_000 })
      .toBe('HUB_UNAUTHORIZED');
    expect(await count('sales')).toBe(1);
    expect(Number(await page.getByTestId('sync-waiting').textContent())).toBeGreaterThan(0);
  }, 180_000);
});
