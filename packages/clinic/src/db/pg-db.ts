// PostgreSQL through node-postgres, for a clinic that outgrows one machine: the same SQL as the
// embedded database, on a pool of connections.

import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Db, Queryable } from './db.ts';

// Named statements are prepared once per connection by node-postgres, as the embedded database
// prepares its own; the name is derived from the SQL text.
const names = new Map<string, string>();
const nameOf = (sql: string): string => {
  let n = names.get(sql);
  if (!n) names.set(sql, (n = `clinic_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`));
  return n;
};

function wrap(client: Pick<pg.Pool | pg.PoolClient, 'query'>): Queryable {
  return {
    async query<R extends object>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
      const result = await client.query({ name: nameOf(sql), text: sql, values: [...params] });
      return result.rows as R[];
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

export async function openPostgresDb(url: string, maxConnections = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  // An idle connection that the server ends (a restart, an administrator) must not crash the
  // clinic; the pool replaces it on the next query.
  pool.on('error', (err) => console.error(`clinic: a PostgreSQL connection closed: ${err.message}`));
  // Fail at start, with the address's problem, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  return {
    engine: 'postgres',
    ...wrap(pool),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(wrap(client));
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
