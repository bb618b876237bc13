// What the camera reads of a bird-dog: the limbs' turn in 3D (world landmarks) whatever the view,
// an edited video read in parts, and other exercises on all fours named instead of counted.
import { describe, expect, it } from 'vitest';
import type { MotionFrames } from '../../camera/motion.ts';
import type { FrameResult } from '../../pose/pose-frame.ts';
import { ADULT, imageBody, motionFramesFromPoses, quadrupedBody, quadrupedCentre } from '@steadyback/synthetic';
import { SIDE_VIEW_SURE_YAW_DEG, detectCameraView } from '../../camera/view.ts';
import { seededGaussian } from '@steadyback/synthetic';
import { analyzeBirdDog } from './analyze.ts';
import { combineReps } from './camera-reading.ts';
import { computeCameraSignals } from './camera-signals.ts';
import { opposite, session } from '@steadyback/synthetic';
import { BIRD_DOG_REACH } from './thresholds.ts';

const world = (seed = 11, extra = {}) => ({
  imaging: { noisePx: 1.5, gaussian: seededGaussian(seed), world: true, ...extra },
});

describe("the limbs' turn in 3D", () => {
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
    const flat = analyzeBirdDog({
      frames: session(reps, {
        view: 'rear-oblique-45',
        imaging: { noisePx: 1.5, gaussian: seededGaussian(11), ...hidden },
      }).frames,
    });
    const deep = analyzeBirdDog({ frames: session(reps, { view: 'rear-oblique-45', ...world(11, hidden) }).frames });
    expect(flat.reps.some((r) => r.pattern !== 'opposite-arm-and-leg')).toBe(true);
    expect(deep.reps.map((r) => [r.leg, r.arm, r.pattern])).toEqual(
      reps.map((r) => [r.leg, r.arm, 'opposite-arm-and-leg']),
    );
  });

  it('is not used when the model places a limb loosely in 3D even at rest, and is used when it places it steadily', () => {
    const seq = session([opposite('left'), opposite('right')], world());
    const g = seededGaussian(9);
    // The right knee's 3D wanders: sd 0.2 m (about 25 degrees of the thigh) or 0.04 m (about 5).
    const loose = (sdM: number) =>
      seq.frames.map((f) =>
        f.landmarks && 'world' in f && f.world
          ? {
              ...f,
              world: f.world.map((w, i) => (i === 26 && w ? { ...w, xM: w.xM + sdM * g(), zM: w.zM + sdM * g() } : w)),
            }
          : f,
      );
    expect(computeCameraSignals(loose(0.2)).reach).toBeNull();
    expect(computeCameraSignals(loose(0.04)).reach).not.toBeNull();
  });

  it('counts nothing below the rest jitter', () => {
    // A limb turned a little less than the jitter allowance reads as rest.
    const seq = session(
      [
        opposite('left', {
          legElevationDeg: -90 + BIRD_DOG_REACH.REST_JITTER_DEG - 5,
          armElevationDeg: -90 + BIRD_DOG_REACH.REST_JITTER_DEG - 5,
        }),
      ],
      world(),
    );
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
  const mb = motionFramesFromPoses(shifted, {
    background: 150,
    gradient: { direction: 'horizontal', amount: 90 },
    noiseSd: 1,
  });
  return {
    frames: [...a.frames, ...shifted],
    motion: { ...ma, tMs: [...ma.tMs, ...mb.tMs], luma: [...ma.luma, ...mb.luma] },
    cutMs,
  };
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

describe("off the side: the landmarks' reps or the picture's", () => {
  const rep = (startS: number, endS: number, by: string) => ({ startMs: startS * 1000, endMs: endS * 1000, by });
  it("reads the one that tells more reps apart, with the other's where it saw nothing", () => {
    const own = [rep(1, 3, '3d'), rep(4, 6, '3d'), rep(7, 9, '3d'), rep(10, 12, '3d')];
    const merged = [rep(1, 3, 'pic'), rep(4, 12, 'pic'), rep(14, 16, 'pic')];
    // The 3D told 4 apart where the picture ran 3 into one; the picture's rep at 14 s, where the landmarks saw nothing, is added.
    expect(combineReps(own, merged, own).map((r) => r.by + r.startMs / 1000)).toEqual([
      '3d1',
      '3d4',
      '3d7',
      '3d10',
      'pic14',
    ]);
    // ... but not where the landmarks saw a movement that was no reach.
    expect(combineReps(own, merged, [...own, rep(13, 17, 'kick')]).map((r) => r.by)).toEqual(['3d', '3d', '3d', '3d']);
    const lost = [rep(1, 3, '3d'), rep(7, 9, '3d')];
    const timed = [rep(1, 3, 'pic'), rep(4, 6, 'pic'), rep(7, 9, 'pic'), rep(10, 12, 'pic')];
    expect(combineReps(lost, timed, lost).map((r) => r.by)).toEqual(['pic', 'pic', 'pic', 'pic']);
    expect(
      combineReps(
        timed.map((r) => ({ ...r, by: '3d' })),
        timed,
        timed,
      ).map((r) => r.by),
    ).toEqual(['pic', 'pic', 'pic', 'pic']);
    expect(combineReps(own, [], own).map((r) => r.by)).toEqual(['3d', '3d', '3d', '3d']);
  });
});

describe('a side view near a corner', () => {
  /** The session filmed from the side, turned `yawDeg` toward behind, with world landmarks and the picture's change. */
  const filmedAt = (yawDeg: number) => {
    const seq = session([opposite('left'), opposite('right'), opposite('left'), opposite('right')], world());
    const c = quadrupedCentre(ADULT),
      r = (yawDeg * Math.PI) / 180;
    const camera = {
      position: { x: c.x - 2.5 * Math.sin(r), y: c.y, z: c.z - 2.5 * Math.cos(r) },
      target: c,
      fovYDeg: 50,
      widthPx: 640,
      heightPx: 480,
    };
    const frames = seq.poses.map((p, i) => imageBody(quadrupedBody(p), camera, seq.frames[i]!.tMs, { world: true }));
    return { frames, motion: motionFramesFromPoses(frames, { room: true }) };
  };

  it("is read from the landmarks when sure, and the picture's change times its reps near the corner; leg height is measured in both", () => {
    const sure = filmedAt(10),
      near = filmedAt(15);
    expect(detectCameraView(sure.frames, 'quadruped').yawFromSideDeg!).toBeLessThan(SIDE_VIEW_SURE_YAW_DEG);
    expect(detectCameraView(near.frames, 'quadruped').yawFromSideDeg!).toBeGreaterThanOrEqual(SIDE_VIEW_SURE_YAW_DEG);
    const a = analyzeBirdDog(sure),
      b = analyzeBirdDog(near);
    expect([a.view, b.view]).toEqual(['side', 'side']);
    expect(a.reps.map((x) => x.foundBy)).toEqual(['camera', 'camera', 'camera', 'camera']);
    expect(b.reps.map((x) => x.foundBy)).toEqual(['camera-motion', 'camera-motion', 'camera-motion', 'camera-motion']);
    expect(b.reps.map((x) => x.leg)).toEqual(['left', 'right', 'left', 'right']);
    expect([...a.reps, ...b.reps].every((x) => x.metrics.R4.source === 'camera')).toBe(true);
  });
});

describe('holds of seconds', () => {
  it('a position held far longer than a bird-dog hold is not a rep, and the result says why; one held 10 s is', () => {
    const r = analyzeBirdDog({
      frames: session(
        [opposite('left'), opposite('right', { holdMs: 20_000 }), opposite('left', { holdMs: 10_000 })],
        world(),
      ).frames,
    });
    expect(r.reps.map((x) => x.leg)).toEqual(['left', 'left']);
    expect(r.quality.find((q) => q.code === 'long-hold')?.message).toMatch(
      /held for 2[01] s .* longer than a bird-dog hold/,
    );
  });
});

describe('other exercises on all fours', () => {
  it('a leg kicked back with the knee kept bent is no rep, and the result says what was seen', () => {
    const kick = (leg: 'left' | 'right') => ({ leg, arm: null, kneeFlexDeg: 90, legElevationDeg: 20, holdMs: 800 });
    const r = analyzeBirdDog({ frames: session([kick('left'), kick('left'), kick('left')], world()).frames });
    expect(r.reps).toHaveLength(0);
    expect(r.quality.find((q) => q.code === 'not-bird-dog')?.message).toMatch(
      /3 leg lifts but no arm reaching forward/,
    );
  });

  it('a leg reaching straight back is a rep; kept only a little bent, it still is', () => {
    const r = analyzeBirdDog({
      frames: session([opposite('left', { kneeFlexDeg: 180 - BIRD_DOG_REACH.LEG_REACH_MIN_KNEE_DEG - 15 })], world())
        .frames,
    });
    expect(r.reps.map((x) => x.pattern)).toEqual(['opposite-arm-and-leg']);
    const bent = analyzeBirdDog({
      frames: session(
        [{ leg: 'left', arm: null, kneeFlexDeg: 180 - BIRD_DOG_REACH.LEG_REACH_MIN_KNEE_DEG + 15 }],
        world(),
      ).frames,
    });
    expect(bent.reps).toHaveLength(0);
  });

  it('leg lifts with no arm anywhere are not bird-dog reps; one among opposite reps is named, not dropped', () => {
    const legsOnly = analyzeBirdDog({
      frames: session(
        [
          { leg: 'left', arm: null },
          { leg: 'right', arm: null },
        ],
        world(),
      ).frames,
    });
    expect(legsOnly.reps).toHaveLength(0);
    expect(legsOnly.quality.map((q) => q.code)).toContain('not-bird-dog');
    const mixed = analyzeBirdDog({
      frames: session([opposite('left'), { leg: 'right', arm: null }, opposite('left')], world()).frames,
    });
    expect(mixed.reps.map((x) => x.pattern)).toEqual(['opposite-arm-and-leg', 'leg-only', 'opposite-arm-and-leg']);
  });

  it('no limb reaching at all is named when the landmarks follow every limb in 3D, and only then', () => {
    const still = analyzeBirdDog({ frames: session([], { settleMs: 8000, ...world() }).frames });
    expect(still.quality.find((q) => q.code === 'not-bird-dog')?.message).toMatch(
      /no arm and leg reaching out and holding/,
    );
    const flat = analyzeBirdDog({ frames: session([], { settleMs: 8000 }).frames });
    expect(flat.quality.map((q) => q.code)).toEqual(expect.arrayContaining(['no-reps']));
    expect(flat.quality.map((q) => q.code)).not.toContain('not-bird-dog');
  });
});
