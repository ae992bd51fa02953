// Community events across the chain (issue 10, decision 0024). The brand's chain-wide events are
// made here (admin API, CLI); a shop's events arrive pushed (event.saved). A sign-up is a ticket:
// claimed here before it commits at a terminal (held for held_until, like a coupon claim) and then
// pushed (event.ticket_saved), which makes it permanent. The seats taken are the confirmed and
// attended tickets, counted from every terminal. event_id of a ticket is no foreign key: a shop
// event's first claim can reach the hub before the event's own push.
import type { Migration } from './migration';

export const migration009: Migration = {
  version: 9,
  name: 'events',
  statements: [
    `CREATE TABLE community_events (
      id text PRIMARY KEY,
      scope text NOT NULL CHECK (scope IN ('shop', 'chain')),
      store_id text REFERENCES stores (id),
      title_zh text NOT NULL,
      title_en text NOT NULL DEFAULT '',
      description text NOT NULL DEFAULT '',
      place text NOT NULL DEFAULT '',
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      capacity integer NOT NULL CHECK (capacity >= 1),
      points integer NOT NULL DEFAULT 0 CHECK (points >= 0),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cancelled')),
      updated_at timestamptz NOT NULL DEFAULT now(),
      event_id text
    )`,
    `CREATE TABLE event_signups (
      id text PRIMARY KEY,
      event_id text NOT NULL,
      member_id text NOT NULL,
      code text NOT NULL,
      store_id text NOT NULL REFERENCES stores (id),
      terminal_id text NOT NULL,
      status text NOT NULL CHECK (status IN ('confirmed', 'waiting', 'cancelled', 'attended')),
      signed_up_at text NOT NULL,
      checked_in_at text,
      updated_at text NOT NULL,
      held_until timestamptz
    )`,
    `CREATE INDEX event_signups_event ON event_signups (event_id, status)`,
    `CREATE INDEX event_signups_member ON event_signups (event_id, member_id)`,
  ],
};
