import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  acquireDataDirLock,
  alreadyRunningMessage,
  DataDirLockedError,
  lockFileName,
  type DataDirLock,
  type LockRecord,
} from '../host-support/data-dir-lock';
import { runHostProcessToExit, startHostProcess, type HostProcess } from './support/host-process';

// No core here: these tests load only the lock module (and the built host, as a process).
const root = mkdtempSync(join(tmpdir(), 'linli-lock-'));
let n = 0;
const freshDir = () => join(root, `data-${++n}`);
const taken: DataDirLock[] = [];
const acquire = (dir: string) => {
  const lock = acquireDataDirLock(dir);
  taken.push(lock);
  return lock;
};
afterEach(() => {
  for (const lock of taken.splice(0)) lock.release();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const readLock = (dir: string) => JSON.parse(readFileSync(join(dir, lockFileName), 'utf8')) as LockRecord;
const currentBootId = () => {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
};
function writeLock(dir: string, record: Partial<LockRecord>): void {
  const full: LockRecord = {
    pid: 1,
    startedAt: new Date().toISOString(),
    startTicks: null,
    bootId: currentBootId(),
    hostname: hostname(),
    token: 'earlier',
    ...record,
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, lockFileName), JSON.stringify(full));
}
/** The pid of a process that has certainly exited (and been reaped). */
function deadPid(): Promise<number> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', () => done(child.pid!));
  });
}

describe('data directory lock', () => {
  it('refuses a second holder, naming the directory and the process, until the first releases', () => {
    const dir = freshDir();
    const first = acquire(dir);
    expect(readLock(dir).pid).toBe(process.pid);

    let refusal: unknown;
    try {
      acquireDataDirLock(dir);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataDirLockedError);
    expect((refusal as Error).message).toBe(
      `Linli is already running with the data directory ${resolve(dir)} (process ${process.pid}). Close it first, or start with --data-dir <another directory>.`,
    );
    expect((refusal as DataDirLockedError).pid).toBe(process.pid);

    first.release();
    expect(existsSync(join(dir, lockFileName))).toBe(false);
    first.release(); // twice is harmless
    const again = acquire(dir);
    expect(readLock(dir).token).not.toBe('earlier');
    again.release();
  });

  it('takes over a lock whose process has died', async () => {
    const dir = freshDir();
    const pid = await deadPid();
    writeLock(dir, { pid });
    acquire(dir);
    expect(readLock(dir).pid).toBe(process.pid);
  });

  it('takes over a lock left by an earlier process that had our pid (a restarted container)', () => {
    const dir = freshDir();
    writeLock(dir, { pid: process.pid, token: 'from-an-earlier-life' });
    const lock = acquire(dir);
    expect(readLock(dir).token).not.toBe('from-an-earlier-life');
    lock.release();
  });

  it('takes over a lock from before the machine last started, even if its pid is in use now', () => {
    const dir = freshDir();
    writeLock(dir, {
      pid: process.ppid,
      startedAt: '2000-01-01T00:00:00.000Z',
      bootId: currentBootId() ? 'another-boot' : null,
    });
    acquire(dir);
    expect(readLock(dir).pid).toBe(process.pid);
  });

  it.runIf(process.platform === 'linux')(
    'takes over a lock whose pid now belongs to another process (different start time)',
    () => {
      const dir = freshDir();
      writeLock(dir, { pid: process.ppid, startTicks: '1' });
      acquire(dir);
      expect(readLock(dir).pid).toBe(process.pid);
    },
  );

  it('keeps a lock held by another live process', () => {
    const dir = freshDir();
    writeLock(dir, { pid: process.ppid });
    expect(() => acquireDataDirLock(dir)).toThrow(alreadyRunningMessage(resolve(dir), process.ppid));
    expect(readLock(dir).token).toBe('earlier');
  });

  it('keeps a lock from another machine sharing the directory, and says which', () => {
    const dir = freshDir();
    writeLock(dir, { pid: 4242, hostname: 'other-till' });
    expect(() => acquireDataDirLock(dir)).toThrow('(process 4242 on other-till)');
  });

  it('takes over an unreadable lock (cut short by a power cut) once it is not being written', () => {
    const dir = freshDir();
    writeLock(dir, {});
    const file = join(dir, lockFileName);
    writeFileSync(file, '{"pid": 12');
    expect(() => acquireDataDirLock(dir)).toThrow('(another process)');
    const old = new Date(Date.now() - 60_000);
    utimesSync(file, old, old);
    acquire(dir);
    expect(readLock(dir).pid).toBe(process.pid);
  });
});

describe('data directory lock, two browser host processes', () => {
  let first: HostProcess | null = null;
  afterAll(async () => {
    await first?.stop();
  });

  it('a second host on the same data directory exits non-zero with the message; the first keeps answering; a crash does not block a restart', async () => {
    const dir = freshDir();
    first = await startHostProcess(dir, { timeoutMs: 30_000 });

    const second = await runHostProcessToExit(dir, 15_000);
    expect(second.code).not.toBe(0);
    expect(second.code).not.toBeNull();
    expect(second.output).toContain(alreadyRunningMessage(resolve(dir), first.pid));
    expect(second.output).not.toContain('Linli browser host:');

    const token = new URL(first.url).searchParams.get('token')!;
    const res = await fetch(`${first.origin}/api/listStaff`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{}',
      signal: AbortSignal.timeout(5_000),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { ok: boolean }).ok).toBe(true);

    // The first host crashes (no chance to release): a new one starts at once on the same directory.
    process.kill(first.pid, 'SIGKILL');
    await first.stop();
    first = await startHostProcess(dir, { timeoutMs: 30_000 });
    expect(readLock(dir).pid).toBe(first.pid);

    // A clean stop leaves the directory free.
    await first.stop();
    first = null;
    expect(existsSync(join(dir, lockFileName))).toBe(false);
  }, 90_000);
});
