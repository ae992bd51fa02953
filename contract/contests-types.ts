// Community contests (issue 10): the brand sets the rules at the hub; supporters vote once a day at
// a self-service terminal, and a purchase made with an entrant's code adds votes. Names arrive
// masked (王*明): a leaderboard is shown to passers-by.
import type { LocalName } from './loyalty-types';

export type { HubContest, HubContestEntrant, HubContestTally } from './hub-contests';

export interface ContestEntrantView {
  id: string;
  code: string;
  maskedName: string;
  photoUrl: string | null;
  /** Every shop's votes: this terminal's own, and the others' as the hub last counted them. */
  votes: number;
}

export interface ContestView {
  id: string;
  title: LocalName;
  startsAt: string;
  endsAt: string;
  votesPerDailyVote: number;
  votesPerPurchase: number;
  purchasesCount: boolean;
  running: boolean;
  /** Most votes first. */
  entrants: ContestEntrantView[];
  totalVotes: number;
  /** For the customer at a self-service terminal: the entrant they voted for today, else null. */
  votedTodayFor: string | null;
}

/** The entrant a sale votes for, as the counter's basket shows it. */
export interface QuoteEntrant {
  code: string;
  maskedName: string;
  contestTitle: LocalName;
  votes: number;
}
