// The shop's data is safe: online backups with rotation, a terminal killed in the middle of a backup
// leaves the last good one (and no file that looks complete), and the restore puts it back; backups
// from another store or a newer schema are refused with a clear message and change nothing.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../db/migrate';
import { databaseFileName } from '../features/app';
import { listBackups, readDiskSpace, restoreBackup, takeBackup } from '../features/backup/backup';
import { openLoyaltyCore } from './support/loyalty';
import { tempDir } from './support/temp-core';

const root = resolve(import.meta.dirname, '..');
const dirs: { remove(): void }[] = [];
afterAll(() => dirs.forEach((d) => d.remove()));
const scratch = (prefix: string) => {
  const d = tempDir(prefix);
  dirs.push(d);
  return d.dir;
};

interface ChildReport {
  before: string;
  after: string;
  good: string;
  totalPages: number;
  remainingPages: number;
  error?: string;
}

/** Runs test/support/backup-child.ts and SIGKILLs it as soon as it reports being half-way through a backup. */
function killMidBackup(dataDir: string, folder: string): Promise<{ report: ChildReport; signal: string | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/backup-child.ts', dataDir, folder], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let report: ChildReport | null = null;
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  child.stdout.on('data', (c: Buffer) => {
    output += c.toString();
    const line = output.split('\n').find((l) => l.startsWith('{'));
    if (line && !report) {
      report = JSON.parse(line) as ChildReport;
      child.kill('SIGKILL');
    }
  });
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`the backup child did not report within 60 s:\n${output}`));
    }, 60_000);
    child.once('exit', (_code, signal) => {
      clearTimeout(timer);
      if (!report) return fail(new Error(`the backup child printed no report:\n${output}`));
      ok({ report, signal });
    });
  });
}

