// What the camera contributes to the bird-dog: limb rise for rep finding (every view), and from
// the side view the leg-line elevation (R4) and trunk sag (R5). Signals are relative to the
// person's own rest posture, scaled by their thigh length in the image so distance does not matter.

import { movingMedian } from '../../signal/moving-median.ts';
import { median, quantile } from '../../signal/stats.ts';
import { frameDistance, frameMidpoint } from '../../pose/frame-geometry.ts';
import { distance, segmentAngleFromHorizontalDeg, signedDistanceToLine } from '../../pose/geometry.ts';
import type { LandmarkName } from '../../pose/landmarks.ts';
import { hasPerson, type FrameResult } from '../../pose/pose-frame.ts';
import { MIN_VALID_FRAME_SHARE, visiblePoint } from '../../pose/visibility.ts';
import { LIMBS, type Limb, type LimbRise } from './phases.ts';
import { BIRD_DOG_REACH } from './thresholds.ts';

export interface CameraSignals {
  readonly tMs: number[];
  /** Per frame, each hand's and foot's rise in the picture above its rest height, in thigh lengths. */
  readonly rise: LimbRise[];
  /**
   * Per frame, how far each limb turned from its own rest direction in the model's 3D world
   * landmarks (thigh for a leg, shoulder to wrist for an arm), past the rest jitter, on the same
   * scale as `rise` (a full reach is about 1); null when the model gives no world landmarks.
   */
  readonly reach: LimbRise[] | null;
  /** Per leg: hip->ankle elevation above horizontal (meaningful from the side view only). */
  readonly legElevationDeg: { readonly left: Array<number | null>; readonly right: Array<number | null> };
  /** Raw trunk-sag distance (hip midpoint from the shoulder -> supporting-knee line, in trunk lengths); the supporting knee is the lower leg's. */
  readonly sagRaw: Array<number | null>;
  readonly restSagRaw: number | null;
  readonly thighScale: number | null;
}

const LIMB_POINT: Record<keyof LimbRise, LandmarkName> = {
  leftLeg: 'left_ankle',
  rightLeg: 'right_ankle',
  leftArm: 'left_wrist',
  rightArm: 'right_wrist',
};

const REST_QUANTILE = 0.75;

/** The quantile of the values that were measured; null when none was. */
function measuredQuantile(values: ReadonlyArray<number | null>, q: number): number | null {
  const v = values.filter((x): x is number => x !== null);
  return v.length ? quantile(v, q) : null;
}

export function computeCameraSignals(frames: readonly FrameResult[]): CameraSignals {
  // Rest positions: a resting hand or foot is at its lowest in the picture, and each limb rests for
  // at least a quarter of any session (between reps and while the other side works), so the 75th
  // percentile of its image height is its rest height, robust to noise and to long holds.
  const restY: Record<keyof LimbRise, number | null> = { leftLeg: null, rightLeg: null, leftArm: null, rightArm: null };
  for (const limb of Object.keys(LIMB_POINT) as Array<keyof LimbRise>) {
    restY[limb] = measuredQuantile(
      frames.map((f) => visiblePoint(f, LIMB_POINT[limb])?.y ?? null),
      REST_QUANTILE,
    );
  }
  const thighScale = median(
    frames.flatMap((f) => [frameDistance(f, 'left_hip', 'left_knee'), frameDistance(f, 'right_hip', 'right_knee')]),
  );
  const rise: LimbRise[] = frames.map((f) => {
    const r = (limb: keyof LimbRise): number | null => {
      const p = visiblePoint(f, LIMB_POINT[limb]);
      const rest = restY[limb];
      return p && rest !== null && thighScale ? (rest - p.y) / thighScale : null;
    };
    return { leftLeg: r('leftLeg'), rightLeg: r('rightLeg'), leftArm: r('leftArm'), rightArm: r('rightArm') };
  });
  const legElevationDeg = {
    left: frames.map((f) => segmentAngleFromHorizontalDeg(visiblePoint(f, 'left_hip'), visiblePoint(f, 'left_ankle'))),
    right: frames.map((f) =>
      segmentAngleFromHorizontalDeg(visiblePoint(f, 'right_hip'), visiblePoint(f, 'right_ankle')),
    ),
  };
  const sagRaw = frames.map((f, i) => {
    const r = rise[i]!;
    const supportKnee: LandmarkName = (r.leftLeg ?? 0) > (r.rightLeg ?? 0) ? 'right_knee' : 'left_knee';
    const hipMid = frameMidpoint(f, 'left_hip', 'right_hip');
    const shoulderMid = frameMidpoint(f, 'left_shoulder', 'right_shoulder');
    const knee = visiblePoint(f, supportKnee);
    const trunk = distance(hipMid, shoulderMid);
    const d = signedDistanceToLine(hipMid, shoulderMid, knee);
    return d !== null && trunk ? Math.abs(d) / trunk : null;
  });
  const atRest = sagRaw.filter((_, i) => Math.max(...Object.values(rise[i]!).map((v) => v ?? 0)) < 0.1);
  return {
    tMs: frames.map((f) => f.tMs),
    rise,
    reach: worldReach(frames),
    legElevationDeg,
    sagRaw,
    restSagRaw: median(atRest),
    thighScale,
  };
}

