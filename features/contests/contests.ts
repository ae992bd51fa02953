// Community contests at the terminal (issue 10, decision 0025): the leaderboard, a scanned member's
// daily vote, and the votes a purchase with an entrant's code adds. Every vote is a row here and an
// outbox event in the same transaction; the hub adds up every shop's votes and sends each terminal
// the others' tallies, so the leaderboard covers the chain.
import { LinliError, type ContestView, type HubContest, type PulledChange, type QuoteEntrant } from '../../contract';
import type { ContestVoteRow } from '../../db/repositories/contests';
import { normaliseEntrantCode } from '../../domain/entrant-code';
import type { TerminalStore } from '../../db/store';
import type { SomeHandlers } from '../handler';
import { today } from '../loyalty/loyalty-config';
import type { Ports } from '../ports';

const isRunning = (c: HubContest, now: string) => c.startsAt <= now && now < c.endsAt;

function contestView(ports: Ports, c: HubContest, voterMemberId: string | null): ContestView {
  const now = ports.clock.now().toISOString();
  const votes = new Map(ports.store.contests.tallies(c.id, ports.config.terminalId).map((t) => [t.entrantId, t.votes]));
  const entrants = c.entrants
    .map((e) => ({
      id: e.id,
      code: e.code,
      maskedName: e.maskedName,
      photoUrl: e.photoUrl,
      votes: votes.get(e.id) ?? 0,
    }))
    // Most votes first; a tie keeps the brand's order.
    .sort((a, b) => b.votes - a.votes);
  return {
    id: c.id,
    title: c.title,
    startsAt: c.startsAt,
    endsAt: c.endsAt,
    votesPerDailyVote: c.votesPerDailyVote,
    votesPerPurchase: c.votesPerPurchase,
    purchasesCount: c.purchasesCount,
    running: isRunning(c, now),
    entrants,
    totalVotes: entrants.reduce((sum, e) => sum + e.votes, 0),
    votedTodayFor: voterMemberId ? ports.store.contests.dailyVoteOf(c.id, voterMemberId, today(ports)) : null,
  };
}

export function runningContests(ports: Ports, voterMemberId: string | null = null): ContestView[] {
  const now = ports.clock.now().toISOString();
  return ports.store.contests
    .all()
    .filter((c) => isRunning(c, now))
    .map((c) => contestView(ports, c, voterMemberId));
}

function writeVote(ports: Ports, vote: ContestVoteRow): boolean {
  if (!ports.store.contests.insertVote(vote)) return false;
  const { id, ...rest } = vote;
  ports.store.outbox.append({
    id: ports.ids.newId(),
    type: 'contest.voted',
    aggregateId: vote.contestId,
    payload: { voteId: id, ...rest },
    createdAt: vote.at,
  });
  return true;
}

function vote(ports: Ports, memberId: string, input: { contestId: string; entrantId: string }): ContestView[] {
  const contest = ports.store.contests.get(input.contestId);
  if (!contest) throw new LinliError('CONTEST_UNKNOWN');
  const at = ports.clock.now().toISOString();
  if (!isRunning(contest, at)) throw new LinliError('CONTEST_NOT_RUNNING');
  const entrant = contest.entrants.find((e) => e.id === input.entrantId);
  if (!entrant) throw new LinliError('CONTEST_ENTRANT_UNKNOWN');
  const day = today(ports);
  ports.store.transaction(() => {
    const written = writeVote(ports, {
      id: ports.ids.newId(),
      contestId: contest.id,
      entrantId: entrant.id,
      kind: 'daily',
      votes: contest.votesPerDailyVote,
      voterMemberId: memberId,
      day,
      saleId: null,
      at,
    });
    // The unique index refused it: this member voted in this contest today already; nothing written.
    if (!written) throw new LinliError('VOTE_ALREADY_TODAY');
  });
  ports.events.emit('contestVotes', { contestIds: [contest.id] });
  return runningContests(ports, memberId);
}

