// Ground truth for one rendered frame: joint centres read back from the posed rig (not from the
// pose request), their projections, and the angles the exercise rules talk about.
//
// 3D frame of `joints3dM` (same as packages/synthetic): x = the person's forward (toward
// the head on all fours), y = up, z = the person's right; metres; the floor is y = 0.
// Angle conventions: included three-point angles (180 = straight limb); elevations above
// horizontal; trunk lean from vertical (positive = back); pelvis roll positive = right hip lower;
// trunk-thigh sagittal angle: 180 = in line, < 180 = hip flexed, > 180 = hip extended.

import { BLAZEPOSE_LANDMARKS, type LandmarkName, type Point2, type Point3 } from '@steadyback/core';

export type { LandmarkName, Point2, Point3 };
/** The BlazePose names truth is keyed by (the core's landmark model). */
export const LANDMARK_NAMES = BLAZEPOSE_LANDMARKS;

export interface TruthAngles {
  readonly leftKneeDeg: number;
  readonly rightKneeDeg: number;
  readonly leftHipDeg: number;
  readonly rightHipDeg: number;
  readonly leftElbowDeg: number;
  readonly rightElbowDeg: number;
  readonly leftShoulderDeg: number;
  readonly rightShoulderDeg: number;
  readonly leftTrunkThighSagittalDeg: number;
  readonly rightTrunkThighSagittalDeg: number;
  readonly leftThighFromVerticalDeg: number;
  readonly rightThighFromVerticalDeg: number;
  readonly leftLegElevationDeg: number;
  readonly rightLegElevationDeg: number;
  readonly leftArmElevationDeg: number;
  readonly rightArmElevationDeg: number;
  /** Hip line roll about the long axis; positive = right hip lower. */
  readonly pelvisRollDeg: number;
  /** Hip-mid -> shoulder-mid from vertical, in the sagittal plane; positive = leaning back. */
  readonly trunkLeanDeg: number;
  /** Hip-mid -> shoulder-mid above horizontal (quadruped: 0 = flat). */
  readonly trunkPitchDeg: number;
  /** Sagittal bend between the pelvis bone and the chest bone; positive = sagging (extension). */
  readonly spineBendDeg: number;
}

export interface CameraTruth {
  readonly position: Point3;
  readonly target: Point3;
  readonly fovYDeg: number;
  readonly widthPx: number;
  readonly heightPx: number;
}

export interface FrameTruth {
  /** Pixel coordinates (origin top-left); null when behind the camera or outside the picture. */
  readonly joints2dPx: Record<LandmarkName, Point2 | null>;
  readonly joints3dM: Record<LandmarkName, Point3>;
  /** Distance of each joint along the camera's viewing axis, metres (for occlusion ordering). */
  readonly depthM: Record<LandmarkName, number>;
  readonly angles: TruthAngles;
  readonly camera: CameraTruth;
}

type Raw3 = readonly [number, number, number];

/** Figure frame (x = left, y = up, z = forward) -> truth frame (x = forward, y = up, z = right). */
export function toTruthFrame(p: Raw3): Point3 {
  return { x: p[2], y: p[1], z: -p[0] };
}

const sub = (a: Point3, b: Point3): Point3 => ({ x: a.x - b.x, y: a.y - b.y, z: a.z - b.z });
const mid = (a: Point3, b: Point3): Point3 => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, z: (a.z + b.z) / 2 });
const len = (a: Point3): number => Math.hypot(a.x, a.y, a.z);
const deg = (r: number): number => (r * 180) / Math.PI;

function included(a: Point3, b: Point3, c: Point3): number {
  const u = sub(a, b);
  const v = sub(c, b);
  const cos = (u.x * v.x + u.y * v.y + u.z * v.z) / (len(u) * len(v));
  return deg(Math.acos(Math.max(-1, Math.min(1, cos))));
}
const elevation = (from: Point3, to: Point3): number => {
  const d = sub(to, from);
  return deg(Math.atan2(d.y, Math.hypot(d.x, d.z)));
};
/** Sagittal-plane angle of a vector: from forward (+x) toward up (+y), degrees in [0, 360). */
const sagittalPhi = (d: Point3): number => (deg(Math.atan2(d.y, d.x)) + 360) % 360;

export function computeAngles(j: Record<LandmarkName, Point3>, spineBendDeg: number): TruthAngles {
  const hipMid = mid(j.left_hip, j.right_hip);
  const shoulderMid = mid(j.left_shoulder, j.right_shoulder);
  const trunk = sub(shoulderMid, hipMid);
  const side = (s: 'left' | 'right') => {
    const hip = j[`${s}_hip`];
    const knee = j[`${s}_knee`];
    const ankle = j[`${s}_ankle`];
    const shoulder = j[`${s}_shoulder`];
    const elbow = j[`${s}_elbow`];
    const wrist = j[`${s}_wrist`];
    const thigh = sub(knee, hip);
    return {
      knee: included(hip, knee, ankle),
      hip: included(shoulder, hip, knee),
      elbow: included(shoulder, elbow, wrist),
      shoulder: included(hip, shoulder, elbow),
      trunkThigh: (sagittalPhi(trunk) - sagittalPhi(thigh) + 720) % 360,
      thighFromVertical: deg(Math.acos(Math.max(-1, Math.min(1, -thigh.y / len(thigh))))),
      legElevation: elevation(hip, ankle),
      armElevation: elevation(shoulder, wrist),
    };
  };
  const l = side('left');
  const r = side('right');
  const hipLine = sub(j.left_hip, j.right_hip);
  return {
    leftKneeDeg: l.knee,
    rightKneeDeg: r.knee,
    leftHipDeg: l.hip,
    rightHipDeg: r.hip,
    leftElbowDeg: l.elbow,
    rightElbowDeg: r.elbow,
    leftShoulderDeg: l.shoulder,
    rightShoulderDeg: r.shoulder,
    leftTrunkThighSagittalDeg: l.trunkThigh,
    rightTrunkThighSagittalDeg: r.trunkThigh,
    leftThighFromVerticalDeg: l.thighFromVertical,
    rightThighFromVerticalDeg: r.thighFromVertical,
    leftLegElevationDeg: l.legElevation,
    rightLegElevationDeg: r.legElevation,
    leftArmElevationDeg: l.armElevation,
    rightArmElevationDeg: r.armElevation,
    pelvisRollDeg: deg(Math.atan2(hipLine.y, Math.hypot(hipLine.x, hipLine.z))),
    trunkLeanDeg: deg(Math.atan2(-trunk.x, trunk.y)),
    trunkPitchDeg: deg(Math.atan2(trunk.y, Math.hypot(trunk.x, trunk.z))),
    spineBendDeg,
  };
}
