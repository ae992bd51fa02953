// Ambassador posts at one terminal: a member submits a link at the self-service terminal, staff
// approve it (points once, through the ledger, with the events for the hub) or reject it with a
// reason; the same post twice, a link that is not https, a second review: refused, nothing written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { balance, demoMember, openLoyaltyCore, rowCounts, type LoyaltyCore } from './support/loyalty';
import { tempDir } from './support/temp-core';

let temp: ReturnType<typeof tempDir>;
let l: LoyaltyCore;

const postRows = () => (l.db.prepare('SELECT count(*) AS n FROM posts').get() as { n: number }).n;
const outboxOf = (type: string) => l.repos.outbox.pending().filter((e) => e.type === type);

beforeEach(async () => {
  temp = tempDir('linli-posts-');
  l = await openLoyaltyCore(temp.dir, 'manager');
  await l.core.methods.setSelfServiceSettings({ role: 'self-service' });
  await l.core.methods.startCustomer({ text: demoMember.card, source: 'wedge' });
});
afterEach(async () => {
  await l.close();
  temp.remove();
});

describe('ambassador posts', () => {
  it('approving a post awards the configured points once, with the ledger entry and the events in one go', async () => {
    await l.core.methods.setPostRules({ points: 300 });
    const post = await l.core.methods.submitPost({
      url: ' https://www.XiaoHongShu.com/explore/65f0c0ffee?xsec_token=AB&utm_source=wx ',
    });
    expect(post).toMatchObject({ platform: 'xiaohongshu', status: 'pending', points: 0 });
    expect(outboxOf('post.submitted')).toHaveLength(1);
    expect(await l.core.methods.listPosts()).toEqual([
      expect.objectContaining({ id: post.id, memberName: '陈金卡', status: 'pending' }),
    ]);

    const before = balance(l.db, l.goldMemberId);
    const reviewed = await l.core.methods.reviewPost({ postId: post.id, decision: 'approve' });
    expect(reviewed).toMatchObject({ status: 'approved', points: 300, reviewedBy: '李娜 Li Na' });
    expect(balance(l.db, l.goldMemberId)).toBe(before + 300);
    expect((await l.core.methods.customerHome()).balance).toBe(before + 300);
    expect(outboxOf('points.adjusted')).toEqual([
      expect.objectContaining({ payload: expect.objectContaining({ points: 300, memberId: l.goldMemberId }) }),
    ]);
    expect(outboxOf('post.reviewed')).toHaveLength(1);

    const counts = rowCounts(l.db);
    await expect(l.core.methods.reviewPost({ postId: post.id, decision: 'approve' })).rejects.toMatchObject({
      code: 'POST_ALREADY_REVIEWED',
    });
    await expect(
      l.core.methods.reviewPost({ postId: post.id, decision: 'reject', reason: '重复' }),
    ).rejects.toMatchObject({ code: 'POST_ALREADY_REVIEWED' });
    expect(rowCounts(l.db)).toEqual(counts);
    expect(balance(l.db, l.goldMemberId)).toBe(before + 300);
    expect(await l.core.methods.myPosts()).toEqual({
      points: 300,
      posts: [expect.objectContaining({ status: 'approved', points: 300 })],
    });
  });

  it('refuses the same post submitted again, however the link is dressed up, and writes nothing', async () => {
    await l.core.methods.submitPost({ url: 'https://www.douyin.com/video/7312?share_token=1' });
    const counts = { posts: postRows(), ...rowCounts(l.db) };
    for (const url of [
      'https://www.douyin.com/video/7312',
      'HTTPS://WWW.DOUYIN.COM/video/7312/?utm_medium=share#top',
      'https://douyin.com/video/7312?from=singlemessage',
    ])
      await expect(l.core.methods.submitPost({ url })).rejects.toMatchObject({ code: 'POST_DUPLICATE', field: 'url' });
    expect({ posts: postRows(), ...rowCounts(l.db) }).toEqual(counts);
  });

  it('refuses links that are not https links to a site, with a code each', async () => {
    const counts = rowCounts(l.db);
    const cases: [string, string][] = [
      ['', 'POST_URL_REQUIRED'],
      ['   ', 'POST_URL_REQUIRED'],
      ['http://weibo.com/123', 'POST_URL_NOT_HTTPS'],
      ['weibo.com/123', 'POST_URL_NOT_HTTPS'],
      ['https://localhost/123', 'POST_URL_INVALID'],
      [`https://weibo.com/${'x'.repeat(600)}`, 'POST_URL_TOO_LONG'],
    ];
    for (const [url, code] of cases) await expect(l.core.methods.submitPost({ url })).rejects.toMatchObject({ code });
    expect(postRows()).toBe(0);
    expect(rowCounts(l.db)).toEqual(counts);
  });

  it('a rejection needs a reason, awards nothing, and the member sees the reason', async () => {
    const post = await l.core.methods.submitPost({ url: 'https://b23.tv/BV1abc' });
    await expect(l.core.methods.reviewPost({ postId: post.id, decision: 'reject' })).rejects.toMatchObject({
      code: 'POST_REASON_REQUIRED',
    });
    await expect(
      l.core.methods.reviewPost({ postId: post.id, decision: 'reject', reason: '   ' }),
    ).rejects.toMatchObject({ code: 'POST_REASON_REQUIRED' });
    const before = balance(l.db, l.goldMemberId);
    await l.core.methods.reviewPost({ postId: post.id, decision: 'reject', reason: '与品牌无关' });
    expect(balance(l.db, l.goldMemberId)).toBe(before);
    expect(outboxOf('points.adjusted')).toHaveLength(0);
    expect((await l.core.methods.myPosts()).posts).toEqual([
      expect.objectContaining({ platform: 'bilibili', status: 'rejected', rejectReason: '与品牌无关', points: 0 }),
    ]);
    expect(await l.core.methods.listPosts()).toEqual([]);
    await expect(l.core.methods.reviewPost({ postId: 'nope', decision: 'approve' })).rejects.toMatchObject({
      code: 'POST_UNKNOWN',
    });
  });

  it('only a customer in the session submits, and only staff review', async () => {
    await l.core.methods.endCustomer();
    await expect(l.core.methods.submitPost({ url: 'https://weibo.com/1' })).rejects.toMatchObject({
      code: 'CUSTOMER_SESSION_ENDED',
    });
    await l.core.methods.logout();
    await expect(l.core.methods.listPosts()).rejects.toMatchObject({ code: 'NOT_LOGGED_IN' });
  });
});