/** The entrant a code names, in a contest that counts purchases now; null when the text is no entrant code. */
export function entrantOfCode(
  ports: Ports,
  text: string,
): (QuoteEntrant & { entrantId: string; contestId: string }) | null {
  const code = normaliseEntrantCode(text);
  if (!code) return null;
  const entrant = ports.store.contests.entrantByCode(code);
  if (!entrant) return null;
  const contest = ports.store.contests.get(entrant.contestId)!;
  return {
    code,
    entrantId: entrant.id,
    contestId: contest.id,
    maskedName: entrant.maskedName,
    contestTitle: contest.title,
    votes: contest.votesPerPurchase,
  };
}

export type EntrantOfSale = ReturnType<typeof entrantOfCode>;

/**
 * Checkout's coupon field may hold one entrant code besides coupons: split it off and check it
 * (the contest runs and counts purchases). Throws the refusal; writes nothing.
 */
export function takeEntrantCode(
  ports: Ports,
  codes: readonly string[],
): { coupons: string[]; entrant: ReturnType<typeof entrantOfCode> } {
  const coupons: string[] = [];
  let entrant: ReturnType<typeof entrantOfCode> = null;
  for (const text of codes) {
    const found = entrantOfCode(ports, text);
    if (!found) {
      coupons.push(text);
      continue;
    }
    if (entrant) throw new LinliError('CONTEST_ONE_CODE_PER_SALE', { code: found.code }, 'coupon');
    const contest = ports.store.contests.get(found.contestId)!;
    if (!isRunning(contest, ports.clock.now().toISOString()))
      throw new LinliError('CONTEST_NOT_RUNNING', { code: found.code }, 'coupon');
    if (!contest.purchasesCount || contest.votesPerPurchase <= 0)
      throw new LinliError('CONTEST_PURCHASES_OFF', { code: found.code }, 'coupon');
    entrant = found;
  }
  return { coupons, entrant };
}

/**
 * Called inside checkout's transaction: the sale's votes for the entrant it named, once per sale
 * (the unique index on sale_id). Returns whether votes were written.
 */
export function recordPurchaseVotes(
  ports: Ports,
  sale: { id: string; memberId: string | null; at: string },
  entrant: { entrantId: string; contestId: string; votes: number },
): boolean {
  return writeVote(ports, {
    id: ports.ids.newId(),
    contestId: entrant.contestId,
    entrantId: entrant.entrantId,
    kind: 'purchase',
    votes: entrant.votes,
    voterMemberId: sale.memberId,
    day: today(ports),
    saleId: sale.id,
    at: sale.at,
  });
}

/**
 * Called inside a refund's transaction: once the sale is refunded in full, its purchase votes are
 * withdrawn (a negative row, once). A partial refund keeps them: the purchase still happened.
 */
export function withdrawPurchaseVotes(ports: Ports, saleId: string, fullyRefunded: boolean, at: string): string[] {
  if (!fullyRefunded) return [];
  const rows = ports.store.contests.votesOfSale(saleId);
  const purchase = rows.find((r) => r.kind === 'purchase');
  if (!purchase || rows.some((r) => r.kind === 'withdrawn')) return [];
  writeVote(ports, {
    ...purchase,
    id: ports.ids.newId(),
    kind: 'withdrawn',
    votes: -purchase.votes,
    day: today(ports),
    at,
  });
  return [purchase.contestId];
}

/** A contest or a tally in the catalogue stream; false for other kinds. */
export function applyContestChange(store: TerminalStore, change: PulledChange): boolean {
  if (change.kind === 'contest') {
    store.contests.save(change.data);
    return true;
  }
  if (change.kind === 'contest_tally') {
    // A tally of a contest this terminal has not heard of yet: kept anyway (the contest follows).
    store.contests.saveTally(change.data);
    return true;
  }
  return false;
}

export const contestHandlers = {
  runningContests: (_input, { ports }) => runningContests(ports),
  customerContests: (_input, { ports, customer }) => runningContests(ports, customer.memberId),
  voteInContest: (input, { ports, customer }) => vote(ports, customer.memberId, input),
  listContests: (_input, { ports }) => ports.store.contests.all().map((c) => contestView(ports, c, null)),
} satisfies SomeHandlers;
