// Self-enrolment through the core with the webhook SMS sender pointed at a real local HTTP
// receiver: the receiver gets the phone and the code, the code verifies, wrong and expired codes
// are refused, and an enrolled number is told "already a member" only after its code.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFileName, openLinli, type LinliCore } from '../features/app';
import { openDatabase, type Db } from '../db/open';
import { demoMember } from '../features/demo/demo-loyalty';
import { consents, loginAs, tempDir } from './support/temp-core';
import { startSmsReceiver, type SmsReceiver } from './sms-receiver';

const newPhone = '+8613912345678';

let temp: ReturnType<typeof tempDir>;
let receiver: SmsReceiver;
let core: LinliCore;
let db: Db;
const clock = { now: new Date('2026-06-15T04:00:00.000Z') };
const later = (ms: number) => (clock.now = new Date(clock.now.getTime() + ms));

async function refused(promise: Promise<unknown>): Promise<{ code: string; params?: Record<string, unknown> }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as { code: string; params?: Record<string, unknown> },
  );
  if (!error) throw new Error('expected the call to be refused');
  return error;
}

const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;

beforeEach(async () => {
  temp = tempDir();
  receiver = await startSmsReceiver();
  clock.now = new Date('2026-06-15T04:00:00.000Z');
  core = openLinli({
    dataDir: temp.dir,
    demo: true,
    host: 'browser',
    now: () => clock.now,
    sms: { webhookUrl: receiver.url, token: 'gateway-secret' },
  });
  await loginAs(core, 'manager');
  await core.methods.setSelfServiceSettings({ role: 'self-service' });
  await core.methods.logout();
  db = openDatabase(join(temp.dir, databaseFileName));
});

afterEach(async () => {
  db.close();
  await core.close();
  await receiver.close();
  temp.remove();
});

