// `steadyback analyze --exercise bird-dog` end to end: rendered clips through the real pose model,
// phone-sensor logs from the orientation generator, and the bad inputs a person could give it.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSensorCsv, type BirdDogResult } from '@steadyback/core';
import { birdDogSession, generatePelvisStream } from '@steadyback/synthetic';
import {
  birdDogFrontClip,
  birdDogHighCornerClip,
  birdDogRearClip,
  birdDogSideClip,
  halfKneelSideClip,
} from '@steadyback/lab/fixtures';
import { birdDogPhoneLog, type ClipTruthFile } from '@steadyback/lab';
import { makeTempDir } from '../../../pose/src/test-support/ffmpeg-fixtures.ts';
import { expectRepsMatchTruth } from '../test-support/bird-dog-truth.ts';
import { lastErrorLine, runCli } from '../test-support/run-cli.ts';

const tmp = makeTempDir('steadyback-analyze-');
const f = (n: string) => path.join(tmp.dir, n);
const readResult = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as BirdDogResult;
let side: { mp4: string; truth: ClipTruthFile };

/** A phone log that matches a rendered clip: the pelvis rolls `rollDeg` toward the lifted leg in each hold. */
const sensorForClip = (truth: ClipTruthFile, rollDeg: number) =>
  birdDogPhoneLog(truth.segments, truth.durationMs, rollDeg);

/** `steadyback analyze CLIP --exercise bird-dog` with the default model and no phone; exits 0. */
async function cameraOnly(clip: { mp4: string; truth: string }, name: string) {
  const truth = JSON.parse(readFileSync(clip.truth, 'utf8')) as ClipTruthFile;
  const run = await runCli(['analyze', clip.mp4, '--exercise', 'bird-dog', '--json', f(`${name}.json`), '--quiet']);
  expect(run.code).toBe(0);
  return { run, r: readResult(f(`${name}.json`)), truth };
}

beforeAll(async () => {
  const c = await birdDogSideClip();
  side = { mp4: c.mp4, truth: JSON.parse(readFileSync(c.truth, 'utf8')) as ClipTruthFile };
}, 300_000);
afterAll(() => tmp.cleanup());

