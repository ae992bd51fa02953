// A contest at the self-service terminal, in headless Chromium against the browser host: a scanned
// member votes, the attract screen's live leaderboard (open in another window) moves at once, and a
// second vote the same day is refused with a clear message and nothing written.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { databaseFileName } from '../../features/app';
import { openDatabase } from '../../db/open';
import { createRepositories } from '../../db/repositories';
import zhCN from '../../renderer/i18n/zh-CN';
import { chromiumForTests, chromiumFlags } from '../support/chromium';
import { saveContest } from '../support/contests';
import type { HostProcess } from '../support/host-process';
import { demoMember } from '../support/loyalty';
import { scanIntoHome, startSelfServiceHost } from '../support/self-service-page';
import { enrolment, loginAs, openTestCore, tempDir } from '../support/temp-core';

const executablePath = chromiumForTests();
const temp = tempDir('linli-e2e-contest-');
let browser: Browser;
let host: HostProcess | null = null;

/** A demo store with a running contest of two entrants, as the hub would have sent it. */
async function prepare(dir: string): Promise<void> {
  const core = openTestCore(dir);
  await loginAs(core, 'manager');
  const friend = await core.methods.enrolMember(enrolment({ name: '李小红', phone: '13812345678' }));
  if (!friend.created) throw new Error('expected a new member');
  const gold = (await core.methods.searchMembers({ query: demoMember.phone })).members[0]!;
  await core.close();
  const db = openDatabase(join(dir, databaseFileName));
  saveContest(createRepositories(db), new Date(), [
    { memberId: friend.member.id, name: '李小红', code: 'V-3K7Q' },
    { memberId: gold.id, name: demoMember.name, code: 'V-8MPW' },
  ]);
  db.close();
}

const voteRows = () => {
  const db = openDatabase(join(temp.dir, databaseFileName));
  try {
    return (db.prepare('SELECT count(*) AS n FROM contest_votes').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe.skipIf(!executablePath)('self-service: contest vote and live leaderboard', () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: chromiumFlags });
    await prepare(temp.dir);
    host = await startSelfServiceHost(temp.dir);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    temp.remove();
  });

  it('a vote moves the leaderboard at once; a second vote the same day is refused', async () => {
    // The attract loop in one window: the leaderboard with no votes yet.
    const attract = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await attract.goto(host!.url);
    const leader = attract.getByTestId('ss-leader');
    await expect.poll(() => leader.count()).toBe(2);
    expect(await attract.getByTestId('ss-leaderboard').textContent()).toContain(zhCN.contests.leaderboard);
    expect(await leader.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-votes')))).toEqual(['0', '0']);

    // A member scans in another window and votes for 李*红.
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await page.goto(host!.url);
    await scanIntoHome(page, demoMember.card);
    await page.getByTestId('ss-tile-contest').click();
    await page.getByTestId('ss-contest').waitFor();
    expect(await page.getByTestId('ss-contest').textContent()).toContain('李*红');
    expect(await page.content()).not.toContain('李小红');
    await page.getByTestId('ss-vote-entrant-1').click();
    await expect.poll(() => page.getByTestId('ss-vote-thanks').textContent()).toContain('李*红');
    await expect
      .poll(() => page.locator('[data-testid="ss-entrant"][data-entrant="entrant-1"]').getAttribute('data-votes'))
      .toBe('1');

    // The attract window's leaderboard follows without a reload: 李*红 leads with one vote.
    await expect.poll(() => leader.first().getAttribute('data-entrant')).toBe('entrant-1');
    expect(await leader.first().getAttribute('data-votes')).toBe('1');

    // A second vote today, for the other entrant: refused, and nothing written.
    expect(voteRows()).toBe(1);
    await page.getByTestId('ss-vote-entrant-2').click();
    await expect.poll(() => page.getByTestId('error').getAttribute('data-code')).toBe('VOTE_ALREADY_TODAY');
    expect(await page.getByTestId('error').textContent()).toContain(zhCN.errors.VOTE_ALREADY_TODAY);
    expect(voteRows()).toBe(1);
    expect(await page.locator('[data-testid="ss-entrant"][data-entrant="entrant-2"]').getAttribute('data-votes')).toBe(
      '0',
    );
    expect(await leader.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-votes')))).toEqual(['1', '0']);
    await page.close();
    await attract.close();
  });
});