describe('self-enrolment with the webhook SMS sender', () => {
  it('sends the code to the gateway, verifies it and enrols the member as the customer', async () => {
    const sent = await core.methods.requestEnrolCode({ phone: '139 1234 5678' });
    expect(sent.maskedPhone).toBe('139****5678');
    expect(sent.demoCode).toBeNull();
    expect(receiver.received).toHaveLength(1);
    const [sms] = receiver.received;
    expect(sms!.body.phone).toBe(newPhone);
    expect(sms!.body.code).toMatch(/^\d{6}$/);
    expect(sms!.headers.authorization).toBe('Bearer gateway-secret');
    // The code is not kept in clear.
    expect(JSON.stringify(db.prepare('SELECT * FROM phone_verifications').all())).not.toContain(String(sms!.body.code));

    expect(
      await core.methods.verifyEnrolCode({ verificationId: sent.verificationId, code: receiver.lastCode(newPhone)! }),
    ).toEqual({
      alreadyMember: false,
    });
    const home = await core.methods.selfEnrol({
      verificationId: sent.verificationId,
      name: '王小明',
      consents: consents({ marketing_sms: true }),
    });
    expect(home.maskedName).toBe('王*明');
    expect((await core.methods.customerHome()).memberId).toBe(home.memberId);
    const consentRows = db
      .prepare('SELECT purpose, granted, source FROM consents WHERE member_id = ? ORDER BY purpose')
      .all(home.memberId) as { purpose: string; granted: number; source: string }[];
    expect(consentRows.every((c) => c.source === 'terminal')).toBe(true);
    expect(consentRows.find((c) => c.purpose === 'marketing_sms')?.granted).toBe(1);
    expect(count("SELECT COUNT(*) AS n FROM outbox WHERE type = 'member.enrolled'")).toBe(1);

    // The verification enrols once.
    expect(
      (
        await refused(
          core.methods.selfEnrol({ verificationId: sent.verificationId, name: '王小明', consents: consents() }),
        )
      ).code,
    ).toBe('VERIFY_UNKNOWN');
  });

  it('a wrong code is refused and counted; the fifth wrong one kills the code', async () => {
    const sent = await core.methods.requestEnrolCode({ phone: newPhone });
    const right = receiver.lastCode(newPhone)!;
    const wrong = right === '000000' ? '111111' : '000000';
    const first = await refused(core.methods.verifyEnrolCode({ verificationId: sent.verificationId, code: wrong }));
    expect(first).toMatchObject({ code: 'VERIFY_CODE_WRONG', params: { attemptsLeft: 4 } });
    for (let i = 0; i < 3; i++)
      await refused(core.methods.verifyEnrolCode({ verificationId: sent.verificationId, code: wrong }));
    expect(
      (await refused(core.methods.verifyEnrolCode({ verificationId: sent.verificationId, code: wrong }))).code,
    ).toBe('VERIFY_TOO_MANY_ATTEMPTS');
    // Even the right code no longer works.
    expect(
      (await refused(core.methods.verifyEnrolCode({ verificationId: sent.verificationId, code: right }))).code,
    ).toBe('VERIFY_TOO_MANY_ATTEMPTS');
    expect(
      (await refused(core.methods.verifyEnrolCode({ verificationId: sent.verificationId, code: '12ab' }))).code,
    ).toBe('VERIFY_CODE_FORMAT');
    expect(
      (
        await refused(
          core.methods.selfEnrol({ verificationId: sent.verificationId, name: '王小明', consents: consents() }),
        )
      ).code,
    ).toBe('VERIFY_UNKNOWN');
    expect(count('SELECT COUNT(*) AS n FROM members WHERE phone_e164 = ' + `'${newPhone}'`)).toBe(0);
  });

  it('an expired code is refused; a new one is throttled for a minute', async () => {
    const sent = await core.methods.requestEnrolCode({ phone: newPhone });
    expect((await refused(core.methods.requestEnrolCode({ phone: newPhone }))).code).toBe('SMS_RESEND_TOO_SOON');
    expect(receiver.received).toHaveLength(1);
    later(5 * 60_000);
    expect(
      (
        await refused(
          core.methods.verifyEnrolCode({ verificationId: sent.verificationId, code: receiver.lastCode(newPhone)! }),
        )
      ).code,
    ).toBe('VERIFY_CODE_EXPIRED');
    const again = await core.methods.requestEnrolCode({ phone: newPhone });
    expect(receiver.received).toHaveLength(2);
    expect(
      await core.methods.verifyEnrolCode({ verificationId: again.verificationId, code: receiver.lastCode(newPhone)! }),
    ).toEqual({
      alreadyMember: false,
    });
  });

  it('at most five codes per number an hour', async () => {
    for (let i = 0; i < 5; i++) {
      await core.methods.requestEnrolCode({ phone: newPhone });
      later(61_000);
    }
    expect((await refused(core.methods.requestEnrolCode({ phone: newPhone }))).code).toBe('SMS_RATE_LIMITED');
    expect(receiver.received).toHaveLength(5);
  });

  it('an enrolled number learns "already a member" only after its code, and nothing is written', async () => {
    const members = count('SELECT COUNT(*) AS n FROM members');
    const outbox = count('SELECT COUNT(*) AS n FROM outbox');
    const sent = await core.methods.requestEnrolCode({ phone: demoMember.phone });
    // The answer to "send a code" is the same as for a new number: nothing about the member.
    expect(Object.keys(sent).sort()).toEqual(['demoCode', 'expiresAt', 'maskedPhone', 'resendAt', 'verificationId']);
    expect(JSON.stringify(sent)).not.toContain('陈');
    const checked = await core.methods.verifyEnrolCode({
      verificationId: sent.verificationId,
      code: receiver.lastCode(demoMember.phone)!,
    });
    expect(checked).toEqual({ alreadyMember: true });
    expect(
      (
        await refused(
          core.methods.selfEnrol({ verificationId: sent.verificationId, name: '别人', consents: consents() }),
        )
      ).code,
    ).toBe('VERIFY_ALREADY_MEMBER');
    expect(count('SELECT COUNT(*) AS n FROM members')).toBe(members);
    expect(count('SELECT COUNT(*) AS n FROM outbox')).toBe(outbox);
  });

  it('a gateway that refuses: a clear error, and the number is not throttled by a code nobody got', async () => {
    receiver.answerWith(502);
    expect((await refused(core.methods.requestEnrolCode({ phone: newPhone }))).code).toBe('SMS_SEND_FAILED');
    expect(count('SELECT COUNT(*) AS n FROM phone_verifications')).toBe(0);
    receiver.answerWith(200);
    await core.methods.requestEnrolCode({ phone: newPhone });
    expect(count('SELECT COUNT(*) AS n FROM phone_verifications')).toBe(1);
  });

  it('bad input at enrolment: missing consent or name writes nothing and leaves the code usable', async () => {
    const sent = await core.methods.requestEnrolCode({ phone: newPhone });
    await core.methods.verifyEnrolCode({ verificationId: sent.verificationId, code: receiver.lastCode(newPhone)! });
    expect(
      (
        await refused(
          core.methods.selfEnrol({
            verificationId: sent.verificationId,
            name: '王小明',
            consents: consents({ data_processing: false }),
          }),
        )
      ).code,
    ).toBe('CONSENT_REQUIRED');
    expect(
      (await refused(core.methods.selfEnrol({ verificationId: sent.verificationId, name: ' ', consents: consents() })))
        .code,
    ).toBe('NAME_REQUIRED');
    expect(
      (
        await refused(
          core.methods.selfEnrol({
            verificationId: sent.verificationId,
            name: '王小明',
            consents: consents(),
            referralCode: 'NOPE99',
          }),
        )
      ).code,
    ).toBe('REFERRAL_UNKNOWN');
    expect(count(`SELECT COUNT(*) AS n FROM members WHERE phone_e164 = '${newPhone}'`)).toBe(0);
    const home = await core.methods.selfEnrol({
      verificationId: sent.verificationId,
      name: 'Li Lei',
      consents: consents(),
    });
    expect(home.maskedName).not.toContain('Li Lei');
  });
});
