// Pure rules for the terminal's backups: how a backup file is named, which ones rotation deletes,
// whether a backup may be restored here, and when the disk is getting full. No I/O.

/** linli-<store>-<UTC stamp>-s<schema>.sqlite; the stamp sorts in time order. */
const backupName = /^linli-([A-Za-z0-9_-]+)-(\d{8}T\d{6}\d{3}Z)-s(\d+)\.sqlite$/;

export interface BackupName {
  file: string;
  store: string;
  stamp: string;
  schemaVersion: number;
}

function stampOf(at: Date): string {
  return at.toISOString().replace(/[-:.]/g, '');
}

/** The file name of a backup taken `at` of a store's database (no store yet: "nostore"). */
export function backupFileName(storeId: string | null, at: Date, schemaVersion: number): string {
  const store = storeId && /^[A-Za-z0-9_-]+$/.test(storeId) ? storeId : 'nostore';
  return `linli-${store}-${stampOf(at)}-s${schemaVersion}.sqlite`;
}

export function parseBackupName(file: string): BackupName | null {
  const match = backupName.exec(file);
  if (!match) return null;
  return { file, store: match[1]!, stamp: match[2]!, schemaVersion: Number(match[3]) };
}

/** Complete backups in a folder listing, newest first (half-written `.partial` files are not backups). */
export function completeBackups(files: readonly string[]): BackupName[] {
  return files
    .map(parseBackupName)
    .filter((b): b is BackupName => b !== null)
    .sort((a, b) => (a.stamp < b.stamp ? 1 : a.stamp > b.stamp ? -1 : 0));
}

/** What rotation deletes so that the newest `keep` complete backups stay (at least one always stays). */
export function backupsToDelete(files: readonly string[], keep: number): string[] {
  return completeBackups(files)
    .slice(Math.max(1, Math.floor(keep)))
    .map((b) => b.file);
}

/** What a backup says about itself (read from inside the file, not from its name). */
export interface BackupIdentity {
  storeId: string | null;
  schemaVersion: number;
  intact: boolean;
}

export type RestoreRefusal =
  | { code: 'BACKUP_DAMAGED'; message: string }
  | { code: 'BACKUP_NEWER_SCHEMA'; message: string }
  | { code: 'BACKUP_OTHER_STORE'; message: string };

/**
 * May `backup` replace the database of this terminal? `current` is the database it would replace
 * (null: there is none). A terminal without a store yet accepts any store's backup.
 */
export function restoreRefusal(
  backup: BackupIdentity,
  current: { storeId: string | null } | null,
  supportedSchemaVersion: number,
): RestoreRefusal | null {
  if (!backup.intact) {
    return { code: 'BACKUP_DAMAGED', message: 'The backup file is damaged (SQLite integrity check failed).' };
  }
  if (backup.schemaVersion > supportedSchemaVersion) {
    return {
      code: 'BACKUP_NEWER_SCHEMA',
      message: `The backup has schema version ${backup.schemaVersion}, newer than this Linli (${supportedSchemaVersion}). Update Linli first, then restore.`,
    };
  }
  if (current?.storeId && backup.storeId !== current.storeId) {
    return {
      code: 'BACKUP_OTHER_STORE',
      message: `The backup belongs to store ${backup.storeId ?? '(none)'}, this terminal to store ${current.storeId}. Nothing was restored.`,
    };
  }
  return null;
}

export interface DiskSpace {
  freeBytes: number;
  totalBytes: number;
}

export interface DiskThresholds {
  /** Warn below this many free bytes (default 2 GiB, LINLI_DISK_WARN_MB). */
  warnBelowBytes: number;
  /** Below this, backups stop (they would fill the disk): default 256 MiB. */
  criticalBelowBytes: number;
}

export const defaultDiskThresholds: DiskThresholds = {
  warnBelowBytes: 2 * 1024 ** 3,
  criticalBelowBytes: 256 * 1024 ** 2,
};

export type DiskState = 'ok' | 'low' | 'critical';

/**
 * The disk's state for the low-disk warning. Critical also when one more backup of a database of
 * `databaseBytes` would not fit twice over (the copy is written beside the old ones before rotation).
 */
export function diskState(
  space: DiskSpace,
  databaseBytes = 0,
  thresholds: DiskThresholds = defaultDiskThresholds,
): DiskState {
  if (space.freeBytes < Math.max(thresholds.criticalBelowBytes, 2 * databaseBytes)) return 'critical';
  if (space.freeBytes < thresholds.warnBelowBytes) return 'low';
  return 'ok';
}
