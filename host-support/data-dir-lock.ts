// One Linli per data directory (decision 0011). The lock is a file in the directory naming the
// process that holds it; a lock whose process is gone is taken over at once, so a kiosk restarted
// after a crash or a power cut starts without waiting and without anyone deleting files by hand.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname as osHostname, uptime } from 'node:os';
import { join, resolve } from 'node:path';

export const lockFileName = 'linli.lock';

/** What the lock file holds (JSON). */
export interface LockRecord {
  pid: number;
  /** Wall-clock time the holding process started (ISO 8601). */
  startedAt: string;
  /** Linux: the process's start time in clock ticks since boot (/proc/PID/stat field 22), or null. */
  startTicks: string | null;
  /** Linux: /proc/sys/kernel/random/boot_id, or null. */
  bootId: string | null;
  hostname: string;
  /** Tells this holder's lock from an earlier one with the same pid. */
  token: string;
}

export interface DataDirLock {
  readonly dataDir: string;
  readonly file: string;
  /** Removes the lock file if it is still ours. Idempotent, synchronous (safe in an 'exit' handler). */
  release(): void;
}

export function alreadyRunningMessage(dataDir: string, pid: number | null, otherHost: string | null = null): string {
  const who = pid === null ? 'another process' : otherHost ? `process ${pid} on ${otherHost}` : `process ${pid}`;
  return `Linli is already running with the data directory ${dataDir} (${who}). Close it first, or start with --data-dir <another directory>.`;
}

export class DataDirLockedError extends Error {
  readonly code = 'LINLI_DATA_DIR_LOCKED';
  constructor(
    readonly dataDir: string,
    readonly pid: number | null,
    readonly otherHost: string | null = null,
  ) {
    super(alreadyRunningMessage(dataDir, pid, otherHost));
    this.name = 'DataDirLockedError';
  }
}

/** Tokens of the locks this process holds: a lock file with our own pid is live only if listed here. */
const held = new Set<string>();

/** A lock file that cannot be parsed and is younger than this may be one being written right now. */
const corruptGraceMs = 2_000;
/** Without boot ids, a lock that started this long before the machine booted is from an earlier boot. */
const bootSlackMs = 60_000;

function procStat(pid: number): { state: string; startTicks: string } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "PID (COMM) STATE ..." where COMM may hold spaces and parentheses: fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const state = fields[0];
    const startTicks = fields[19];
    return state && startTicks ? { state, startTicks } : null;
  } catch {
    return null;
  }
}

function bootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    return null;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user. Anything else unexpected: assume alive.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
  const stat = procStat(pid);
  return !(stat && (stat.state === 'Z' || stat.state === 'X')); // a zombie has exited
}

function ownRecord(): LockRecord {
  return {
    pid: process.pid,
    startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
    startTicks: procStat(process.pid)?.startTicks ?? null,
    bootId: bootId(),
    hostname: osHostname(),
    token: randomBytes(12).toString('hex'),
  };
}

function parseRecord(raw: string): LockRecord | null {
  try {
    const r = JSON.parse(raw) as Partial<LockRecord>;
    if (
      !Number.isInteger(r.pid) ||
      r.pid! <= 0 ||
      typeof r.token !== 'string' ||
      typeof r.hostname !== 'string' ||
      typeof r.startedAt !== 'string'
    )
      return null;
    return {
      pid: r.pid!,
      startedAt: r.startedAt,
      startTicks: r.startTicks ?? null,
      bootId: r.bootId ?? null,
      hostname: r.hostname,
      token: r.token,
    };
  } catch {
    return null;
  }
}

/** Whether the process a lock names has certainly gone, so that the lock may be taken over. */
function isStale(record: LockRecord): boolean {
  // A lock from another machine (a shared directory): its pid means nothing here, so it stands.
  if (record.hostname !== osHostname()) return false;
  // Our own pid: either this process holds it, or an earlier process that had the same pid
  // (a container restarted, say) left it behind.
  if (record.pid === process.pid) return !held.has(record.token);
  const currentBoot = bootId();
  if (record.bootId && currentBoot) {
    if (record.bootId !== currentBoot) return true; // written before the machine last started
  } else if (Date.parse(record.startedAt) < Date.now() - uptime() * 1000 - bootSlackMs) {
    return true;
  }
  if (!pidAlive(record.pid)) return true;
  // The pid is alive, but is it the same process? A different start time means the pid was reused.
  const now = record.startTicks ? procStat(record.pid) : null;
  return now !== null && now.startTicks !== record.startTicks;
}

/** Creates `file` holding `content` only if it does not exist; the content is complete once visible. */
function createExclusive(file: string, content: string, token: string): boolean {
  const write = (path: string, flags: string) => {
    const fd = openSync(path, flags, 0o644);
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  };
  // Written aside, then hard-linked into place: link() fails if the name exists, atomically, and
  // nobody can read a half-written lock. Where hard links do not work (FAT), fall back to 'wx'.
  const temp = `${file}.${token}.tmp`;
  write(temp, 'wx');
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
  }
  try {
    write(file, 'wx');
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function readRaw(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Moves a stale lock out of the way. It is renamed first and checked after: if another starting
 * process replaced the stale lock with its own in the meantime, that one is put back.
 */
function removeStale(file: string, staleRaw: string): void {
  const aside = `${file}.stale-${randomBytes(6).toString('hex')}`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else removed it
    throw error;
  }
  try {
    if (readRaw(aside) !== staleRaw) linkSync(aside, file);
  } catch {
    // EEXIST: yet another process has locked meanwhile; its lock stands.
  } finally {
    try {
      unlinkSync(aside);
    } catch {
      // already gone
    }
  }
}

/**
 * Takes the data directory for this process, creating the directory if needed. Throws a
 * DataDirLockedError (whose message is for people) if a live Linli holds it.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, lockFileName);
  const record = ownRecord();
  const content = `${JSON.stringify(record, null, 2)}\n`;

  for (let attempt = 0; attempt < 10; attempt++) {
    if (createExclusive(file, content, record.token)) {
      held.add(record.token);
      let released = false;
      return {
        dataDir: dir,
        file,
        release() {
          if (released) return;
          released = true;
          held.delete(record.token);
          try {
            if (parseRecord(readRaw(file) ?? '')?.token === record.token) unlinkSync(file);
          } catch {
            // nothing to release
          }
        },
      };
    }
    const raw = readRaw(file);
    if (raw === null) continue; // released between our attempt and our look
    const existing = parseRecord(raw);
    if (existing === null) {
      // Unreadable: a lock being written by the 'wx' fallback, or one cut short by a power cut.
      let ageMs: number;
      try {
        ageMs = Math.abs(Date.now() - statSync(file).mtimeMs);
      } catch {
        continue;
      }
      if (ageMs < corruptGraceMs) throw new DataDirLockedError(dir, null);
    } else if (!isStale(existing)) {
      throw new DataDirLockedError(dir, existing.pid, existing.hostname === osHostname() ? null : existing.hostname);
    }
    removeStale(file, raw);
  }
  throw new Error(`could not take the lock ${file}: it keeps changing`);
}
