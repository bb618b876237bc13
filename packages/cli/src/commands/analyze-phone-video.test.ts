// `steadyback analyze --exercise bird-dog` on what a phone records, as near as the project can make
// it without filming anyone: rendered clips that start and end standing, then wobble, drifting
// exposure, noise, uneven frame times and strong compression (lab phone-recording.ts), and from
// behind a portrait picture stored sideways. The real pose model runs on these pixels.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BirdDogResult } from '@steadyback/core';
import { birdDogPhoneRearVideo, birdDogPhoneSideVideo } from '@steadyback/lab/fixtures';
import type { ClipTruthFile } from '@steadyback/lab';
import { makeTempDir } from '../../../pose/src/test-support/ffmpeg-fixtures.ts';
import { expectRepsMatchTruth } from '../test-support/bird-dog-truth.ts';
import { runCli } from '../test-support/run-cli.ts';

const tmp = makeTempDir('steadyback-phone-video-');
const f = (n: string) => path.join(tmp.dir, n);
afterAll(() => tmp.cleanup());

async function analyse(clip: { mp4: string; truth: string }, name: string) {
  const truth = JSON.parse(readFileSync(clip.truth, 'utf8')) as ClipTruthFile;
  const run = await runCli([
    'analyze',
    clip.mp4,
    '--exercise',
    'bird-dog',
    '--json',
    f(`${name}.json`),
    '--html',
    f(`${name}.html`),
    '--quiet',
  ]);
  expect(run.code, run.stderr).toBe(0);
  return {
    run,
    truth,
    r: JSON.parse(readFileSync(f(`${name}.json`), 'utf8')) as BirdDogResult,
    html: readFileSync(f(`${name}.html`), 'utf8'),
  };
}

/** Standing from the start to the end of getting down, and from the start of getting up. */
function standingParts(truth: ClipTruthFile) {
  const down = truth.segments.find((s) => s.phase === 'get-down')!;
  const up = truth.segments.find((s) => s.phase === 'get-up')!;
  return { downEndMs: down.endMs, upStartMs: up.startMs };
}

describe('steadyback analyze: a bird-dog as a phone records it', () => {
  it('from behind, portrait, hand-held: every rep and its leg, standing left out, and a word about the moving camera', async () => {
    const { r, truth, run, html } = await analyse(await birdDogPhoneRearVideo(), 'rear');
    expect(r.view).toBe('end-on');
    expectRepsMatchTruth(r, truth);
    expect(r.reps.every((x) => x.foundBy === 'camera-motion')).toBe(true);
    const parts = standingParts(truth);
    expect(r.reps[0]!.startMs).toBeGreaterThan(parts.downEndMs - 500);
    expect(r.reps.at(-1)!.endMs).toBeLessThan(parts.upStartMs + 500);
    const codes = r.quality.map((q) => q.code);
    expect(codes).toContain('outside-exercise');
    expect(codes).toContain('camera-moved');
    // What the view cannot see is said, not guessed.
    expect(r.reps.every((x) => x.metrics.R4.band === 'not-measurable' && x.metrics.R1.band === 'not-measurable')).toBe(
      true,
    );
    expect(run.stdout).toMatch(/getting down onto all fours and getting up again are not part of it/);
    expect(html).toMatch(/getting down onto all fours/);
  }, 400_000);

  it('from the side, landscape, hand-held: every rep and its leg from the body points, leg height measured, standing left out', async () => {
    const { r, truth } = await analyse(await birdDogPhoneSideVideo(), 'side');
    expect(r.view).toBe('side');
    expectRepsMatchTruth(r, truth);
    expect(r.reps.every((x) => x.foundBy === 'camera' && x.pattern === 'opposite-arm-and-leg')).toBe(true);
    expect(r.reps.every((x) => x.metrics.R4.source === 'camera' && x.metrics.R4.band !== 'not-measurable')).toBe(true);
    // The figure keeps a flat back and the leg level: with the wobble and noise, no camera rule may
    // call a fault (a camera-only rep is never 'stable': the pelvis needs the phone).
    expect(r.reps.map((x) => [x.metrics.R4.band, x.metrics.R5.band, x.classification])).toEqual(
      r.reps.map(() => ['green', 'green', 'not-measurable']),
    );
    expect(r.quality.map((q) => q.code)).toContain('outside-exercise');
  }, 400_000);
});
