import type { Role, StaffSummary } from '../../contract';
import type { Db } from '../open';
import type { StaffRepository } from '../store';

export interface StaffRow extends StaffSummary {
  storeId: string;
  pinHash: string;
  failedAttempts: number;
  lockedUntil: string | null;
}

/** A new staff member: the PIN is stored as its hash only. */
export interface NewStaff {
  id: string;
  storeId: string;
  name: string;
  role: Role;
  pinHash: string;
  createdAt: string;
}

const columns = `id, name, role, store_id AS storeId, pin_hash AS pinHash, failed_attempts AS failedAttempts, locked_until AS lockedUntil`;

export function staffRepository(db: Db): StaffRepository {
  const insert = db.prepare(
    'INSERT INTO staff (id, store_id, name, role, pin_hash, created_at) VALUES (@id, @storeId, @name, @role, @pinHash, @createdAt)',
  );
  const listActive = db.prepare<[], StaffSummary>(
    `SELECT id, name, role FROM staff WHERE active = 1 ORDER BY CASE role WHEN 'cashier' THEN 0 ELSE 1 END, name`,
  );
  const byId = db.prepare<[string], StaffRow>(`SELECT ${columns} FROM staff WHERE id = ? AND active = 1`);
  const setLockout = db.prepare('UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?');
  return {
    insert: (row: NewStaff) => void insert.run(row),
    listActive: () => listActive.all(),
    get: (id: string): StaffRow | null => byId.get(id) ?? null,
    setLockout: (id: string, failedAttempts: number, lockedUntil: string | null) =>
      void setLockout.run(failedAttempts, lockedUntil, id),
  };
}
