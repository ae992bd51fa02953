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
}

export interface NewMember extends Omit<MemberRow, 'activeCard'> {
  phoneLast4: string;
  nameTokens: string;
}

type RawRow = Omit<MemberRow, 'interests'> & { interests: string };

const columns = `m.id, m.name, m.phone_e164 AS phone, m.phone_national AS phoneNational, m.birthday, m.gender, m.community,
  m.interests, m.referral_code AS referralCode, m.referred_by AS referredBy, m.store_id AS storeId,
  m.enrolled_by AS enrolledBy, m.enrolled_at AS enrolledAt, m.updated_at AS updatedAt,
  (SELECT c.number FROM member_cards c WHERE c.member_id = m.id AND c.status = 'active' ORDER BY c.issued_at DESC LIMIT 1) AS activeCard`;

const toRow = (raw: RawRow): MemberRow => ({ ...raw, interests: JSON.parse(raw.interests) as string[] });

export function membersRepository(db: Db): MembersRepository {
  const insert =
    db.prepare(`INSERT INTO members (id, name, phone_e164, phone_last4, phone_national, birthday, gender, community,
      interests, referral_code, referred_by, store_id, enrolled_by, enrolled_at, updated_at)
    VALUES (@id, @name, @phone, @phoneLast4, @phoneNational, @birthday, @gender, @community, @interests, @referralCode,
      @referredBy, @storeId, @enrolledBy, @enrolledAt, @updatedAt)
    ON CONFLICT (phone_e164) DO NOTHING`);
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
      const result = insert.run({ ...member, interests: JSON.stringify(member.interests) });
      if (result.changes === 0) return 'duplicate';
      insertName.run(result.lastInsertRowid, member.nameTokens);
      return 'inserted';
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
