import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { LinliCore } from '../features/app';
import { generateCardNumber } from '../domain/card-number';
import type { MemberProfile } from '../contract';
import { enrolment, consents, loginAs, openTestCore, tempDir } from './support/temp-core';

const temp = tempDir();
afterAll(() => temp.remove());

let n = 0;
function freshCore(): { core: LinliCore; dir: string } {
  const dir = join(temp.dir, `t${n++}`);
  return { core: openTestCore(dir), dir };
}

async function enrolled(core: LinliCore, overrides = {}): Promise<MemberProfile> {
  const result = await core.methods.enrolMember(enrolment(overrides));
  if (!result.created) throw new Error('expected a new member');
  return result.member;
}

function rowCounts(dir: string) {
  const db = new Database(join(dir, 'linli.sqlite'), { readonly: true });
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const counts = {
    members: count('members'),
    cards: count('member_cards'),
    consents: count('consents'),
    outbox: count('outbox'),
  };
  db.close();
  return counts;
}

describe('enrolment and lookup on a real SQLite file', () => {
  let core: LinliCore;
  let dir: string;
  beforeEach(async () => {
    ({ core, dir } = freshCore());
    await loginAs(core);
  });

  it('enrols a member with consents, a generated card and one outbox event per change', async () => {
    const before = rowCounts(dir);
    const member = await enrolled(core, { community: '翠湖花园', interests: ['茶艺'], birthday: '1990-05-01' });
    expect(member).toMatchObject({
      name: '王小明',
      phone: '+8613812345678',
      phoneDisplay: '138 1234 5678',
      community: '翠湖花园',
    });
    expect(member.activeCard).toMatch(/^88\d{14}$/);
    expect(member.enrolledBy).toBe('张伟 Zhang Wei');
    const sms = member.consents.find((c) => c.purpose === 'marketing_sms')!;
    expect(sms).toMatchObject({ granted: true, source: 'counter', staffName: '张伟 Zhang Wei' });
    expect(member.consents.find((c) => c.purpose === 'marketing_email')?.granted).toBe(false);
    await core.close();
    const after = rowCounts(dir);
    expect({
      members: after.members - before.members,
      cards: after.cards - before.cards,
      consents: after.consents - before.consents,
      outbox: after.outbox - before.outbox,
    }).toEqual({ members: 1, cards: 1, consents: 4, outbox: 2 });
  });

  it('finds the member by card, full phone, phone suffix, Chinese name and partial Latin name', async () => {
    const wang = await enrolled(core);
    const anna = await enrolled(core, { name: 'Anna-Lena Müller', phone: '+44 7400 123456', card: null });
    const search = async (query: string) => (await core.methods.searchMembers({ query })).members.map((m) => m.id);
    expect(await search(wang.activeCard!)).toEqual([wang.id]);
    expect(await search('+86 138-1234-5678')).toEqual([wang.id]);
    expect(await search('5678')).toEqual([wang.id]);
    expect(await search('王小明')).toEqual([wang.id]);
    expect(await search('小明')).toEqual([wang.id]);
    expect(await search('王明')).toEqual([]);
    expect(await search('ann mul')).toEqual([anna.id]);
    expect(await search('lena')).toEqual([anna.id]);
    expect(await search('3456')).toEqual([anna.id]);
    await core.close();
  });

  it('shows the existing member for a phone already enrolled, and writes nothing', async () => {
    const first = await enrolled(core);
    const before = rowCounts(dir);
    const again = await core.methods.enrolMember(enrolment({ name: '王晓明', phone: '+86 13812345678' }));
    expect(again).toEqual({ created: false, existing: expect.objectContaining({ id: first.id, name: '王小明' }) });
    expect(rowCounts(dir)).toEqual(before);
    await core.close();
  });

  it('refuses bad input with a field and changes nothing', async () => {
    await enrolled(core);
    const before = rowCounts(dir);
    await expect(core.methods.enrolMember(enrolment({ phone: '1234' }))).rejects.toMatchObject({
      code: 'PHONE_INVALID',
      field: 'phone',
    });
    await expect(core.methods.enrolMember(enrolment({ name: '', phone: '13900001111' }))).rejects.toMatchObject({
      code: 'NAME_REQUIRED',
    });
    await expect(
      core.methods.enrolMember(enrolment({ name: 'x'.repeat(41), phone: '13900001111' })),
    ).rejects.toMatchObject({ code: 'NAME_TOO_LONG' });
    await expect(
      core.methods.enrolMember(enrolment({ phone: '13900001111', referralCode: 'ZZZZZZ' })),
    ).rejects.toMatchObject({ code: 'REFERRAL_UNKNOWN' });
    await expect(
      core.methods.enrolMember(enrolment({ phone: '13900001111', consents: consents({ data_processing: false }) })),
    ).rejects.toMatchObject({ code: 'CONSENT_REQUIRED' });
    await expect(
      core.methods.enrolMember(enrolment({ phone: '13900001111', card: { mode: 'scan', number: '8800000000000001' } })),
    ).rejects.toMatchObject({ code: 'CARD_INVALID' });
    expect(rowCounts(dir)).toEqual(before);
    await core.close();
  });

  it('refuses a card that belongs to someone else, and rolls the whole enrolment back', async () => {
    const wang = await enrolled(core);
    const before = rowCounts(dir);
    await expect(
      core.methods.enrolMember(
        enrolment({ name: 'Li', phone: '13900001111', card: { mode: 'scan', number: wang.activeCard! } }),
      ),
    ).rejects.toMatchObject({ code: 'CARD_IN_USE' });
    expect(rowCounts(dir)).toEqual(before);
    await core.close();
  });

  it('links a referral to the member who brought them', async () => {
    const wang = await enrolled(core);
    const friend = await enrolled(core, {
      name: '李华',
      phone: '13900001111',
      referralCode: wang.referralCode.toLowerCase(),
    });
    expect(friend.referredBy?.id).toBe(wang.id);
    await core.close();
  });

  it('blocks a lost card, refuses it at lookup and scan, and replaces it', async () => {
    const wang = await enrolled(core);
    const old = wang.activeCard!;
    const replaced = await core.methods.replaceCard({
      memberId: wang.id,
      number: old,
      reason: 'lost',
      card: { mode: 'generate' },
    });
    expect(replaced.activeCard).not.toBe(old);
    expect(replaced.cards.find((c) => c.number === old)).toMatchObject({ status: 'blocked', blockReason: 'lost' });
    await expect(core.methods.searchMembers({ query: old })).rejects.toMatchObject({ code: 'CARD_BLOCKED' });
    await expect(core.methods.handleScan({ text: old, source: 'wedge' })).rejects.toMatchObject({
      code: 'CARD_BLOCKED',
    });
    expect(await core.methods.handleScan({ text: `${replaced.activeCard}\r\n`, source: 'serial' })).toMatchObject({
      kind: 'member',
      member: { id: wang.id },
    });
    await expect(core.methods.blockCard({ memberId: wang.id, number: old, reason: 'lost' })).rejects.toMatchObject({
      code: 'CARD_NOT_ACTIVE',
    });
    await core.close();
  });

  it('routes scans and refuses unknown cards, junk and scans with nobody logged in', async () => {
    const wang = await enrolled(core);
    const events: unknown[] = [];
    core.subscribe((event, payload) => event === 'scan' && events.push(payload));
    await expect(core.methods.handleScan({ text: generateCardNumber(() => 1), source: 'wedge' })).rejects.toMatchObject(
      { code: 'CARD_UNKNOWN' },
    );
    await expect(core.methods.handleScan({ text: 'hello world', source: 'wedge' })).rejects.toMatchObject({
      code: 'SCAN_NOT_RECOGNISED',
    });
    await expect(core.methods.handleScan({ text: 'ab\u0007cd', source: 'serial' })).rejects.toMatchObject({
      code: 'SCAN_INVALID',
    });
    await expect(core.methods.handleScan({ text: '9'.repeat(300), source: 'serial' })).rejects.toMatchObject({
      code: 'SCAN_INVALID',
    });
    expect(events).toHaveLength(4);
    await core.methods.logout();
    await expect(core.methods.handleScan({ text: wang.activeCard!, source: 'wedge' })).rejects.toMatchObject({
      code: 'NOT_LOGGED_IN',
    });
    await expect(core.methods.searchMembers({ query: '5678' })).rejects.toMatchObject({ code: 'NOT_LOGGED_IN' });
    await core.close();
  });

  it('records consent changes as new history rows', async () => {
    const wang = await enrolled(core);
    const before = rowCounts(dir).consents;
    const updated = await core.methods.updateConsents({
      memberId: wang.id,
      consents: { marketing_email: true, marketing_sms: true },
    });
    expect(updated.consents.find((c) => c.purpose === 'marketing_email')?.granted).toBe(true);
    await expect(
      core.methods.updateConsents({ memberId: wang.id, consents: { data_processing: false } }),
    ).rejects.toMatchObject({ code: 'CONSENT_REQUIRED' });
    await core.close();
    expect(rowCounts(dir).consents - before).toBe(1); // only the e-mail consent changed
  });

  it('keeps everything after closing and reopening the database', async () => {
    const wang = await enrolled(core);
    await core.close();
    const reopened = openTestCore(dir);
    await loginAs(reopened);
    const found = await reopened.methods.searchMembers({ query: '小明' });
    expect(found.members.map((m) => m.id)).toEqual([wang.id]);
    expect((await reopened.methods.getMember({ memberId: wang.id })).cards).toHaveLength(1);
    expect(await reopened.methods.listStaff()).toHaveLength(2); // the demo seed ran once
    await reopened.close();
  });
});
