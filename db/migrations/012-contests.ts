import type { Migration } from './index';

// Community contests (issue 10, decision 0025). The rules and entrants come from the hub's catalogue
// stream and are kept as sent (the hub's ids are the keys). contest_votes holds the votes made at
// this terminal: a daily vote (one per member, contest and local day: the partial unique index), a
// purchase's votes (one row per sale) and their withdrawal when that sale is refunded in full.
// contest_tallies holds the other terminals' votes as the hub counted them.
export const m012Contests: Migration = {
  version: 12,
  name: 'contests',
  up(db) {
    db.exec(`
      CREATE TABLE contests (
        id TEXT PRIMARY KEY,
        title_zh TEXT NOT NULL,
        title_en TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        votes_per_daily_vote INTEGER NOT NULL,
        votes_per_purchase INTEGER NOT NULL,
        purchases_count INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE contest_entrants (
        id TEXT PRIMARY KEY,
        contest_id TEXT NOT NULL REFERENCES contests(id),
        member_id TEXT NOT NULL,
        code TEXT NOT NULL UNIQUE,
        masked_name TEXT NOT NULL,
        photo_url TEXT,
        position INTEGER NOT NULL
      );
      CREATE INDEX contest_entrants_contest ON contest_entrants(contest_id, position);
      CREATE TABLE contest_votes (
        id TEXT PRIMARY KEY,
        contest_id TEXT NOT NULL REFERENCES contests(id),
        entrant_id TEXT NOT NULL REFERENCES contest_entrants(id),
        kind TEXT NOT NULL CHECK (kind IN ('daily', 'purchase', 'withdrawn')),
        votes INTEGER NOT NULL,
        voter_member_id TEXT,
        day TEXT NOT NULL,
        sale_id TEXT,
        at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX contest_votes_daily ON contest_votes(contest_id, voter_member_id, day) WHERE kind = 'daily';
      CREATE UNIQUE INDEX contest_votes_sale ON contest_votes(sale_id, kind) WHERE sale_id IS NOT NULL;
      CREATE INDEX contest_votes_entrant ON contest_votes(contest_id, entrant_id);
      CREATE TABLE contest_tallies (
        contest_id TEXT NOT NULL,
        entrant_id TEXT NOT NULL,
        terminal_id TEXT NOT NULL,
        votes INTEGER NOT NULL,
        PRIMARY KEY (contest_id, entrant_id, terminal_id)
      );
    `);
  },
};
