// Versioned SQL migrations: packages/clinic/migrations/NNN_name.sql, applied in order at start,
// all in one transaction, each recorded in schema_migrations. A lock keeps two starting servers
// on one PostgreSQL from applying the same step twice.

import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));
const NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/;
/** An arbitrary constant: the advisory lock's key for migrations. */
const MIGRATION_LOCK_KEY = 720_201;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql'));
  const migrations = files.map((file) => {
    const m = NAME.exec(file);
    if (!m) throw new Error(`Migration file ${file} must be named NNN_name.sql (three digits, lower-case name).`);
    return { version: Number(m[1]), name: m[2]!, sql: readFileSync(`${dir}/${file}`, 'utf8') };
  });
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`Migrations must be numbered 001, 002, ... without gaps; found ${m.name}.`);
  });
  return migrations;
}

/** Applies the migrations not yet recorded; returns the versions it applied. */
export async function migrate(db: Db, migrations = readMigrations()): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const done: number[] = [];
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      done.push(m.version);
    }
    return done;
  });
}
