// A phone claimed twice (issue 9): the same phone enrolled at A and at B while both were offline is
// kept as two members and flagged at the hub; the brand merges them through the admin API, and both
// terminals then show one member holding both ledgers' points and both cards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConflictListResponse, MemberProfile, MergeMembersResponse } from '../contract';
import { startChain, type Chain } from './support/chain';
import { cashSale, type LoyaltyCore } from './support/loyalty';
import { enrolment } from './support/temp-core';

const phone = '13955507777';
const poll = { timeout: 20_000 };

let chain: Chain;
let a: LoyaltyCore;
let b: LoyaltyCore;

async function enrol(core: LoyaltyCore, name: string): Promise<MemberProfile> {
  const result = await core.core.methods.enrolMember(enrolment({ name, phone }));
  if (!result.created) throw new Error('the phone was taken');
  return result.member;
}

const onePerPhone = async (core: LoyaltyCore) => {
  const { members } = await core.core.methods.searchMembers({ query: phone });
  return members.map((m) => m.id);
};

describe('a phone enrolled at two shops while offline', () => {
  beforeAll(async () => {
    chain = await startChain();
    // Neither terminal is registered yet: both work offline.
    a = await chain.terminal('CUIHU', '翠湖店', { register: false });
    b = await chain.terminal('BINJIANG', '滨江店', { register: false });
  }, 60_000);
  afterAll(() => chain?.close());

  it('is flagged, merged through the admin API, and is one member with both ledgers and both cards everywhere', async () => {
    const atA = await enrol(a, '陈静');
    const atB = await enrol(b, '陈静');
    await a.core.methods.checkout(cashSale(a, { memberId: atA.id }));
    await b.core.methods.checkout(cashSale(b, { memberId: atB.id }));
    await b.core.methods.checkout(cashSale(b, { memberId: atB.id }));
    const pointsA = (await a.core.methods.getMemberLoyalty({ memberId: atA.id })).balance;
    const pointsB = (await b.core.methods.getMemberLoyalty({ memberId: atB.id })).balance;
    expect(pointsA).toBeGreaterThan(0);
    expect(pointsB).toBeGreaterThan(0);

    await chain.register(a, 'CUIHU', '翠湖店');
    await chain.register(b, 'BINJIANG', '滨江店');

    // The hub flags the claim; both members reached both terminals, and nothing was parked.
    const conflicts = async () =>
      (await chain.admin<ConflictListResponse>('GET', '/v1/admin/conflicts')).body.conflicts.filter(
        (c) => c.kind === 'phone_claimed',
      );
    await expect.poll(async () => (await conflicts()).length, poll).toBe(1);
    const [claim] = await conflicts();
    expect(new Set(claim!.detail.memberIds as string[])).toEqual(new Set([atA.id, atB.id]));
    for (const core of [a, b]) {
      await expect.poll(async () => (await core.core.methods.getMember({ memberId: atA.id })).id, poll).toBe(atA.id);
      await expect.poll(async () => (await core.core.methods.getMember({ memberId: atB.id })).id, poll).toBe(atB.id);
      expect(core.repos.outbox.counts().parked).toBe(0);
    }
    // Until the merge a phone lookup finds the member each shop enrolled itself.
    expect(await onePerPhone(a)).toEqual([atA.id]);
    expect(await onePerPhone(b)).toEqual([atB.id]);

    const merged = await chain.admin<MergeMembersResponse>('POST', '/v1/admin/members/merge', {
      survivorId: atA.id,
      mergedId: atB.id,
    });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ pointsMoved: pointsB, conflictsResolved: 1 });
    expect(await conflicts()).toEqual([]);

    const total = pointsA + pointsB;
    const cards = [atA.activeCard, atB.activeCard].sort();
    for (const core of [a, b]) {
      await expect.poll(() => onePerPhone(core), poll).toEqual([atA.id]);
      await expect
        .poll(async () => (await core.core.methods.getMemberLoyalty({ memberId: atA.id })).balance, poll)
        .toBe(total);
      const survivor = await core.core.methods.getMember({ memberId: atA.id });
      expect(survivor.cards.map((c) => c.number).sort()).toEqual(cards);
      // The merged member's id and card lead to the survivor.
      expect((await core.core.methods.getMember({ memberId: atB.id })).id).toBe(atA.id);
      expect((await core.core.methods.searchMembers({ query: atB.activeCard! })).members.map((m) => m.id)).toEqual([
        atA.id,
      ]);
    }
    // Merging again is refused and changes nothing.
    const again = await chain.admin<{ error: { code: string } }>('POST', '/v1/admin/members/merge', {
      survivorId: atA.id,
      mergedId: atB.id,
    });
    expect([again.status, again.body.error.code]).toEqual([409, 'CONFLICT']);
  }, 60_000);
});
