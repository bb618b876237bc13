import { describe, expect, it } from 'vitest';
import { computeMotionSignals, MOTION_MAX_FPS, type MotionSignals } from '../../camera/motion.ts';
import { landmarkIndex } from '../../pose/landmarks.ts';
import { seededGaussian } from '@steadyback/synthetic';
import {
  motionFramesFromPoses,
  type BirdDogSequenceOptions,
  type CameraView,
  type SilhouetteOptions,
  type SyntheticBirdDogRep,
} from '@steadyback/synthetic';
import { bodyCentre } from '../../camera/body-place.ts';
import { analyzeBirdDog } from './analyze.ts';
import { isEndOn, joinSplitReps, repsFromMotion, sidesFromChangePlace } from './motion-reps.ts';
import { opposite, session, truthCues, truthPelvis } from '@steadyback/synthetic';
import { BIRD_DOG_MOTION as M } from './thresholds.ts';

const TOL_MS = 500;
const ALTERNATING = [opposite('left'), opposite('right'), opposite('left'), opposite('right')];

/**
 * A synthetic session filmed from `view`: the pose frames as a model reports them (with landmark
 * jitter) and small pictures of the same body (drawn from the exact poses: a video has no jitter).
 */
function filmed(
  reps: readonly SyntheticBirdDogRep[],
  view: CameraView,
  picture: SilhouetteOptions = {},
  opts: Partial<BirdDogSequenceOptions> = {},
) {
  const seq = session(reps, { ...opts, view });
  const exact = session(reps, { ...opts, view, imaging: {} });
  const motion = motionFramesFromPoses(exact.frames, { noiseSd: 3, ...picture });
  // As analyzeBirdDog does: left and right of the hips' midpoint from the (jittery) pose.
  return { seq, motion, signals: computeMotionSignals(motion, bodyCentre(seq.frames)) };
}

function expectRepsMatchTruth(s: MotionSignals, truth: ReturnType<typeof session>['reps']) {
  const found = repsFromMotion(s);
  if (!found.ok) throw new Error(`no reps: ${found.reason}`);
  expect(found.reps.map((r) => r.leg)).toEqual(truth.map((t) => t.leg));
  found.reps.forEach((r, i) => {
    const t = truth[i]!;
    expect(Math.abs(r.startMs - t.startMs)).toBeLessThan(TOL_MS);
    expect(Math.abs(r.endMs - t.endMs)).toBeLessThan(TOL_MS);
    // The picture stops changing a little before the limb is fully out, so the hold may start early.
    expect(r.holdStartMs).toBeLessThan(t.holdStartMs + TOL_MS);
    expect(r.holdEndMs).toBeGreaterThan(t.holdEndMs - 2 * TOL_MS);
  });
}

