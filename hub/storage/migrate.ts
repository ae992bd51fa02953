// Brings the hub's schema up to date: the missing migrations, in order, in one transaction, so a
// hub never starts on a half-migrated schema. Two hub processes starting at once on one PostgreSQL
// queue on an advisory lock instead of both creating the same tables.
import { migrations as all } from './migrations';
import type { Migration } from './migrations/migration';
import type { HubStorage } from './storage';

/** The advisory lock key ("linlihub" in ASCII, as a number): any constant the hub alone uses. */
const migrationLockKey = 0x6c696e6c69687562n.toString();

export async function migrate(
  storage: HubStorage,
  migrations: readonly Migration[] = all,
): Promise<{ applied: number[] }> {
  return storage.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [migrationLockKey]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
    );
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      for (const sql of m.statements) await tx.query(sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return { applied };
  });
}
