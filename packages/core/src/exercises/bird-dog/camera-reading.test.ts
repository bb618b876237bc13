// What the camera reads of a bird-dog: the limbs' turn in 3D (world landmarks) whatever the view,
// an edited video read in parts, and other exercises on all fours named instead of counted.
import { describe, expect, it } from 'vitest';
import type { MotionFrames } from '../../camera-motion.ts';
import type { FrameResult } from '../../pose-frame.ts';
import { motionFramesFromPoses } from '../../synthetic/index.ts';
import { seededGaussian } from '../../test-frames.ts';
import { analyzeBirdDog } from './analyze.ts';
import { computeCameraSignals } from './camera-signals.ts';
import { opposite, session } from './test-support.ts';
import { BIRD_DOG_REACH } from './thresholds.ts';

const world = (seed = 11, extra = {}) => ({ imaging: { noisePx: 1.5, gaussian: seededGaussian(seed), world: true, ...extra } });

describe('the limbs\' turn in 3D', () => {
  it('reads a full reach near 1 and rest near 0, the same from the side and from a high corner', () => {
    for (const view of ['side-left', 'high-corner'] as const) {
      const seq = session([opposite('left')], { view, ...world() });
      const cam = computeCameraSignals(seq.frames);
      const rep = seq.reps[0]!;
      const at = (tMs: number) => cam.reach![cam.tMs.findIndex((t) => t >= tMs)]!;
      const hold = at((rep.holdStartMs + rep.holdEndMs) / 2);
      expect(hold.leftLeg!).toBeGreaterThan(0.9);
      expect(hold.rightArm!).toBeGreaterThan(0.9);
      expect(hold.rightLeg!).toBeLessThan(0.05);
      expect(at(rep.startMs - 500).leftLeg!).toBeLessThan(0.05);
    }
  });

  it('finds the arm the picture cannot see: a far arm hidden in the picture still turns in 3D', () => {
    const hidden = { farVisibility: 0.2 };
    const reps = [opposite('left'), opposite('right'), opposite('left'), opposite('right')];
    const flat = analyzeBirdDog({ frames: session(reps, { view: 'rear-oblique-45', imaging: { noisePx: 1.5, gaussian: seededGaussian(11), ...hidden } }).frames });
    const deep = analyzeBirdDog({ frames: session(reps, { view: 'rear-oblique-45', ...world(11, hidden) }).frames });
    expect(flat.reps.some((r) => r.pattern !== 'opposite-arm-and-leg')).toBe(true);
    expect(deep.reps.map((r) => [r.leg, r.arm, r.pattern])).toEqual(reps.map((r) => [r.leg, r.arm, 'opposite-arm-and-leg']));
  });

  it('is not used when the model places a limb loosely in 3D even at rest, and is used when it places it steadily', () => {
    const seq = session([opposite('left'), opposite('right')], world());
    const g = seededGaussian(9);
    // The right knee's 3D wanders: sd 0.2 m (about 25 degrees of the thigh) or 0.04 m (about 5).
    const loose = (sdM: number) => seq.frames.map((f) => (f.landmarks && 'world' in f && f.world ? { ...f, world: f.world.map((w, i) => (i === 26 && w ? { ...w, xM: w.xM + sdM * g(), zM: w.zM + sdM * g() } : w)) } : f));
    expect(computeCameraSignals(loose(0.2)).reach).toBeNull();
    expect(computeCameraSignals(loose(0.04)).reach).not.toBeNull();
  });

  it('counts nothing below the rest jitter', () => {
    // A limb turned a little less than the jitter allowance reads as rest.
    const seq = session([opposite('left', { legElevationDeg: -90 + BIRD_DOG_REACH.REST_JITTER_DEG - 5, armElevationDeg: -90 + BIRD_DOG_REACH.REST_JITTER_DEG - 5 })], world());
    const r = analyzeBirdDog({ frames: seq.frames });
    expect(r.reps).toHaveLength(0);
  });
});

/** Two sessions filmed from two cameras, one after the other, as an edited video shows them. */
function edited(): { frames: FrameResult[]; motion: MotionFrames; cutMs: number } {
  const a = session([opposite('left'), opposite('right')], { view: 'rear-oblique-45', ...world(5) });
  const b = session([opposite('left'), opposite('right')], { view: 'side-left', ...world(6) });
  const cutMs = a.durationMs;
  const shifted = b.frames.map((f) => ({ ...f, tMs: f.tMs + cutMs }));
  const ma = motionFramesFromPoses(a.frames, { room: true, noiseSd: 1 });
  const mb = motionFramesFromPoses(shifted, { background: 150, gradient: { direction: 'horizontal', amount: 90 }, noiseSd: 1 });
  return { frames: [...a.frames, ...shifted], motion: { ...ma, tMs: [...ma.tMs, ...mb.tMs], luma: [...ma.luma, ...mb.luma] }, cutMs };
}

