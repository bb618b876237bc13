// Pose specifications for the rendered figure and their translation into world-space bone frames.
//
// A pose is a plain, serialisable object (string-literal `kind`, angles in degrees, lengths in
// metres). Each pose becomes, per bone, a target frame in the figure's frame: `axis` = the bone's
// direction (joint -> child joint) and `ref` = a second direction that fixes the twist:
//   spine, neck, head: ref = the belly / face side;  upper arm: ref = the elbow crease;
//   forearm, hand: ref = the palm;  thigh, shin: ref = the front (kneecap, shin bone);
//   foot: axis = heel -> toes, ref = the top of the foot.
// Figure frame (three.js native): x = the person's left, y = up, z = the person's forward (toward
// the head on all fours). Sagittal directions are written as dir(phi): phi measured from forward
// (+z) toward up (+y).
// Blends slerp every bone frame, so an interpolated pose is a rotation of each segment about the
// shortest path (for the bird-dog: hip and shoulder flex/extend in the sagittal plane).

import { Matrix4, Quaternion, Vector3 } from 'three';

export type Side = 'left' | 'right';

export interface StandingPose {
  readonly kind: 'standing';
  /** Arms away from the sides, degrees (0 = hanging straight down). */
  readonly armAbductionDeg?: number;
}

export interface QuadrupedPose {
  readonly kind: 'quadruped';
  /** Spine sag: the lumbar spine dips toward the floor by this bend (degrees, 0 = flat back). */
  readonly trunkSagDeg?: number;
  /** Roll of the pelvis about the body's long axis; positive = the right hip lower. */
  readonly pelvisRollDeg?: number;
  /** Share of the pelvis roll the trunk follows (0 = only the pelvis rolls, 1 = the whole trunk rolls with it). */
  readonly trunkRollShare?: number;
  /** Head pitch relative to the trunk line; positive = looking up/forward. */
  readonly headPitchDeg?: number;
}

export interface BirdDogPose {
  readonly kind: 'bird-dog';
  readonly liftedLeg: Side;
  /** Elevation of the lifted leg (hip -> ankle, knee straight) above horizontal. */
  readonly legElevationDeg?: number;
  /** Elevation of the opposite reached arm (shoulder -> wrist) above horizontal. */
  readonly armElevationDeg?: number;
  /** Pelvis roll about the long axis; positive = the right hip lower. */
  readonly pelvisRollDeg?: number;
  /** Share of the pelvis roll the trunk follows (0 = only the pelvis rolls, 1 = the whole trunk). */
  readonly trunkRollShare?: number;
  readonly trunkSagDeg?: number;
  readonly headPitchDeg?: number;
}

export interface HalfKneelingPose {
  readonly kind: 'half-kneeling';
  /** The side whose knee is on the floor (the stretched hip). */
  readonly kneelingSide: Side;
  /** Included knee angles (hip-knee-ankle), degrees; 90 = right angle. Default front 90; back: the shin flat on the floor (90 + back hip extension). */
  readonly frontKneeDeg?: number;
  readonly backKneeDeg?: number;
  /** Trunk lean from vertical; positive = leaning back. */
  readonly trunkLeanDeg?: number;
  /** How far the hips sit forward of the kneeling knee, metres (extends the back hip). */
  readonly hipShiftForwardM?: number;
  /** Extra pelvis tilt relative to the trunk; positive = posterior tilt (tuck, glute squeeze). */
  readonly pelvisTiltDeg?: number;
}

export interface BlendPose {
  readonly kind: 'blend';
  readonly from: PoseSpec;
  readonly to: PoseSpec;
  /** 0 = from, 1 = to. */
  readonly t: number;
}

export type PoseSpec = StandingPose | QuadrupedPose | BirdDogPose | HalfKneelingPose | BlendPose;

export const POSE_KINDS = [
  'standing',
  'quadruped',
  'bird-dog',
  'half-kneeling',
  'blend',
] as const satisfies readonly PoseSpec['kind'][];

