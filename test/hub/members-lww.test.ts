// Members across shops at the hub: profile, tier and consents last-writer-wins by hybrid logical
// clock; a phone or card claimed twice is flagged once; a merge moves points through compensating
// entries, re-points cards and refuses a bad merge writing nothing.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PulledChange, PushedEvent } from '../../contract';
import { formatHlc } from '../../domain/hlc';
import { listConflicts, memberAtHub, pull, push, type AuthenticatedTerminal } from '../../hub/features';
import { createHubServer } from '../../hub/server/server';
import type { HubStorage } from '../../hub/storage';
import { testEngines } from './engines';
import { at, batch, enrolled, registeredTerminal, sale } from './fixtures';

const adminToken = 'members-lww-admin-token-0123';
const t0 = Date.parse(at);
const clock = (ms: number, node: string, counter = 0) => formatHlc({ wallMs: ms, counter, node });
const phone = () => `+86139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

function event(type: string, aggregateId: string, payload: Record<string, unknown>): PushedEvent {
  return { id: randomUUID(), type, aggregateId, createdAt: at, payload };
}

const profile = (memberId: string, name: string, hlc: string) =>
  event('member.profile_changed', memberId, {
    memberId,
    name,
    birthday: null,
    gender: 'female',
    community: `${name}的小区`,
    interests: ['茶艺'],
    at,
    hlc,
  });

const card = (memberId: string, number: string) =>
  event('member.card_issued', memberId, { memberId, number, at, staffId: 's' });

async function changesSince(storage: HubStorage, t: AuthenticatedTerminal, after: string) {
  const changes: PulledChange[] = [];
  let cursor = after;
  for (;;) {
    const page = await pull(storage, t, { stream: 'members', after: cursor, limit: 500, wait: 0 });
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.more) return { changes, cursor };
  }
}

describe.each(await testEngines())('members at the hub on $name', (engine) => {
  let storage: HubStorage;
  let dispose: () => Promise<void>;
  let a: AuthenticatedTerminal;
  let b: AuthenticatedTerminal;
  let server: Server;
  let base: string;
  const merge = (body: unknown) =>
    fetch(`${base}/v1/admin/members/merge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    ({ storage, dispose } = await engine.open());
    a = await registeredTerminal(storage);
    b = await registeredTerminal(storage);
    server = createHubServer({ storage, adminToken });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await dispose();
  });

  it('keeps the profile edit with the later clock, whatever order the edits arrive in', async () => {
    const member = enrolled(randomUUID(), phone());
    const id = member.aggregateId;
    await push(storage, a, batch([member]));
    const { cursor } = await changesSince(storage, a, '');
    // B's edit is later by the clock though it arrives first; A's older edit arrives after it.
    const newer = profile(id, '王芳芳', clock(t0 + 2000, 'B'));
    const older = profile(id, '王小芳', clock(t0 + 1000, 'A'));
    expect((await push(storage, b, batch([newer]))).results[0]?.status).toBe('applied');
    expect((await push(storage, a, batch([older]))).results[0]?.status).toBe('applied');
    const held = await memberAtHub(storage, id);
    expect(held.name).toBe('王芳芳');
    expect(held.profile).toMatchObject({ community: '王芳芳的小区', interests: ['茶艺'] });
    // Only the winner goes down the stream: A learns B's edit, and nothing of its own older one.
    const atA = (await changesSince(storage, a, cursor)).changes.filter((c) => c.kind === 'member_profile');
    expect(atA.map((c) => c.data)).toEqual([expect.objectContaining({ memberId: id, name: '王芳芳' })]);
  });

  it('breaks a tie on wall time and counter by the node id', async () => {
    const member = enrolled(randomUUID(), phone());
    const id = member.aggregateId;
    await push(storage, a, batch([member]));
    const [nodeLow, nodeHigh] = [a.terminalId, b.terminalId].sort() as [string, string];
    const byHigh = profile(id, '高', clock(t0 + 5000, nodeHigh));
    const byLow = profile(id, '低', clock(t0 + 5000, nodeLow));
    await push(storage, b, batch([byHigh]));
    await push(storage, a, batch([byLow]));
    expect((await memberAtHub(storage, id)).name).toBe('高');
  });

  it('keeps the tier and each consent with the later clock', async () => {
    const member = enrolled(randomUUID(), phone());
    const id = member.aggregateId;
    await push(storage, a, batch([member]));
    const tier = (to: string, hlc: string) => event('member.tier_changed', id, { memberId: id, to, at, hlc });
    await push(storage, a, batch([tier('gold', clock(t0 + 3000, 'A'))]));
    await push(storage, b, batch([tier('silver', clock(t0 + 2000, 'B'))]));
    const consent = (granted: boolean, hlc: string) =>
      event('member.consents_changed', id, {
        memberId: id,
        records: [{ purpose: 'marketing_sms', granted, recordedAt: at }],
        hlc,
      });
    await push(storage, b, batch([consent(false, clock(t0 + 9000, 'B'))]));
    await push(storage, a, batch([consent(true, clock(t0 + 8000, 'A'))]));
    const held = await memberAtHub(storage, id);
    expect(held.tierCode).toBe('gold');
    expect(held.consents).toMatchObject({ marketing_sms: false, data_processing: true });
  });

  it('flags a phone enrolled as two members once, even when the event is sent again', async () => {
    const number = phone();
    const first = enrolled(randomUUID(), number);
    const second = enrolled(randomUUID(), number);
    await push(storage, a, batch([first]));
    const answer = await push(storage, b, batch([second]));
    expect(answer.results[0]?.status).toBe('applied');
    expect((await push(storage, b, batch([second]))).results[0]?.status).toBe('duplicate');
    const claims = (await listConflicts(storage, { status: 'open' })).filter((c) => c.subject === number);
    expect(claims).toEqual([
      expect.objectContaining({
        kind: 'phone_claimed',
        storeId: b.storeId,
        detail: {
          phone: number,
          memberIds: [first.aggregateId, second.aggregateId],
          storeIds: [a.storeId, b.storeId],
        },
      }),
    ]);
    // Both members exist at the hub: neither shop's enrolment is lost.
    expect((await memberAtHub(storage, first.aggregateId)).phone).toBe(number);
    expect((await memberAtHub(storage, second.aggregateId)).phone).toBe(number);
  });

  it('keeps a card with its first member and flags the second claim, without refusing the event', async () => {
    const first = enrolled(randomUUID(), phone());
    const second = enrolled(randomUUID(), phone());
    const number = `88${String(Date.now()).slice(-12)}99`;
    await push(storage, a, batch([first, card(first.aggregateId, number)]));
    const claim = card(second.aggregateId, number);
    const answer = await push(storage, b, batch([second, claim]));
    expect(answer.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    await push(storage, b, batch([claim]));
    expect((await memberAtHub(storage, first.aggregateId)).cards).toEqual([number]);
    expect((await memberAtHub(storage, second.aggregateId)).cards).toEqual([]);
    const claims = (await listConflicts(storage, { status: 'open' })).filter((c) => c.subject === number);
    expect(claims).toEqual([
      expect.objectContaining({
        kind: 'card_claimed',
        detail: expect.objectContaining({
          memberIds: [first.aggregateId, second.aggregateId],
          keptBy: first.aggregateId,
        }),
      }),
    ]);
  });

  it('merges through compensating entries, re-points cards, resolves the claim and tells every terminal', async () => {
    const number = phone();
    const survivor = enrolled(randomUUID(), number);
    const merged = enrolled(randomUUID(), number);
    const cardOfMerged = `88${String(Date.now()).slice(-12)}11`;
    await push(storage, a, batch([survivor, sale(survivor.aggregateId, { pointsEarned: 40 })]));
    await push(
      storage,
      b,
      batch([merged, card(merged.aggregateId, cardOfMerged), sale(merged.aggregateId, { pointsEarned: 25 })]),
    );
    const { cursor } = await changesSince(storage, a, '');
    const entriesBefore = (await storage.query<{ n: number }>('SELECT count(*)::int AS n FROM points_entries')).rows[0]!
      .n;

    const res = await merge({ survivorId: survivor.aggregateId, mergedId: merged.aggregateId });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ pointsMoved: 25, cardsRepointed: [cardOfMerged], conflictsResolved: 1 });

    const kept = await memberAtHub(storage, survivor.aggregateId);
    const gone = await memberAtHub(storage, merged.aggregateId);
    expect(kept).toMatchObject({ balance: 65, cards: [cardOfMerged] });
    expect(gone).toMatchObject({ balance: 0, cards: [], mergedInto: survivor.aggregateId });
    const shown = await fetch(`${base}/v1/admin/members/${merged.aggregateId}`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(((await shown.json()) as { member: unknown }).member).toMatchObject({ mergedInto: survivor.aggregateId });
    // Append-only: two new entries, −25 and +25, and none changed.
    const { rows } = await storage.query<{ memberId: string; points: number; reason: string }>(
      `SELECT member_id AS "memberId", points, reason FROM points_entries WHERE reason = 'merge' AND member_id IN ($1, $2) ORDER BY points`,
      [survivor.aggregateId, merged.aggregateId],
    );
    expect(rows).toEqual([
      { memberId: merged.aggregateId, points: -25, reason: 'merge' },
      { memberId: survivor.aggregateId, points: 25, reason: 'merge' },
    ]);
    expect((await storage.query<{ n: number }>('SELECT count(*)::int AS n FROM points_entries')).rows[0]!.n).toBe(
      entriesBefore + 2,
    );
    const open = (await listConflicts(storage, { status: 'open' })).filter((c) => c.subject === number);
    expect(open).toEqual([]);
    // Every terminal pulls it, the one whose members these are too: the entries, then the merge.
    const down = (await changesSince(storage, a, cursor)).changes;
    expect(down.map((c) => c.kind)).toEqual(['points', 'points', 'merge']);
    expect(down.at(-1)?.data).toMatchObject({ survivorId: survivor.aggregateId, mergedId: merged.aggregateId });

    // Points earned on the merged member offline and pushed after the merge follow it to the survivor.
    await push(storage, b, batch([sale(merged.aggregateId, { pointsEarned: 10 })]));
    expect((await memberAtHub(storage, survivor.aggregateId)).balance).toBe(75);
    expect((await memberAtHub(storage, merged.aggregateId)).balance).toBe(0);
    const atB = (await changesSince(storage, b, cursor)).changes.filter((c) => c.kind === 'points');
    expect(atB.map((c) => c.data.points)).toEqual([-25, 25, -10, 10]);
  });

  it('refuses merging twice, into itself, into a merged member or an unknown one, writing nothing', async () => {
    const x = enrolled(randomUUID(), phone());
    const y = enrolled(randomUUID(), phone());
    const z = enrolled(randomUUID(), phone());
    await push(storage, a, batch([x, y, z, sale(y.aggregateId, { pointsEarned: 5 })]));
    expect((await merge({ survivorId: x.aggregateId, mergedId: y.aggregateId })).status).toBe(200);
    const count = async () =>
      (
        await storage.query<{ n: number }>(
          'SELECT (SELECT count(*) FROM points_entries) + (SELECT count(*) FROM changes) + (SELECT count(*) FROM member_merges) AS n',
        )
      ).rows[0]!.n;
    const before = await count();
    const refusals = await Promise.all([
      merge({ survivorId: x.aggregateId, mergedId: y.aggregateId }),
      merge({ survivorId: z.aggregateId, mergedId: y.aggregateId }),
      merge({ survivorId: y.aggregateId, mergedId: z.aggregateId }),
      merge({ survivorId: x.aggregateId, mergedId: x.aggregateId }),
      merge({ survivorId: x.aggregateId, mergedId: 'nobody' }),
      merge({ survivorId: x.aggregateId }),
    ]);
    expect(refusals.map((r) => r.status)).toEqual([409, 409, 409, 400, 404, 400]);
    const bodies = (await Promise.all(refusals.map((r) => r.json()))) as { error: { message: string } }[];
    expect(bodies[0]?.error.message).toMatch(/merged into .* already/);
    expect(bodies[3]?.error.message).toMatch(/into itself/);
    expect(await count()).toBe(before);
    expect((await memberAtHub(storage, x.aggregateId)).balance).toBe(5);
  });
});
