// The camera bird-dog's own pieces: the paired phone's samples put on the set's clock with their
// cues, and core's analysis of the camera with and without the phone: the phone measures the
// pelvis, the camera the limbs, and without the phone pelvic roll is never judged.
import { describe, expect, it } from 'vitest';
import { birdDogPacing } from '@steadyback/core';
import { generatePelvisStream, pacedPelvisTimeline, session } from '@steadyback/synthetic';
import { analyseSet, lastRepFromCamera, samplesForSet, type PhoneReadingOnScreen } from './paired-run.ts';

const segments = birdDogPacing({ repsPerSide: 1 });
const T0 = 50_000;

/** The camera's figure follows the laptop's pacing: its reps start when the reach cue plays. */
function cameraFrames(legElevationDeg: number) {
  const reach = segments.filter((s) => s.cue.startsWith('reach:'));
  const seq = session(
    reach.map((s) => ({ leg: s.leg!, arm: s.leg === 'left' ? 'right' : 'left', legElevationDeg, armElevationDeg: 0 })),
    { settleMs: reach[0]!.startMs, fps: 15 },
  );
  return seq.frames;
}

/** The phone's readings with a clock 3.7 s ahead of the laptop's, already put back on the laptop's clock. */
function phone(rollDeg: number): PhoneReadingOnScreen[] {
  const stream = generatePelvisStream({
    timeline: pacedPelvisTimeline(segments, { rollDegByLeg: { left: rollDeg, right: rollDeg } }),
    durationMs: segments.at(-1)!.endMs,
    rateHz: 50,
    headingDeg: 30,
    mount: 'sacrum',
    mountingYawDeg: 10,
    noiseSdDeg: 0.2,
    seed: 4,
  });
  return stream.samples.map((s) => ({ screenMs: T0 + s.tMs, alpha: s.alphaDeg, beta: s.betaDeg, gamma: s.gammaDeg }));
}

describe('the paired phone on the set clock', () => {
  it('keeps only the set, on its clock, each sample with the cue that was playing', () => {
    const p: PhoneReadingOnScreen[] = [
      { screenMs: T0 - 5, alpha: 0, beta: 0, gamma: 0 },
      { screenMs: T0 + 5000, alpha: 0, beta: 1, gamma: 0 },
      { screenMs: T0 + 100, alpha: 0, beta: 2, gamma: 0 },
      { screenMs: T0 + segments.at(-1)!.endMs, alpha: 0, beta: 3, gamma: 0 },
    ];
    const s = samplesForSet(p, T0, segments);
    expect(s.map((x) => [x.tMs, x.cue, x.betaDeg])).toEqual([
      [100, 'settle', 2],
      [5000, 'calibrate:rock', 1],
    ]);
  });
});

describe('the camera bird-dog analysis', () => {
  it('with the phone: the phone measures the roll and the camera the leg line', () => {
    const r = analyseSet(cameraFrames(5), samplesForSet(phone(12), T0, segments));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.result.sources).toEqual({ camera: true, sensor: true });
    expect(r.result.reps.map((x) => x.leg)).toEqual(['left', 'right']);
    for (const rep of r.result.reps) {
      expect(rep.metrics.R1.source).toBe('sensor');
      expect(rep.metrics.R1.value!).toBeGreaterThan(10.5);
      expect(rep.metrics.R1.value!).toBeLessThan(13.5);
      expect(rep.metrics.R4.source).toBe('camera');
      expect(rep.metrics.R4.value).not.toBeNull();
    }
  });

  it('with the camera alone: reps and leg line, and pelvic roll not measurable because it needs the phone', () => {
    const r = analyseSet(cameraFrames(5), []);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.result.sources).toEqual({ camera: true, sensor: false });
    expect(r.result.reps).toHaveLength(2);
    for (const rep of r.result.reps) {
      expect(rep.metrics.R1.band).toBe('not-measurable');
      expect(rep.metrics.R1.reason).toMatch(/phone lying flat on your lower back/);
      expect(rep.metrics.R4.source).toBe('camera');
    }
    expect(r.result.overall.verdict).not.toBe('positive');
  });

  it('says after a rep how high the leg went: level is fine, 30 degrees up is too high', () => {
    const low = analyseSet(cameraFrames(2), []);
    const high = analyseSet(cameraFrames(30), []);
    expect(low.ok && lastRepFromCamera(low.result)).toMatch(
      /^Last rep: your right leg was \d+ degrees (above|below) level/,
    );
    expect(low.ok && lastRepFromCamera(low.result)).not.toMatch(/reach long/);
    expect(high.ok && lastRepFromCamera(high.result)).toMatch(/reach long, not high/);
  });

  it('says what to do when the camera saw nobody and no phone was paired', () => {
    const nobody = cameraFrames(5).map((f) => ({
      tMs: f.tMs,
      imageWidthPx: f.imageWidthPx,
      imageHeightPx: f.imageHeightPx,
      landmarks: null,
      peopleCount: 0 as const,
    }));
    const r = analyseSet(nobody, []);
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/camera did not see you.*side-on/) });
  });
});
