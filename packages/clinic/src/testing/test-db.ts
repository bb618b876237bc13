// Test databases: PGlite in a fresh temp folder always, and a throwaway database on a real
// PostgreSQL when CLINIC_TEST_DATABASE_URL is set (scripts/start-test-postgres.sh starts one).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Db } from '../db/db.ts';
import { openDb } from '../db/open-db.ts';

export const TEST_PG_URL = process.env['CLINIC_TEST_DATABASE_URL'] ?? '';
export const PG_SKIP_NOTE =
  'on PostgreSQL (skipped: set CLINIC_TEST_DATABASE_URL, e.g. from packages/clinic/scripts/start-test-postgres.sh)';

export interface TestDb {
  db: Db;
  /** Where a second process could open the same data (PGlite folder or PostgreSQL URL). */
  target: { dataDir: string; databaseUrl: string | null };
  dispose(): Promise<void>;
}

export type TestEngine = 'pglite' | 'postgres';

async function pgliteTestDb(): Promise<TestDb> {
  const dataDir = mkdtempSync(join(tmpdir(), 'clinic-test-'));
  const db = await openDb({ dataDir, databaseUrl: null });
  return {
    db,
    target: { dataDir, databaseUrl: null },
    async dispose() {
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function postgresTestDb(): Promise<TestDb> {
  const name = `clinic_test_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  const db = await openDb({ dataDir: '', databaseUrl: url.toString() });
  return {
    db,
    target: { dataDir: '', databaseUrl: url.toString() },
    async dispose() {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export const openTestDb = (engine: TestEngine): Promise<TestDb> =>
  engine === 'pglite' ? pgliteTestDb() : postgresTestDb();
