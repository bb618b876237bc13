// A kinematic quadruped (all fours) and bird-dog body with exact, known joint angles, for tests of
// every bird-dog rule and phase. Proportions are an adult's (metres). World frame: x forward
// (toward the head), y up, z to the person's right; the floor is y = 0.

import type { Point3 } from '@steadyback/core';
import type { Body3d } from './body-model.ts';

export interface BodyProportions {
  readonly thighM: number;
  readonly shinM: number;
  readonly upperArmM: number;
  readonly forearmM: number;
  readonly hipWidthM: number;
  readonly shoulderWidthM: number;
  readonly trunkM: number;
  readonly footM: number;
}

export const ADULT: BodyProportions = {
  thighM: 0.45,
  shinM: 0.44,
  upperArmM: 0.3,
  forearmM: 0.27,
  hipWidthM: 0.19,
  shoulderWidthM: 0.36,
  trunkM: 0.52,
  footM: 0.2,
};

export type Side = 'left' | 'right';

/** One instant of a quadruped / bird-dog. Angles in degrees. */
export interface QuadrupedPose {
  /** 0 = knee on the floor (thigh vertical); 1 = leg fully reached back. Per side. */
  readonly legReach: Readonly<Record<Side, number>>;
  /** Elevation of the reached leg's hip->ankle line above horizontal when legReach = 1. */
  readonly legElevationDeg: Readonly<Record<Side, number>>;
  /** 0 = hand on the floor; 1 = arm reached forward. */
  readonly armReach: Readonly<Record<Side, number>>;
  /** Elevation of the reached arm (shoulder->wrist) above horizontal when armReach = 1. */
  readonly armElevationDeg: Readonly<Record<Side, number>>;
  /** Pelvic roll about the long axis; positive = the person's right hip lower. */
  readonly pelvisRollDeg: number;
  /** Hips lowered toward the floor (metres) relative to the supporting knees: trunk sag. */
  readonly sagM: number;
  /** Sideways shift of the pelvis (metres, positive = toward the right). */
  readonly pelvisShiftM: number;
  /** A lifted leg's knee kept bent by this much from straight (90 = a donkey kick's shin pointing up); default 0, reaching straight. */
  readonly legKneeFlexDeg?: Readonly<Record<Side, number>>;
}

export const QUADRUPED: QuadrupedPose = {
  legReach: { left: 0, right: 0 },
  legElevationDeg: { left: 0, right: 0 },
  armReach: { left: 0, right: 0 },
  armElevationDeg: { left: 0, right: 0 },
  pelvisRollDeg: 0,
  sagM: 0,
  pelvisShiftM: 0,
};

const v = (x: number, y: number, z: number): Point3 => ({ x, y, z });
const add = (a: Point3, b: Point3): Point3 => v(a.x + b.x, a.y + b.y, a.z + b.z);
const scale = (a: Point3, s: number): Point3 => v(a.x * s, a.y * s, a.z * s);
const lerp = (a: Point3, b: Point3, t: number): Point3 => add(a, scale(add(b, scale(a, -1)), t));
const rad = (deg: number) => (deg * Math.PI) / 180;
const sideSign = (s: Side) => (s === 'right' ? 1 : -1);

