import type { Migration } from './index';

export const m003Devices: Migration = {
  version: 3,
  name: 'devices',
  up(db) {
    db.exec(`
      -- The terminal's scanners and printers; settings as JSON (shape in contract/device-types.ts).
      CREATE TABLE device_config (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('printer', 'scanner')),
        name TEXT NOT NULL,
        settings TEXT NOT NULL,
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      -- Every printout is stored before a byte goes to a printer, and marked done only once all its
      -- bytes were written: a printer that is off or out of paper delays a receipt, never loses it.
      CREATE TABLE print_jobs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        document TEXT NOT NULL,
        printer_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('queued', 'printing', 'done', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        created_at TEXT NOT NULL,
        printed_at TEXT,
        staff_id TEXT REFERENCES staff(id),
        reprint_of TEXT REFERENCES print_jobs(id)
      );
      CREATE INDEX print_jobs_pending ON print_jobs(status, id);
    `);
  },
};