export const BONES = [
  'Hips',
  'Abdomen',
  'Torso',
  'Chest',
  'Neck',
  'Head',
  'UpperArmL',
  'LowerArmL',
  'HandL',
  'UpperArmR',
  'LowerArmR',
  'HandR',
  'UpperLegL',
  'LowerLegL',
  'FootL',
  'UpperLegR',
  'LowerLegR',
  'FootR',
] as const;
export type BoneName = (typeof BONES)[number];

export type Vec3 = readonly [number, number, number];
export interface BoneFrame {
  readonly axis: Vec3;
  readonly ref: Vec3;
}
export type BoneTargets = Record<BoneName, BoneFrame>;

/** Figure measurements the posing needs (read from the loaded rig). */
export interface RigInfo {
  readonly thighM: number;
  readonly shinM: number;
  readonly upperArmM: number;
  readonly forearmM: number;
  /**
   * Sagittal angle of the hip-mid -> shoulder-mid line relative to the spine bones when they are
   * all parallel (rig property; negative = the shoulder joints sit on the belly side). Poses
   * subtract it so that a requested trunk angle is the angle of the joint line the truth reports.
   */
  readonly trunkLineOffsetDeg: number;
  /**
   * Change of the measured trunk lean per degree of pelvis tilt (the hip joints ride on the
   * pelvis); half-kneeling compensates so that trunkLeanDeg is what the truth reports.
   */
  readonly pelvisTiltLeanGain: number;
}

/** Knee joint centre above the floor when kneeling on it (leg radius), metres. */
const KNEE_ON_FLOOR_M = 0.055;
/** Foot bone origin above the sole in these rigs, metres. */
const FOOT_ORIGIN_ABOVE_SOLE_M = 0.03;

const rad = (deg: number): number => (deg * Math.PI) / 180;
/** Sagittal direction: phi from forward (+z) toward up (+y). */
const dir = (phiDeg: number): Vec3 => [0, Math.sin(rad(phiDeg)), Math.cos(rad(phiDeg))];
const sideKey = (s: Side): 'L' | 'R' => (s === 'left' ? 'L' : 'R');
/** +1 for the person's left (figure +x), -1 for the right. */
const lateral = (s: Side): number => (s === 'left' ? 1 : -1);
const other = (s: Side): Side => (s === 'left' ? 'right' : 'left');

function rotateAbout(v: Vec3, axis: Vec3, deg: number): Vec3 {
  const q = new Quaternion().setFromAxisAngle(new Vector3(...axis).normalize(), rad(deg));
  const r = new Vector3(...v).applyQuaternion(q);
  return [r.x, r.y, r.z];
}

/** Spine, neck and head frames for a trunk whose long axis is dir(phi), belly on the phi-90 side. */
function spineFrames(
  rig: RigInfo,
  pelvisPhi: number,
  bendDeg: number,
  headPhi: number,
  pelvisRollDeg: number,
  trunkRollShare = 0,
): Pick<BoneTargets, 'Hips' | 'Abdomen' | 'Torso' | 'Chest' | 'Neck' | 'Head'> {
  // A bend (sag) spreads evenly from the pelvis to the chest; the pelvis rolls about its own axis
  // and the spine segments follow with `trunkRollShare` of that roll.
  const seg = (i: number): BoneFrame => {
    const phi = pelvisPhi - rig.trunkLineOffsetDeg + (bendDeg * i) / 3;
    const axis = dir(phi);
    const roll = i === 0 ? pelvisRollDeg : pelvisRollDeg * trunkRollShare;
    return { axis, ref: roll === 0 ? dir(phi - 90) : rotateAbout(dir(phi - 90), axis, roll) };
  };
  return {
    Hips: seg(0),
    Abdomen: seg(1),
    Torso: seg(2),
    Chest: seg(3),
    Neck: { axis: dir(headPhi), ref: dir(headPhi - 90) },
    Head: { axis: dir(headPhi), ref: dir(headPhi - 90) },
  };
}