describe("bird-dog reps from the picture's change, filmed end-on", () => {
  for (const view of ['rear', 'front'] as const) {
    it(`finds every alternating rep from the ${view}, with its leg and times`, () => {
      const { seq, signals } = filmed(ALTERNATING, view);
      expect(signals.aspect!).toBeLessThan(M.END_ON_MAX_ASPECT);
      expect(isEndOn(signals)).toBe(true);
      expectRepsMatchTruth(signals, seq.reps);
    });
  }

  it('calls a side view long, not end-on', () => {
    const { signals } = filmed(ALTERNATING, 'side-left');
    expect(signals.aspect!).toBeGreaterThan(2 * M.END_ON_MAX_ASPECT);
    expect(isEndOn(signals)).toBe(false);
  });

  it('is not thrown by a background gradient and an auto-exposure step halfway through', () => {
    const { seq, signals } = filmed(ALTERNATING, 'rear', {
      gradient: { direction: 'vertical', amount: 50 },
      brightness: (tMs) => (tMs >= 20_000 ? 45 : 0),
    });
    expectRepsMatchTruth(signals, seq.reps);
  });

  it('is not thrown by a television flickering in a corner of the room, well away from the person', () => {
    // A new picture on the screen every 400 ms, in rests and reps alike.
    const screen = {
      box: [0.02, 0.04, 0.24, 0.3] as const,
      grey: (tMs: number) => [30, 220, 120, 200, 60][Math.floor(tMs / 400) % 5]!,
    };
    const { seq, motion } = filmed(ALTERNATING, 'rear', { screen });
    const r = analyzeBirdDog({ frames: seq.frames, motion });
    expect(r.view).toBe('end-on');
    expect(r.reps.map((x) => [x.leg, x.foundBy])).toEqual(seq.reps.map((t) => [t.leg, 'camera-motion']));
    r.reps.forEach((x, i) => expect(Math.abs(x.startMs - seq.reps[i]!.startMs)).toBeLessThan(TOL_MS));
    // Read over the whole picture, the screen would be part of the moving region.
    const whole = computeMotionSignals(motion, bodyCentre(seq.frames));
    expect(whole.region!.x0).toBeLessThan(0.05);
    expect(isEndOn(whole)).toBe(false);
  });

  it('finds no rep when nothing is lifted, and says why', () => {
    const { signals } = filmed([], 'rear', { noiseSd: 5 });
    const found = repsFromMotion(signals);
    expect(found.ok).toBe(false);
    if (!found.ok) expect(found.reason).toMatch(/hardly changed/);
  });

  it('times every rep of a one-sided session (left leg three times) from behind, all left', () => {
    const { seq, signals } = filmed([opposite('left'), opposite('left'), opposite('left')], 'rear');
    expectRepsMatchTruth(signals, seq.reps);
  });

  it('gives every rep of a one-sided session filmed from the front to the left leg', () => {
    const reps = [0, 1, 2].map(() => opposite('left', { restMs: 8000 }));
    const { seq, signals } = filmed(reps, 'front', {}, { settleMs: 8000 });
    expectRepsMatchTruth(signals, seq.reps);
  });

  for (const view of ['rear', 'front'] as const) {
    for (const [w, h] of [
      [64, 48],
      [48, 64],
    ] as const) {
      it(`gives every rep of a right-leg-only session filmed from the ${view} to the right leg, in a ${w > h ? 'landscape' : 'portrait'} picture`, () => {
        const reps = [0, 1, 2].map(() => opposite('right', { restMs: 8000 }));
        const camera = { widthPx: w * 10, heightPx: h * 10 };
        const { seq, signals } = filmed(reps, view, { widthPx: w, heightPx: h }, { settleMs: 8000, camera });
        expectRepsMatchTruth(signals, seq.reps);
      });
    }
  }

  it("measures left and right from the hips' midpoint as a share of the picture's width, whatever its shape", () => {
    for (const camera of [
      { widthPx: 640, heightPx: 480 },
      { widthPx: 480, heightPx: 640 },
    ]) {
      const { frames } = session([opposite('left')], { view: 'rear', camera, imaging: {} });
      const lh = frames[0]!.landmarks![landmarkIndex('left_hip')]!,
        rh = frames[0]!.landmarks![landmarkIndex('right_hip')]!;
      expect(bodyCentre(frames).centreX).toBeCloseTo((lh.xNorm + rh.xNorm) / 2, 2);
    }
  });
});