const hasMember = (file: string, id: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT count(*) AS n FROM members WHERE id = ?').get(id) as { n: number };
  } finally {
    db.close();
  }
};
const fileHash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('backup and restore', () => {
  it('a terminal killed mid-backup keeps its last good backup, and restore brings it back', async () => {
    const dataDir = scratch('linli-backup-kill-');
    const folder = join(scratch('linli-backup-usb-'), 'linli-backups');
    const { report, signal } = await killMidBackup(dataDir, folder);
    expect(report.error).toBeUndefined();
    expect(signal).toBe('SIGKILL');
    expect(report.remainingPages).toBeGreaterThan(0);

    // The killed copy is a .partial, never mistaken for a backup; the good one is complete and intact.
    const names = readdirSync(folder);
    expect(names.filter((n) => n.endsWith('.partial'))).toHaveLength(1);
    expect(listBackups(folder)).toEqual([report.good]);

    const databaseFile = join(dataDir, databaseFileName);
    const restored = restoreBackup({ databaseFile, backupFile: listBackups(folder)[0]! });
    expect(restored).toMatchObject({ ok: true });
    expect(hasMember(databaseFile, report.before)).toEqual({ n: 1 });
    expect(hasMember(databaseFile, report.after)).toEqual({ n: 0 }); // came after the last good backup
    // The database it replaced is kept, with the second member in it.
    const aside = (restored as { keptAside: string }).keptAside;
    expect(hasMember(aside, report.after)).toEqual({ n: 1 });

    // The restored terminal opens and works; the next backup clears the half-written file.
    const l = await openLoyaltyCore(dataDir, 'manager');
    try {
      expect((await l.core.methods.getMemberLoyalty({ memberId: report.before })).balance).toBeGreaterThan(0);
      const next = await takeBackup({ databaseFile, folder, keep: 5 });
      expect(next.ok).toBe(true);
      expect(readdirSync(folder).filter((n) => n.endsWith('.partial'))).toEqual([]);
      expect(listBackups(folder)).toHaveLength(2);
    } finally {
      await l.close();
    }
  }, 120_000);

  it('rotates to the newest N backups', async () => {
    const dataDir = scratch('linli-backup-rotate-');
    const folder = join(dataDir, 'backups');
    const l = await openLoyaltyCore(dataDir, 'manager');
    try {
      const databaseFile = join(dataDir, databaseFileName);
      let t = Date.UTC(2026, 11, 1);
      const files: string[] = [];
      for (let i = 0; i < 4; i++) {
        const result = await takeBackup({ databaseFile, folder, keep: 2, now: () => new Date((t += 3_600_000)) });
        if (result.ok) files.push(result.file);
      }
      expect(listBackups(folder)).toEqual([files[3], files[2]]);
    } finally {
      await l.close();
    }
  });

  it('refuses a backup of another store or of a newer schema, and changes nothing', async () => {
    const dataDir = scratch('linli-backup-refuse-');
    const folder = join(dataDir, 'backups');
    const l = await openLoyaltyCore(dataDir, 'manager');
    const databaseFile = join(dataDir, databaseFileName);
    const result = await takeBackup({ databaseFile, folder, keep: 5 });
    await l.close();
    if (!result.ok) throw new Error(result.message);

    const edited = (name: string, change: (db: Database.Database) => void) => {
      const copy = join(scratch('linli-backup-edited-'), name);
      copyFileSync(result.file, copy);
      const db = new Database(copy);
      change(db);
      db.close();
      return copy;
    };
    const otherStore = edited('other-store.sqlite', (db) =>
      db.prepare("UPDATE settings SET value = 'ST-OTHER' WHERE key = 'store_id'").run(),
    );
    const newer = edited('newer.sqlite', (db) => db.pragma(`user_version = ${latestSchemaVersion + 1}`));
    const before = fileHash(databaseFile);
    // Reading the live database's identity may open its -wal/-shm: SQLite's own files, not a change.
    const files = () =>
      readdirSync(dataDir)
        .filter((n) => !/-(wal|shm)$/.test(n))
        .sort();
    const listing = files();

    expect(restoreBackup({ databaseFile, backupFile: otherStore })).toMatchObject({
      ok: false,
      code: 'BACKUP_OTHER_STORE',
      message: expect.stringContaining('belongs to store ST-OTHER') as string,
    });
    expect(restoreBackup({ databaseFile, backupFile: newer })).toMatchObject({
      ok: false,
      code: 'BACKUP_NEWER_SCHEMA',
      message: expect.stringContaining('Update Linli first') as string,
    });
    expect(restoreBackup({ databaseFile, backupFile: join(dataDir, 'nope.sqlite') })).toMatchObject({
      ok: false,
      code: 'BACKUP_DAMAGED',
    });
    expect(fileHash(databaseFile)).toBe(before);
    expect(files()).toEqual(listing); // no .restoring, no .before-restore
  });

  it('the host command restores, or refuses with the reason and exit code 1', async () => {
    const host = join(root, 'dist/node/host.js');
    if (!existsSync(host)) throw new Error('dist/node/host.js is missing: run npm run build first (npm test does)');
    const dataDir = scratch('linli-backup-cli-');
    const l = await openLoyaltyCore(dataDir, 'manager');
    const backup = await takeBackup({
      databaseFile: join(dataDir, databaseFileName),
      folder: join(dataDir, 'b'),
      keep: 2,
    });
    await l.close();
    if (!backup.ok) throw new Error(backup.message);
    const restore = (file: string) =>
      spawnSync(process.execPath, [host, '--data-dir', dataDir, '--restore', file], {
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, LINLI_DEMO: '1' },
      });
    const refused = restore(join(dataDir, 'none.sqlite'));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('restore refused (BACKUP_DAMAGED)');
    const done = restore(backup.file);
    expect(done.status).toBe(0);
    expect(done.stdout).toContain(`restored ${backup.file}`);
    expect(done.stdout).toContain('kept as');
  });
});

describe('readDiskSpace', () => {
  it('reads the free and total space of the disk holding a folder', () => {
    const space = readDiskSpace(root);
    expect(space.totalBytes).toBeGreaterThan(0);
    expect(space.freeBytes).toBeGreaterThan(0);
    expect(space.freeBytes).toBeLessThanOrEqual(space.totalBytes);
  });
});
