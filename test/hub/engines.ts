// The engines every hub storage and feature test runs on: PGlite in a temporary directory always,
// and the real PostgreSQL when it answers (LINLI_TEST_DATABASE_URL). Each opened storage has its own
// fresh schema (PostgreSQL) or directory (PGlite), removed afterwards, so runs never collide.
// With LINLI_REQUIRE_PG=1 (CI) an unreachable PostgreSQL fails the run instead of skipping it.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openHubStorage, type HubStorage } from '../../hub/storage';
import { tempDir } from '../support/temp-core';

export const testDatabaseUrl = process.env.LINLI_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestEngine {
  name: 'pglite' | 'postgres';
  /** A migrated storage of its own; dispose() closes it and drops what it made. */
  open(): Promise<{ storage: HubStorage; dispose(): Promise<void>; config: TestStorageConfig }>;
}

export type TestStorageConfig =
  { engine: 'postgres'; databaseUrl: string; schema: string } | { engine: 'pglite'; dataDir: string };

async function postgresReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: testDatabaseUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

const pglite: TestEngine = {
  name: 'pglite',
  async open() {
    const dir = tempDir('linli-hub-test-');
    const config = { engine: 'pglite' as const, dataDir: dir.dir };
    const storage = await openHubStorage(config);
    return {
      storage,
      config,
      async dispose() {
        await storage.close().catch(() => {});
        dir.remove();
      },
    };
  },
};

const postgres: TestEngine = {
  name: 'postgres',
  async open() {
    const schema = `hub_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const config = { engine: 'postgres' as const, databaseUrl: testDatabaseUrl, schema };
    const storage = await openHubStorage(config);
    return {
      storage,
      config,
      async dispose() {
        await storage.close().catch(() => {});
        const drop = new pg.Client({ connectionString: testDatabaseUrl });
        await drop.connect();
        await drop.query(`DROP SCHEMA ${schema} CASCADE`);
        await drop.end();
      },
    };
  },
};

/** The engines to test on; call once at the top of a test file (top-level await). */
export async function testEngines(): Promise<TestEngine[]> {
  const unreachable = await postgresReachable();
  if (unreachable === null) return [pglite, postgres];
  if (process.env.LINLI_REQUIRE_PG === '1')
    throw new Error(`LINLI_REQUIRE_PG=1 but PostgreSQL at ${testDatabaseUrl} does not answer: ${unreachable}`);
  console.warn(`hub tests: PostgreSQL at ${testDatabaseUrl} does not answer (${unreachable}); PGlite only`);
  return [pglite];
}
