// npm run bench:clinic [-- --json FILE] [--seconds N]: the clinic server as a real child process
// on loopback, seeded over HTTP, then driven with autocannon: authenticated patient-summary reads
// per second and their p99, uploads per second, cross-account reads that got through (should be
// 0), and acknowledged uploads lost when the server is SIGKILLed mid-stream (should be 0).
// DATABASE_URL set: PostgreSQL (the bench adds its own clinicians there); else PGlite in a temp
// folder. Benchmarks print; nothing here is a test.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateWeeks } from '@steadyback/synthetic';
import { openDb } from '../src/db/open-db.ts';
import { createClinician } from '../src/store/clinicians.ts';
import { startChildClinic } from './bench/child-server.ts';
import { summaryReads, uploads } from './bench/load.ts';
import { lostWrites } from './bench/lost-writes.ts';
import { seedClinic } from './bench/seed.ts';

function args(argv: string[]): { json: string | null; seconds: number } {
  const at = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const seconds = Number(at('--seconds') ?? 10);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('--seconds needs a positive number.');
  return { json: at('--json') ?? null, seconds };
}

async function seedAccounts(target: { dataDir: string; databaseUrl: string | null }) {
  const run = Math.floor(Math.random() * 1e9);
  const accounts = ['a', 'b'].map((k) => ({ email: `bench-${k}-${run}@clinic.test`, password: 'bench password 12' }));
  const db = await openDb(target);
  try {
    for (const a of accounts) await createClinician(db, a.email, a.password);
  } finally {
    await db.close();
  }
  return accounts;
}

async function main(): Promise<void> {
  const opts = args(process.argv.slice(2));
  const databaseUrl = process.env['DATABASE_URL'] || null;
  const dataDir = mkdtempSync(join(tmpdir(), 'clinic-bench-'));
  const target = { dataDir, databaseUrl };
  const env: Record<string, string> = { CLINIC_DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '' };
  const data = simulateWeeks({ scenario: 'improving', weeks: 4, camera: false }).data;
  const body = JSON.stringify(data);
  const accounts = await seedAccounts(target);
  let server = await startChildClinic(env);
  try {
    const [a, b] = await seedClinic(server.url, accounts, 8, data);
    const ids = a!.shares.map((s) => s.shareId);
    const reads = await summaryReads(server.url, a!.cookie, ids, opts.seconds);
    const cross = await summaryReads(server.url, b!.cookie, ids, Math.min(3, opts.seconds));
    const up = await uploads(
      server.url,
      a!.shares.map((s) => s.token),
      body,
      opts.seconds,
    );
    const lost = await lostWrites(
      server,
      env,
      target,
      b!.shares.map((s) => s.token),
      body,
    );
    report(databaseUrl ? 'postgres' : 'pglite', { reads, cross, up, lost }, opts.json);
  } finally {
    await server.stop('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function report(engine: string, r: Record<string, unknown> & Parameters<typeof rows>[0], json: string | null): void {
  const result = {
    engine,
    readsPerS: r.reads.okPerS,
    p99Ms: r.reads.p99Ms,
    uploadsPerS: r.up.okPerS,
    crossAccountReadsAllowed: r.cross.ok,
    lostWrites: r.lost.missing,
  };
  console.table(rows(r));
  console.log(JSON.stringify(result));
  if (json) writeFileSync(json, JSON.stringify(result, null, 2) + '\n');
}

function rows(r: {
  reads: import('./bench/load.ts').LoadResult;
  cross: import('./bench/load.ts').LoadResult;
  up: import('./bench/load.ts').LoadResult;
  lost: import('./bench/lost-writes.ts').LostWrites;
}) {
  return [
    {
      measure: 'summary reads',
      perS: r.reads.okPerS,
      p99Ms: r.reads.p99Ms,
      ok: r.reads.ok,
      refused: r.reads.non2xx,
      errors: r.reads.errors,
    },
    {
      measure: 'cross-account reads',
      perS: r.cross.okPerS,
      p99Ms: r.cross.p99Ms,
      ok: r.cross.ok,
      refused: r.cross.non2xx,
      errors: r.cross.errors,
    },
    {
      measure: 'uploads (70 kB export)',
      perS: r.up.okPerS,
      p99Ms: r.up.p99Ms,
      ok: r.up.ok,
      refused: r.up.non2xx,
      errors: r.up.errors,
    },
    {
      measure: 'SIGKILL mid-upload',
      perS: null,
      p99Ms: null,
      ok: r.lost.acknowledged,
      refused: r.lost.missing,
      errors: r.lost.restartedHealthy ? 0 : 1,
    },
  ];
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
