// Every output path is checked before any work, and a refusal names the option and the path.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, testPatternVideo } from '../../../pose/src/test-support/ffmpeg-fixtures.ts';
import { CliError } from '../cli-error.ts';
import { lastErrorLine, runCli } from '../test-support/run-cli.ts';
import { checkOutputFiles, type OutputFile } from './output-path.ts';

const tmp = makeTempDir('steadyback-out-');
const f = (n: string) => path.join(tmp.dir, n);

beforeAll(() => {
  mkdirSync(f('results'));
  writeFileSync(f('input.json'), '{}');
  testPatternVideo(f('clip.mp4'), { widthPx: 160, heightPx: 120, fps: 10, seconds: 1 });
});
afterAll(() => tmp.cleanup());

const landmarks = (file: string | undefined): OutputFile => ({
  flag: 'out',
  file,
  extensions: ['.jsonl', '.csv'],
  wrongName: (x) => `Cannot tell the format of ${x}.`,
});
const refusal = async (outputs: OutputFile[], inputs: string[] = []) => {
  try {
    await checkOutputFiles(outputs, inputs);
  } catch (err) {
    if (err instanceof CliError) return { message: err.message, code: err.exitCode };
    throw err;
  }
  return null;
};

describe('checkOutputFiles', () => {
  it('accepts a new file in a folder that exists, and an option that was not used', async () => {
    expect(await refusal([landmarks(f('results/a.jsonl')), landmarks(undefined)])).toBeNull();
  });

  it('says a folder was given and names a file to put in it, before looking at the ending', async () => {
    expect(await refusal([landmarks(f('results'))])).toEqual({
      message: `--out ${f('results')} is a folder: name a file in it, for example ${f('results/landmarks.jsonl')}.`,
      code: 2,
    });
  });

  it('names the missing folder and the option', async () => {
    expect(await refusal([landmarks(f('nowhere/a.jsonl'))])).toEqual({
      message: `The folder for --out ${f('nowhere/a.jsonl')} does not exist: create it first or choose another place.`,
      code: 1,
    });
  });

  it('uses the command own sentence for a name with another ending', async () => {
    expect(await refusal([landmarks(f('a.xml'))])).toEqual({
      message: `Cannot tell the format of ${f('a.xml')}.`,
      code: 2,
    });
  });

  it('will not write over the file being read', async () => {
    const json: OutputFile = { flag: 'json', file: f('input.json'), extensions: ['.json'], wrongName: () => '' };
    expect((await refusal([json], [f('input.json')]))?.message).toBe(
      `--json ${f('input.json')} is the file being read: choose another name so it is not overwritten.`,
    );
    expect(await refusal([{ ...json, file: f('other.json') }], [f('input.json')])).toBeNull();
  });

  it('will not write two outputs into one file', async () => {
    const a: OutputFile = { flag: 'json', file: f('same.json'), extensions: ['.json'], wrongName: () => '' };
    const b: OutputFile = { ...a, flag: 'fhir' };
    expect((await refusal([a, b]))?.message).toBe(
      `--json and --fhir both name ${f('same.json')}: give each its own file.`,
    );
  });
});

describe('each command checks its outputs before any work', () => {
  it('pose --out into a missing folder refuses before reading the video', async () => {
    const run = await runCli(['pose', f('clip.mp4'), '--out', f('nowhere/l.jsonl')]);
    expect(run.code).toBe(1);
    expect(lastErrorLine(run)).toBe(
      `steadyback: The folder for --out ${f('nowhere/l.jsonl')} does not exist: create it first or choose another place.`,
    );
    expect(run.stderr).not.toMatch(/Finding the body/);
  }, 30_000);

  it('pose --out given a folder says so instead of asking for a format', async () => {
    const run = await runCli(['pose', f('clip.mp4'), '--out', f('results')]);
    expect(run.code).toBe(2);
    expect(lastErrorLine(run)).toMatch(/--out .*results is a folder: name a file in it/);
  }, 30_000);

  it('analyze --html into a missing folder refuses, even though the video is also missing', async () => {
    const run = await runCli(['analyze', f('missing.mp4'), '--exercise', 'bird-dog', '--html', f('no/r.html')]);
    expect(run.code).toBe(1);
    expect(lastErrorLine(run)).toMatch(/The folder for --html .*no\/r\.html does not exist/);
  }, 30_000);

  it('analyze --json with another ending asks for FILE.json', async () => {
    const run = await runCli(['analyze', f('clip.mp4'), '--exercise', 'bird-dog', '--json', f('r.txt')]);
    expect(run.code).toBe(2);
    expect(lastErrorLine(run)).toBe(`steadyback: Name the result FILE.json (got ${f('r.txt')}).`);
  }, 30_000);

  it('report --fhir over its own input is refused', async () => {
    const run = await runCli(['report', '--input', f('input.json'), '--fhir', f('input.json')]);
    expect(run.code).toBe(2);
    expect(lastErrorLine(run)).toMatch(/--fhir .*input\.json is the file being read/);
  }, 30_000);
});
