// Posts, feedback and service requests at the hub, on both engines: each event lands in its table
// under the pushing shop; the same post from a second shop is kept as a duplicate with a conflict
// for the brand (decision 0027); a review or answer for a post or request the hub never saw is refused.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushedEvent, SyncEventType } from '../../contract';
import { listConflicts, push, type AuthenticatedTerminal } from '../../hub/features';
import type { HubStorage } from '../../hub/storage';
import { testEngines } from './engines';
import { at, batch, enrolled, registeredTerminal } from './fixtures';

const event = (type: SyncEventType, aggregateId: string, payload: Record<string, unknown>): PushedEvent => ({
  id: randomUUID(),
  type,
  aggregateId,
  createdAt: at,
  payload,
});

const submitted = (memberId: string, normalizedUrl: string, id = randomUUID()) =>
  event('post.submitted', id, {
    id,
    memberId,
    url: `${normalizedUrl}?utm_source=wx`,
    normalizedUrl,
    platform: 'xiaohongshu',
    submittedAt: at,
  });

describe.each(await testEngines())('posts, feedback and requests at the hub on $name', (engine) => {
  let storage: HubStorage;
  let dispose: () => Promise<void>;
  let a: AuthenticatedTerminal;
  let b: AuthenticatedTerminal;

  beforeAll(async () => {
    ({ storage, dispose } = await engine.open());
    a = await registeredTerminal(storage);
    b = await registeredTerminal(storage);
  });
  afterAll(async () => {
    await dispose();
  });

  it('stores a post and its review, and keeps the same post from another shop as a duplicate with a conflict', async () => {
    const member = enrolled(randomUUID(), '+8613900000101');
    const url = `https://xiaohongshu.com/explore/${randomUUID()}`;
    const post = submitted(member.aggregateId, url);
    const postId = post.aggregateId;
    const review = event('post.reviewed', postId, {
      id: postId,
      memberId: member.aggregateId,
      status: 'approved',
      points: 200,
      rejectReason: null,
      reviewedAt: at,
    });
    const results = await push(storage, a, batch([member, post, review]));
    expect(results.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const { rows } = await storage.query<{
      storeId: string;
      status: string;
      points: number;
      duplicateOf: string | null;
    }>(`SELECT store_id AS "storeId", status, points, duplicate_of AS "duplicateOf" FROM posts WHERE id = $1`, [
      postId,
    ]);
    expect(rows).toEqual([{ storeId: a.storeId, status: 'approved', points: 200, duplicateOf: null }]);

    const again = submitted(member.aggregateId, url);
    expect((await push(storage, b, batch([again]))).results).toEqual([{ id: again.id, status: 'applied' }]);
    const dup = await storage.query<{ duplicateOf: string | null }>(
      `SELECT duplicate_of AS "duplicateOf" FROM posts WHERE id = $1`,
      [again.aggregateId],
    );
    expect(dup.rows).toEqual([{ duplicateOf: postId }]);
    const conflicts = (await listConflicts(storage, { status: 'open' })).filter((c) => c.subject === url);
    expect(conflicts).toEqual([
      expect.objectContaining({
        kind: 'post_duplicate',
        storeId: b.storeId,
        detail: expect.objectContaining({ kept: { postId, storeId: a.storeId } }),
      }),
    ]);
    // Sent again (the answer was lost): no second row, no second conflict.
    expect((await push(storage, b, batch([again]))).results).toEqual([{ id: again.id, status: 'duplicate' }]);
    expect((await listConflicts(storage, { status: 'open' })).filter((c) => c.subject === url)).toHaveLength(1);
  });

  it('refuses a review of a post the hub does not know for that shop', async () => {
    const postId = randomUUID();
    const review = event('post.reviewed', postId, {
      id: postId,
      status: 'rejected',
      points: 0,
      rejectReason: '无关',
      reviewedAt: at,
    });
    expect((await push(storage, a, batch([review]))).results).toEqual([
      expect.objectContaining({ id: review.id, status: 'rejected', reason: 'CONFLICT' }),
    ]);
  });

  it('stores feedback and a service request through its answer and close', async () => {
    const memberId = randomUUID();
    const feedbackId = randomUUID();
    const requestId = randomUUID();
    const events = [
      event('feedback.submitted', feedbackId, {
        id: feedbackId,
        memberId,
        rating: 4,
        tags: ['friendly'],
        comment: '不错',
        at,
      }),
      event('request.opened', requestId, {
        id: requestId,
        memberId,
        ticketNo: 'S-0007',
        kind: 'appointment',
        description: '预约品茶',
        preferredAt: '2026-03-02T06:00:00.000Z',
        createdAt: at,
      }),
      event('request.answered', requestId, { id: requestId, answer: '好的，明天见', at }),
      event('request.closed', requestId, { id: requestId, at }),
    ];
    expect((await push(storage, a, batch(events))).results.map((r) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
      'applied',
    ]);
    const fb = await storage.query(`SELECT store_id AS "storeId", rating, tags, comment FROM feedback WHERE id = $1`, [
      feedbackId,
    ]);
    expect(fb.rows).toEqual([{ storeId: a.storeId, rating: 4, tags: ['friendly'], comment: '不错' }]);
    const req = await storage.query(
      `SELECT store_id AS "storeId", ticket_no AS "ticketNo", kind, status, answer, closed_at AS "closedAt"
         FROM service_requests WHERE id = $1`,
      [requestId],
    );
    expect(req.rows).toEqual([
      {
        storeId: a.storeId,
        ticketNo: 'S-0007',
        kind: 'appointment',
        status: 'closed',
        answer: '好的，明天见',
        closedAt: at,
      },
    ]);
    // Another shop cannot answer this shop's request.
    const foreign = event('request.answered', requestId, { id: requestId, answer: '别处', at });
    expect((await push(storage, b, batch([foreign]))).results).toEqual([
      expect.objectContaining({ status: 'rejected', reason: 'CONFLICT' }),
    ]);
  });

  it('refuses a request event whose payload is missing what the hub reads', async () => {
    const id = randomUUID();
    const bad = event('request.opened', id, { id, memberId: randomUUID(), kind: 'repair', createdAt: at });
    expect((await push(storage, a, batch([bad]))).results).toEqual([
      expect.objectContaining({ status: 'rejected', reason: 'PAYLOAD_INVALID' }),
    ]);
  });
});
