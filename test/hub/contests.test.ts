// Contests at the hub, on both engines: the brand creates a contest through the admin API (entrants
// by phone or member id, each given a code; a wrong entrant refused with its field, nothing
// written); terminals' votes are kept once each and every terminal's tally reaches the others
// through the catalogue stream; a second daily vote by the same member at another shop counts nothing.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubContest, HubContestListResponse, PulledChange, PushedEvent } from '../../contract';
import { pull, push, type AuthenticatedTerminal } from '../../hub/features';
import { createHubServer } from '../../hub/server/server';
import type { HubStorage } from '../../hub/storage';
import { testEngines } from './engines';
import { at, batch, enrolled, registeredTerminal } from './fixtures';

const adminToken = 'contests-admin-token-0123456789';

function voted(
  contest: HubContest,
  entrantId: string,
  opts: { kind?: 'daily' | 'purchase'; votes?: number; voter?: string | null; day?: string } = {},
): PushedEvent {
  return {
    id: randomUUID(),
    type: 'contest.voted',
    aggregateId: contest.id,
    createdAt: at,
    payload: {
      voteId: randomUUID(),
      contestId: contest.id,
      entrantId,
      kind: opts.kind ?? 'daily',
      votes: opts.votes ?? 1,
      voterMemberId: opts.voter === undefined ? 'voter-1' : opts.voter,
      day: opts.day ?? '2026-03-01',
      saleId: opts.kind === 'purchase' ? randomUUID() : null,
      at,
    },
  };
}

describe.each(await testEngines())('contests at the hub on $name', (engine) => {
  let storage: HubStorage;
  let dispose: () => Promise<void>;
  let server: Server;
  let base: string;
  let a: AuthenticatedTerminal;
  let b: AuthenticatedTerminal;
  const memberA = randomUUID();
  const memberB = randomUUID();

  const send = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${adminToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { field?: string } } };
  };
  const catalogueAt = async (t: AuthenticatedTerminal) => {
    const changes: PulledChange[] = [];
    let cursor = '';
    for (;;) {
      const page = await pull(storage, t, { stream: 'catalogue', after: cursor, limit: 50, wait: 0 });
      changes.push(...page.changes);
      cursor = page.cursor;
      if (!page.more) return changes;
    }
  };

  beforeAll(async () => {
    ({ storage, dispose } = await engine.open());
    server = createHubServer({ storage, adminToken });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    a = await registeredTerminal(storage);
    b = await registeredTerminal(storage);
    await push(storage, a, batch([enrolled(memberA, '+8613800138000'), enrolled(memberB, '+8613900139000')]));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await dispose();
  });

  const request = {
    id: 'tea-star',
    title: { zh: '翠湖茶艺之星', en: 'Cuihu tea star' },
    startsAt: '2026-03-01T00:00:00+08:00',
    endsAt: '2026-03-31T00:00:00+08:00',
    votesPerPurchase: 5,
    entrants: [{ phone: '138 0013 8000' }, { memberId: memberB, photoUrl: 'https://cdn.brand.test/b.jpg' }],
  };

  it('creates a contest: entrants get codes and masked names, and every terminal pulls it', async () => {
    const res = await send('POST', '/v1/admin/contests', request);
    expect(res.status).toBe(200);
    const contest = res.body.contest as HubContest;
    expect(contest).toMatchObject({ id: 'tea-star', votesPerDailyVote: 1, votesPerPurchase: 5, purchasesCount: true });
    expect(contest.entrants.map((e) => e.memberId)).toEqual([memberA, memberB]);
    expect(contest.entrants.map((e) => e.maskedName)).toEqual(['王*', '王*']);
    for (const e of contest.entrants) expect(e.code).toMatch(/^V-[2-9A-HJKMNP-Z]{4}$/);
    const pulled = (await catalogueAt(b)).filter((c) => c.kind === 'contest');
    expect(pulled).toEqual([{ kind: 'contest', data: contest }]);

    // The same contest again keeps the entrants' codes.
    const again = (await send('POST', '/v1/admin/contests', { ...request, votesPerPurchase: 3 })).body
      .contest as HubContest;
    expect(again.entrants.map((e) => e.code)).toEqual(contest.entrants.map((e) => e.code));
    expect(again.votesPerPurchase).toBe(3);
  });

  it('refuses an entrant the hub does not know, with its field, writing nothing', async () => {
    const before = (await storage.query<{ n: number }>('SELECT count(*)::int AS n FROM contests')).rows[0]!.n;
    const res = await send('POST', '/v1/admin/contests', {
      ...request,
      id: 'other',
      entrants: [{ phone: '137 0000 0001' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.field).toBe('entrants.0');
    const bad = await send('POST', '/v1/admin/contests', { ...request, id: 'other', entrants: [] });
    expect(bad.status).toBe(400);
    expect((await storage.query<{ n: number }>('SELECT count(*)::int AS n FROM contests')).rows[0]!.n).toBe(before);
  });

  it("adds up every shop's votes once each; each terminal pulls the others' tallies", async () => {
    const contest = ((await send('GET', '/v1/admin/contests')).body as unknown as HubContestListResponse).contests[0]!;
    const [first, second] = contest.entrants;
    const atA = [voted(contest, first!.id), voted(contest, first!.id, { kind: 'purchase', votes: 3, voter: null })];
    expect((await push(storage, a, batch(atA))).results.map((r) => r.status)).toEqual(['applied', 'applied']);
    // The same events again (a retry) count nothing more.
    expect((await push(storage, a, batch(atA))).results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    // At shop B: another supporter's vote, and voter-1 again the same day (counts nothing chain-wide).
    await push(storage, b, batch([voted(contest, second!.id, { voter: 'voter-2' }), voted(contest, second!.id)]));

    const list = ((await send('GET', '/v1/admin/contests')).body as unknown as HubContestListResponse).contests[0]!;
    expect(list.tallies).toEqual([
      { entrantId: first!.id, votes: 4 },
      { entrantId: second!.id, votes: 1 },
    ]);
    // B learns A's tally (and not its own); A learns B's.
    const tallies = (changes: PulledChange[]) =>
      changes
        .flatMap((c) => (c.kind === 'contest_tally' ? [c.data] : []))
        .map(({ terminalId, ...rest }) => ({
          from: terminalId === a.terminalId ? 'A' : 'B',
          ...rest,
        }));
    const atB = tallies(await catalogueAt(b));
    expect(atB.at(-1)).toEqual({ from: 'A', contestId: contest.id, entrantId: first!.id, votes: 4 });
    expect(atB.every((t) => t.from === 'A')).toBe(true);
    const seenByA = tallies(await catalogueAt(a));
    expect(seenByA.at(-1)).toEqual({ from: 'B', contestId: contest.id, entrantId: second!.id, votes: 1 });
  });

  it('refuses a vote for an entrant of no contest it knows', async () => {
    const contest = { id: 'nope' } as HubContest;
    const { results } = await push(storage, a, batch([voted(contest, 'nobody')]));
    expect(results[0]).toMatchObject({ status: 'rejected', reason: 'PAYLOAD_INVALID' });
  });
});