function armsDown(abductionDeg: number): Partial<BoneTargets> {
  const out: Partial<BoneTargets> = {};
  for (const s of ['left', 'right'] as const) {
    const k = sideKey(s);
    const l = lateral(s);
    const a = rad(abductionDeg);
    const axis: Vec3 = [l * Math.sin(a), -Math.cos(a), 0];
    const palmMedial: Vec3 = [-l * Math.cos(a), -Math.sin(a), 0];
    out[`UpperArm${k}`] = { axis, ref: [0, 0, 1] };
    out[`LowerArm${k}`] = { axis, ref: palmMedial };
    out[`Hand${k}`] = { axis, ref: palmMedial };
  }
  return out;
}

function standing(p: StandingPose, rig: RigInfo): BoneTargets {
  const legs: Partial<BoneTargets> = {};
  for (const s of ['left', 'right'] as const) {
    const k = sideKey(s);
    legs[`UpperLeg${k}`] = { axis: dir(270), ref: dir(0) };
    legs[`LowerLeg${k}`] = { axis: dir(270), ref: dir(0) };
    legs[`Foot${k}`] = { axis: dir(0), ref: dir(90) };
  }
  return { ...spineFrames(rig, 90, 0, 90, 0), ...armsDown(p.armAbductionDeg ?? 6), ...legs } as BoneTargets;
}

/** Hand on the floor under the shoulder, fingers forward. */
function armOnFloor(s: Side): Partial<BoneTargets> {
  const k = sideKey(s);
  const l = lateral(s);
  const crease = new Vector3(-l, 0, 1).normalize();
  return {
    [`UpperArm${k}`]: { axis: dir(270), ref: [crease.x, crease.y, crease.z] },
    [`LowerArm${k}`]: { axis: dir(270), ref: dir(180) },
    [`Hand${k}`]: { axis: dir(0), ref: dir(270) },
  };
}

/** Knee on the floor under the hip, shin and top of the foot flat on the floor behind. */
function legKneeling(s: Side): Partial<BoneTargets> {
  const k = sideKey(s);
  return {
    [`UpperLeg${k}`]: { axis: dir(270), ref: dir(0) },
    [`LowerLeg${k}`]: { axis: dir(180), ref: dir(270) },
    [`Foot${k}`]: { axis: dir(180), ref: dir(270) },
  };
}

function quadruped(p: QuadrupedPose, rig: RigInfo): BoneTargets {
  const sag = p.trunkSagDeg ?? 0;
  return {
    ...spineFrames(rig, -sag / 2, sag, p.headPitchDeg ?? 0, p.pelvisRollDeg ?? 0, p.trunkRollShare ?? 0),
    ...armOnFloor('left'),
    ...armOnFloor('right'),
    ...legKneeling('left'),
    ...legKneeling('right'),
  } as BoneTargets;
}

function birdDog(p: BirdDogPose, rig: RigInfo): BoneTargets {
  const base = quadruped(
    {
      kind: 'quadruped',
      trunkSagDeg: p.trunkSagDeg,
      pelvisRollDeg: p.pelvisRollDeg,
      trunkRollShare: p.trunkRollShare,
      headPitchDeg: p.headPitchDeg,
    },
    rig,
  );
  const leg = sideKey(p.liftedLeg);
  const armSide = other(p.liftedLeg);
  const arm = sideKey(armSide);
  const e = p.legElevationDeg ?? 0;
  const legAxis = dir(180 - e);
  const legFront = dir(270 - e);
  const a = p.armElevationDeg ?? 0;
  const palm: Vec3 = [-lateral(armSide), 0, 0];
  return {
    ...base,
    [`UpperLeg${leg}`]: { axis: legAxis, ref: legFront },
    [`LowerLeg${leg}`]: { axis: legAxis, ref: legFront },
    // Ankle at a right angle: toes point at the floor.
    [`Foot${leg}`]: { axis: legFront, ref: [-legAxis[0], -legAxis[1], -legAxis[2]] },
    [`UpperArm${arm}`]: { axis: dir(a), ref: dir(a + 90) },
    [`LowerArm${arm}`]: { axis: dir(a), ref: palm },
    [`Hand${arm}`]: { axis: dir(a), ref: palm },
  };
}

