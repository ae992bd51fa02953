import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  backupsToDelete,
  completeBackups,
  diskState,
  parseBackupName,
  restoreRefusal,
} from './backup-policy';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

describe('backup names and rotation', () => {
  it('names a backup by store, UTC time and schema, and reads it back', () => {
    const name = backupFileName('ST01', new Date('2026-12-02T03:04:05.006Z'), 12);
    expect(name).toBe('linli-ST01-20261202T030405006Z-s12.sqlite');
    expect(parseBackupName(name)).toMatchObject({ store: 'ST01', schemaVersion: 12 });
    expect(backupFileName(null, new Date(0), 1)).toMatch(/^linli-nostore-/);
    expect(backupFileName('../evil', new Date(0), 1)).toMatch(/^linli-nostore-/);
  });

  it('keeps the newest N complete backups and never counts half-written ones', () => {
    const at = (day: number) => backupFileName('ST01', new Date(Date.UTC(2026, 11, day)), 3);
    const files = [at(3), at(1), `${at(5)}.partial`, at(4), at(2), 'notes.txt'];
    expect(completeBackups(files).map((b) => b.file)).toEqual([at(4), at(3), at(2), at(1)]);
    expect(backupsToDelete(files, 2)).toEqual([at(2), at(1)]);
    expect(backupsToDelete(files, 10)).toEqual([]);
    expect(backupsToDelete(files, 0)).toEqual([at(3), at(2), at(1)]); // at least one always stays
  });
});

describe('restoreRefusal', () => {
  const good = { storeId: 'ST01', schemaVersion: 5, intact: true };
  it('accepts a backup of this store at this or an older schema', () => {
    expect(restoreRefusal(good, { storeId: 'ST01' }, 5)).toBeNull();
    expect(restoreRefusal({ ...good, schemaVersion: 3 }, { storeId: 'ST01' }, 5)).toBeNull();
    expect(restoreRefusal(good, null, 5)).toBeNull();
    expect(restoreRefusal(good, { storeId: null }, 5)).toBeNull();
  });
  it('refuses another store, a newer schema and a damaged file, saying why', () => {
    expect(restoreRefusal(good, { storeId: 'ST02' }, 5)).toMatchObject({
      code: 'BACKUP_OTHER_STORE',
      message: expect.stringContaining('store ST01') as string,
    });
    expect(restoreRefusal({ ...good, schemaVersion: 6 }, { storeId: 'ST01' }, 5)).toMatchObject({
      code: 'BACKUP_NEWER_SCHEMA',
      message: expect.stringContaining('Update Linli first') as string,
    });
    expect(restoreRefusal({ ...good, intact: false }, { storeId: 'ST01' }, 5)?.code).toBe('BACKUP_DAMAGED');
  });
});

describe('diskState', () => {
  it('warns before the disk fills and stops backups when one would not fit', () => {
    expect(diskState({ freeBytes: 50 * GiB, totalBytes: 120 * GiB })).toBe('ok');
    expect(diskState({ freeBytes: 1.5 * GiB, totalBytes: 120 * GiB })).toBe('low');
    expect(diskState({ freeBytes: 100 * MiB, totalBytes: 120 * GiB })).toBe('critical');
    expect(diskState({ freeBytes: 1.5 * GiB, totalBytes: 120 * GiB }, 1 * GiB)).toBe('critical');
    expect(
      diskState({ freeBytes: 600 * MiB, totalBytes: 8 * GiB }, 0, {
        warnBelowBytes: 500 * MiB,
        criticalBelowBytes: 100 * MiB,
      }),
    ).toBe('ok');
  });
});
