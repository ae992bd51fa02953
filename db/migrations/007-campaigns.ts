import type { Migration } from './index';

// The brand's campaigns, pulled from the hub's catalogue stream (decision 0018): who they are for
// (tier codes, member tags; both empty = everyone), when they run, and the slides the self-service
// attract screen shows (issue 10). Kept as the hub sent them; the hub's id is the key, so a
// campaign pulled again replaces itself.
export const m007Campaigns: Migration = {
  version: 7,
  name: 'campaigns',
  up(db) {
    db.exec(`
      CREATE TABLE campaigns (
        id TEXT PRIMARY KEY,
        title_zh TEXT NOT NULL,
        title_en TEXT NOT NULL,
        body_zh TEXT NOT NULL,
        body_en TEXT NOT NULL,
        target_tiers TEXT NOT NULL DEFAULT '[]',
        target_tags TEXT NOT NULL DEFAULT '[]',
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        slides TEXT NOT NULL DEFAULT '[]',
        updated_at TEXT NOT NULL
      );
      CREATE INDEX campaigns_running ON campaigns(ends_at, starts_at);
    `);
  },
};