function halfKneeling(p: HalfKneelingPose, rig: RigInfo): BoneTargets {
  const back = p.kneelingSide;
  const front = other(back);
  const lean = p.trunkLeanDeg ?? 0;
  const kFront = p.frontKneeDeg ?? 90;
  const shift = Math.max(-0.9, Math.min(0.9, (p.hipShiftForwardM ?? 0) / rig.thighM));
  const beta = (Math.asin(shift) * 180) / Math.PI; // back hip extension from vertical
  // Default: the back shin lies on the floor whatever the hip shift.
  const kBack = p.backKneeDeg ?? 90 + beta;
  const thighBack = 270 - beta;
  const shinBack = 90 - beta + kBack;
  // Front thigh angle below horizontal so that the front foot reaches the floor.
  const hipY = KNEE_ON_FLOOR_M + rig.thighM * Math.cos(rad(beta));
  const ankleY = (theta: number): number =>
    hipY + rig.thighM * Math.sin(rad(-theta)) + rig.shinM * Math.sin(rad(180 - theta + kFront));
  let lo = -40;
  let hi = 80;
  for (let i = 0; i < 60; i += 1) {
    const mid = (lo + hi) / 2;
    if (ankleY(mid) > FOOT_ORIGIN_ABOVE_SOLE_M) lo = mid;
    else hi = mid;
  }
  const theta = (lo + hi) / 2;
  const thighFront = -theta;
  const shinFront = 180 - theta + kFront;
  const kb = sideKey(back);
  const kf = sideKey(front);
  const tilt = p.pelvisTiltDeg ?? 0;
  const trunkPhi = 90 + lean - rig.pelvisTiltLeanGain * tilt;
  const spine = spineFrames(rig, trunkPhi + tilt, -tilt, trunkPhi, 0);
  return {
    ...spine,
    ...armsDown(8),
    [`UpperLeg${kb}`]: { axis: dir(thighBack), ref: dir(thighBack + 90) },
    [`LowerLeg${kb}`]: { axis: dir(shinBack), ref: dir(shinBack + 90) },
    [`Foot${kb}`]: { axis: dir(shinBack), ref: dir(shinBack + 90) },
    [`UpperLeg${kf}`]: { axis: dir(thighFront), ref: dir(thighFront + 90) },
    [`LowerLeg${kf}`]: { axis: dir(shinFront), ref: dir(shinFront + 90) },
    [`Foot${kf}`]: { axis: dir(0), ref: dir(90) },
  } as BoneTargets;
}

function frameToQuat(f: BoneFrame): Quaternion {
  const a = new Vector3(...f.axis).normalize();
  const r = new Vector3(...f.ref);
  r.sub(a.clone().multiplyScalar(r.dot(a))).normalize();
  const c = new Vector3().crossVectors(a, r);
  return new Quaternion().setFromRotationMatrix(new Matrix4().makeBasis(a, r, c));
}

function quatToFrame(q: Quaternion): BoneFrame {
  const a = new Vector3(1, 0, 0).applyQuaternion(q);
  const r = new Vector3(0, 1, 0).applyQuaternion(q);
  return { axis: [a.x, a.y, a.z], ref: [r.x, r.y, r.z] };
}

/** Per-bone slerp between two sets of targets. */
export function blendTargets(a: BoneTargets, b: BoneTargets, t: number): BoneTargets {
  const out = {} as Record<BoneName, BoneFrame>;
  for (const name of BONES) {
    out[name] = quatToFrame(frameToQuat(a[name]).slerp(frameToQuat(b[name]), Math.max(0, Math.min(1, t))));
  }
  return out;
}

/** World-space bone frames (figure frame) for a pose. */
export function boneTargets(spec: PoseSpec, rig: RigInfo): BoneTargets {
  switch (spec.kind) {
    case 'standing':
      return standing(spec, rig);
    case 'quadruped':
      return quadruped(spec, rig);
    case 'bird-dog':
      return birdDog(spec, rig);
    case 'half-kneeling':
      return halfKneeling(spec, rig);
    case 'blend':
      return blendTargets(boneTargets(spec.from, rig), boneTargets(spec.to, rig), spec.t);
  }
}

/** A blend of two poses (t in 0..1). */
export function interpolatePose(from: PoseSpec, to: PoseSpec, t: number): BlendPose {
  return { kind: 'blend', from, to, t };
}
