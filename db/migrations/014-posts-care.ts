import type { Migration } from './index';

// Ambassador posts, feedback and service requests (issue 10, decision 0027). A post's normalised
// link is unique: the same post submitted twice is refused here, whoever submits it. A review is
// written once (reviewed_at); an approved post names its ledger entry, whose source_id is the post
// (points_ledger_once then holds the award to once per post). Ticket numbers count per terminal.
export const m014PostsCare: Migration = {
  version: 14,
  name: 'posts-care',
  up(db) {
    db.exec(`
      CREATE TABLE posts (
        id TEXT PRIMARY KEY,
        member_id TEXT NOT NULL REFERENCES members(id),
        url TEXT NOT NULL,
        normalized_url TEXT NOT NULL UNIQUE,
        platform TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
        points INTEGER NOT NULL DEFAULT 0,
        reject_reason TEXT,
        submitted_at TEXT NOT NULL,
        reviewed_at TEXT,
        reviewed_by TEXT REFERENCES staff(id),
        ledger_entry_id TEXT
      );
      CREATE INDEX posts_member ON posts(member_id, submitted_at);
      CREATE INDEX posts_status ON posts(status, submitted_at);

      CREATE TABLE feedback (
        id TEXT PRIMARY KEY,
        member_id TEXT NOT NULL REFERENCES members(id),
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
        tags TEXT NOT NULL,
        comment TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX feedback_at ON feedback(at);

      CREATE TABLE service_requests (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        ticket_no TEXT NOT NULL UNIQUE,
        member_id TEXT NOT NULL REFERENCES members(id),
        kind TEXT NOT NULL CHECK (kind IN ('complaint', 'repair', 'appointment')),
        description TEXT NOT NULL,
        preferred_at TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'closed')),
        answer TEXT,
        answered_at TEXT,
        answered_by TEXT REFERENCES staff(id),
        closed_at TEXT,
        closed_by TEXT REFERENCES staff(id),
        created_at TEXT NOT NULL
      );
      CREATE INDEX service_requests_member ON service_requests(member_id, created_at);
      CREATE INDEX service_requests_status ON service_requests(status, created_at);
    `);
  },
};
