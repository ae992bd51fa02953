import type { Migration } from './index';

// Phone verification codes for self-enrolment (issue 10, docs/decisions/0028-sms-verification.md).
// The code itself is never stored: code_hash is SHA-256 over the row's salt and the code. A row is
// sent (created_at), maybe verified (verified_at) and at most once used to enrol (used_at); attempts
// counts wrong codes. Rows are kept for the per-number and per-terminal send limits.
export const m015PhoneVerifications: Migration = {
  version: 15,
  name: 'phone-verifications',
  up(db) {
    db.exec(`
      CREATE TABLE phone_verifications (
        id TEXT PRIMARY KEY,
        phone TEXT NOT NULL,
        purpose TEXT NOT NULL CHECK (purpose IN ('enrol')),
        code_hash TEXT NOT NULL,
        salt TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        verified_at TEXT,
        used_at TEXT
      );
      CREATE INDEX phone_verifications_phone ON phone_verifications (phone, created_at);
      CREATE INDEX phone_verifications_created ON phone_verifications (created_at);
    `);
  },
};
