// A kinematic half-kneeling hip flexor stretch with exact, known angles: which knee is down, both
// knee angles, trunk lean, the hip shifted forward (hip extension), and rocking. World frame as
// in quadruped.ts: x = the way the person faces, y up, z = the person's right; floor y = 0.

import type { Point3 } from '@steadyback/core';
import type { Body3d } from './body-model.ts';
import { ADULT, uprightFace, type BodyProportions, type Side } from './quadruped.ts';

export interface HalfKneelingPose {
  readonly kneelingSide: Side;
  /** Kneeling thigh behind vertical (hip forward of the knee): 0 at set-up, more = hip extension. */
  readonly backThighFromVerticalDeg: number;
  /** Front knee angle (hip-knee-ankle), 90 = thigh level and shin vertical. */
  readonly frontKneeDeg: number;
  /** Trunk from vertical: positive = leaning back (arching), negative = leaning forward. */
  readonly trunkLeanDeg: number;
}

export const HALF_KNEEL_SETUP: Omit<HalfKneelingPose, 'kneelingSide'> = {
  backThighFromVerticalDeg: 0,
  frontKneeDeg: 90,
  trunkLeanDeg: 0,
};

const v = (x: number, y: number, z: number): Point3 => ({ x, y, z });
const add = (a: Point3, b: Point3): Point3 => v(a.x + b.x, a.y + b.y, a.z + b.z);
const rad = (d: number) => (d * Math.PI) / 180;

export function halfKneelingBody(pose: HalfKneelingPose, p: BodyProportions = ADULT): Body3d {
  const k = pose.kneelingSide;
  const f: Side = k === 'left' ? 'right' : 'left';
  const zOf = (s: Side) => (s === 'right' ? 1 : -1) * (p.hipWidthM / 2);
  const body: Partial<Body3d> = {};
  // Kneeling leg: knee on the floor, shin flat behind it, thigh rising to the hip.
  const knee = v(0, 0.05, zOf(k));
  const th = rad(pose.backThighFromVerticalDeg);
  const hipK = add(knee, v(p.thighM * Math.sin(th), p.thighM * Math.cos(th), 0));
  body[`${k}_knee`] = knee;
  body[`${k}_hip`] = hipK;
  body[`${k}_ankle`] = add(knee, v(-p.shinM, 0.02, 0));
  body[`${k}_heel`] = add(knee, v(-p.shinM - 0.03, 0.08, 0));
  body[`${k}_foot_index`] = add(knee, v(-p.shinM - 0.15, 0.0, 0));
  // Front leg: from the other hip, the shin vertical with the foot flat; the thigh angle follows
  // from the knee angle (90 = level thigh).
  const hipF = v(hipK.x, hipK.y, zOf(f));
  // Thigh below level by (knee angle - 90): with a vertical shin that opens the knee past 90.
  const thighDown = rad(pose.frontKneeDeg - 90);
  const kneeF = add(hipF, v(p.thighM * Math.cos(thighDown), -p.thighM * Math.sin(thighDown), 0));
  const ankleF = v(kneeF.x, Math.max(0.06, kneeF.y - p.shinM), kneeF.z);
  body[`${f}_hip`] = hipF;
  body[`${f}_knee`] = kneeF;
  body[`${f}_ankle`] = ankleF;
  body[`${f}_heel`] = add(ankleF, v(-0.05, -0.03, 0));
  body[`${f}_foot_index`] = add(ankleF, v(0.16, -0.05, 0));
  // Trunk and arms (hands resting on the front thigh).
  const hipMid = v(hipK.x, hipK.y, 0);
  const lean = rad(pose.trunkLeanDeg);
  const shoulderMid = add(hipMid, v(-p.trunkM * Math.sin(lean), p.trunkM * Math.cos(lean), 0));
  for (const s of ['left', 'right'] as const) {
    const sh = add(shoulderMid, v(0, 0, ((s === 'right' ? 1 : -1) * p.shoulderWidthM) / 2));
    body[`${s}_shoulder`] = sh;
    body[`${s}_elbow`] = add(sh, v(0.05, -p.upperArmM, 0));
    body[`${s}_wrist`] = add(sh, v(0.22, -p.upperArmM - 0.12, 0));
  }
  uprightFace(body, add(shoulderMid, v(-0.22 * Math.sin(lean), 0.22 * Math.cos(lean), 0)));
  return body as Body3d;
}

export function halfKneelingCentre(p: BodyProportions = ADULT): Point3 {
  return v(0.1, (p.thighM + p.trunkM) / 2 + 0.1, 0);
}
