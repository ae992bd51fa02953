import type { HubContest, HubContestTally } from '../../contract';
import type { Db } from '../open';
import type { ContestsRepository } from '../store';

export type ContestVoteKind = 'daily' | 'purchase' | 'withdrawn';

export interface ContestVoteRow {
  id: string;
  contestId: string;
  entrantId: string;
  kind: ContestVoteKind;
  votes: number;
  voterMemberId: string | null;
  /** The store's local day of the vote (YYYY-MM-DD). */
  day: string;
  saleId: string | null;
  at: string;
}

export interface ContestEntrantRow {
  id: string;
  contestId: string;
  memberId: string;
  code: string;
  maskedName: string;
  photoUrl: string | null;
}

interface ContestRaw {
  id: string;
  titleZh: string;
  titleEn: string;
  startsAt: string;
  endsAt: string;
  votesPerDailyVote: number;
  votesPerPurchase: number;
  purchasesCount: number;
  updatedAt: string;
}

const contestColumns = `id, title_zh AS titleZh, title_en AS titleEn, starts_at AS startsAt, ends_at AS endsAt,
  votes_per_daily_vote AS votesPerDailyVote, votes_per_purchase AS votesPerPurchase,
  purchases_count AS purchasesCount, updated_at AS updatedAt`;
const entrantColumns = `id, contest_id AS contestId, member_id AS memberId, code, masked_name AS maskedName,
  photo_url AS photoUrl`;

/** Contests as the hub sent them, this terminal's votes, and the other terminals' tallies. */
export function contestsRepository(db: Db): ContestsRepository {
  const save = db.prepare(`INSERT INTO contests
      (id, title_zh, title_en, starts_at, ends_at, votes_per_daily_vote, votes_per_purchase, purchases_count, updated_at)
    VALUES (@id, @titleZh, @titleEn, @startsAt, @endsAt, @votesPerDailyVote, @votesPerPurchase, @purchasesCount, @updatedAt)
    ON CONFLICT (id) DO UPDATE SET title_zh = excluded.title_zh, title_en = excluded.title_en,
      starts_at = excluded.starts_at, ends_at = excluded.ends_at, votes_per_daily_vote = excluded.votes_per_daily_vote,
      votes_per_purchase = excluded.votes_per_purchase, purchases_count = excluded.purchases_count,
      updated_at = excluded.updated_at`);
  // An entrant keeps its id and code; a contest sent again may add entrants or change names and photos.
  const saveEntrant =
    db.prepare(`INSERT INTO contest_entrants (id, contest_id, member_id, code, masked_name, photo_url, position)
    VALUES (@id, @contestId, @memberId, @code, @maskedName, @photoUrl, @position)
    ON CONFLICT (id) DO UPDATE SET masked_name = excluded.masked_name, photo_url = excluded.photo_url,
      position = excluded.position`);
  const all = db.prepare<[], ContestRaw>(`SELECT ${contestColumns} FROM contests ORDER BY starts_at, id`);
  const one = db.prepare<[string], ContestRaw>(`SELECT ${contestColumns} FROM contests WHERE id = ?`);
  const entrants = db.prepare<[string], ContestEntrantRow>(
    `SELECT ${entrantColumns} FROM contest_entrants WHERE contest_id = ? ORDER BY position, id`,
  );
  const entrantByCode = db.prepare<[string], ContestEntrantRow>(
    `SELECT ${entrantColumns} FROM contest_entrants WHERE code = ?`,
  );
  // This terminal's votes, plus every other terminal's as the hub last counted them.
  const tallies = db.prepare<[string, string, string], { entrantId: string; votes: number }>(
    `SELECT entrant_id AS entrantId, sum(votes) AS votes FROM (
       SELECT entrant_id, votes FROM contest_votes WHERE contest_id = ?
       UNION ALL
       SELECT entrant_id, votes FROM contest_tallies WHERE contest_id = ? AND terminal_id <> ?
     ) GROUP BY entrant_id`,
  );
  const insertVote = db.prepare(`INSERT OR IGNORE INTO contest_votes
      (id, contest_id, entrant_id, kind, votes, voter_member_id, day, sale_id, at)
    VALUES (@id, @contestId, @entrantId, @kind, @votes, @voterMemberId, @day, @saleId, @at)`);
  const dailyVote = db.prepare<[string, string, string], { entrantId: string }>(
    `SELECT entrant_id AS entrantId FROM contest_votes WHERE contest_id = ? AND voter_member_id = ? AND day = ? AND kind = 'daily'`,
  );
  const saleVotes = db.prepare<[string], ContestVoteRow>(
    `SELECT id, contest_id AS contestId, entrant_id AS entrantId, kind, votes, voter_member_id AS voterMemberId, day,
       sale_id AS saleId, at FROM contest_votes WHERE sale_id = ? ORDER BY at, id`,
  );
  const saveTally = db.prepare(`INSERT INTO contest_tallies (contest_id, entrant_id, terminal_id, votes)
    VALUES (@contestId, @entrantId, @terminalId, @votes)
    ON CONFLICT (contest_id, entrant_id, terminal_id) DO UPDATE SET votes = excluded.votes`);

  const toContest = (r: ContestRaw): HubContest => ({
    id: r.id,
    title: { zh: r.titleZh, en: r.titleEn },
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    votesPerDailyVote: r.votesPerDailyVote,
    votesPerPurchase: r.votesPerPurchase,
    purchasesCount: r.purchasesCount === 1,
    entrants: entrants.all(r.id).map(({ contestId: _c, ...e }) => e),
    updatedAt: r.updatedAt,
  });

  return {
    save(c: HubContest): void {
      save.run({
        id: c.id,
        titleZh: c.title.zh,
        titleEn: c.title.en,
        startsAt: c.startsAt,
        endsAt: c.endsAt,
        votesPerDailyVote: c.votesPerDailyVote,
        votesPerPurchase: c.votesPerPurchase,
        purchasesCount: c.purchasesCount ? 1 : 0,
        updatedAt: c.updatedAt,
      });
      c.entrants.forEach((e, position) => saveEntrant.run({ ...e, contestId: c.id, position }));
    },
    all: (): HubContest[] => all.all().map(toContest),
    get: (id: string): HubContest | null => {
      const raw = one.get(id);
      return raw ? toContest(raw) : null;
    },
    entrantByCode: (code: string): ContestEntrantRow | null => entrantByCode.get(code) ?? null,
    tallies: (contestId: string, ownTerminalId: string) => tallies.all(contestId, contestId, ownTerminalId),
    insertVote: (v: ContestVoteRow): boolean => insertVote.run(v).changes === 1,
    dailyVoteOf: (contestId: string, memberId: string, day: string): string | null =>
      dailyVote.get(contestId, memberId, day)?.entrantId ?? null,
    votesOfSale: (saleId: string): ContestVoteRow[] => saleVotes.all(saleId),
    saveTally: (t: HubContestTally): void => void saveTally.run(t),
  };
}
