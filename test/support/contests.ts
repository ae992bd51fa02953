// A contest as the hub would send it, saved straight into a terminal's store (tests without a hub).
import type { HubContest } from '../../contract';
import { maskName } from '../../domain/mask';
import type { TerminalStore } from '../../db/store';

export interface ContestEntrantSeed {
  memberId: string;
  name: string;
  code: string;
}

/** A contest running from a day before `now` to thirty days after, 1 vote a day and 5 per purchase. */
export function saveContest(
  repos: TerminalStore,
  now: Date,
  entrants: readonly ContestEntrantSeed[],
  overrides: Partial<Omit<HubContest, 'entrants'>> = {},
): HubContest {
  const day = 24 * 60 * 60 * 1000;
  const contest: HubContest = {
    id: 'contest-1',
    title: { zh: '翠湖社区茶艺之星', en: 'Cuihu tea star' },
    startsAt: new Date(now.getTime() - day).toISOString(),
    endsAt: new Date(now.getTime() + 30 * day).toISOString(),
    votesPerDailyVote: 1,
    votesPerPurchase: 5,
    purchasesCount: true,
    updatedAt: now.toISOString(),
    ...overrides,
    entrants: entrants.map((e, i) => ({
      id: `entrant-${i + 1}`,
      memberId: e.memberId,
      code: e.code,
      maskedName: maskName(e.name),
      photoUrl: null,
    })),
  };
  repos.contests.save(contest);
  return contest;
}
