// The `pose` command on bad input: one sentence that says what to do, a non-zero exit code and
// never a stack trace.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, testPatternVideo } from '../../../pose/src/test-support/ffmpeg-fixtures.ts';
import { lastErrorLine, runCli, type CliRun } from '../test-support/run-cli.ts';

const tmp = makeTempDir('steadyback-cli-');
const f = (n: string) => path.join(tmp.dir, n);

beforeAll(() => {
  testPatternVideo(f('nobody.mp4'), { widthPx: 320, heightPx: 240, fps: 10, seconds: 1 });
  writeFileSync(f('broken.mp4'), Buffer.alloc(2048, 7));
  writeFileSync(f('notes.txt'), 'not a video');
});
afterAll(() => tmp.cleanup());

function expectOneSentence(run: CliRun, code: number, pattern: RegExp) {
  expect(run.code).toBe(code);
  const line = lastErrorLine(run);
  expect(line).toMatch(/^steadyback: /);
  expect(line).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+\)?$/m); // no stack frames
}

describe('steadyback pose with bad input', () => {
  it('asks for a video when none is named', async () => {
    expectOneSentence(await runCli(['pose']), 2, /Name the video/);
  });
  it('says the file does not exist', async () => {
    expectOneSentence(await runCli(['pose', f('missing.mp4')]), 1, /no file at .*missing\.mp4/i);
  });
  it('says a damaged file cannot be opened', async () => {
    expectOneSentence(await runCli(['pose', f('broken.mp4')]), 1, /damaged or incomplete/);
  });
  it('says a text file is not a video', async () => {
    expectOneSentence(await runCli(['pose', f('notes.txt')]), 1, /not a video/);
  });
  it('says nobody was found when no frame shows a person', async () => {
    expectOneSentence(
      await runCli(['pose', f('nobody.mp4'), '--model', 'movenet-lightning', '--quiet']),
      1,
      /No person was found in any of the 10 frame/,
    );
  });
  it('rejects an unknown model and lists the real ones', async () => {
    expectOneSentence(
      await runCli(['pose', f('nobody.mp4'), '--model', 'posenet']),
      2,
      /Unknown model "posenet".*blazepose-full/,
    );
  });
  it('rejects an output file whose format it cannot tell', async () => {
    expectOneSentence(await runCli(['pose', f('nobody.mp4'), '--out', f('x.xml')]), 2, /FILE\.jsonl or FILE\.csv/);
  });
  it('rejects an unknown option', async () => {
    expectOneSentence(await runCli(['pose', f('nobody.mp4'), '--colour', 'red']), 2, /steadyback help/);
  });
  it('says how to install ffmpeg when it is missing', async () => {
    const run = await runCli(['pose', f('nobody.mp4')], {
      STEADYBACK_FFPROBE: '/nonexistent/ffprobe',
      STEADYBACK_FFMPEG: '/nonexistent/ffmpeg',
    });
    expectOneSentence(run, 1, /ffmpeg is not installed/);
  });
  it('rejects an unknown command', async () => {
    expectOneSentence(await runCli(['stretch']), 2, /Unknown command "stretch"/);
  });
});
