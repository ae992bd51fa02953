// The diagnostics' reads and its one write: the tails of the log files, the crash reports, the
// mount roots, and the zip put in place by a rename so that a pulled drive or a full disk never
// leaves a file that looks like a complete export.
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { LinliError, type DiagnosticsTarget } from '../../contract';
import type { MountRootListing } from './export-targets';
import { crashReportsFolder, isCrashReport, isLogFile } from './log-folders';

/** The last errors are looked for in this much of the end of each log file (rotation keeps files small). */
const tailBytes = 1024 * 1024;

function filesIn(folder: string, keep: (name: string) => boolean): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((e) => e.isFile() && keep(e.name))
      .map((e) => e.name)
      .sort();
  } catch {
    return []; // no logs yet (a new terminal, or a host that does not log to files)
  }
}

function readTail(file: string, bytes: number): string {
  const size = statSync(file).size;
  if (size <= bytes) return readFileSync(file, 'utf8');
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, size - bytes);
    // The first line is cut by the tail read: the parser skips it as it skips any broken line.
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

export function readLogTails(folder: string): { name: string; text: string }[] {
  return filesIn(folder, isLogFile).map((name) => ({ name, text: readTail(join(folder, name), tailBytes) }));
}

export function readLogFiles(folder: string): { name: string; data: Uint8Array }[] {
  return filesIn(folder, isLogFile).map((name) => ({ name, data: readFileSync(join(folder, name)) }));
}

export function readCrashReports(dataDir: string): { name: string; text: string }[] {
  const folder = crashReportsFolder(dataDir);
  return filesIn(folder, isCrashReport).map((name) => ({ name, text: readFileSync(join(folder, name), 'utf8') }));
}

/** How many crash reports there are, and when the newest was written. */
export function crashReportSummary(dataDir: string): { count: number; newestAt: string | null } {
  const folder = crashReportsFolder(dataDir);
  const times = filesIn(folder, isCrashReport).map((name) => statSync(join(folder, name)).mtimeMs);
  return { count: times.length, newestAt: times.length ? new Date(Math.max(...times)).toISOString() : null };
}

export function listMountRoots(roots: readonly string[]): MountRootListing[] {
  return roots.map((root) => {
    try {
      const entries = readdirSync(root, { withFileTypes: true }).map((e) => ({
        name: e.name,
        isDirectory: e.isDirectory(),
      }));
      return { root, entries };
    } catch {
      return { root, entries: [] }; // no drive was ever mounted for this user
    }
  });
}

function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Its folder is not one (ENOTDIR) or the drive went: there is no partial file to remove.
  }
}

/**
 * Writes `data` as `file` inside the target: a `.partial` first, renamed once complete. The exports
 * folder is created; a drive must still be there. Any failure removes the partial file and answers
 * DIAGNOSTICS_TARGET_GONE (the drive went) or DIAGNOSTICS_TARGET_NOT_WRITABLE.
 */
export function writeExport(target: DiagnosticsTarget, fileName: string, data: Uint8Array): string {
  if (target.kind === 'removable' && !existsSync(target.path)) throw new LinliError('DIAGNOSTICS_TARGET_GONE');
  const file = join(target.path, fileName);
  const partial = `${file}.partial`;
  try {
    if (target.kind === 'exports') mkdirSync(target.path, { recursive: true });
    writeFileSync(partial, data);
    renameSync(partial, file);
    return file;
  } catch (error) {
    removeQuietly(partial);
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    if (code === 'ENOENT' && target.kind === 'removable') throw new LinliError('DIAGNOSTICS_TARGET_GONE');
    throw new LinliError('DIAGNOSTICS_TARGET_NOT_WRITABLE', { path: target.path });
  }
}
