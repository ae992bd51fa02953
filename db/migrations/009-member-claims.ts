import type { Migration } from './index';

// Members across shops (issue 9, docs/sync-conflicts.md "Members"). profile_hlc is the hybrid
// logical clock of the edit that set the profile fields: a pulled edit applies only when its clock
// is later ('' sorts before every clock). A member pulled from the hub whose phone another member
// holds here is kept as a duplicate claim: phone_e164 (unique) holds a placeholder, claimed_phone the
// number, so a phone lookup finds the member who had it first until the brand merges the two. A
// merged member stays (its ledger and sales are history) and names its survivor in merged_into.
export const m009MemberClaims: Migration = {
  version: 9,
  name: 'member-claims',
  up(db) {
    db.exec(`
      ALTER TABLE members ADD COLUMN profile_hlc TEXT NOT NULL DEFAULT '';
      ALTER TABLE members ADD COLUMN claimed_phone TEXT;
      ALTER TABLE members ADD COLUMN merged_into TEXT REFERENCES members(id);
    `);
  },
};
