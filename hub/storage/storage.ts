// The one surface the hub's features use for their database, whichever engine answers: PostgreSQL
// through `pg` in production, PGlite in a data directory when no DATABASE_URL is given. The SQL is
// the same for both; only what a driver returns differently (bigint as string or number) is made
// alike here by the callers casting in SQL.

export type SqlParam = string | number | boolean | null;

export interface QueryResult<Row> {
  rows: Row[];
  /** Rows inserted, updated or deleted (0 for a SELECT on PGlite). */
  rowCount: number;
}

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<QueryResult<Row>>;
}

export type HubEngine = 'postgres' | 'pglite';

export interface HubStorage extends Queryable {
  readonly engine: HubEngine;
  /** Runs fn in one transaction on one connection: committed when fn resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Calls fn with each NOTIFY payload on the channel, from any process on the same database. */
  listen(channel: string, fn: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}
