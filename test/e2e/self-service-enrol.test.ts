// Self-enrolment at the self-service terminal with the on-screen keyboard only: the number on
// the keypad, the code the SMS gateway (a real local HTTP receiver) got, a Chinese name typed in
// pinyin by tapping keys and choosing candidates, then member home with the masked new name. An
// enrolled number hears "already a member" after its code, without a name, and nothing is written.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { databaseFileName } from '../../features/app';
import zhCN from '../../renderer/i18n/zh-CN';
import { chromiumForTests, chromiumFlags } from '../support/chromium';
import type { HostProcess } from '../support/host-process';
import { demoMember } from '../support/loyalty';
import { startSelfServiceHost } from '../support/self-service-page';
import { tempDir } from '../support/temp-core';
import { startSmsReceiver, type SmsReceiver } from '../sms-receiver';

const executablePath = chromiumForTests();
const temp = tempDir('linli-e2e-self-enrol-');
let browser: Browser;
let host: HostProcess | null = null;
let receiver: SmsReceiver;

/** Taps keys of the on-screen keyboard under the field `testId` (simple-keyboard names each key). */
async function tap(page: Page, testId: string, keys: string[]): Promise<void> {
  const keyboard = page.getByTestId(`${testId}-keyboard`);
  for (const key of keys) await keyboard.locator(`[data-skbtn="${key}"]`).click();
}

/** Types pinyin on the Chinese keyboard and chooses the character from the candidates. */
async function pinyin(page: Page, testId: string, syllable: string, character: string): Promise<void> {
  await tap(page, testId, [...syllable]);
  const candidate = page.locator('.hg-candidate-box-list-item', { hasText: new RegExp(`^${character}$`) });
  await candidate.first().click();
}

function counts(): { members: number; outbox: number } {
  const db = new Database(join(temp.dir, databaseFileName), { readonly: true, fileMustExist: true });
  try {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return { members: n('SELECT COUNT(*) AS n FROM members'), outbox: n('SELECT COUNT(*) AS n FROM outbox') };
  } finally {
    db.close();
  }
}

async function enterPhoneAndCode(page: Page, digits: string, e164: string): Promise<void> {
  await page.goto(host!.url);
  await page.getByTestId('ss-join').click();
  await page.getByTestId('se-phone').click();
  await page.getByTestId('se-phone-keyboard').waitFor();
  await tap(page, 'se-phone', [...digits]);
  expect(await page.getByTestId('se-phone').inputValue()).toBe(digits);
  await page.getByTestId('se-send').click();
  await page.getByTestId('se-code-sent').waitFor();
  await expect.poll(() => receiver.lastCode(e164)).toMatch(/^\d{6}$/);
  await page.getByTestId('se-code').click();
  await tap(page, 'se-code', [...receiver.lastCode(e164)!]);
  await page.getByTestId('se-verify').click();
}

describe.skipIf(!executablePath)('self-service: self-enrolment with the on-screen keyboard', () => {
  beforeAll(async () => {
    receiver = await startSmsReceiver();
    browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: chromiumFlags });
    host = await startSelfServiceHost(temp.dir, { args: ['--sms-webhook', receiver.url] });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    await receiver?.close();
    temp.remove();
  });

  it('enrols with a Chinese name typed in pinyin and opens the new member home', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await enterPhoneAndCode(page, '13912345678', '+8613912345678');
    // A real gateway: the code is never shown on the screen.
    expect(await page.getByTestId('se-demo-code').count()).toBe(0);

    await page.getByTestId('se-name').click();
    const keyboard = page.getByTestId('se-name-keyboard');
    expect(await keyboard.getAttribute('data-mode')).toBe('chinese');
    await pinyin(page, 'se-name', 'wang', '王');
    await pinyin(page, 'se-name', 'xiao', '小');
    await pinyin(page, 'se-name', 'ming', '明');
    expect(await page.getByTestId('se-name').inputValue()).toBe('王小明');
    await tap(page, 'se-name', ['{done}']);
    expect(await page.getByTestId('se-name-keyboard').count()).toBe(0);

    // Data processing is required: without it the join button stays off.
    expect(await page.getByTestId('se-join').isDisabled()).toBe(true);
    await page.getByTestId('se-consent-data').click();
    await page.getByTestId('se-consent-marketing_sms').click();
    await page.getByTestId('se-join').click();

    await expect.poll(() => page.getByTestId('se-welcome').textContent()).toContain('王*明');
    await page.getByTestId('se-to-home').click();
    await expect.poll(() => page.getByTestId('ss-greeting').textContent()).toBe('您好，王*明');
    expect(await page.getByTestId('ss-balance').textContent()).toBe('0');
    expect(await page.content()).not.toContain('王小明');
    await page.close();
  });

  it('switches the keyboard between Latin and Chinese, with shift and backspace', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1080, height: 1920 } });
    await enterPhoneAndCode(page, '13912340000', '+8613912340000');
    await page.getByTestId('se-name').click();
    await tap(page, 'se-name', ['{lang}', '{shift}', 'L', '{shift}', 'i', '{space}', 'l', 'e', 'i', 'x']);
    await tap(page, 'se-name', ['{bksp}']);
    expect(await page.getByTestId('se-name').inputValue()).toBe('Li lei');
    // The physical keyboard still types into the same field.
    await page.getByTestId('se-name').press('End');
    await page.keyboard.type('!');
    await expect.poll(() => page.getByTestId('se-name').inputValue()).toBe('Li lei!');
    await page.close();
  });

  it('an enrolled number: "already a member" after its code, no name shown, nothing written', async () => {
    const before = counts();
    const page = await browser.newPage({ locale: 'zh-CN' });
    const national = demoMember.phone.replace('+86', '');
    await enterPhoneAndCode(page, national, demoMember.phone);
    await page.getByTestId('se-already').waitFor();
    expect(await page.getByTestId('se-already').textContent()).toContain(zhCN.selfEnrol.alreadyTitle);
    const html = await page.content();
    expect(html).not.toContain('陈');
    expect(html).not.toContain('*卡');
    expect(counts()).toEqual(before);
    await page.getByTestId('se-to-start').click();
    await page.getByTestId('ss-attract').waitFor();
    await page.close();
  });

  it('a wrong code is refused with the tries left', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(host!.url);
    await page.getByTestId('ss-join').click();
    await page.getByTestId('se-phone').click();
    await tap(page, 'se-phone', [...'13700001111']);
    await page.getByTestId('se-send').click();
    await page.getByTestId('se-code-sent').waitFor();
    const right = receiver.lastCode('+8613700001111')!;
    const wrong = right === '000000' ? '111111' : '000000';
    await page.getByTestId('se-code').click();
    await tap(page, 'se-code', [...wrong]);
    await page.getByTestId('se-verify').click();
    await expect.poll(() => page.getByTestId('error').getAttribute('data-code')).toBe('VERIFY_CODE_WRONG');
    expect(await page.getByTestId('error').textContent()).toContain('4');
    await page.close();
  });
});
