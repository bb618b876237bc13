// Per-frame angles of the half-kneeling stretch in the image plane, and the set-up checks F1-F4
// they allow.

import { angleAtDeg, midpoint, type Point2 } from '../../pose/geometry.ts';
import type { FrameResult } from '../../pose/pose-frame.ts';
import { visiblePoint } from '../../pose/visibility.ts';
import type { KneelingSide } from './result.ts';
import { STRETCH_THRESHOLDS as T } from './thresholds.ts';

export interface FrameAngles {
  readonly tMs: number;
  readonly kneeling: KneelingSide | null;
  readonly frontKneeDeg: number | null;
  readonly backKneeDeg: number | null;
  readonly thighBehindDeg: number | null;
  readonly trunkLeanDeg: number | null;
  readonly trunkThighDeg: number | null;
  readonly shinFromVerticalDeg: number | null;
  /** Where the hips are between the kneeling knee (0) and the front ankle (1), across the picture: the hips moving forward and back, from any view but straight in front or behind. */
  readonly hipForwardShare: number | null;
}

/** Half-kneeling: the kneeling knee is at least this many thigh lengths below the front knee (L). */
const KNEE_DROP_THIGHS = 0.3;
const OTHER: Record<KneelingSide, KneelingSide> = { left: 'right', right: 'left' };
const deg = (r: number) => (r * 180) / Math.PI;

/** Per-frame angles in the image plane; null where a needed point is not seen. */
export function stretchAngles(f: FrameResult): FrameAngles {
  const p = (n: Parameters<typeof visiblePoint>[1]) => visiblePoint(f, n);
  const kl = p('left_knee'),
    kr = p('right_knee');
  const empty: FrameAngles = {
    tMs: f.tMs,
    kneeling: null,
    frontKneeDeg: null,
    backKneeDeg: null,
    thighBehindDeg: null,
    trunkLeanDeg: null,
    trunkThighDeg: null,
    shinFromVerticalDeg: null,
    hipForwardShare: null,
  };
  if (!kl || !kr) return empty;
  const hl = p('left_hip'),
    hr = p('right_hip');
  const thigh =
    (hl && kl ? Math.hypot(hl.x - kl.x, hl.y - kl.y) : 0) || (hr && kr ? Math.hypot(hr.x - kr.x, hr.y - kr.y) : 0);
  // The kneeling knee is on the floor, well below the front knee.
  if (!thigh || Math.abs(kl.y - kr.y) < KNEE_DROP_THIGHS * thigh) return empty;
  const k: KneelingSide = kl.y > kr.y ? 'left' : 'right';
  const fr = OTHER[k];
  const hipK = p(`${k}_hip`),
    kneeK = p(`${k}_knee`),
    ankleK = p(`${k}_ankle`);
  const hipF = p(`${fr}_hip`),
    kneeF = p(`${fr}_knee`),
    ankleF = p(`${fr}_ankle`);
  const sh = midpoint(p('left_shoulder'), p('right_shoulder'));
  const hipMid = midpoint(hipK, hipF) ?? hipK;
  // Which way the person faces in the picture: the front knee is ahead of the hips.
  const facing = kneeF && hipMid ? Math.sign(kneeF.x - hipMid.x) || 1 : 1;
  const behind = (from: Point2 | null, to: Point2 | null, up: boolean): number | null => {
    if (!from || !to) return null;
    const dx = (to.x - from.x) * -facing; // positive = toward the person's back
    const dy = up ? from.y - to.y : to.y - from.y;
    return deg(Math.atan2(dx, dy));
  };
  const trunkLeanDeg = behind(hipMid, sh, true);
  const thighBehindDeg = behind(hipK, kneeK, false);
  const shin = kneeF && ankleF ? deg(Math.atan2(Math.abs(kneeF.x - ankleF.x), ankleF.y - kneeF.y)) : null;
  // A front thigh pointing at the camera (filmed from in front) looks short and its knee angle is
  // noise (a synthetic 90-degree knee read 60-176 degrees straight from the front); the same for the
  // kneeling shin pointing away from the camera.
  const trunkLen = sh && hipMid ? Math.hypot(sh.x - hipMid.x, sh.y - hipMid.y) : 0;
  const foreshortened = looksShort(hipF, kneeF, trunkLen);
  const shinForeshortened = looksShort(kneeK, ankleK, trunkLen);
  const hipForwardShare = hipForward(hipMid, kneeK, ankleF, trunkLen);
  return {
    tMs: f.tMs,
    kneeling: k,
    frontKneeDeg: foreshortened ? null : angleAtDeg(hipF, kneeF, ankleF),
    backKneeDeg: shinForeshortened ? null : angleAtDeg(hipK, kneeK, ankleK),
    thighBehindDeg,
    trunkLeanDeg,
    trunkThighDeg: angleAtDeg(sh, hipK, kneeK),
    shinFromVerticalDeg: shin,
    hipForwardShare,
  };
}