describe('which leg, from where the picture changed (sidesFromChangePlace)', () => {
  const low = (...lows: number[]) => lows.map((lateralLow) => ({ lateral: 0, lateralLow }));

  it('splits two groups at the largest gap in the lower part of the change, wherever it is', () => {
    expect(sidesFromChangePlace(low(-0.2, 0.15, -0.18, 0.17))).toEqual(['left', 'right', 'left', 'right']);
    // Both groups right of centre (a shadow cast to the right): still two sides, split at the gap.
    expect(sidesFromChangePlace(low(0.02, 0.3, 0.04, 0.28))).toEqual(['left', 'right', 'left', 'right']);
  });

  it('goes by the lower part where all the change points the other way (in front, a distant camera, light from the other side)', () => {
    // A rendered phone recording of this (right leg first): the lifted foot above the head, on the
    // side opposite the reaching hand, outweighed the rest, and all four reps went to the wrong leg.
    const reps = [
      { lateral: -0.11, lateralLow: 0.23 },
      { lateral: 0.09, lateralLow: 0.03 },
      { lateral: -0.08, lateralLow: 0.24 },
      { lateral: 0.09, lateralLow: 0.03 },
    ];
    expect(sidesFromChangePlace(reps)).toEqual(['right', 'left', 'right', 'left']);
  });

  it('gives one group the side all its change is on, not the side of its lower part', () => {
    // From behind, light from the left: the shadow of any lifted leg falls right in the lower part.
    expect(sidesFromChangePlace([-0.2, -0.22, -0.19].map((lateral) => ({ lateral, lateralLow: 0.15 })))).toEqual([
      'left',
      'left',
      'left',
    ]);
    expect(sidesFromChangePlace([0.12, 0.15, 0.1].map((lateral) => ({ lateral, lateralLow: 0.1 })))).toEqual([
      'right',
      'right',
      'right',
    ]);
  });

  it('cannot tell one group near the centre', () => {
    expect(
      sidesFromChangePlace([0.01, -0.02, 0.03, 0].map((lateral) => ({ lateral, lateralLow: lateral }))),
    ).toBeNull();
  });

  it("does not give a group to one side when only half of it is off centre (the median of an even group is the middle two's mean)", () => {
    // Filmed in front at home: right-leg reps near the centre, left-leg reps a little left, the gap
    // too small for two sides. All four were called left.
    expect(
      sidesFromChangePlace([-0.004, -0.078, 0.007, -0.077].map((lateral) => ({ lateral, lateralLow: 0 }))),
    ).toBeNull();
  });

  it(`needs a gap of at least ${M.MIN_SIDE_SPLIT} region widths in the lower part for two sides`, () => {
    const half = M.MIN_SIDE_SPLIT / 2;
    expect(sidesFromChangePlace(low(-half, half))).toEqual(['left', 'right']);
    expect(sidesFromChangePlace(low(-half + 0.002, half - 0.002))).toBeNull();
  });

  it('cannot tell two kinds of rep apart when all the change splits them but the lower part does not', () => {
    // In front, a distant camera, a dim room lit from behind the person: the lower part put both
    // kinds of rep left of centre, and all the change mirrored the legs. Read as one group, two of
    // the four reps went to the wrong leg.
    const reps = [
      { lateral: -0.21, lateralLow: -0.19 },
      { lateral: 0.05, lateralLow: -0.13 },
      { lateral: -0.19, lateralLow: -0.18 },
      { lateral: 0.07, lateralLow: -0.11 },
    ];
    expect(sidesFromChangePlace(reps)).toBeNull();
  });

  it('cannot tell when a rep changed nothing in the lower part', () => {
    expect(
      sidesFromChangePlace([
        { lateral: -0.3, lateralLow: -0.3 },
        { lateral: 0.3, lateralLow: null },
      ]),
    ).toBeNull();
  });

  it('gives an empty list no sides', () => {
    expect(sidesFromChangePlace([])).toEqual([]);
  });
});

