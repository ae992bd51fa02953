// The terminal's own backups: an online copy of the SQLite file into a folder (another disk or a USB
// stick, ideally), rotated to the newest N, on a schedule; and the restore that puts one back. The
// rules (names, rotation, what may be restored, low disk) are pure, in domain/backup-policy.ts.
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  statfsSync,
  copyFileSync,
  existsSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { latestSchemaVersion } from '../../db/migrate';
import { backupSqliteFile, readSqliteIdentity, type BackupProgress } from '../../db/backup';
import {
  backupFileName,
  backupsToDelete,
  completeBackups,
  diskState,
  restoreRefusal,
  type DiskSpace,
  type DiskState,
  type DiskThresholds,
  type RestoreRefusal,
} from '../../domain/backup-policy';

const partialSuffix = '.partial';

/** Free and total bytes of the file system holding `path` (statfs; what an unprivileged user may use). */
export function readDiskSpace(path: string): DiskSpace {
  const s = statfsSync(path);
  return { freeBytes: Number(s.bavail) * Number(s.bsize), totalBytes: Number(s.blocks) * Number(s.bsize) };
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every platform can fsync a directory (Windows); the rename is still atomic there.
  }
}

export interface BackupOptions {
  databaseFile: string;
  folder: string;
  keep: number;
  now?: () => Date;
  thresholds?: DiskThresholds;
  /** Tests: how many pages per step, and a look at each step. */
  pagesPerStep?: number;
  onProgress?: (progress: BackupProgress) => void;
}

export type BackupResult =
  | { ok: true; file: string; deleted: string[]; disk: DiskState }
  | { ok: false; reason: 'disk-critical' | 'damaged-copy'; disk: DiskState; message: string };

/**
 * One backup now. The copy is written as a `.partial` file, checked, synced, and only then renamed
 * to its final name: a backup killed half-way leaves a `.partial` (removed by the next run), never a
 * file that looks complete. Rotation runs after a good copy only.
 */
export async function takeBackup(options: BackupOptions): Promise<BackupResult> {
  const now = options.now ?? (() => new Date());
  mkdirSync(options.folder, { recursive: true });
  for (const name of readdirSync(options.folder)) {
    if (name.endsWith(partialSuffix)) rmSync(join(options.folder, name), { force: true });
  }
  const disk = diskState(readDiskSpace(options.folder), statSync(options.databaseFile).size, options.thresholds);
  if (disk === 'critical') {
    return {
      ok: false,
      reason: 'disk-critical',
      disk,
      message: `Not enough free space in ${options.folder} for a backup.`,
    };
  }
  const at = now();
  const partial = join(options.folder, `linli-in-progress-${at.getTime()}.sqlite${partialSuffix}`);
  await backupSqliteFile(options.databaseFile, partial, {
    pagesPerStep: options.pagesPerStep,
    onProgress: options.onProgress,
  });
  const identity = readSqliteIdentity(partial);
  if (!identity.intact) {
    rmSync(partial, { force: true });
    return { ok: false, reason: 'damaged-copy', disk, message: 'The backup copy failed its integrity check.' };
  }
  fsyncFile(partial);
  const file = join(options.folder, backupFileName(identity.storeId, at, identity.schemaVersion));
  renameSync(partial, file);
  fsyncDir(options.folder);
  const deleted = backupsToDelete(readdirSync(options.folder), options.keep);
  for (const name of deleted) rmSync(join(options.folder, name), { force: true });
  return { ok: true, file, deleted, disk };
}

/** The complete backups in a folder, newest first (full paths). */
export function listBackups(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return completeBackups(readdirSync(folder)).map((b) => join(folder, b.file));
}

export interface BackupSchedule {
  stop(): void;
}

/**
 * A backup every `everyMs`, the first one as soon as the newest backup is that old (a terminal that
 * restarts often must not rotate its older backups out with copies taken at each start). Failures and
 * a low disk are logged, never thrown.
 */
export function startBackupSchedule(
  options: BackupOptions & { everyMs: number; log: (message: string) => void },
): BackupSchedule {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const result = await takeBackup(options);
      if (result.ok) {
        options.log(`backup written: ${basename(result.file)} (${result.deleted.length} old one(s) rotated out)`);
      } else {
        options.log(`backup skipped: ${result.message}`);
      }
      if (result.disk !== 'ok') options.log(`WARNING: low disk space in ${options.folder} (${result.disk})`);
    } catch (err) {
      options.log(`backup failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      running = false;
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const newest = listBackups(options.folder)[0];
  const age = newest ? Date.now() - statSync(newest).mtimeMs : Infinity;
  const first = setTimeout(
    () => {
      void run();
      timer = setInterval(() => void run(), options.everyMs);
      timer.unref();
    },
    Math.max(0, Math.min(options.everyMs, options.everyMs - age)),
  );
  first.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}

export type RestoreResult = { ok: true; keptAside: string | null } | ({ ok: false } & RestoreRefusal);

/**
 * Puts `backupFile` in place of `databaseFile`. Linli must not be running on this data directory (the
 * caller holds its lock). The database it replaces (with its -wal/-shm) is kept beside it as
 * `<name>.before-restore-<time>`. A refused backup changes nothing.
 */
export function restoreBackup(options: {
  databaseFile: string;
  backupFile: string;
  /** Default: this build's schema version. */
  supportedSchemaVersion?: number;
  now?: () => Date;
}): RestoreResult {
  if (!existsSync(options.backupFile)) {
    return { ok: false, code: 'BACKUP_DAMAGED', message: `No backup file at ${options.backupFile}.` };
  }
  const backup = readSqliteIdentity(options.backupFile);
  const current = existsSync(options.databaseFile) ? readSqliteIdentity(options.databaseFile) : null;
  const refusal = restoreRefusal(
    backup,
    current && { storeId: current.storeId },
    options.supportedSchemaVersion ?? latestSchemaVersion,
  );
  if (refusal) return { ok: false, ...refusal };

  const dir = dirname(options.databaseFile);
  const incoming = `${options.databaseFile}.restoring`;
  copyFileSync(options.backupFile, incoming);
  fsyncFile(incoming);
  let keptAside: string | null = null;
  if (current) {
    keptAside = `${options.databaseFile}.before-restore-${(options.now ?? (() => new Date()))().getTime()}`;
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(options.databaseFile + suffix)) renameSync(options.databaseFile + suffix, keptAside + suffix);
    }
  }
  renameSync(incoming, options.databaseFile);
  fsyncDir(dir);
  return { ok: true, keptAside };
}
