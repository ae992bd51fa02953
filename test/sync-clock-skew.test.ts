// One terminal's clock six hours off (issue 9): nothing reordered or lost. Two shops and one hub; B's
// wall clock says six hours earlier than A's. A member's profile edited at A, pulled by B, and
// edited at B afterwards ends as B's edit at the hub and at A (the hybrid logical clock orders it
// after what B had seen, though B's clock says earlier); B's sales reach the hub once each, in B's
// order, and the member's points add up to the same everywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberAtHub } from '../hub/features';
import { startChain, type Chain } from './support/chain';
import { cashSale, type LoyaltyCore } from './support/loyalty';
import { enrolment } from './support/temp-core';

const minute = 60_000;
const sixHours = 6 * 60 * minute;
const poll = { timeout: 20_000 };

let chain: Chain;
let a: LoyaltyCore;
let b: LoyaltyCore;

const later = (core: LoyaltyCore, ms = minute) => (core.clock.now = new Date(core.clock.now.getTime() + ms));

describe('a terminal whose clock is six hours behind', () => {
  beforeAll(async () => {
    chain = await startChain();
    a = await chain.terminal('CUIHU', '翠湖店');
    b = await chain.terminal('BINJIANG', '滨江店');
    b.clock.now = new Date(a.clock.now.getTime() - sixHours);
  }, 60_000);
  afterAll(() => chain?.close());

  it("orders B's later edit after A's, and loses and reorders none of B's sales", async () => {
    const enrolled = await a.core.methods.enrolMember(enrolment({ name: '陈静', phone: '13955501234' }));
    if (!enrolled.created) throw new Error('the phone was taken');
    const memberId = enrolled.member.id;
    await expect
      .poll(async () => (await b.core.methods.searchMembers({ query: '13955501234' })).members, poll)
      .toHaveLength(1);

    later(a);
    await a.core.methods.updateMemberProfile({ memberId, name: '陈静', community: '翠湖花园', interests: ['茶艺'] });
    await expect.poll(async () => (await b.core.methods.getMember({ memberId })).community, poll).toBe('翠湖花园');

    // B edits after it has seen A's edit; its wall clock says six hours before A's edit.
    later(b, 2 * minute);
    await b.core.methods.updateMemberProfile({ memberId, name: '陈静怡', community: '滨江公寓', interests: ['烘焙'] });
    expect(b.clock.now.getTime()).toBeLessThan(a.clock.now.getTime() - 5 * 60 * minute);

    await expect.poll(async () => (await memberAtHub(chain.storage, memberId)).name, poll).toBe('陈静怡');
    await expect
      .poll(async () => {
        const m = await a.core.methods.getMember({ memberId });
        return [m.name, m.community, m.interests];
      }, poll)
      .toEqual(['陈静怡', '滨江公寓', ['烘焙']]);
    // B's own edit stays at B: A's older one, heard again, would not overwrite it.
    expect((await b.core.methods.getMember({ memberId })).name).toBe('陈静怡');

    // Sales at both shops, interleaved; B's clock still hours behind.
    const receiptsAtB: string[] = [];
    for (let i = 0; i < 5; i++) {
      later(b);
      receiptsAtB.push((await b.core.methods.checkout(cashSale(b, { memberId }))).sale.receiptNo);
      if (i % 2 === 0) {
        later(a);
        await a.core.methods.checkout(cashSale(a, { memberId }));
      }
    }
    const hubTerminalB = b.repos.settings.get('hub.terminal_id');
    const salesAtHub = async () =>
      (
        await chain.storage.query<{ receiptNo: string }>(
          `SELECT s.receipt_no AS "receiptNo" FROM sales s JOIN events e ON e.id = s.event_id
            WHERE s.terminal_id = $1 ORDER BY e.seq`,
          [hubTerminalB],
        )
      ).rows.map((r) => r.receiptNo);
    await expect.poll(salesAtHub, poll).toEqual(receiptsAtB);

    const atHub = async () => (await memberAtHub(chain.storage, memberId)).balance;
    await expect.poll(async () => b.repos.outbox.counts(), poll).toEqual({ waiting: 0, parked: 0 });
    await expect.poll(async () => a.repos.outbox.counts(), poll).toEqual({ waiting: 0, parked: 0 });
    const total = await atHub();
    expect(total).toBeGreaterThan(0);
    await expect.poll(async () => (await a.core.methods.getMemberLoyalty({ memberId })).balance, poll).toBe(total);
    await expect.poll(async () => (await b.core.methods.getMemberLoyalty({ memberId })).balance, poll).toBe(total);
  }, 60_000);
});