describe("analyzeBirdDog with the picture's change", () => {
  const rolls = [
    opposite('left', { rollDeg: -8 }),
    opposite('right', { rollDeg: 7 }),
    opposite('left', { rollDeg: -3 }),
    opposite('right', { rollDeg: -6 }),
  ];
  let cached: ReturnType<typeof filmed> | null = null;
  const rear = () => (cached ??= filmed(rolls, 'rear'));

  it('from behind, times the reps and their legs from the picture, and says the arm is assumed', () => {
    const { seq, motion } = rear();
    const r = analyzeBirdDog({ frames: seq.frames, motion });
    expect(r.reps.map((x) => [x.leg, x.arm, x.foundBy])).toEqual(seq.reps.map((t) => [t.leg, t.arm, 'camera-motion']));
    expect(r.reps.every((x) => x.classification === 'not-measurable')).toBe(true);
    // The landmarks say 'rear'; the narrow moving region makes it end-on (camera-view.ts).
    expect(r.view).toBe('end-on');
    const limits = r.quality
      .filter((q) => q.code === 'view-limits')
      .map((q) => q.message)
      .join(' ');
    expect(limits).toMatch(/which leg lifted come from how the picture changed/);
    expect(limits).toMatch(/opposite arm is assumed/);
    expect(r.series.motion?.endOn).toBe(true);
    // The picture's change over the whole recording, read at no more than 15 pictures a second (this one is filmed at 30).
    const t = r.series.motion!.tMs;
    expect(t[0]).toBe(seq.frames[0]!.tMs);
    expect(t.at(-1)!).toBeGreaterThan(seq.frames.at(-1)!.tMs - 100);
    expect(t.length).toBeLessThanOrEqual(Math.ceil((seq.frames.at(-1)!.tMs / 1000) * MOTION_MAX_FPS) + 1);
  });

  it('with the phone (no cues), measures the roll per picture-timed rep and times R3 from the picture', () => {
    const { seq, motion } = rear();
    const r = analyzeBirdDog({ frames: seq.frames, motion, pelvis: truthPelvis(seq) });
    expect(r.reps.map((x) => x.foundBy)).toEqual(['camera-motion', 'camera-motion', 'camera-motion', 'camera-motion']);
    r.reps.forEach((x, i) => {
      expect(x.metrics.R1.source).toBe('sensor');
      expect(Math.abs(x.metrics.R1.value! - Math.abs(seq.reps[i]!.rollDeg))).toBeLessThan(0.5);
      expect(x.metrics.R3.band).not.toBe('not-measurable');
    });
    // 8, 7 and 6 degrees reach the 5-degree onset after the leg is halfway up: timed, green.
    for (const i of [0, 1, 3]) expect(r.reps[i]!.metrics.R3).toMatchObject({ band: 'green', source: 'sensor' });
    for (const i of [0, 1, 3]) expect(r.reps[i]!.metrics.R3.value).toBeLessThan(0);
  });

  it('with the phone (no cues), flags a roll that leads the leg on picture-timed reps', () => {
    const { seq, motion } = filmed(
      [opposite('left', { rollDeg: -8, rollLead: 0.8 }), opposite('right', { rollDeg: 8, rollLead: 0.8 })],
      'rear',
    );
    const r = analyzeBirdDog({ frames: seq.frames, motion, pelvis: truthPelvis(seq) });
    expect(r.reps.map((x) => [x.foundBy, x.metrics.R3.band])).toEqual([
      ['camera-motion', 'red'],
      ['camera-motion', 'red'],
    ]);
  });

  it("with the phone's pacing cues, the cues still time the reps", () => {
    const { seq, motion } = rear();
    const r = analyzeBirdDog({ frames: seq.frames, motion, pelvis: { ...truthPelvis(seq), cues: truthCues(seq) } });
    expect(r.reps.map((x) => [x.leg, x.foundBy])).toEqual(seq.reps.map((t) => [t.leg, 'pacing-cues']));
    expect(r.reps.map((x) => x.startMs)).toEqual(seq.reps.map((t) => t.startMs));
  });

  for (const view of ['rear-oblique-45', 'high-corner'] as const) {
    it(`filmed ${view}, neither side nor end-on: the picture's change times every rep and the landmarks, compared across reps, tell the leg`, () => {
      const { seq, motion } = filmed(ALTERNATING, view);
      const r = analyzeBirdDog({ frames: seq.frames, motion });
      expect(r.view).not.toBe('side');
      expect(r.view).not.toBe('end-on');
      expect(r.reps.map((x) => [x.leg, x.foundBy])).toEqual(seq.reps.map((t) => [t.leg, 'camera-motion']));
      r.reps.forEach((x, i) => expect(Math.abs(x.startMs - seq.reps[i]!.startMs)).toBeLessThan(TOL_MS));
    });
  }

  it('judges no rep when the picture times the lifts but not the leg, and says how to film instead of guessing from the landmarks', () => {
    // Each lift changes only the middle of the picture (as for someone small in the picture, filmed
    // in front): a bar rising at the body's centre line in every hold.
    const { seq } = rear();
    const w = 64,
      h = 48,
      centre = Math.round((bodyCentre(seq.frames).centreX ?? 0.5) * w);
    const noise = seededGaussian(5);
    const lifted = (t: number) =>
      Math.max(0, ...seq.reps.map((r) => Math.min(1, (t - r.startMs) / 1000, (r.endMs - t) / 1000)));
    const luma = seq.frames.map((f) => {
      const l = new Uint8Array(w * h);
      const top = Math.round(40 - 30 * lifted(f.tMs));
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++)
          l[y * w + x] = Math.round((x >= centre - 2 && x < centre + 2 && y >= top && y < 40 ? 170 : 60) + 3 * noise());
      return l;
    });
    const r = analyzeBirdDog({
      frames: seq.frames,
      motion: { widthPx: w, heightPx: h, tMs: seq.frames.map((f) => f.tMs), luma },
    });
    expect(r.view).toBe('end-on');
    expect(r.reps).toEqual([]);
    expect(r.quality.map((q) => q.message).join(' ')).toMatch(/the picture showed 4 lifts but not which leg lifted/);
    expect(r.quality.find((q) => q.code === 'no-reps')?.message).toMatch(
      /saw you lift but not which leg\. Put the camera at your side/,
    );
    // The same landmarks on their own do find 4 reps: the result above chose not to use them.
    expect(analyzeBirdDog({ frames: seq.frames }).reps).toHaveLength(4);
  });

  it('without the pictures, the same rear recording is analysed from the landmarks as before', () => {
    const seq = session(rolls, { view: 'rear' });
    const r = analyzeBirdDog({ frames: seq.frames });
    expect(r.view).toBe('rear');
    expect(r.reps.map((x) => [x.leg, x.foundBy])).toEqual(seq.reps.map((t) => [t.leg, 'camera']));
    expect(r.series.motion).toBeNull();
    expect(r.quality.map((q) => q.message).join(' ')).not.toMatch(/picture changed/);
  });
});

