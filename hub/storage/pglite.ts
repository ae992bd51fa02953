// The embedded engine: PGlite (PostgreSQL compiled to WebAssembly) in a data directory, so a hub
// runs on a machine with no database server. PGlite is one connection and one process: the caller
// holds the data directory's lock before opening it (opening it twice can corrupt it).
import { PGlite } from '@electric-sql/pglite';
import type { HubStorage, Queryable, SqlParam } from './storage';

function queryable(db: Pick<PGlite, 'query'>): Queryable {
  return {
    async query<Row>(sql: string, params: readonly SqlParam[] = []) {
      const result = await db.query<Row>(sql, params as SqlParam[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
    },
  };
}

/** `dataDir` undefined: in memory (tests that need no files). */
export async function openPglite(dataDir?: string): Promise<HubStorage> {
  const db = await PGlite.create(dataDir);
  return {
    engine: 'pglite',
    ...queryable(db),
    transaction: (fn) => db.transaction((tx) => fn(queryable(tx))),
    async listen(channel, fn) {
      const unlisten = await db.listen(channel, fn);
      return () => unlisten();
    },
    async notify(channel, payload) {
      await db.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    close: () => db.close(),
  };
}
