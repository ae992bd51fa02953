import type { Db } from '../open';
import type { PhoneVerificationRow, PhoneVerificationsRepository } from '../store';

const columns = `id, phone, purpose, code_hash AS codeHash, salt, created_at AS createdAt, expires_at AS expiresAt,
  attempts, verified_at AS verifiedAt, used_at AS usedAt`;

export function phoneVerificationsRepository(db: Db): PhoneVerificationsRepository {
  const insert = db.prepare(
    `INSERT INTO phone_verifications (id, phone, purpose, code_hash, salt, created_at, expires_at)
     VALUES (@id, @phone, @purpose, @codeHash, @salt, @createdAt, @expiresAt)`,
  );
  const get = db.prepare<[string], PhoneVerificationRow>(`SELECT ${columns} FROM phone_verifications WHERE id = ?`);
  const sentToPhone = db.prepare<[string, string], PhoneVerificationRow>(
    `SELECT ${columns} FROM phone_verifications WHERE phone = ? AND created_at >= ? ORDER BY created_at DESC`,
  );
  const countSince = db.prepare<[string], { n: number }>(
    'SELECT COUNT(*) AS n FROM phone_verifications WHERE created_at >= ?',
  );
  const addAttempt = db.prepare<[string], { attempts: number }>(
    'UPDATE phone_verifications SET attempts = attempts + 1 WHERE id = ? RETURNING attempts',
  );
  const markVerified = db.prepare(
    'UPDATE phone_verifications SET verified_at = ? WHERE id = ? AND verified_at IS NULL',
  );
  const markUsed = db.prepare(
    'UPDATE phone_verifications SET used_at = ? WHERE id = ? AND verified_at IS NOT NULL AND used_at IS NULL',
  );
  const remove = db.prepare('DELETE FROM phone_verifications WHERE id = ?');
  return {
    insert: (row) => void insert.run(row),
    get: (id) => get.get(id) ?? null,
    sentToPhoneSince: (phone, since) => sentToPhone.all(phone, since),
    countSentSince: (since) => countSince.get(since)!.n,
    addAttempt: (id) => addAttempt.get(id)?.attempts ?? 0,
    markVerified: (id, at) => void markVerified.run(at, id),
    markUsed: (id, at) => markUsed.run(at, id).changes === 1,
    remove: (id) => void remove.run(id),
  };
}
