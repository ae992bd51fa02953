// Contests at the terminal: the leaderboard (attract loop, counter), and a scanned member's daily vote.
import { z } from 'zod';
import { methodsOf } from './method';
import { id, noInput } from './schema-kit';
import type { ContestView } from './contests-types';

const m = methodsOf('contests');

export const contestMethods = {
  /** The contests running now, with their leaderboards (the attract loop shows the first one). */
  runningContests: m.kiosk(noInput).returns<ContestView[]>(),
  /** The same for the scanned member: which entrant they voted for today. */
  customerContests: m.customer(noInput).returns<ContestView[]>(),
  /** Once a day per contest (the store's local day); the member in the session votes. */
  voteInContest: m
    .customer(z.object({ contestId: id('CONTEST_UNKNOWN'), entrantId: id('CONTEST_ENTRANT_UNKNOWN') }))
    .returns<ContestView[]>(),
  /** Every contest this terminal knows, ended ones too (the counter's Contests tab). */
  listContests: m.staff(noInput).returns<ContestView[]>(),
};

export interface ContestEvents {
  /** Votes changed (a vote here, a purchase with an entrant code, tallies from the hub). */
  contestVotes: { contestIds: string[] };
}