/** The signal the landmarks' reps are found and timed on: the 3D reach when the model gives world landmarks, else the picture's rise. */
export function limbSignal(cam: CameraSignals): LimbRise[] {
  return cam.reach ?? cam.rise;
}

const REACH_SEGMENT: Record<Limb, readonly [number, number]> = {
  // BlazePose indices: hip -> knee for the legs, shoulder -> wrist for the arms.
  leftLeg: [23, 25],
  rightLeg: [24, 26],
  leftArm: [11, 15],
  rightArm: [12, 16],
};

type Vec3 = readonly [number, number, number];

function segmentDirection(f: FrameResult, limb: Limb): Vec3 | null {
  if (!hasPerson(f) || !f.world) return null;
  const [i, j] = REACH_SEGMENT[limb];
  const a = f.world[i],
    b = f.world[j];
  if (!a || !b) return null;
  const v: Vec3 = [b.xM - a.xM, b.yM - a.yM, b.zM - a.zM];
  const n = Math.hypot(...v);
  return n > 0 && Number.isFinite(n) ? [v[0] / n, v[1] / n, v[2] / n] : null;
}

/**
 * The limbs' turn from rest in 3D. Each limb's rest direction comes from the recording itself, so
 * neither the camera's tilt nor the view matters: a thigh that swings back to horizontal turns about 80 degrees
 * from any camera. The model places limbs it cannot see too, and in 3D those guesses follow the
 * reach well (real recordings: from behind at an angle the far arm was unseen in the picture but
 * turned 60-80 degrees in 3D in every rep). Smoothed by a centred 5-frame median (world landmarks
 * are not filtered with the picture's). Null when even a limb's quietest frames turn far from its rest
 * (`MAX_QUIET_TURN_DEG`): then the 3D is too loose to time reps, and the picture is read instead.
 */
function worldReach(frames: readonly FrameResult[]): LimbRise[] | null {
  const withPerson = frames.filter(hasPerson);
  if (withPerson.length === 0 || withPerson.filter((f) => f.world).length < MIN_VALID_FRAME_SHARE * withPerson.length)
    return null;
  const out: Record<Limb, Array<number | null>> = { leftLeg: [], rightLeg: [], leftArm: [], rightArm: [] };
  let loosest = 0;
  for (const limb of LIMBS) {
    const dirs = frames.map((f) => segmentDirection(f, limb));
    const seen = dirs.filter((d): d is Vec3 => d !== null);
    if (seen.length === 0) {
      out[limb] = frames.map(() => null);
      continue;
    }
    // At rest a limb points down; lifted, it turns toward horizontal. So its rest is where it points
    // most downward (world y is down): the median direction of its most downward quarter of frames,
    // which a long hold cannot fill (a camera tilted up to 45 degrees keeps the order).
    const downmost = measuredQuantile(
      seen.map((d) => d[1]),
      REST_QUANTILE,
    );
    const rests = seen.filter((d) => d[1] >= downmost!);
    const m = [0, 1, 2].map((k) => median(rests.map((d) => d[k]!))!);
    const n = Math.hypot(...m) || 1;
    const rest = m.map((x) => x / n);
    const turnDeg = dirs.map((d) =>
      d
        ? (Math.acos(Math.max(-1, Math.min(1, d[0] * rest[0]! + d[1] * rest[1]! + d[2] * rest[2]!))) * 180) / Math.PI
        : null,
    );
    loosest = Math.max(loosest, measuredQuantile(turnDeg, BIRD_DOG_REACH.QUIET_SHARE) ?? 0);
    out[limb] = movingMedian(turnDeg, 5, 'centred').map((a) =>
      a === null ? null : Math.max(0, a - BIRD_DOG_REACH.REST_JITTER_DEG) / BIRD_DOG_REACH.FULL_TURN_DEG,
    );
  }
  // A model whose 3D wanders even when a limb is quietest cannot time reps from it.
  if (loosest > BIRD_DOG_REACH.MAX_QUIET_TURN_DEG) return null;
  return frames.map((_, i) => ({
    leftLeg: out.leftLeg[i]!,
    rightLeg: out.rightLeg[i]!,
    leftArm: out.leftArm[i]!,
    rightArm: out.rightArm[i]!,
  }));
}

/**
 * The moments every seen hand and foot rests (rise below `quietRise`, at least two limbs seen), in
 * the recording's time: the settled start, the rests between reps, the settled end. The landmarks'
 * stand-in for camera-motion.ts `restMoments` when there are no pictures.
 */
export function quietMoments(cam: CameraSignals, quietRise: number): Array<{ startMs: number; endMs: number }> {
  const out: Array<{ startMs: number; endMs: number }> = [];
  let start: number | null = null,
    last = 0;
  cam.tMs.forEach((t, i) => {
    const seen = Object.values(cam.rise[i]!).filter((v): v is number => v !== null);
    const quiet = seen.length >= 2 && Math.max(...seen) < quietRise;
    if (quiet) {
      start ??= t;
      last = t;
    } else if (start !== null) {
      out.push({ startMs: start, endMs: last });
      start = null;
    }
  });
  if (start !== null) out.push({ startMs: start, endMs: last });
  return out.filter((m) => m.endMs > m.startMs);
}
