// Contests at one terminal, on a real SQLite file: a scanned member's daily vote (once a day per
// contest), the votes a purchase with an entrant's code adds (once per sale), their withdrawal after
// a full refund, and the refusals that write nothing.
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveContest } from './support/contests';
import { cashSale, demoMember, openLoyaltyCore, requestId, type LoyaltyCore } from './support/loyalty';
import { enrolment, tempDir } from './support/temp-core';

const temp = tempDir('linli-contests-');
afterAll(() => temp.remove());
let n = 0;
let l: LoyaltyCore;

const votes = (l: LoyaltyCore) => (l.db.prepare('SELECT count(*) AS n FROM contest_votes').get() as { n: number }).n;
const votedEvents = (l: LoyaltyCore) =>
  (l.db.prepare("SELECT count(*) AS n FROM outbox WHERE type = 'contest.voted'").get() as { n: number }).n;

async function withEntrants(l: LoyaltyCore) {
  const friend = await l.core.methods.enrolMember(enrolment({ name: '李小红', phone: '13812345678' }));
  if (!friend.created) throw new Error('expected a new member');
  return saveContest(l.repos, l.clock.now, [
    { memberId: friend.member.id, name: '李小红', code: 'V-3K7Q' },
    { memberId: l.goldMemberId, name: demoMember.name, code: 'V-8MPW' },
  ]);
}

beforeEach(async () => {
  l = await openLoyaltyCore(join(temp.dir, `c${n++}`), 'manager');
});
afterEach(async () => l.close());

describe('contests at the terminal', () => {
  it('a scanned member votes once a day; the second vote that day is refused and writes nothing', async () => {
    const contest = await withEntrants(l);
    await l.core.methods.setSelfServiceSettings({ role: 'self-service' });
    await l.core.methods.startCustomer({ text: demoMember.card, source: 'wedge' });
    const seen: string[][] = [];
    const stop = l.core.subscribe((event, payload) => {
      if (event === 'contestVotes') seen.push((payload as { contestIds: string[] }).contestIds);
    });
    const after = await l.core.methods.voteInContest({ contestId: contest.id, entrantId: 'entrant-1' });
    expect(after[0]!.entrants[0]).toMatchObject({ id: 'entrant-1', maskedName: '李*红', votes: 1 });
    expect(after[0]!.votedTodayFor).toBe('entrant-1');
    expect(seen).toEqual([[contest.id]]);

    const before = { votes: votes(l), events: votedEvents(l) };
    await expect(l.core.methods.voteInContest({ contestId: contest.id, entrantId: 'entrant-2' })).rejects.toMatchObject(
      { code: 'VOTE_ALREADY_TODAY' },
    );
    expect({ votes: votes(l), events: votedEvents(l) }).toEqual(before);

    // The next local day (Beijing time) the member may vote again.
    l.clock.now = new Date(l.clock.now.getTime() + 24 * 60 * 60 * 1000);
    await l.core.methods.startCustomer({ text: demoMember.card, source: 'wedge' });
    const next = await l.core.methods.voteInContest({ contestId: contest.id, entrantId: 'entrant-2' });
    expect(next[0]!.entrants.map((e) => e.votes)).toEqual([1, 1]);
    stop();
  });

  it('refuses an unknown contest, an unknown entrant and a contest that has ended', async () => {
    const contest = await withEntrants(l);
    await l.core.methods.setSelfServiceSettings({ role: 'self-service' });
    await l.core.methods.startCustomer({ text: demoMember.card, source: 'wedge' });
    await expect(l.core.methods.voteInContest({ contestId: 'nope', entrantId: 'entrant-1' })).rejects.toMatchObject({
      code: 'CONTEST_UNKNOWN',
    });
    await expect(l.core.methods.voteInContest({ contestId: contest.id, entrantId: 'nope' })).rejects.toMatchObject({
      code: 'CONTEST_ENTRANT_UNKNOWN',
    });
    saveContest(l.repos, l.clock.now, [], { id: 'over', endsAt: new Date(l.clock.now.getTime() - 1000).toISOString() });
    await expect(l.core.methods.voteInContest({ contestId: 'over', entrantId: 'entrant-1' })).rejects.toMatchObject({
      code: 'CONTEST_NOT_RUNNING',
    });
    expect(votes(l)).toBe(0);
  });

  it("a purchase with an entrant's code adds the contest's votes once; a full refund withdraws them", async () => {
    const contest = await withEntrants(l);
    const scanned = await l.core.methods.handleScan({ text: 'v-3k7q', source: 'wedge' });
    expect(scanned).toMatchObject({ kind: 'entrant', code: 'V-3K7Q', entrant: { maskedName: '李*红', votes: 5 } });
    const draft = cashSale(l, { couponCodes: ['V-3K7Q'] });
    const quote = await l.core.methods.quoteSale(draft);
    expect(quote.entrant).toMatchObject({ code: 'V-3K7Q', votes: 5 });
    expect(quote.coupons).toEqual([]);
    const sale = await l.core.methods.checkout(draft);
    // The same request again (a retry) adds nothing.
    await l.core.methods.checkout(draft);
    const board = () => l.core.methods.listContests().then((c) => c.find((x) => x.id === contest.id)!);
    expect((await board()).entrants[0]).toMatchObject({ id: 'entrant-1', votes: 5 });
    expect(votedEvents(l)).toBe(1);

    // Two entrant codes in one sale are refused, nothing written.
    await expect(l.core.methods.checkout(cashSale(l, { couponCodes: ['V-3K7Q', 'V-8MPW'] }))).rejects.toMatchObject({
      code: 'CONTEST_ONE_CODE_PER_SALE',
    });

    await l.core.methods.refund({
      requestId: requestId(),
      receiptNo: sale.sale.receiptNo,
      lines: sale.sale.lines.map((x) => ({ lineId: x.id, quantity: x.quantity })),
      tender: { method: 'cash' },
    });
    expect((await board()).entrants.find((e) => e.id === 'entrant-1')!.votes).toBe(0);
    expect(votedEvents(l)).toBe(2);
  });

  it('a contest where purchases do not count refuses the code at the counter', async () => {
    const friend = await l.core.methods.enrolMember(enrolment({ name: '李小红', phone: '13812345678' }));
    if (!friend.created) throw new Error('expected a new member');
    saveContest(l.repos, l.clock.now, [{ memberId: friend.member.id, name: '李小红', code: 'V-3K7Q' }], {
      purchasesCount: false,
    });
    await expect(l.core.methods.quoteSale(cashSale(l, { couponCodes: ['V-3K7Q'] }))).rejects.toMatchObject({
      code: 'CONTEST_PURCHASES_OFF',
    });
  });
});
