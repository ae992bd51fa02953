import type { Gender } from '../../contract';
import type { Db } from '../open';
import type { MembersRepository } from '../store';

export interface MemberRow {
  id: string;
  name: string;
  phone: string;
  phoneNational: string;
  birthday: string | null;
  gender: Gender;
  community: string | null;
  interests: string[];
  referralCode: string;
  referredBy: string | null;
  storeId: string | null;
  enrolledBy: string | null;
  enrolledAt: string;
  updatedAt: string;
  /** The newest active card, read in the same query so a result list costs one statement. */
  activeCard: string | null;
  /** The hybrid logical clock of the edit that set the profile fields ('' before clocks). */
  profileHlc: string;
  /** Pulled while another member here held the phone: not found by phone until the two are merged. */
  phoneClaimed: boolean;
  /** The member this one was merged into (a lookup of it leads there), or null. */
  mergedInto: string | null;
}

export interface NewMember extends Omit<MemberRow, 'activeCard' | 'profileHlc' | 'phoneClaimed' | 'mergedInto'> {
  phoneLast4: string;
  nameTokens: string;
  profileHlc?: string;
}

/** The profile fields a counter may correct, with the clock of the edit. */
export interface MemberProfileFields {
  name: string;
  nameTokens: string;
  birthday: string | null;
  gender: Gender;
  community: string | null;
  interests: string[];
  updatedAt: string;
  profileHlc: string;
}

type RawRow = Omit<MemberRow, 'interests' | 'phoneClaimed'> & { interests: string; phoneClaimed: number };

const columns = `m.id, m.name, coalesce(m.claimed_phone, m.phone_e164) AS phone, m.phone_national AS phoneNational, m.birthday, m.gender, m.community,
  m.interests, m.referral_code AS referralCode, m.referred_by AS referredBy, m.store_id AS storeId,
  m.enrolled_by AS enrolledBy, m.enrolled_at AS enrolledAt, m.updated_at AS updatedAt,
  m.profile_hlc AS profileHlc, m.claimed_phone IS NOT NULL AS phoneClaimed, m.merged_into AS mergedInto,
  (SELECT c.number FROM member_cards c WHERE c.member_id = m.id AND c.status = 'active' ORDER BY c.issued_at DESC LIMIT 1) AS activeCard`;

const toRow = (raw: RawRow): MemberRow => ({
  ...raw,
  interests: JSON.parse(raw.interests) as string[],
  phoneClaimed: raw.phoneClaimed === 1,
});

/** What a duplicate claim or a merged member keeps in the unique phone column instead of the number. */
const phonePlaceholder = (why: 'claim' | 'merged', id: string) => `${why}:${id}`;

export function membersRepository(db: Db): MembersRepository {
  const insert =
    db.prepare(`INSERT INTO members (id, name, phone_e164, phone_last4, phone_national, birthday, gender, community,
      interests, referral_code, referred_by, store_id, enrolled_by, enrolled_at, updated_at, profile_hlc, claimed_phone)
    VALUES (@id, @name, @phone, @phoneLast4, @phoneNational, @birthday, @gender, @community, @interests, @referralCode,
      @referredBy, @storeId, @enrolledBy, @enrolledAt, @updatedAt, @profileHlc, @claimedPhone)
    ON CONFLICT (phone_e164) DO NOTHING`);
  const updateProfile = db.prepare(`UPDATE members SET name = @name, birthday = @birthday, gender = @gender,
      community = @community, interests = @interests, updated_at = @updatedAt, profile_hlc = @profileHlc WHERE id = @id`);
  const updateName = db.prepare(
    'UPDATE member_names SET tokens = ? WHERE rowid = (SELECT rowid FROM members WHERE id = ?)',
  );
  const markMerged = db.prepare('UPDATE members SET merged_into = ? WHERE id = ? AND merged_into IS NULL');
  const releasePhone = db.prepare(
    'UPDATE members SET claimed_phone = phone_e164, phone_e164 = ? WHERE id = ? AND claimed_phone IS NULL',
  );
  const takeClaimedPhone = db.prepare(
    'UPDATE members SET phone_e164 = claimed_phone, claimed_phone = NULL WHERE id = ? AND claimed_phone = ?',
  );
  const phoneHolder = db.prepare<[string], { phone: string }>(
    'SELECT phone_e164 AS phone FROM members WHERE id = ? AND claimed_phone IS NULL',
  );
  const claimOf = db.prepare<[string], { phone: string | null }>(
    'SELECT claimed_phone AS phone FROM members WHERE id = ?',
  );
  const insertName = db.prepare('INSERT INTO member_names (rowid, tokens) VALUES (?, ?)');
  const byId = db.prepare<[string], RawRow>(`SELECT ${columns} FROM members m WHERE m.id = ?`);
  const byPhone = db.prepare<[string], RawRow>(`SELECT ${columns} FROM members m WHERE m.phone_e164 = ?`);
  const byReferral = db.prepare<[string], { id: string }>('SELECT id FROM members WHERE referral_code = ?');
  const bySuffix = db.prepare<[string, number], RawRow>(
    `SELECT ${columns} FROM members m WHERE m.phone_last4 = ? ORDER BY m.enrolled_at DESC LIMIT ?`,
  );
  const byName = db.prepare<[string, number], RawRow>(
    `SELECT ${columns} FROM member_names f JOIN members m ON m.rowid = f.rowid WHERE member_names MATCH ? LIMIT ?`,
  );
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM members');

  return {
    insert(member: NewMember): 'inserted' | 'duplicate' {
      const result = insert.run({
        ...member,
        interests: JSON.stringify(member.interests),
        profileHlc: member.profileHlc ?? '',
        claimedPhone: null,
      });
      if (result.changes === 0) return 'duplicate';
      insertName.run(result.lastInsertRowid, member.nameTokens);
      return 'inserted';
    },
    insertClaim(member: NewMember): void {
      const result = insert.run({
        ...member,
        phone: phonePlaceholder('claim', member.id),
        interests: JSON.stringify(member.interests),
        profileHlc: member.profileHlc ?? '',
        claimedPhone: member.phone,
      });
      insertName.run(result.lastInsertRowid, member.nameTokens);
    },
    updateProfile(id: string, f: MemberProfileFields): void {
      updateProfile.run({ ...f, id, interests: JSON.stringify(f.interests) });
      updateName.run(f.nameTokens, id);
    },
    markMerged(mergedId: string, survivorId: string): boolean {
      if (markMerged.run(survivorId, mergedId).changes === 0) return false;
      // The survivor was the duplicate claim of the merged member's phone: it holds the number now.
      const holder = phoneHolder.get(mergedId);
      if (holder && claimOf.get(survivorId)?.phone === holder.phone) {
        releasePhone.run(phonePlaceholder('merged', mergedId), mergedId);
        takeClaimedPhone.run(survivorId, holder.phone);
      }
      return true;
    },
    get: (id: string): MemberRow | null => {
      const raw = byId.get(id);
      return raw ? toRow(raw) : null;
    },
    findByPhone: (e164: string): MemberRow | null => {
      const raw = byPhone.get(e164);
      return raw ? toRow(raw) : null;
    },
    idByReferralCode: (code: string): string | null => byReferral.get(code)?.id ?? null,
    findByPhoneSuffix: (suffix: string, limit: number): MemberRow[] => bySuffix.all(suffix, limit).map(toRow),
    findByName: (match: string, limit: number): MemberRow[] => byName.all(match, limit).map(toRow),
    count: (): number => count.get()!.n,
  };
}