describe('steadyback analyze: bird-dog from a side video', () => {
  it('finds every rep and its side, measures leg height and says the pelvis needs the phone', async () => {
    const run = await runCli([
      'analyze',
      side.mp4,
      '--exercise',
      'bird-dog',
      '--model',
      'blazepose-lite',
      '--json',
      f('side.json'),
      '--html',
      f('side.html'),
      '--quiet',
    ]);
    expect(run.code).toBe(0);
    const r = readResult(f('side.json'));
    expect(r.exercise).toBe('bird-dog');
    expect(r.view).toBe('side');
    const truthReps = side.truth.segments.filter((s) => s.phase === 'hold');
    expect(r.reps.map((x) => x.leg)).toEqual(truthReps.map((s) => s.side));
    for (const rep of r.reps) {
      expect(rep.pattern).toBe('opposite-arm-and-leg');
      expect(rep.metrics.R4.source).toBe('camera');
      expect(rep.metrics.R4.band).not.toBe('not-measurable');
      expect(rep.metrics.R1.band).toBe('not-measurable');
    }
    expect(run.stdout).toMatch(/needs the phone lying flat on your lower back/);
    const html = readFileSync(f('side.html'), 'utf8');
    expect(html).toMatch(/<table>/);
    expect(html).toMatch(/<svg[^>]+aria-label="Lifted leg above horizontal/);
    expect((html.match(/<img src="data:image\/png;base64,/g) ?? []).length).toBe(r.reps.length);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/); // self-contained: nothing to fetch
  });

  it('with the phone log as well, reports pelvic roll per rep from the sensor and a verdict', async () => {
    writeFileSync(f('roll12.csv'), sensorForClip(side.truth, 12));
    const run = await runCli([
      'analyze',
      side.mp4,
      '--exercise',
      'bird-dog',
      '--model',
      'blazepose-lite',
      '--sensor',
      f('roll12.csv'),
      '--json',
      f('both.json'),
      '--quiet',
    ]);
    expect(run.code).toBe(0);
    const r = readResult(f('both.json'));
    expect(r.sources).toEqual({ camera: true, sensor: true });
    for (const rep of r.reps) {
      expect(rep.metrics.R1.source).toBe('sensor');
      expect(Math.abs(rep.metrics.R1.value! - 12)).toBeLessThan(1.5);
      expect(rep.metrics.R1.band).toBe('red');
      expect(rep.classification).toBe('unstable');
    }
    expect(run.stdout).toMatch(/pelvis rolled up to about 1[12] degrees toward the left/);
  });
});

describe('steadyback analyze: other sources and views', () => {
  it('from behind, camera only: finds every rep and its leg from how the picture changes, and says what it cannot measure', async () => {
    // Measured: from behind, the pose models follow the figure on all fours poorly (0-1 of 2 reps
    // found), so the reps come from the picture's change; the rules stay "not measurable" there.
    const rear = await birdDogRearClip();
    const truth = JSON.parse(readFileSync(rear.truth, 'utf8')) as ClipTruthFile;
    const run = await runCli([
      'analyze',
      rear.mp4,
      '--exercise',
      'bird-dog',
      '--json',
      f('rear.json'),
      '--html',
      f('rear.html'),
      '--quiet',
    ]);
    expect(run.code).toBe(0);
    const r = readResult(f('rear.json'));
    expect(r.view).toBe('end-on');
    expectRepsMatchTruth(r, truth);
    for (const rep of r.reps) {
      expect(rep.foundBy).toBe('camera-motion');
      expect(rep.classification).toBe('not-measurable');
      expect(rep.metrics.R4.band).toBe('not-measurable');
      expect(rep.metrics.R4.reason).toMatch(/from behind or in front/);
    }
    expect(r.overall.verdict).toBe('not-measurable');
    expect(r.measurable.R4.source).toBeNull();
    expect(run.stdout).toMatch(/opposite arm is assumed/);
    // The picture times a hold only roughly, and says so.
    expect(run.stdout).toMatch(/Rep 1: left leg \+ right arm, hold about \d+\.\d s \(timed from the picture\)/);
    expect(r.explanation.join(' ')).toMatch(/at your side, at hip height/);
    expect(readFileSync(f('rear.html'), 'utf8')).toMatch(/aria-label="How much the picture changed/);
  }, 300_000);

  it("in front, camera only: when the default model misses the person a second model is used, and the picture's change finds every rep and its leg", async () => {
    const { run, r, truth } = await cameraOnly(await birdDogFrontClip(), 'front');
    expect(run.stdout).toMatch(/found you in only \d+% of the frames, so movenet-thunder was used/);
    expect(r.view).toBe('end-on');
    expectRepsMatchTruth(r, truth);
    expect(r.reps.every((x) => x.foundBy === 'camera-motion' && x.classification === 'not-measurable')).toBe(true);
  }, 300_000);

  it("from a high corner, camera only: the picture's change times every rep and the pose landmarks tell its leg; leg height is not measured from there", async () => {
    const { r, truth } = await cameraOnly(await birdDogHighCornerClip(), 'corner');
    expect(r.view).not.toBe('side');
    expectRepsMatchTruth(r, truth);
    expect(r.reps.every((x) => x.foundBy === 'camera-motion' && x.metrics.R4.band === 'not-measurable')).toBe(true);
  }, 300_000);

  it("from behind with the phone on the back, the phone times every rep and measures its roll; the camera's rules say not measurable", async () => {
    const rear = await birdDogRearClip();
    const truth = JSON.parse(readFileSync(rear.truth, 'utf8')) as ClipTruthFile;
    writeFileSync(f('rear-roll12.csv'), sensorForClip(truth, 12));
    const run = await runCli([
      'analyze',
      rear.mp4,
      '--exercise',
      'bird-dog',
      '--sensor',
      f('rear-roll12.csv'),
      '--json',
      f('rear-both.json'),
      '--quiet',
    ]);
    expect(run.code).toBe(0);
    const r = readResult(f('rear-both.json'));
    const truthReps = truth.segments.filter((x) => x.phase === 'hold');
    expect(r.reps).toHaveLength(truthReps.length);
    for (const rep of r.reps) {
      expect(rep.foundBy).toBe('pacing-cues');
      expect(Math.abs(rep.metrics.R1.value! - 12)).toBeLessThan(1.5);
      expect(rep.metrics.R4.band).toBe('not-measurable');
    }
    expect(r.overall.verdict).not.toBe('not-measurable');
  }, 300_000);

  it('works from the phone log alone, with reps from the spoken pacing', async () => {
    const session = birdDogSession({
      repsPerSide: 3,
      repTilt: { left: { rollDeg: -3, pitchDeg: 2 }, right: { rollDeg: 2, pitchDeg: 1 } },
    });
    const stream = generatePelvisStream({
      timeline: session.timeline,
      durationMs: session.durationMs,
      mountingYawDeg: 25,
      noiseSdDeg: 0.3,
      alphaDriftDegPerMin: 5,
      seed: 9,
    });
    writeFileSync(f('steady.csv'), formatSensorCsv(stream.samples));
    const run = await runCli([
      'analyze',
      '--exercise',
      'bird-dog',
      '--sensor',
      f('steady.csv'),
      '--json',
      f('steady.json'),
    ]);
    expect(run.code).toBe(0);
    const r = readResult(f('steady.json'));
    expect(r.view).toBe('none');
    expect(r.reps).toHaveLength(6);
    expect(r.overall.verdict).toBe('negative');
  });

  it('says plainly that no rep could be judged when the phone log holds only the settling, and how to record one', async () => {
    const session = birdDogSession({ repsPerSide: 0 });
    const stream = generatePelvisStream({
      timeline: session.timeline,
      durationMs: session.durationMs,
      mountingYawDeg: 10,
      noiseSdDeg: 0.3,
      seed: 3,
    });
    writeFileSync(f('settle-only.csv'), formatSensorCsv(stream.samples));
    const run = await runCli(['analyze', '--exercise', 'bird-dog', '--sensor', f('settle-only.csv')]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(
      /^Bird-dog: no rep could be judged; camera not used, phone on the lower back used\.$/,
    );
    expect(run.stdout).toMatch(/Overall: not-measurable/);
    expect(run.stdout).toMatch(/No reps were found in the phone recording: record with the app/);
  });
});

describe('steadyback analyze with bad input', () => {
  const expectSentence = (run: { code: number | null; stderr: string }, code: number, pattern: RegExp) => {
    expect(run.code).toBe(code);
    expect(lastErrorLine(run as never)).toMatch(pattern);
  };
  it('asks which exercise the recording shows', async () => {
    expectSentence(await runCli(['analyze', side.mp4]), 2, /--exercise bird-dog/);
  });
  it('rejects an unknown exercise', async () => {
    expectSentence(await runCli(['analyze', side.mp4, '--exercise', 'yoga']), 2, /Unknown exercise "yoga"/);
  });
  it('needs a video or a sensor file', async () => {
    expectSentence(await runCli(['analyze', '--exercise', 'bird-dog']), 2, /video, a sensor file/);
  });
  it('says what is wrong with a sensor file that lacks columns', async () => {
    writeFileSync(f('bad.csv'), 'time,a,b\n1,2,3\n');
    expectSentence(
      await runCli(['analyze', '--exercise', 'bird-dog', '--sensor', f('bad.csv')]),
      1,
      /bad\.csv: .*(column|tMs)/i,
    );
  });
  it('says a sensor file is missing', async () => {
    expectSentence(await runCli(['analyze', '--exercise', 'bird-dog', '--sensor', f('nope.csv')]), 1, /no sensor file/);
  });
  it('rejects nonsense pain ratings', async () => {
    expectSentence(await runCli(['analyze', side.mp4, '--exercise', 'bird-dog', '--pain-rest', '12']), 2, /0 to 10/);
  });
  it('says when the video shows a different exercise (someone upright)', async () => {
    const kneel = await halfKneelSideClip();
    expectSentence(
      await runCli(['analyze', kneel.mp4, '--exercise', 'bird-dog', '--model', 'movenet-lightning', '--quiet']),
      1,
      /upright, not on all fours/,
    );
  }, 300_000);
});
