// Posts, feedback and service requests from real terminals reach the hub: two shops (two cores on
// their own SQLite files) and one hub on loopback. What A's member does at A's self-service terminal
// lands in the hub's tables under A, the approval's points reach B's ledger, and the same post
// submitted again at B (which had not seen it) is kept at the hub as a duplicate with a conflict.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConflictListResponse } from '../contract';
import { startChain, type Chain } from './support/chain';
import type { LoyaltyCore } from './support/loyalty';
import { enrolment } from './support/temp-core';

let chain: Chain;
let a: LoyaltyCore;
let b: LoyaltyCore;
let memberId: string;
let card: string;
const poll = { timeout: 20_000 };

const drained = (l: LoyaltyCore) => l.repos.outbox.counts().waiting === 0 && l.repos.outbox.counts().parked === 0;

describe('posts, feedback and requests across the chain', () => {
  beforeAll(async () => {
    chain = await startChain();
    a = await chain.terminal('CUIHU', '翠湖店');
    b = await chain.terminal('BINJIANG', '滨江店');
    const enrolled = await a.core.methods.enrolMember(enrolment({ name: '林晓', phone: '13955508888' }));
    if (!enrolled.created) throw new Error('the phone was taken');
    memberId = enrolled.member.id;
    card = enrolled.member.activeCard!;
    for (const l of [a, b]) await l.core.methods.setSelfServiceSettings({ role: 'self-service' });
  }, 60_000);
  afterAll(async () => {
    await chain?.close();
  });

  it('lands in the hub under the shop that made it; the points reach the other shop', async () => {
    await a.core.methods.setPostRules({ points: 150 });
    await a.core.methods.startCustomer({ text: card, source: 'wedge' });
    const post = await a.core.methods.submitPost({ url: 'https://weibo.com/1234/PqRsT?from=page' });
    await a.core.methods.reviewPost({ postId: post.id, decision: 'approve' });
    await a.core.methods.submitFeedback({ rating: 5, tags: ['quick'], comment: '快' });
    const request = await a.core.methods.openServiceRequest({ kind: 'complaint', description: '排队太久' });
    await a.core.methods.answerServiceRequest({ requestId: request.id, answer: '抱歉，已加派人手' });
    await expect.poll(() => drained(a), poll).toBe(true);

    const storeA = (await chain.storage.query<{ id: string }>(`SELECT id FROM stores WHERE code = 'CUIHU'`)).rows[0]!
      .id;
    const posts = await chain.storage.query(
      `SELECT store_id AS "storeId", member_id AS "memberId", status, points, normalized_url AS "normalizedUrl" FROM posts`,
    );
    expect(posts.rows).toEqual([
      { storeId: storeA, memberId, status: 'approved', points: 150, normalizedUrl: 'https://weibo.com/1234/PqRsT' },
    ]);
    const feedback = await chain.storage.query(`SELECT store_id AS "storeId", rating FROM feedback`);
    expect(feedback.rows).toEqual([{ storeId: storeA, rating: 5 }]);
    const requests = await chain.storage.query(
      `SELECT store_id AS "storeId", ticket_no AS "ticketNo", status, answer FROM service_requests`,
    );
    expect(requests.rows).toEqual([
      { storeId: storeA, ticketNo: 'S-0001', status: 'answered', answer: '抱歉，已加派人手' },
    ]);

    // B counts the member's points with the post's 150 in them.
    const atA = (await a.core.methods.getMemberLoyalty({ memberId })).balance;
    await expect.poll(async () => (await b.core.methods.getMemberLoyalty({ memberId })).balance, poll).toBe(atA);
  });

  it('the same post submitted at B before B heard of it is kept at the hub as a duplicate, with a conflict', async () => {
    await expect.poll(() => b.repos.cards.get(card)?.memberId, poll).toBe(memberId);
    await b.core.methods.startCustomer({ text: card, source: 'wedge' });
    // B has no copy of A's posts: it accepts the link, and the hub finds the duplicate.
    const again = await b.core.methods.submitPost({ url: 'https://www.weibo.com/1234/PqRsT/' });
    await expect.poll(() => drained(b), poll).toBe(true);
    const { rows } = await chain.storage.query<{ duplicateOf: string | null }>(
      `SELECT duplicate_of AS "duplicateOf" FROM posts WHERE id = $1`,
      [again.id],
    );
    expect(rows[0]?.duplicateOf).toBeTruthy();
    const { body } = await chain.admin<ConflictListResponse>('GET', '/v1/admin/conflicts');
    expect(body.conflicts.filter((c) => c.kind === 'post_duplicate').map((c) => c.subject)).toEqual([
      'https://weibo.com/1234/PqRsT',
    ]);
  });
});
