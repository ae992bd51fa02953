// Community events at the self-service terminal, in headless Chromium against the browser host:
// a member scans their card, signs up, gets a ticket (on screen as code and QR, and printed), scans
// the ticket at check-in and earns the event's points once; a second check-in is refused, and a
// full event offers only the waiting list, with nothing written.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { databaseFileName } from '../../features/app';
import zhCN from '../../renderer/i18n/zh-CN';
import { chromiumForTests, chromiumFlags } from '../support/chromium';
import type { HostProcess } from '../support/host-process';
import { demoMember, openLoyaltyCore } from '../support/loyalty';
import { scanIntoHome, startSelfServiceHost, wedgeScan } from '../support/self-service-page';
import { enrolment, tempDir } from '../support/temp-core';

const executablePath = chromiumForTests();
const temp = tempDir('linli-e2e-self-events-');
let browser: Browser;
let host: HostProcess | null = null;
let tastingId = '';
let fullId = '';

const inDays = (days: number, hours = 0) => new Date(Date.now() + days * 86_400_000 + hours * 3_600_000).toISOString();

/** A wedge scan, then what it must lead to. */
async function scan(page: Page, text: string, outcome: Locator): Promise<void> {
  await wedgeScan(page, text);
  await outcome.waitFor();
}

/** What the host wrote, read beside it (WAL: a reader never blocks it). */
function counts() {
  const db = new Database(join(temp.dir, databaseFileName), { readonly: true });
  const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const out = {
    signups: n('SELECT count(*) AS n FROM event_signups'),
    tickets: n(`SELECT count(*) AS n FROM print_jobs WHERE kind = 'ticket'`),
    ledger: n('SELECT count(*) AS n FROM points_ledger'),
  };
  db.close();
  return out;
}

describe.skipIf(!executablePath)('self-service: community events, ticket and check-in', () => {
  beforeAll(async () => {
    // The shop's manager made two events at the counter; a neighbour took the small one's only seat.
    const core = await openLoyaltyCore(temp.dir, 'manager');
    const m = core.core.methods;
    tastingId = (
      await m.saveEvent({
        titleZh: '夏日品茶会',
        titleEn: 'Summer tea tasting',
        place: '二楼茶室',
        startsAt: inDays(7),
        endsAt: inDays(7, 2),
        capacity: 10,
        points: 50,
      })
    ).id;
    fullId = (
      await m.saveEvent({ titleZh: '小班插花', startsAt: inDays(8), endsAt: inDays(8, 2), capacity: 1, points: 20 })
    ).id;
    const neighbour = await m.enrolMember(enrolment({ name: '李邻居', phone: '13955501234' }));
    if (!neighbour.created) throw new Error('phone taken');
    await m.setSelfServiceSettings({ role: 'self-service' });
    await m.startCustomer({ text: neighbour.member.activeCard!, source: 'wedge' });
    await m.signUpForEvent({ eventId: fullId });
    await core.close();

    browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: chromiumFlags });
    host = await startSelfServiceHost(temp.dir);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    temp.remove();
  });

  it('signs up, shows and prints the ticket, checks it in once for the points', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await page.goto(host!.url);
    // The attract loop shows what is coming up.
    await page.getByTestId(`ss-attract-event-${tastingId}`).waitFor();
    await scanIntoHome(page, demoMember.card);
    await page.getByTestId('ss-tile-events').click();
    await page.getByTestId(`ss-event-${tastingId}`).click();
    await expect.poll(() => page.getByTestId('ss-event-seats').textContent()).toBe('剩余 10 个名额');
    const before = counts();
    await page.getByTestId('ss-event-signup').click();
    const code = (await page.getByTestId('ss-ticket-code').textContent())!;
    expect(code).toMatch(/^EV-[A-Z]{4}-[A-Z]{4}$/);
    await page.getByTestId('ss-ticket-qr').waitFor();
    expect(await page.getByTestId('ss-ticket-status').textContent()).toBe(zhCN.events.status.confirmed);
    expect(await page.getByTestId('ss-event-seats').textContent()).toBe('剩余 9 个名额');
    expect(counts()).toMatchObject({ signups: before.signups + 1, tickets: before.tickets + 1 });

    // At the event: the ticket is scanned at the terminal's check-in.
    await page.getByTestId('ss-back').click();
    await page.getByTestId('ss-tile-events').click();
    await page.getByTestId('ss-checkin-open').click();
    await page.locator('[data-testid="ss-checkin"][data-ready="true"]').waitFor();
    await scan(page, code, page.getByTestId('ss-checkin-points'));
    expect(await page.getByTestId('ss-checkin-points').textContent()).toBe('陈*卡 获得 50 积分');
    await page.getByTestId('ss-back').click();
    await expect.poll(() => page.getByTestId('ss-balance').textContent()).toBe('5,050');

    // Scanned again: refused, nothing written, the points stay as they are.
    const once = counts();
    await page.getByTestId('ss-tile-events').click();
    await page.getByTestId('ss-checkin-open').click();
    await page.locator('[data-testid="ss-checkin"][data-ready="true"]').waitFor();
    await scan(page, code, page.locator('[data-testid="error"][data-code="TICKET_ALREADY_USED"]'));
    expect(await page.getByTestId('error').textContent()).toContain(zhCN.errors.TICKET_ALREADY_USED);
    expect(counts()).toEqual(once);
    await page.getByTestId('ss-back').click();
    expect(await page.getByTestId('ss-balance').textContent()).toBe('5,050');
    await page.close();
  });

  it('offers only the waiting list for a full event, and writes nothing until asked', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1080, height: 1920 } });
    await page.goto(host!.url);
    // The events arrive after the page has set up its scanner: a scan from then on is heard.
    await page.getByTestId('ss-attract-events').waitFor();
    await scanIntoHome(page, demoMember.card);
    await page.getByTestId('ss-tile-events').click();
    await page.getByTestId(`ss-event-${fullId}`).click();
    await expect.poll(() => page.getByTestId('ss-event-seats').textContent()).toBe(zhCN.events.full);
    expect(await page.getByTestId('ss-event-full-hint').textContent()).toBe(zhCN.events.fullHint);
    expect(await page.getByTestId('ss-event-signup').count()).toBe(0);
    const before = counts();
    expect(before.signups).toBeGreaterThan(0);
    // Looking is free: nothing was written by opening a full event.
    expect(counts()).toEqual(before);
    await page.getByTestId('ss-event-waitlist').click();
    await expect.poll(() => page.getByTestId('ss-ticket-position').textContent()).toBe('您在候补名单第 1 位');
    expect(await page.getByTestId('ss-ticket-status').textContent()).toBe(zhCN.events.status.waiting);
    expect(counts().signups).toBe(before.signups + 1);
    await page.close();
  });
});
