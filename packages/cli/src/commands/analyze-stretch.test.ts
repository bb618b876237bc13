// `steadyback analyze --exercise hip-flexor-stretch` end to end: rendered half-kneeling clips
// through the real pose model, and a generated phone-in-the-waistband log.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatSensorCsv, type StretchResult } from '@steadyback/core';
import { generatePelvisStream, keyframeTimeline } from '@steadyback/synthetic';
import { birdDogSideClip, halfKneelRockingClip, halfKneelSteadyClip } from '@steadyback/lab/fixtures';
import type { ClipTruthFile } from '@steadyback/lab';
import { makeTempDir } from '../../../pose/src/test-support/ffmpeg-fixtures.ts';
import { lastErrorLine, runCli } from '../test-support/run-cli.ts';

const tmp = makeTempDir('steadyback-stretch-');
const f = (n: string) => path.join(tmp.dir, n);
afterAll(() => tmp.cleanup());
const read = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as StretchResult;

describe('steadyback analyze: half-kneeling hip flexor stretch', () => {
  it('on a steady hold, finds the set-up and the kneeling side and counts the good-form seconds', async () => {
    const clip = await halfKneelSteadyClip();
    const truth = JSON.parse(readFileSync(clip.truth, 'utf8')) as ClipTruthFile;
    const run = await runCli([
      'analyze',
      clip.mp4,
      '--exercise',
      'hip-flexor-stretch',
      '--json',
      f('steady.json'),
      '--html',
      f('steady.html'),
      '--quiet',
    ]);
    expect(run.code).toBe(0);
    const r = read(f('steady.json'));
    expect(r.view).toBe('side');
    expect(r.setups.map((s) => s.kneelingSide)).toEqual(['left']);
    expect(r.holds).toHaveLength(1);
    const hold = truth.segments.find((s) => s.phase === 'hold')!;
    expect(r.holds[0]!.goodFormMs).toBeGreaterThan(hold.endMs - hold.startMs);
    expect(r.holds[0]!.faults).toEqual([]);
    const html = readFileSync(f('steady.html'), 'utf8');
    expect(html).toMatch(/aria-label="Trunk lean/);
    expect(html).toMatch(/aria-label="Trunk-thigh angle/);
  }, 300_000);

  it('with the default model, finds the set-up, the kneeling side and the hold of a rocking stretch, and flags the rocking (C5)', async () => {
    const clip = await halfKneelRockingClip();
    const run = await runCli([
      'analyze',
      clip.mp4,
      '--exercise',
      'hip-flexor-stretch',
      '--json',
      f('rock.json'),
      '--quiet',
    ]);
    expect(run.code).toBe(0);
    const r = read(f('rock.json'));
    expect(r.setups.map((s) => s.kneelingSide)).toEqual(['left']);
    expect(r.holds.length).toBeGreaterThanOrEqual(1);
    expect(r.holds.flatMap((h) => h.faults).some((x) => x.rule === 'C5' && x.source === 'camera')).toBe(true);
    expect(r.cues.map((c) => c.text)).toContain('Hold still; no bouncing.');
  }, 300_000);

  it('with the phone in the waistband, arching shows up as pelvic tilt (C1 from the sensor)', async () => {
    const clip = await halfKneelSteadyClip();
    const truth = JSON.parse(readFileSync(clip.truth, 'utf8')) as ClipTruthFile;
    const hold = truth.segments.find((s) => s.phase === 'hold')!;
    // Kneeling upright the pelvis's long axis is near vertical (body pitch about -90); arching tips it 13 degrees forward.
    const timeline = keyframeTimeline([
      { tMs: 0, rollDeg: 0, pitchDeg: -85 },
      { tMs: hold.startMs, rollDeg: 0, pitchDeg: -85 },
      { tMs: hold.startMs + 3000, rollDeg: 0, pitchDeg: -72 },
      { tMs: truth.durationMs, rollDeg: 0, pitchDeg: -72 },
    ]);
    const stream = generatePelvisStream({
      timeline,
      durationMs: truth.durationMs,
      mount: 'waistband-backward',
      noiseSdDeg: 0.3,
      seed: 3,
    });
    writeFileSync(f('waist.csv'), formatSensorCsv(stream.samples));
    const run = await runCli([
      'analyze',
      clip.mp4,
      '--exercise',
      'hip-flexor-stretch',
      '--sensor',
      f('waist.csv'),
      '--json',
      f('waist.json'),
      '--html',
      f('waist.html'),
      '--quiet',
    ]);
    expect(run.code).toBe(0);
    const r = read(f('waist.json'));
    expect(r.sources.sensor).toBe(true);
    const c1 = r.holds.flatMap((h) => h.faults).find((x) => x.rule === 'C1' && x.source === 'sensor');
    expect(c1).toBeDefined();
    expect(c1!.atMs).toBeGreaterThan(hold.startMs);
    expect(readFileSync(f('waist.html'), 'utf8')).toMatch(/aria-label="Pelvic tilt from the phone/);
  }, 300_000);

  it('says when the video shows a different exercise (someone on all fours)', async () => {
    const clip = await birdDogSideClip();
    const run = await runCli([
      'analyze',
      clip.mp4,
      '--exercise',
      'hip-flexor-stretch',
      '--model',
      'blazepose-lite',
      '--quiet',
    ]);
    expect(run.code).toBe(1);
    expect(lastErrorLine(run)).toMatch(/on all fours.*not kneeling upright/);
  }, 300_000);

  it('needs a video, and rejects a nonsense depth cap', async () => {
    expect(
      lastErrorLine(await runCli(['analyze', '--exercise', 'hip-flexor-stretch', '--sensor', f('x.csv')])),
    ).toMatch(/needs a video/);
    const clip = await halfKneelSteadyClip();
    const bad = await runCli(['analyze', clip.mp4, '--exercise', 'hip-flexor-stretch', '--depth-cap', 'deep']);
    expect(bad.code).toBe(2);
    expect(lastErrorLine(bad)).toMatch(/--depth-cap takes degrees/);
  });

  it('gives the pose model at most --model-fps frames a second, all with "all", and refuses a nonsense rate', async () => {
    const clip = await halfKneelSteadyClip(); // 10 frames a second
    const steps = async (rate: string) => {
      const out = f(`rate-${rate}.json`);
      const run = await runCli([
        'analyze',
        clip.mp4,
        '--exercise',
        'hip-flexor-stretch',
        '--model-fps',
        rate,
        '--json',
        out,
        '--quiet',
      ]);
      expect(run.code).toBe(0);
      const t = read(out).series.tMs;
      // The median step: where the two workers' halves meet, one step may be shorter.
      const d = t
        .slice(1)
        .map((x, i) => x - t[i]!)
        .sort((a, b) => a - b);
      return { frames: t.length, step: d[Math.floor(d.length / 2)]! };
    };
    const all = await steps('all');
    const five = await steps('5');
    expect(all.step).toBeCloseTo(100, 0);
    expect(five.step).toBeCloseTo(200, 0);
    expect(five.frames).toBeLessThan(all.frames * 0.55);
    // Still the same hold from the same side.
    expect(read(f('rate-5.json')).setups.map((x) => x.kneelingSide)).toEqual(['left']);
    for (const bad of ['0', 'fast', '500']) {
      const run = await runCli(['analyze', clip.mp4, '--exercise', 'hip-flexor-stretch', '--model-fps', bad]);
      expect(run.code).toBe(2);
      expect(lastErrorLine(run)).toMatch(/--model-fps needs a number of frames a second from 1 to 120, or "all"/);
    }
  }, 300_000);
});
