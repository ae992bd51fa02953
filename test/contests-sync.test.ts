// A contest across two shops and one real hub (loopback, PGlite): the brand creates it with an
// entrant enrolled at shop A; both terminals pull it; a daily vote at A and a purchase with the
// entrant's code at B each reach the other shop's leaderboard through the hub's tallies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubContest } from '../contract';
import { startChain, type Chain } from './support/chain';
import { cashSale, demoMember, type LoyaltyCore } from './support/loyalty';
import { enrolment } from './support/temp-core';

const poll = { timeout: 20_000 };
let chain: Chain;
let a: LoyaltyCore;
let b: LoyaltyCore;
let contest: HubContest;

const votesAt = async (core: LoyaltyCore) =>
  ((await core.core.methods.listContests()).find((c) => c.id === contest.id)?.entrants ?? []).map((e) => e.votes);

describe('a contest across the chain', () => {
  beforeAll(async () => {
    chain = await startChain();
    a = await chain.terminal('SH-001', '店A');
    b = await chain.terminal('SH-002', '店B');
  }, 60_000);
  afterAll(async () => chain.close());

  it('both shops pull the contest; a vote at A and a purchase at B count at both', async () => {
    const entrant = await a.core.methods.enrolMember(enrolment({ name: '李小红', phone: '13812345678' }));
    if (!entrant.created) throw new Error('expected a new member');
    // The member reaches the hub with A's push.
    await expect
      .poll(
        async () => (await chain.storage.query('SELECT 1 FROM members WHERE id = $1', [entrant.member.id])).rows.length,
        poll,
      )
      .toBe(1);
    const res = await chain.admin<{ contest: HubContest }>('POST', '/v1/admin/contests', {
      id: 'tea-star',
      title: { zh: '翠湖茶艺之星', en: 'Cuihu tea star' },
      startsAt: '2026-06-01T00:00:00+08:00',
      endsAt: '2026-07-01T00:00:00+08:00',
      votesPerPurchase: 5,
      entrants: [{ phone: '13812345678' }],
    });
    expect(res.status).toBe(200);
    contest = res.body.contest;
    await expect.poll(() => votesAt(a), poll).toEqual([0]);
    await expect.poll(() => votesAt(b), poll).toEqual([0]);

    await a.core.methods.setSelfServiceSettings({ role: 'self-service' });
    await a.core.methods.startCustomer({ text: demoMember.card, source: 'wedge' });
    await a.core.methods.voteInContest({ contestId: contest.id, entrantId: contest.entrants[0]!.id });
    expect(await votesAt(a)).toEqual([1]);
    await expect.poll(() => votesAt(b), poll).toEqual([1]);

    const code = contest.entrants[0]!.code;
    await b.core.methods.checkout(cashSale(b, { couponCodes: [code.toLowerCase()] }));
    expect(await votesAt(b)).toEqual([6]);
    await expect.poll(() => votesAt(a), poll).toEqual([6]);
  }, 60_000);
});