/**
 * From a view that cannot measure the knees, a set-up needs each knee that can be read at least to
 * look bent near a right angle (not a leg swung out straight, not sitting back on the heels); null
 * when neither can be read (straight from in front the front thigh and the kneeling shin point at
 * and away from the camera).
 */
export function kneesLookBent(a: FrameAngles): boolean | null {
  const bent = (v: number | null) => (v === null ? null : Math.abs(v - 90) <= T.SETUP_KNEE_LOOKS_BENT_DEG);
  const front = bent(a.frontKneeDeg),
    back = bent(a.backKneeDeg);
  return front === false || back === false ? false : front === null && back === null ? null : true;
}

export function setupChecks(a: FrameAngles): Record<'F1' | 'F2' | 'F3' | 'F4', boolean | null> {
  const within = (v: number | null, c: number, tol: number) => (v === null ? null : Math.abs(v - c) <= tol);
  const f2knee = within(a.backKneeDeg, T.F2_BACK_KNEE_DEG, T.F2_TOLERANCE_DEG);
  const f2thigh =
    a.thighBehindDeg === null
      ? null
      : a.thighBehindDeg >= T.F2_THIGH_BEHIND_MIN_DEG && a.thighBehindDeg <= T.F2_THIGH_BEHIND_MAX_DEG;
  return {
    F1: within(a.frontKneeDeg, T.F1_FRONT_KNEE_DEG, T.F1_TOLERANCE_DEG),
    F2: f2knee === null || f2thigh === null ? null : f2knee && f2thigh,
    F3: a.trunkLeanDeg === null ? null : Math.abs(a.trunkLeanDeg) <= T.F3_TRUNK_MAX_DEG,
    F4: a.shinFromVerticalDeg === null ? null : a.shinFromVerticalDeg <= T.F4_SHIN_MAX_DEG,
  };
}

/** A segment much shorter than the trunk in the picture points at or away from the camera. */
function looksShort(a: Point2 | null, b: Point2 | null, trunkLen: number): boolean {
  return !!(a && b && trunkLen > 0 && Math.hypot(b.x - a.x, b.y - a.y) < T.FORESHORTENED_THIGH_SHARE * trunkLen);
}

/**
 * Where the hips are between the kneeling knee and the front foot, across the picture (rocking
 * moves the hips along the floor, and a level camera keeps the floor's directions level); null
 * straight from in front, where that way points at the camera and is too short to read.
 */
function hipForward(hipMid: Point2 | null, kneeK: Point2 | null, ankleF: Point2 | null, trunkLen: number) {
  const span = kneeK && ankleF ? ankleF.x - kneeK.x : 0;
  const readable = trunkLen > 0 && Math.abs(span) >= T.FORESHORTENED_THIGH_SHARE * trunkLen;
  return hipMid && kneeK && readable ? (hipMid.x - kneeK.x) / span : null;
}

/** The angles smoothed over frames: every field but the time and the kneeling side. */
export const ANGLE_KEYS = [
  'frontKneeDeg',
  'backKneeDeg',
  'thighBehindDeg',
  'trunkLeanDeg',
  'trunkThighDeg',
  'shinFromVerticalDeg',
  'hipForwardShare',
] as const;
export type AngleKey = (typeof ANGLE_KEYS)[number];
