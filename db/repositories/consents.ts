import type { ConsentRecord } from '../../contract';
import type { NewConsent } from '../../domain/consent';
import type { Db } from '../open';
import type { ConsentsRepository } from '../store';

export function consentsRepository(db: Db): ConsentsRepository {
  const insert = db.prepare(
    'INSERT INTO consents (id, member_id, purpose, granted, recorded_at, source, staff_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const ofMember = db.prepare<[string], Omit<ConsentRecord, 'granted'> & { granted: number }>(
    `SELECT c.purpose, c.granted, c.recorded_at AS recordedAt, c.source, c.staff_id AS staffId, s.name AS staffName
     FROM consents c LEFT JOIN staff s ON s.id = c.staff_id WHERE c.member_id = ? ORDER BY c.recorded_at, c.id`,
  );
  return {
    insert: (id: string, memberId: string, c: NewConsent) =>
      void insert.run(id, memberId, c.purpose, c.granted ? 1 : 0, c.recordedAt, c.source, c.staffId),
    history: (memberId: string): ConsentRecord[] =>
      ofMember.all(memberId).map((r) => ({ ...r, granted: r.granted === 1 })),
  };
}
