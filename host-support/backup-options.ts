// The backup settings a host starts with: `--backup-dir DIR` or LINLI_BACKUP_DIR (default: the data
// directory's backups/ folder; better another disk or a USB stick), LINLI_BACKUP_KEEP (14) and
// LINLI_BACKUP_EVERY_MINUTES (60; 0 turns the schedule off). `--restore FILE` restores and exits.
import { join } from 'node:path';

function flagValue(argv: readonly string[], name: string): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === name && argv[i + 1] !== undefined) return argv[i + 1]!;
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return null;
}

export interface BackupSettings {
  folder: string;
  keep: number;
  /** 0: no scheduled backups. */
  everyMs: number;
}

function positiveInt(raw: string | undefined, name: string, fallback: number, min: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number of at least ${min}, not ${raw}`);
  return n;
}

/** Where backups go; never throws (the diagnostics screen shows it even when the schedule is off). */
export function backupFolderSetting(argv: readonly string[], env: NodeJS.ProcessEnv, dataDir: string): string {
  return flagValue(argv, '--backup-dir') ?? (env.LINLI_BACKUP_DIR || null) ?? join(dataDir, 'backups');
}

export function backupSettings(argv: readonly string[], env: NodeJS.ProcessEnv, dataDir: string): BackupSettings {
  return {
    folder: backupFolderSetting(argv, env, dataDir),
    keep: positiveInt(env.LINLI_BACKUP_KEEP, 'LINLI_BACKUP_KEEP', 14, 1),
    everyMs: positiveInt(env.LINLI_BACKUP_EVERY_MINUTES, 'LINLI_BACKUP_EVERY_MINUTES', 60, 0) * 60_000,
  };
}

/** `--restore FILE`: the backup to put back before starting (the host then exits). */
export function restoreOption(argv: readonly string[]): string | null {
  return flagValue(argv, '--restore');
}
