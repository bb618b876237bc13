// How the body is placed, from the pose model's 3D world landmarks where it gives them: on all fours,
// with the legs stretched out along the floor (lying face down or up, or a plank), or upright
// (standing, kneeling, half-kneeling). The 3D angles between trunk and thigh do not depend on where
// the camera is; only "upright" needs the camera's down, and a camera tilted even 40 degrees keeps a
// standing trunk far from a horizontal one. Without world landmarks, camera-view.ts `detectPosture`
// reads the picture instead. Pure: frames in.

import { detectPosture } from './view.ts';
import { hasPerson, type FrameResult, type WorldLandmark } from '../pose/pose-frame.ts';

/** 'along-floor': the trunk along the floor, the legs not judged (from the picture alone, which cannot tell all fours from a plank). */
export type BodyPosture = 'all-fours' | 'legs-out' | 'along-floor' | 'upright' | 'unknown';
// 'legs-out': lying face down or up, or a plank (the legs stretched out), or lying on the back with the knees up.

/**
 * Real recordings (../shared/real, BlazePose full), the trunk's angle from the camera's down
 * (hips to shoulders: 180 = shoulders straight above the hips): upright 132-179 (standing, a lunge,
 * kneeling, half-kneeling); along the floor 75-103 (all fours, a plank, lying face down, a child's pose).
 */
export const UPRIGHT_TRUNK_MIN_DEG = 135;
/**
 * Along the floor, the smaller of the two hip angles (shoulder-hip-knee, 3D): on all fours the
 * supporting leg's hip stays bent, 88-110 degrees (a child's pose folds it to 40); legs stretched out,
 * 125-171 (a plank 146-162, lying face down 125-171, the least with a leg lifted behind). (M)
 */
export const LEGS_OUT_MIN_HIP_DEG = 125;
/** A posture is the recording's when at least this share of the frames judged show it. */
export const POSTURE_MAJORITY = 0.6;

const I = { ls: 11, rs: 12, lh: 23, rh: 24, lk: 25, rk: 26 } as const;

function angleDeg(u: readonly number[], v: readonly number[]): number | null {
  const nu = Math.hypot(...u),
    nv = Math.hypot(...v);
  if (!(nu > 0 && nv > 0)) return null;
  const c = (u[0]! * v[0]! + u[1]! * v[1]! + u[2]! * v[2]!) / (nu * nv);
  return (Math.acos(Math.max(-1, Math.min(1, c))) * 180) / Math.PI;
}
const sub = (a: WorldLandmark, b: WorldLandmark) => [b.xM - a.xM, b.yM - a.yM, b.zM - a.zM];
const mid = (a: WorldLandmark, b: WorldLandmark): WorldLandmark => ({
  xM: (a.xM + b.xM) / 2,
  yM: (a.yM + b.yM) / 2,
  zM: (a.zM + b.zM) / 2,
});

/** One frame's posture from its world landmarks; null without them. */
export function framePosture3d(f: FrameResult): BodyPosture | null {
  if (!hasPerson(f) || !f.world) return null;
  const w = f.world;
  const ls = w[I.ls],
    rs = w[I.rs],
    lh = w[I.lh],
    rh = w[I.rh],
    lk = w[I.lk],
    rk = w[I.rk];
  if (!ls || !rs || !lh || !rh || !lk || !rk) return null;
  // World y points down, like the picture's.
  const trunk = angleDeg(sub(mid(lh, rh), mid(ls, rs)), [0, 1, 0]);
  const hipL = angleDeg(sub(lh, ls), sub(lh, lk)),
    hipR = angleDeg(sub(rh, rs), sub(rh, rk));
  if (trunk === null || hipL === null || hipR === null) return null;
  if (trunk >= UPRIGHT_TRUNK_MIN_DEG) return 'upright';
  // Lying on the back with the legs up (a dead bug) bends the hips like all fours, but every knee is
  // above the hips instead of below them.
  const lowerKnee = Math.max(lk.yM, rk.yM),
    hipY = (lh.yM + rh.yM) / 2;
  return Math.min(hipL, hipR) >= LEGS_OUT_MIN_HIP_DEG || lowerKnee < hipY ? 'legs-out' : 'all-fours';
}

/**
 * The recording's posture: the one most of its frames show (from 3D when most frames have world
 * landmarks), 'unknown' when none reaches `POSTURE_MAJORITY`; without world landmarks, from the
 * picture (detectPosture: all fours or upright).
 */
export function detectBodyPosture(frames: readonly FrameResult[]): BodyPosture {
  const people = frames.filter(hasPerson);
  const judged = people.map(framePosture3d).filter((p): p is BodyPosture => p !== null);
  if (people.length > 0 && judged.length >= 0.5 * people.length) {
    for (const p of ['all-fours', 'legs-out', 'upright'] as const)
      if (judged.filter((x) => x === p).length >= POSTURE_MAJORITY * judged.length) return p;
    return 'unknown';
  }
  const flat = detectPosture(frames);
  return flat === 'quadruped' ? 'along-floor' : flat;
}

export type ExerciseName = 'bird-dog' | 'hip-flexor-stretch';

/**
 * One sentence when the recording shows a posture the exercise is not done in (the caller adds
 * what to do instead); null when it may be the exercise. Only a clear majority refuses: rejecting a
 * real exercise is worse than analysing a wrong one.
 */
export function postureMismatch(posture: BodyPosture, exercise: ExerciseName): string | null {
  if (exercise === 'bird-dog') {
    if (posture === 'upright') return 'This video shows someone upright, not on all fours.';
    if (posture === 'legs-out')
      return 'This video shows someone lying down or in a plank, with the legs stretched out, not on hands and knees with the knees under the hips.';
    return null;
  }
  if (posture === 'all-fours') return 'This video shows someone on all fours, not kneeling upright.';
  if (posture === 'legs-out') return 'This video shows someone lying down or in a plank, not kneeling upright.';
  if (posture === 'along-floor')
    return 'This video shows someone with the body along the floor (on all fours, lying down or in a plank), not kneeling upright.';
  return null;
}
