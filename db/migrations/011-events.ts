import type { Migration } from './index';

// Community events (issue 10, decision 0024): a shop's own events and the brand's chain-wide ones
// pulled from the hub, with the seats the hub last counted (hub_taken). A sign-up is a ticket: one
// live ticket per member and event (waiting, confirmed or attended), found by its code at check-in.
// The points for attending are a ledger entry whose source is the ticket, so they are awarded once.
export const m011Events: Migration = {
  version: 11,
  name: 'events',
  up(db) {
    db.exec(`
      CREATE TABLE community_events (
        id TEXT PRIMARY KEY,
        title_zh TEXT NOT NULL,
        title_en TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        place TEXT NOT NULL DEFAULT '',
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        capacity INTEGER NOT NULL CHECK (capacity >= 1),
        points INTEGER NOT NULL DEFAULT 0 CHECK (points >= 0),
        scope TEXT NOT NULL CHECK (scope IN ('shop', 'chain')),
        store_id TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cancelled')),
        updated_at TEXT NOT NULL,
        hub_taken INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX community_events_start ON community_events(starts_at);
      CREATE TABLE event_signups (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES community_events(id),
        member_id TEXT NOT NULL REFERENCES members(id),
        code TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('confirmed', 'waiting', 'cancelled', 'attended')),
        signed_up_at TEXT NOT NULL,
        checked_in_at TEXT,
        checked_in_by TEXT,
        updated_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX event_signups_live ON event_signups(event_id, member_id)
        WHERE status IN ('confirmed', 'waiting', 'attended');
      CREATE INDEX event_signups_event ON event_signups(event_id, status, signed_up_at);
    `);
  },
};
