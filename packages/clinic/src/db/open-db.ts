// Opens the database the configuration names (PostgreSQL when a URL is given, else PGlite in the
// data folder) and brings its schema up to date.

import type { Db } from './db.ts';
import { migrate } from './migrate.ts';
import { openPgliteDb } from './pglite-db.ts';
import { openPostgresDb } from './pg-db.ts';

export interface DbTarget {
  databaseUrl: string | null;
  dataDir: string;
}

export async function openDb(target: DbTarget): Promise<Db> {
  const db = target.databaseUrl ? await openPostgresDb(target.databaseUrl) : await openPgliteDb(target.dataDir);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