/** Joint centres for a quadruped pose. Hands under shoulders, knees under hips. */
export function quadrupedBody(pose: QuadrupedPose, p: BodyProportions = ADULT): Body3d {
  const hipH = p.thighM - pose.sagM;
  const shoulderH = p.upperArmM + p.forearmM;
  const trunkRise = shoulderH - hipH;
  const trunkRun = Math.sqrt(Math.max(0.01, p.trunkM ** 2 - trunkRise ** 2));
  const hipMid = v(0, hipH, pose.pelvisShiftM);
  const shoulderMid = v(trunkRun, shoulderH, 0);
  const roll = rad(pose.pelvisRollDeg);
  const body: Partial<Body3d> = {};
  for (const s of ['left', 'right'] as const) {
    const sg = sideSign(s);
    // Roll about the long (x) axis: positive lowers the right hip.
    const half = (p.hipWidthM / 2) * sg;
    const hip = add(hipMid, v(0, -Math.sin(roll) * half, Math.cos(roll) * half));
    const kneeDown = v(0, 0.05, (sg * p.hipWidthM) / 2);
    const ankleDown = add(kneeDown, v(-p.shinM, 0, 0));
    const elev = rad(pose.legElevationDeg[s]);
    const legLen = p.thighM + p.shinM;
    const reachDir = v(-Math.cos(elev), Math.sin(elev), 0);
    const kneeUp = add(hip, scale(reachDir, p.thighM));
    const ankleUp = add(hip, scale(reachDir, legLen));
    const t = pose.legReach[s];
    const knee = lerp(kneeDown, kneeUp, t);
    const flex = rad(pose.legKneeFlexDeg?.[s] ?? 0);
    const ankle =
      flex > 0
        ? lerp(ankleDown, add(kneeUp, scale(v(-Math.cos(elev + flex), Math.sin(elev + flex), 0), p.shinM)), t)
        : lerp(ankleDown, ankleUp, t);
    const footDir = t > 0.5 ? v(0, -1, 0) : v(0, 0, 0);
    body[`${s}_hip`] = hip;
    body[`${s}_knee`] = knee;
    body[`${s}_ankle`] = ankle;
    body[`${s}_heel`] = add(ankle, v(-0.05, 0.02, 0));
    body[`${s}_foot_index`] = add(ankle, add(v(-p.footM * 0.5, -0.02, 0), scale(footDir, p.footM * 0.6)));

    const shoulder = add(shoulderMid, v(0, 0, (sg * p.shoulderWidthM) / 2));
    const wristDown = v(shoulder.x, 0.03, shoulder.z);
    const elbowDown = lerp(shoulder, wristDown, p.upperArmM / (p.upperArmM + p.forearmM));
    const aEl = rad(pose.armElevationDeg[s]);
    const armDir = v(Math.cos(aEl), Math.sin(aEl), 0);
    const wristUp = add(shoulder, scale(armDir, p.upperArmM + p.forearmM));
    const elbowUp = add(shoulder, scale(armDir, p.upperArmM));
    const a = pose.armReach[s];
    body[`${s}_shoulder`] = shoulder;
    body[`${s}_elbow`] = lerp(elbowDown, elbowUp, a);
    body[`${s}_wrist`] = lerp(wristDown, wristUp, a);
  }
  const head = add(shoulderMid, v(0.22, -0.02, 0));
  body.nose = add(head, v(0.08, -0.06, 0));
  body.left_eye = add(head, v(0.07, -0.02, -0.035));
  body.right_eye = add(head, v(0.07, -0.02, 0.035));
  body.left_ear = add(head, v(-0.02, 0, -0.075));
  body.right_ear = add(head, v(-0.02, 0, 0.075));
  return body as Body3d;
}

/** Standing upright beside where the quadruped's knees go (same world frame), arms by the sides. */
export function standingBody(p: BodyProportions = ADULT): Body3d {
  const hipH = p.thighM + p.shinM + 0.08;
  const shoulderH = hipH + p.trunkM;
  const body: Partial<Body3d> = {};
  for (const s of ['left', 'right'] as const) {
    const z = sideSign(s);
    body[`${s}_hip`] = v(0, hipH, (z * p.hipWidthM) / 2);
    body[`${s}_knee`] = v(0.02, hipH - p.thighM, (z * p.hipWidthM) / 2);
    body[`${s}_ankle`] = v(0, 0.08, (z * p.hipWidthM) / 2);
    body[`${s}_heel`] = v(-0.05, 0.03, (z * p.hipWidthM) / 2);
    body[`${s}_foot_index`] = v(p.footM * 0.7, 0.02, (z * p.hipWidthM) / 2);
    body[`${s}_shoulder`] = v(0, shoulderH, (z * p.shoulderWidthM) / 2);
    body[`${s}_elbow`] = v(0, shoulderH - p.upperArmM, z * (p.shoulderWidthM / 2 + 0.04));
    body[`${s}_wrist`] = v(0.02, shoulderH - p.upperArmM - p.forearmM, z * (p.shoulderWidthM / 2 + 0.05));
  }
  uprightFace(body, v(0.02, shoulderH + 0.2, 0));
  return body as Body3d;
}

/** Nose, eyes and ears around the head's centre of someone upright, facing forward (+x). */
export function uprightFace(body: Partial<Body3d>, head: Point3): void {
  body.nose = add(head, v(0.1, -0.02, 0));
  body.left_eye = add(head, v(0.08, 0.02, -0.035));
  body.right_eye = add(head, v(0.08, 0.02, 0.035));
  body.left_ear = add(head, v(0, 0, -0.075));
  body.right_ear = add(head, v(0, 0, 0.075));
}

/** Each joint a share `t` of the way from body `a` to body `b`: a crude but continuous getting down (or up). */
export function blendBodies(a: Body3d, b: Body3d, t: number): Body3d {
  return Object.fromEntries(Object.entries(a).map(([k, pa]) => [k, lerp(pa, b[k as keyof Body3d], t)])) as Body3d;
}

/** The body's centre for aiming cameras: between hips and shoulders, at mid height. */
export function quadrupedCentre(p: BodyProportions = ADULT): Point3 {
  return v(0.1, (p.thighM + p.upperArmM + p.forearmM) / 2 - 0.1, 0);
}