// Hand-made change signals at 8 pictures a second: (duration ms, activity at the end, side) pieces,
// the activity going linearly from piece to piece; rests at exactly 0, as on a steady picture.
type Piece = readonly [number, number, 'left' | 'right' | null];
/** Activity ramped piece by piece from `startActivity`, 8 samples a second. */
function signals(pieces: readonly Piece[], startActivity = 0): MotionSignals {
  const tMs: number[] = [],
    activity: number[] = [],
    lateral: Array<number | null> = [],
    lateralLow: Array<number | null> = [];
  let t = 0,
    a = startActivity;
  for (const [dur, to, side] of pieces) {
    for (let s = 0; s < dur; s += 125) {
      const v = a + ((to - a) * s) / dur;
      tMs.push(t + s);
      activity.push(v);
      lateral.push(v > 0 && side ? (side === 'left' ? -0.3 : 0.3) : null);
      lateralLow.push(lateral.at(-1)!);
    }
    t += dur;
    a = to;
  }
  return {
    tMs,
    activity,
    lateral,
    lateralLow,
    region: { x0: 0.4, y0: 0.5, x1: 0.6, y1: 1 },
    aspect: 0.5,
    cameraMovement: 0,
  };
}
const rest = (ms: number): Piece => [ms, 0, null];
const rep = (side: 'left' | 'right'): Piece[] => [
  [1500, 0.1, side],
  [2500, 0.1, side],
  [1500, 0, side],
];
// The held leg all but vanishes: the change falls to a twentieth of the reach's for 0.4 s mid-hold.
const lostHold = (side: 'left' | 'right'): Piece[] => [
  [1500, 0.1, side],
  [600, 0.003, side],
  [400, 0.003, side],
  [600, 0.1, side],
  [1500, 0, side],
];

describe('a rep whose hold the picture lost', () => {
  it('is one rep, not two, with its hold running from the reach to the return', () => {
    const s = signals([
      rest(2000),
      ...lostHold('left'),
      rest(1500),
      ...rep('right'),
      rest(1500),
      ...lostHold('left'),
      rest(2000),
    ]);
    const found = repsFromMotion(s);
    if (!found.ok) throw new Error(found.reason);
    expect(found.reps.map((r) => r.leg)).toEqual(['left', 'right', 'left']);
    const first = found.reps[0]!;
    expect(first.startMs).toBeLessThan(2300);
    expect(first.endMs).toBeGreaterThan(5800);
    expect(first.holdEndMs).toBeGreaterThan(first.holdStartMs);
  });

  it('two reps of the same leg with a rest between them stay two', () => {
    const s = signals([
      rest(2000),
      ...rep('left'),
      rest(1500),
      ...rep('left'),
      rest(1500),
      ...rep('right'),
      rest(2000),
    ]);
    const found = repsFromMotion(s);
    if (!found.ok) throw new Error(found.reason);
    expect(found.reps.map((r) => r.leg)).toEqual(['left', 'left', 'right']);
  });

  it('joins only neighbours of the same leg that are closer than the join gap', () => {
    const peakRise = { leftLeg: 1, rightLeg: 0, leftArm: 0, rightArm: 0 };
    const r = (startMs: number, endMs: number, leg: 'left' | 'right') => ({
      startMs,
      holdStartMs: startMs + 500,
      holdEndMs: endMs - 500,
      endMs,
      peakRise,
      leg,
    });
    const gap = M.JOIN_MAX_GAP_MS;
    const joined = joinSplitReps(
      [r(0, 3000, 'left'), r(3000 + gap - 1, 6000, 'left'), r(6500, 9000, 'right'), r(9000 + gap, 12_000, 'right')],
      (x) => x.leg,
    );
    expect(joined.map((x) => [x.startMs, x.holdStartMs, x.holdEndMs, x.endMs, x.leg])).toEqual([
      [0, 500, 5500, 6000, 'left'],
      [6500, 7000, 8500, 9000, 'right'],
      [9000 + gap, 9500 + gap, 11_500, 12_000, 'right'],
    ]);
  });
});

