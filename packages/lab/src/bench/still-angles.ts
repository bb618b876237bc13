// The angles the rules use, read two ways from one still: from the model's landmarks with the
// core's own per-frame geometry (stretchAngles for the half-kneeling stretch, the bird-dog's leg
// line and trunk-sag formulas), and from the renderer's exact 3D joints in the body's sagittal
// plane (what the camera is trying to see). The benchmark compares the two.

import {
  segmentAngleFromHorizontalDeg,
  signedDistanceToLine,
  stretchAngles,
  visiblePoint,
  type FrameResult,
  type Point2,
} from '@steadyback/core';
import type { FrameTruth, LandmarkName, Point3 } from '../render/truth.ts';

export type Side = 'left' | 'right';

export interface KneelAngles {
  readonly frontKneeDeg: number | null;
  readonly backKneeDeg: number | null;
  /** Signed trunk lean from vertical, positive = leaning back. */
  readonly trunkLeanDeg: number | null;
  /** Hip-extension proxy 180 - trunk-thigh angle (unsigned), kneeling side. */
  readonly hipExtensionDeg: number | null;
  /** The kneeling side the analyser saw (null: it could not tell). */
  readonly kneeling: Side | null;
}

export interface BirdDogAngles {
  /** Lifted leg's hip -> ankle line above horizontal (rule R4). */
  readonly legElevationDeg: number | null;
  /** Hip midpoint's distance from the shoulder -> supporting-knee line, in trunk lengths (rule R5, before the baseline). */
  readonly sagRaw: number | null;
}

const DEG = 180 / Math.PI;

export function measuredKneel(f: FrameResult): KneelAngles {
  const a = stretchAngles(f);
  return {
    frontKneeDeg: a.frontKneeDeg,
    backKneeDeg: a.backKneeDeg,
    trunkLeanDeg: a.trunkLeanDeg,
    hipExtensionDeg: a.trunkThighDeg === null ? null : 180 - a.trunkThighDeg,
    kneeling: a.kneeling,
  };
}

function sag(hipMid: Point2 | null, shoulderMid: Point2 | null, knee: Point2 | null): number | null {
  if (!hipMid || !shoulderMid || !knee) return null;
  const trunk = Math.hypot(shoulderMid.x - hipMid.x, shoulderMid.y - hipMid.y);
  const d = signedDistanceToLine(hipMid, shoulderMid, knee);
  return d !== null && trunk > 0 ? Math.abs(d) / trunk : null;
}

const mid2 = (a: Point2 | null, b: Point2 | null): Point2 | null =>
  a && b ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : null;
const other = (s: Side): Side => (s === 'left' ? 'right' : 'left');

export function measuredBirdDog(f: FrameResult, liftedLeg: Side): BirdDogAngles {
  const p = (n: LandmarkName) => visiblePoint(f, n);
  return {
    legElevationDeg: segmentAngleFromHorizontalDeg(p(`${liftedLeg}_hip`), p(`${liftedLeg}_ankle`)),
    sagRaw: sag(
      mid2(p('left_hip'), p('right_hip')),
      mid2(p('left_shoulder'), p('right_shoulder')),
      p(`${other(liftedLeg)}_knee`),
    ),
  };
}

// ---- truth, in the sagittal plane (x forward, y up) ----

const sag2 = (p: Point3): Point2 => ({ x: p.x, y: -p.y }); // image-like: y down
const mid3 = (a: Point3, b: Point3): Point3 => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, z: (a.z + b.z) / 2 });

/** Unsigned angle at b between b->a and b->c, in the sagittal plane. */
function sagittalAngle(a: Point3, b: Point3, c: Point3): number {
  const u = { x: a.x - b.x, y: a.y - b.y };
  const v = { x: c.x - b.x, y: c.y - b.y };
  const cos = (u.x * v.x + u.y * v.y) / (Math.hypot(u.x, u.y) * Math.hypot(v.x, v.y));
  return Math.acos(Math.max(-1, Math.min(1, cos))) * DEG;
}

export function trueKneel(t: FrameTruth, kneeling: Side): KneelAngles {
  const j = t.joints3dM;
  const sh = mid3(j.left_shoulder, j.right_shoulder);
  return {
    frontKneeDeg: kneeling === 'left' ? t.angles.rightKneeDeg : t.angles.leftKneeDeg,
    backKneeDeg: kneeling === 'left' ? t.angles.leftKneeDeg : t.angles.rightKneeDeg,
    trunkLeanDeg: t.angles.trunkLeanDeg,
    hipExtensionDeg: 180 - sagittalAngle(sh, j[`${kneeling}_hip`], j[`${kneeling}_knee`]),
    kneeling,
  };
}

export function trueBirdDog(t: FrameTruth, liftedLeg: Side): BirdDogAngles {
  const j = t.joints3dM;
  return {
    legElevationDeg: liftedLeg === 'left' ? t.angles.leftLegElevationDeg : t.angles.rightLegElevationDeg,
    sagRaw: sag(
      sag2(mid3(j.left_hip, j.right_hip)),
      sag2(mid3(j.left_shoulder, j.right_shoulder)),
      sag2(j[`${other(liftedLeg)}_knee`]),
    ),
  };
}
