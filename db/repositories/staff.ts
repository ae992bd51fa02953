import type { Role, StaffSummary } from '../../contract';
import type { Db } from '../open';

export interface StaffRow extends StaffSummary {
  storeId: string;
  pinHash: string;
  failedAttempts: number;
  lockedUntil: string | null;
}

const columns = `id, name, role, store_id AS storeId, pin_hash AS pinHash, failed_attempts AS failedAttempts, locked_until AS lockedUntil`;

export function staffRepository(db: Db) {
  const insert = db.prepare(
    'INSERT INTO staff (id, store_id, name, role, pin_hash, created_at) VALUES (@id, @storeId, @name, @role, @pinHash, @createdAt)',
  );
  const listActive = db.prepare<[], StaffSummary>(
    `SELECT id, name, role FROM staff WHERE active = 1 ORDER BY CASE role WHEN 'cashier' THEN 0 ELSE 1 END, name`,
  );
  const byId = db.prepare<[string], StaffRow>(`SELECT ${columns} FROM staff WHERE id = ? AND active = 1`);
  const setLockout = db.prepare('UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?');
  return {
    insert: (row: { id: string; storeId: string; name: string; role: Role; pinHash: string; createdAt: string }) =>
      void insert.run(row),
    listActive: () => listActive.all(),
    get: (id: string): StaffRow | null => byId.get(id) ?? null,
    setLockout: (id: string, failedAttempts: number, lockedUntil: string | null) =>
      void setLockout.run(failedAttempts, lockedUntil, id),
  };
}
