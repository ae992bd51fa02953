// Community contests (issue 10, decision 0025). The brand creates a contest with its entrants
// (members, each with a short code) through the admin API; terminals push every vote they take
// (contest.voted) and the hub keeps them once each (the vote's id is the key). A terminal's tally
// per entrant goes down the catalogue stream, so every shop's leaderboard covers the chain.
import type { Migration } from './migration';

export const migration010: Migration = {
  version: 10,
  name: 'contests',
  statements: [
    `CREATE TABLE contests (
      id text PRIMARY KEY,
      title_zh text NOT NULL,
      title_en text NOT NULL,
      starts_at text NOT NULL,
      ends_at text NOT NULL,
      votes_per_daily_vote integer NOT NULL,
      votes_per_purchase integer NOT NULL,
      purchases_count boolean NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE TABLE contest_entrants (
      id text PRIMARY KEY,
      contest_id text NOT NULL REFERENCES contests (id),
      member_id text NOT NULL REFERENCES members (id),
      code text NOT NULL UNIQUE,
      masked_name text NOT NULL,
      photo_url text,
      position integer NOT NULL,
      UNIQUE (contest_id, member_id)
    )`,
    `CREATE TABLE contest_votes (
      id text PRIMARY KEY,
      contest_id text NOT NULL REFERENCES contests (id),
      entrant_id text NOT NULL REFERENCES contest_entrants (id),
      kind text NOT NULL CHECK (kind IN ('daily', 'purchase', 'withdrawn')),
      votes integer NOT NULL,
      voter_member_id text,
      day text NOT NULL,
      sale_id text,
      store_id text NOT NULL REFERENCES stores (id),
      terminal_id text NOT NULL,
      at text NOT NULL,
      event_id text NOT NULL
    )`,
    `CREATE INDEX contest_votes_tally ON contest_votes (contest_id, entrant_id, terminal_id)`,
  ],
};
