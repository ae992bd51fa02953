// Ambassador posts, feedback and service requests from the shops (issue 10, decision 0027). A post's
// normalised link is unique among the posts that are not duplicates: the same post submitted at two
// shops while one of them could not check is kept (the shop may have awarded its points already)
// with duplicate_of naming the first, and a post_duplicate conflict for the brand to settle.
import type { Migration } from './migration';

export const migration011: Migration = {
  version: 11,
  name: 'posts-care',
  statements: [
    `CREATE TABLE posts (
      id text PRIMARY KEY,
      store_id text NOT NULL REFERENCES stores (id),
      terminal_id text NOT NULL,
      member_id text NOT NULL,
      url text NOT NULL,
      normalized_url text NOT NULL,
      platform text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
      points integer NOT NULL DEFAULT 0,
      reject_reason text,
      submitted_at text NOT NULL,
      reviewed_at text,
      duplicate_of text REFERENCES posts (id),
      event_id text NOT NULL
    )`,
    `CREATE UNIQUE INDEX posts_normalized_url ON posts (normalized_url) WHERE duplicate_of IS NULL`,
    `CREATE INDEX posts_member ON posts (member_id)`,
    `CREATE TABLE feedback (
      id text PRIMARY KEY,
      store_id text NOT NULL REFERENCES stores (id),
      terminal_id text NOT NULL,
      member_id text NOT NULL,
      rating integer NOT NULL CHECK (rating BETWEEN 1 AND 5),
      tags jsonb NOT NULL,
      comment text NOT NULL,
      at text NOT NULL,
      event_id text NOT NULL
    )`,
    `CREATE INDEX feedback_store_at ON feedback (store_id, at)`,
    `CREATE TABLE service_requests (
      id text PRIMARY KEY,
      store_id text NOT NULL REFERENCES stores (id),
      terminal_id text NOT NULL,
      member_id text NOT NULL,
      ticket_no text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('complaint', 'repair', 'appointment')),
      description text NOT NULL,
      preferred_at text,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'closed')),
      answer text,
      answered_at text,
      closed_at text,
      created_at text NOT NULL,
      event_id text NOT NULL
    )`,
    `CREATE INDEX service_requests_store_status ON service_requests (store_id, status)`,
  ],
};
