// The one database interface the clinic uses: parameterised queries ($1, $2, ...) and
// transactions. Two implementations run the very same SQL: PGlite (embedded, the default) and
// PostgreSQL through node-postgres.

export type DbEngine = 'pglite' | 'postgres';

export interface Queryable {
  /** One statement with $n parameters; returns its rows. */
  query<R extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Several statements without parameters (migrations only). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly engine: DbEngine;
  /** Runs fn in one transaction: committed when fn resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
