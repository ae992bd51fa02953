import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test/support/temp-core';
import { latestSchemaVersion, SchemaTooNewError } from './migrate';
import { migrations } from './migrations';
import { openDatabase } from './open';

const temp = tempDir();
afterAll(() => temp.remove());

describe('migrations on a real SQLite file', () => {
  it('bring an empty file to the latest version and record each step', () => {
    const file = join(temp.dir, 'empty.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(applied).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
    expect(applied[0]).toEqual({ version: 1, name: 'initial' });
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1)); // numbered without gaps
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    db.close();
  });

  it('are not applied twice when the file is reopened', () => {
    const file = join(temp.dir, 'twice.sqlite');
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: latestSchemaVersion });
    db.close();
  });

  it('refuse a database written by a newer Linli, leaving it untouched', () => {
    const file = join(temp.dir, 'newer.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${latestSchemaVersion + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(SchemaTooNewError);
    const after = new Database(file);
    expect(after.pragma('user_version', { simple: true })).toBe(latestSchemaVersion + 1);
    after.close();
  });
});
