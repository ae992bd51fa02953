// The PostgreSQL engine: a pg Pool for queries and transactions, and one dedicated connection for
// LISTEN (a pooled connection would be handed to someone else between notifications).
import pg from 'pg';
import type { HubStorage, Queryable, SqlParam } from './storage';

export interface PostgresOptions {
  connectionString: string;
  /** Tables live in this schema (tests use a fresh one per run); `public` when absent. */
  schema?: string;
  maxConnections?: number;
}

/** A schema name goes into a connection option, never into SQL text: only plain identifiers pass. */
export function checkedSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`not a plain schema name: ${schema}`);
  return schema;
}

function clientConfig(options: PostgresOptions): pg.ClientConfig {
  return {
    connectionString: options.connectionString,
    ...(options.schema ? { options: `-c search_path=${checkedSchema(options.schema)}` } : {}),
  };
}

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params: readonly SqlParam[] = []) {
      const result = await client.query(sql, params as SqlParam[]);
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
    },
  };
}

export function openPostgres(options: PostgresOptions): HubStorage {
  const pool = new pg.Pool({ ...clientConfig(options), max: options.maxConnections ?? 10 });
  // An idle connection dropped by the server must not crash the hub; the next query reconnects.
  pool.on('error', () => {});
  let listener: Promise<pg.Client> | null = null;
  const handlers = new Map<string, Set<(payload: string) => void>>();

  const listenClient = () =>
    (listener ??= (async () => {
      const client = new pg.Client(clientConfig(options));
      client.on('error', () => {});
      client.on('notification', (n) => {
        for (const fn of handlers.get(n.channel) ?? []) fn(n.payload ?? '');
      });
      await client.connect();
      return client;
    })());

  return {
    engine: 'postgres',
    ...queryable(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, fn) {
      const client = await listenClient();
      let set = handlers.get(channel);
      if (!set) {
        handlers.set(channel, (set = new Set()));
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      }
      set.add(fn);
      return async () => {
        set.delete(fn);
      };
    },
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      if (listener) await (await listener).end().catch(() => {});
      await pool.end();
    },
  };
}
