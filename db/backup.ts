// SQLite online backup and the identity a backup carries (store, schema, integrity), over
// better-sqlite3. The live database keeps serving while the copy is taken (SQLite's backup API).
import Database from 'better-sqlite3';

export interface BackupProgress {
  totalPages: number;
  remainingPages: number;
}

/**
 * Copies the database at `sourceFile` into `destFile` page by page through a connection of its own,
 * `pagesPerStep` pages at a time (the event loop runs between steps). `destFile` must not exist.
 */
export async function backupSqliteFile(
  sourceFile: string,
  destFile: string,
  options: { pagesPerStep?: number; onProgress?: (progress: BackupProgress) => void } = {},
): Promise<void> {
  const source = new Database(sourceFile, { readonly: true, fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(destFile, {
      progress: (info) => {
        options.onProgress?.(info);
        return options.pagesPerStep ?? 256;
      },
    });
  } finally {
    source.close();
  }
}

export interface SqliteIdentity {
  storeId: string | null;
  schemaVersion: number;
  intact: boolean;
}

/** What a database file says about itself: its store, its schema version, and a quick integrity check. */
export function readSqliteIdentity(file: string): SqliteIdentity {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    return { storeId: null, schemaVersion: 0, intact: false };
  }
  try {
    const check = db.pragma('quick_check', { simple: true });
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    let storeId: string | null = null;
    try {
      const row = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'store_id'").get();
      storeId = row?.value ?? null;
    } catch {
      storeId = null; // no settings table: not a Linli database, or an empty one
    }
    return { storeId, schemaVersion, intact: check === 'ok' };
  } catch {
    return { storeId: null, schemaVersion: 0, intact: false };
  } finally {
    db.close();
  }
}
