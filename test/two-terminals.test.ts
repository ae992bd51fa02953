// Two shops of one brand, each with its own terminal (two cores on two SQLite files), and one real
// hub on loopback (node:http over PGlite, in this process): a member enrolled at A and the points
// earned there are known at B moments later, through A's push and B's pull, with no copy back to A.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChain, type Chain } from './support/chain';
import { cashSale, type LoyaltyCore } from './support/loyalty';
import { enrolment } from './support/temp-core';

let chain: Chain;
let a: LoyaltyCore;
let b: LoyaltyCore;

describe('two terminals and one hub', () => {
  beforeAll(async () => {
    chain = await startChain();
    a = await chain.terminal('CUIHU', '翠湖店');
    b = await chain.terminal('BINJIANG', '滨江店');
  }, 60_000);

  afterAll(() => chain?.close());

  it('a member enrolled at A, with the points earned there, is found at B with the same balance', async () => {
    const enrolled = await a.core.methods.enrolMember(enrolment({ name: '陈静', phone: '13955501234' }));
    if (!enrolled.created) throw new Error('the phone was taken');
    const memberId = enrolled.member.id;
    await a.core.methods.checkout(cashSale(a, { memberId }));
    const earned = (await a.core.methods.getMemberLoyalty({ memberId })).balance;
    expect(earned).toBeGreaterThan(0);

    await expect
      .poll(async () => (await b.core.methods.searchMembers({ query: '13955501234' })).members.map((m) => m.name), {
        timeout: 20_000,
      })
      .toEqual(['陈静']);
    await expect
      .poll(async () => (await b.core.methods.getMemberLoyalty({ memberId })).balance, { timeout: 20_000 })
      .toBe(earned);
    // B learnt it from the hub: nothing of it waits in B's outbox to be sent back.
    expect(b.repos.outbox.pending().filter((e) => e.aggregateId === memberId)).toEqual([]);

    // B's points reach A the same way, and A's own enrolment never comes back to A twice.
    await b.core.methods.checkout(cashSale(b, { memberId }));
    const both = (await b.core.methods.getMemberLoyalty({ memberId })).balance;
    expect(both).toBeGreaterThan(earned);
    await expect
      .poll(async () => (await a.core.methods.getMemberLoyalty({ memberId })).balance, { timeout: 20_000 })
      .toBe(both);
    expect((await a.core.methods.searchMembers({ query: '13955501234' })).members).toHaveLength(1);
  });
});