describe('the hold, timed from the picture', () => {
  it("runs to the return, through a dip of the change mid-hold (a phone's exposure and noise)", () => {
    // Reach 2-3.5 s, hold 3.5-6.7 s with the change dipping to 70% of its level at 4.7 s, return 6.7-8.2 s.
    const s = signals([
      rest(2000),
      [1500, 0.1, 'left'],
      [800, 0.1, 'left'],
      [400, 0.07, 'left'],
      [400, 0.1, 'left'],
      [1600, 0.1, 'left'],
      [1500, 0, 'left'],
      rest(2000),
    ]);
    const found = repsFromMotion(s);
    if (!found.ok) throw new Error(found.reason);
    expect(found.reps).toHaveLength(1);
    const r = found.reps[0]!;
    expect(r.holdStartMs).toBeLessThan(4000);
    expect(r.holdEndMs).toBeGreaterThan(6500);
    expect(r.holdEndMs).toBeLessThan(r.endMs);
  });
});

describe('the start of the recording', () => {
  it('drops a change already under way when the reading starts (getting down), keeping the reps after it', () => {
    // Getting down, slowly: the picture differs from the rest from the first frame and settles after 4.5 s.
    const s = signals(
      [[2500, 0.1, 'left'], [2000, 0, 'left'], rest(1500), ...rep('left'), rest(1500), ...rep('right'), rest(2000)],
      0.1,
    );
    const found = repsFromMotion(s);
    if (!found.ok) throw new Error(found.reason);
    expect(found.reps.map((r) => r.leg)).toEqual(['left', 'right']);
    expect(found.reps[0]!.startMs).toBeGreaterThan(4500);
  });

  it('keeps a first rep that begins from rest, however soon, or from a settle a little off the rest posture (after creeping)', () => {
    for (const s of [
      signals([rest(250), ...rep('left'), rest(1500), ...rep('right'), rest(2000)]),
      // The settle differs from the later rests by a fifth of a lift: the first rep seems to start at the first picture.
      signals([[1000, 0.02, null], ...rep('left'), rest(1500), ...rep('right'), rest(2000)], 0.02),
    ]) {
      const found = repsFromMotion(s);
      if (!found.ok) throw new Error(found.reason);
      expect(found.reps.map((r) => r.leg)).toEqual(['left', 'right']);
    }
  });
});

describe('the end of the recording', () => {
  it('drops a change that is still held when the recording ends (getting up), keeping the reps before it', () => {
    // The last rest is too short to end the reading there: the get-up starts the change and the
    // recording ends before it comes back.
    const s = signals([
      rest(2000),
      ...rep('left'),
      rest(1500),
      ...rep('right'),
      rest(500),
      [1500, 0.1, 'left'],
      [1000, 0.1, 'left'],
    ]);
    const found = repsFromMotion(s);
    if (!found.ok) throw new Error(found.reason);
    expect(found.reps.map((r) => r.leg)).toEqual(['left', 'right']);
  });

  it('keeps a last rep whose return had begun when the recording ended', () => {
    const s = signals([
      rest(2000),
      ...rep('left'),
      rest(1500),
      ...rep('right'),
      rest(1500),
      [1500, 0.1, 'left'],
      [2500, 0.1, 'left'],
      [750, 0.05, 'left'],
    ]);
    const found = repsFromMotion(s);
    if (!found.ok) throw new Error(found.reason);
    expect(found.reps.map((r) => r.leg)).toEqual(['left', 'right', 'left']);
  });
});