describe('an edited video', () => {
  it('is read in parts, each with its own view: leg height only in the part filmed from the side', () => {
    const v = edited();
    const r = analyzeBirdDog({ frames: v.frames, motion: v.motion });
    expect(r.readings.map((x) => x.view)).toEqual(['rear-oblique', 'side']);
    expect(r.readings[0]!.endMs).toBeLessThan(v.cutMs);
    expect(r.readings[1]!.startMs).toBeGreaterThan(v.cutMs);
    expect(r.reps.map((x) => x.leg)).toEqual(['left', 'right', 'left', 'right']);
    expect(r.reps.map((x) => x.metrics.R4.source)).toEqual([null, null, 'camera', 'camera']);
    expect(r.quality.find((q) => q.code === 'video-edit')?.message).toMatch(/read in 2 parts/);
  });

  it('read as one recording, without the pictures that show the edit, is not split', () => {
    const v = edited();
    const r = analyzeBirdDog({ frames: v.frames });
    expect(r.readings).toHaveLength(1);
    expect(r.quality.map((q) => q.code)).not.toContain('video-edit');
  });
});

describe('holds of seconds', () => {
  it('a position held far longer than a bird-dog hold is not a rep, and the result says why; one held 10 s is', () => {
    const r = analyzeBirdDog({ frames: session([opposite('left'), opposite('right', { holdMs: 20_000 }), opposite('left', { holdMs: 10_000 })], world()).frames });
    expect(r.reps.map((x) => x.leg)).toEqual(['left', 'left']);
    expect(r.quality.find((q) => q.code === 'long-hold')?.message).toMatch(/held for 2[01] s .* longer than a bird-dog hold/);
  });
});

describe('other exercises on all fours', () => {
  it('a leg kicked back with the knee kept bent is no rep, and the result says what was seen', () => {
    const kick = (leg: 'left' | 'right') => ({ leg, arm: null, kneeFlexDeg: 90, legElevationDeg: 20, holdMs: 800 });
    const r = analyzeBirdDog({ frames: session([kick('left'), kick('left'), kick('left')], world()).frames });
    expect(r.reps).toHaveLength(0);
    expect(r.quality.find((q) => q.code === 'not-bird-dog')?.message).toMatch(/3 leg lifts but no arm reaching forward/);
  });

  it('a leg reaching straight back is a rep; kept only a little bent, it still is', () => {
    const r = analyzeBirdDog({ frames: session([opposite('left', { kneeFlexDeg: 180 - BIRD_DOG_REACH.LEG_REACH_MIN_KNEE_DEG - 15 })], world()).frames });
    expect(r.reps.map((x) => x.pattern)).toEqual(['opposite-arm-and-leg']);
    const bent = analyzeBirdDog({ frames: session([{ leg: 'left', arm: null, kneeFlexDeg: 180 - BIRD_DOG_REACH.LEG_REACH_MIN_KNEE_DEG + 15 }], world()).frames });
    expect(bent.reps).toHaveLength(0);
  });

  it('leg lifts with no arm anywhere are not bird-dog reps; one among opposite reps is named, not dropped', () => {
    const legsOnly = analyzeBirdDog({ frames: session([{ leg: 'left', arm: null }, { leg: 'right', arm: null }], world()).frames });
    expect(legsOnly.reps).toHaveLength(0);
    expect(legsOnly.quality.map((q) => q.code)).toContain('not-bird-dog');
    const mixed = analyzeBirdDog({ frames: session([opposite('left'), { leg: 'right', arm: null }, opposite('left')], world()).frames });
    expect(mixed.reps.map((x) => x.pattern)).toEqual(['opposite-arm-and-leg', 'leg-only', 'opposite-arm-and-leg']);
  });

  it('no limb reaching at all is named when the landmarks follow every limb in 3D, and only then', () => {
    const still = analyzeBirdDog({ frames: session([], { settleMs: 8000, ...world() }).frames });
    expect(still.quality.find((q) => q.code === 'not-bird-dog')?.message).toMatch(/no arm and leg reaching out and holding/);
    const flat = analyzeBirdDog({ frames: session([], { settleMs: 8000 }).frames });
    expect(flat.quality.map((q) => q.code)).toEqual(expect.arrayContaining(['no-reps']));
    expect(flat.quality.map((q) => q.code)).not.toContain('not-bird-dog');
  });
});
