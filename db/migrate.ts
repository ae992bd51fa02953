import type Database from 'better-sqlite3';
import { migrations } from './migrations';

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;

export class SchemaTooNewError extends Error {
  constructor(readonly found: number) {
    super(
      `This database has schema version ${found}, newer than this Linli (${latestSchemaVersion}). Update Linli; do not open it with an older version.`,
    );
  }
}

/**
 * Applies pending migrations in order, each in its own transaction with its bookkeeping row.
 * Forward only: there are no down migrations, and an older app refuses a newer database.
 */
export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latestSchemaVersion) throw new SchemaTooNewError(current);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
