// Community events at the counter, in headless Chromium against the browser host: the manager
// creates an event in Community → Events (a bad capacity is refused beside its field, nothing
// saved), and a ticket typed or scanned into the check-in field is checked in once.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { databaseFileName } from '../../features/app';
import zhCN from '../../renderer/i18n/zh-CN';
import { chromiumForTests, chromiumFlags } from '../support/chromium';
import { loginAt } from '../support/counter-page';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { demoMember, openLoyaltyCore } from '../support/loyalty';
import { tempDir } from '../support/temp-core';

const executablePath = chromiumForTests();
const temp = tempDir('linli-e2e-counter-events-');
let browser: Browser;
let host: HostProcess | null = null;
let ticket = '';

const inDays = (days: number, hours = 0) => new Date(Date.now() + days * 86_400_000 + hours * 3_600_000).toISOString();

function count(sql: string): number {
  const db = new Database(join(temp.dir, databaseFileName), { readonly: true });
  const n = (db.prepare(sql).get() as { n: number }).n;
  db.close();
  return n;
}

describe.skipIf(!executablePath)('counter: community events and ticket check-in', () => {
  beforeAll(async () => {
    // A member signed up at the shop's self-service terminal for a tasting worth 60 points.
    const core = await openLoyaltyCore(temp.dir, 'manager');
    const m = core.core.methods;
    const event = await m.saveEvent({
      titleZh: '秋茶品鉴',
      startsAt: inDays(5),
      endsAt: inDays(5, 2),
      capacity: 8,
      points: 60,
    });
    await m.setSelfServiceSettings({ role: 'self-service' });
    await m.startCustomer({ text: demoMember.card, source: 'wedge' });
    ticket = (await m.signUpForEvent({ eventId: event.id })).mine!.code;
    await m.setSelfServiceSettings({ role: 'counter' });
    await core.close();
    browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: chromiumFlags });
    host = await startHostProcess(temp.dir);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    temp.remove();
  });

  it('creates an event; a bad capacity is refused beside its field with nothing saved', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await loginAt(page, host!.url, '李娜');
    await page.getByTestId('nav-community').click();
    await page.getByTestId('community-events').waitFor();
    const before = count('SELECT count(*) AS n FROM community_events');
    await page.getByTestId('event-new').click();
    await page.getByTestId('event-title-zh').fill('社区读书会');
    await page.getByTestId('event-starts').fill('2027-03-06T14:00');
    await page.getByTestId('event-ends').fill('2027-03-06T16:00');
    await page.getByTestId('event-capacity').fill('0');
    await page.getByTestId('event-save').click();
    await expect
      .poll(() => page.getByTestId('field-error-capacity').textContent())
      .toBe(zhCN.errors.EVENT_CAPACITY_INVALID);
    expect(count('SELECT count(*) AS n FROM community_events')).toBe(before);
    await page.getByTestId('event-capacity').fill('30');
    await page.getByTestId('event-points').fill('20');
    await page.getByTestId('event-save').click();
    await page.getByTestId('event-saved').waitFor();
    await expect.poll(() => page.getByTestId('event-list').textContent()).toContain('社区读书会');
    expect(count('SELECT count(*) AS n FROM community_events')).toBe(before + 1);
    // Stored in the shop's time: 14:00 Beijing is 06:00 UTC.
    expect(count(`SELECT count(*) AS n FROM community_events WHERE starts_at = '2027-03-06T06:00:00.000Z'`)).toBe(1);
    await page.close();
  });

  it('checks a ticket in once at the counter', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    // The manager is still logged in at this terminal (the session is the core's, not the window's).
    await page.goto(host!.url);
    await page.getByTestId('nav-community').click();
    await page.getByTestId('event-checkin-code').fill(ticket);
    await page.getByTestId('event-checkin-submit').click();
    await expect
      .poll(() => page.getByTestId('event-checkin-done').textContent())
      .toBe('陈*卡 已签到 秋茶品鉴，获得 60 积分。');
    const ledger = count('SELECT count(*) AS n FROM points_ledger');
    await page.getByTestId('event-checkin-code').fill(ticket);
    await page.getByTestId('event-checkin-submit').click();
    await expect.poll(() => page.getByTestId('field-error-code').textContent()).toBe(zhCN.errors.TICKET_ALREADY_USED);
    expect(count('SELECT count(*) AS n FROM points_ledger')).toBe(ledger);
    await page.close();
  });
});
