// The one Db interface on both engines: $n parameters round-trip their values, a failed statement
// leaves the connection usable, a transaction commits or rolls back whole, and migrations run in
// order once, recorded in schema_migrations.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_SKIP_NOTE, TEST_PG_URL, openTestDb, type TestDb, type TestEngine } from '../testing/test-db.ts';
import { migrate, readMigrations } from './migrate.ts';
import { openDb } from './open-db.ts';
import { openPgliteDb } from './pglite-db.ts';

function suite(engine: TestEngine) {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(engine);
  });
  afterAll(async () => t?.dispose());

  it('records every migration once, in order, and applies nothing the second time', async () => {
    const rows = await t.db.query<{ version: number; name: string }>(
      'SELECT version, name FROM schema_migrations ORDER BY version',
    );
    expect(rows).toEqual(readMigrations().map((m) => ({ version: m.version, name: m.name })));
    expect(await migrate(t.db)).toEqual([]);
  });

  it('passes text, numbers, nulls and JSON through $n parameters unchanged', async () => {
    const evil = 'it\'s "quoted" -- not SQL; $1';
    const [row] = await t.db.query<{ a: string; b: number; c: null; d: { x: number[] } }>(
      'SELECT $1::text AS a, $2::int AS b, $3::text AS c, $4::jsonb AS d',
      [evil, 42, null, JSON.stringify({ x: [1, 2] })],
    );
    expect(row).toEqual({ a: evil, b: 42, c: null, d: { x: [1, 2] } });
  });

  it('keeps working after a failed statement', async () => {
    await expect(t.db.query('SELECT $1::uuid', ['not a uuid'])).rejects.toThrow(/uuid/);
    await expect(t.db.query('SELECT nope FROM nowhere')).rejects.toThrow();
    expect(await t.db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('commits a transaction whole or rolls it back whole', async () => {
    await t.db.exec('CREATE TABLE tx_probe (n integer)');
    await t.db.transaction(async (tx) => {
      await tx.query('INSERT INTO tx_probe VALUES ($1)', [1]);
      await tx.query('INSERT INTO tx_probe VALUES ($1)', [2]);
    });
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query('INSERT INTO tx_probe VALUES ($1)', [3]);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const rows = await t.db.query<{ n: number }>('SELECT n FROM tx_probe ORDER BY n');
    expect(rows.map((r) => r.n)).toEqual([1, 2]);
  });
}

describe('database on PGlite (embedded, temp folder)', () => suite('pglite'));
describe.skipIf(!TEST_PG_URL)(`database ${PG_SKIP_NOTE}`, () => suite('postgres'));

describe('the embedded database folder', () => {
  it('refuses a second opener while the first holds it, and opens again after close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clinic-lock-'));
    try {
      writeFileSync(join(dir, 'steadyback-clinic.lock'), '999999999'); // left by a killed process
      const first = await openDb({ dataDir: dir, databaseUrl: null });
      await expect(openPgliteDb(dir)).rejects.toThrow(`is in use by process ${process.pid}; stop that clinic first`);
      await first.close();
      const again = await openDb({ dataDir: dir, databaseUrl: null });
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('migration files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'clinic-migrations-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('must be named NNN_name.sql and numbered without gaps', () => {
    writeFileSync(join(dir, '001_first.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '003_third.sql'), 'SELECT 1;');
    expect(() => readMigrations(dir)).toThrow(/without gaps/);
    writeFileSync(join(dir, '2_bad.sql'), 'SELECT 1;');
    expect(() => readMigrations(dir)).toThrow(/NNN_name\.sql/);
  });
});
