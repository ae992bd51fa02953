// Correcting a member's profile at the counter: checked as at enrolment, written with its outbox
// event (carrying the terminal's hybrid logical clock) in one transaction; a refused edit writes
// nothing; the clock never goes backwards when the terminal's wall clock is set back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberProfile } from '../contract';
import { hlcAfter, parseHlc } from '../domain/hlc';
import { openLoyaltyCore, type LoyaltyCore } from './support/loyalty';
import { enrolment, tempDir } from './support/temp-core';

const temp = tempDir('linli-profile-');
let l: LoyaltyCore;
let member: MemberProfile;

const profileEvents = () => l.repos.outbox.pending().filter((e) => e.type === 'member.profile_changed');

describe('updateMemberProfile', () => {
  beforeAll(async () => {
    l = await openLoyaltyCore(temp.dir);
    const result = await l.core.methods.enrolMember(enrolment({ name: '王小明', phone: '13812340001' }));
    if (!result.created) throw new Error('the phone was taken');
    member = result.member;
  });
  afterAll(async () => {
    await l.close();
    temp.remove();
  });

  it('saves the corrected fields, finds the member by the new name, and sends one event with the clock', async () => {
    const saved = await l.core.methods.updateMemberProfile({
      memberId: member.id,
      name: '  王晓明 ',
      birthday: '1990-05-01',
      gender: 'male',
      community: '翠湖花园',
      interests: ['茶艺', '茶艺', '烘焙'],
    });
    expect(saved).toMatchObject({
      name: '王晓明',
      birthday: '1990-05-01',
      gender: 'male',
      community: '翠湖花园',
      interests: ['茶艺', '烘焙'],
      phone: member.phone,
    });
    expect((await l.core.methods.searchMembers({ query: '晓明' })).members.map((m) => m.id)).toEqual([member.id]);
    const [event] = profileEvents();
    expect(event?.payload).toMatchObject({ memberId: member.id, name: '王晓明', interests: ['茶艺', '烘焙'] });
    const hlc = (event?.payload as { hlc: string }).hlc;
    expect(parseHlc(hlc)).toMatchObject({ wallMs: l.clock.now.getTime(), node: l.repos.settings.get('terminal_id') });
    const enrolledEvent = l.repos.outbox.pending().find((e) => e.type === 'member.enrolled');
    expect(hlcAfter(hlc, (enrolledEvent?.payload as { hlc: string }).hlc)).toBe(true);
  });

  it('refuses what enrolment refuses, writing nothing', async () => {
    const before = profileEvents().length;
    for (const [input, code] of [
      [{ name: '' }, 'NAME_REQUIRED'],
      [{ name: '王晓明', birthday: '2999-01-01' }, 'BIRTHDAY_INVALID'],
      [{ name: '王晓明', community: '区'.repeat(300) }, 'COMMUNITY_TOO_LONG'],
    ] as const)
      await expect(l.core.methods.updateMemberProfile({ memberId: member.id, ...input })).rejects.toMatchObject({
        code,
      });
    await expect(l.core.methods.updateMemberProfile({ memberId: 'nobody', name: '某人' })).rejects.toMatchObject({
      code: 'MEMBER_UNKNOWN',
    });
    expect(profileEvents()).toHaveLength(before);
    expect((await l.core.methods.getMember({ memberId: member.id })).name).toBe('王晓明');
  });

  it('stamps a later edit after an earlier one when the wall clock is set back six hours', async () => {
    const last = (profileEvents().at(-1)?.payload as { hlc: string }).hlc;
    l.clock.now = new Date(l.clock.now.getTime() - 6 * 3_600_000);
    await l.core.methods.updateMemberProfile({ memberId: member.id, name: '王晓明', community: '滨江' });
    const next = (profileEvents().at(-1)?.payload as { hlc: string }).hlc;
    expect(hlcAfter(next, last)).toBe(true);
  });
});
