// Every input in the hostile corpus gives one plain sentence and the exit code the docs table
// (docs/hostile-inputs.md) says, and nothing else: no stack trace, no second line, no output file.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../pose/src/test-support/ffmpeg-fixtures.ts';
import {
  HOSTILE_CASES,
  hostileTable,
  makeHostileCorpus,
  type HostileCase,
  type HostileResult,
} from './test-support/hostile-corpus.ts';
import { runCli } from './test-support/run-cli.ts';

const DOC = fileURLToPath(new URL('../../../docs/hostile-inputs.md', import.meta.url));
const tmp = makeTempDir('steadyback-hostile-');
const results = new Map<string, HostileResult & { stderr: string; stdout: string }>();
let filesBefore: string[] = [];

async function runCase(c: HostileCase): Promise<void> {
  const run = await runCli(c.args, {}, tmp.dir);
  const message = run.stderr.trim().replace(/^steadyback: /, '');
  results.set(c.id, { id: c.id, input: c.input, code: run.code, message, stderr: run.stderr, stdout: run.stdout });
}

beforeAll(async () => {
  makeHostileCorpus(tmp.dir);
  filesBefore = readdirSync(tmp.dir).sort();
  // Three at a time: each is a fresh process, as a person would run it.
  const queue = [...HOSTILE_CASES];
  await Promise.all(
    Array.from({ length: 3 }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) await runCase(c);
    }),
  );
}, 300_000);
afterAll(() => tmp.cleanup());

describe('the hostile-input corpus', () => {
  it.each(HOSTILE_CASES.map((c) => [c.id, c] as const))('%s: one sentence and a non-zero exit', (_id, c) => {
    const r = results.get(c.id)!;
    expect(r.code === 1 || r.code === 2).toBe(true);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^steadyback: \S/);
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+\)?$|Error:|ERR_/m);
    expect(r.stdout).toBe('');
  });

  it('writes no file and leaves every input as it was', () => {
    expect(readdirSync(tmp.dir).sort()).toEqual(filesBefore);
  });

  it('gives exactly what the table in docs/hostile-inputs.md says', () => {
    const doc = readFileSync(DOC, 'utf8');
    const table = doc.slice(doc.indexOf('| case |')).split('\n\n')[0]!.trim();
    expect(table).toBe(hostileTable(HOSTILE_CASES.map((c) => results.get(c.id)!)));
  });
});
