// Plane and space geometry on landmark points: joint angles, segment angles, signed distances.
// Every function is null-safe: a missing (null/undefined) or non-finite input point, or a
// degenerate segment of zero length, gives null ("not measurable"), never NaN.
//
// Conventions (defined once here; everything downstream reuses them):
// - Angles are degrees.
// - 2D points are in image orientation: x grows to the right, y grows DOWN. "Clockwise" below
//   always means clockwise as a person sees it on the screen.
// - Normalised landmark coordinates are fractions of a non-square image, so x and y have
//   different units; toAspectPoint rescales x to image-height units before any angle is taken.

import type { Landmark, WorldLandmark } from './pose-frame.ts';

export interface Point2 {
  readonly x: number;
  readonly y: number;
}

export interface Point3 {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

type Maybe<T> = T | null | undefined;

/** Which way a person seen from the side faces on screen: toward +x ('right') or -x ('left'). */
export type Facing = 'left' | 'right';

const RAD_TO_DEG = 180 / Math.PI;

function ok2(p: Maybe<Point2>): p is Point2 {
  return p != null && Number.isFinite(p.x) && Number.isFinite(p.y);
}

function ok3(p: Maybe<Point3>): p is Point3 {
  return p != null && Number.isFinite(p.x) && Number.isFinite(p.y) && Number.isFinite(p.z);
}

/** Wraps an angle or angle difference into (-180, 180]. */
export function wrapAngleDeg(angleDeg: number): number {
  if (!Number.isFinite(angleDeg)) return Number.NaN;
  let a = angleDeg % 360;
  if (a > 180) a -= 360;
  else if (a <= -180) a += 360;
  return a === 0 ? 0 : a; // no -0, so equality checks and JSON stay clean
}

/**
 * Difference b - a between two angles, wrapped into (-180, 180]; null if either is missing.
 * Use this for changes from a baseline so 179 -> -179 reads as +2, not -358.
 */
export function angleDiffDeg(aDeg: number | null | undefined, bDeg: number | null | undefined): number | null {
  if (aDeg == null || bDeg == null || !Number.isFinite(aDeg) || !Number.isFinite(bDeg)) return null;
  return wrapAngleDeg(bDeg - aDeg);
}

/** Direction of the line p -> q: atan2(q.y - p.y, q.x - p.x) in degrees, in (-180, 180]. Image y is down,
 * so +90 means q is straight BELOW p and -90 straight above. */
export function lineAngleDeg(p: Maybe<Point2>, q: Maybe<Point2>): number | null {
  if (!ok2(p) || !ok2(q)) return null;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  if (dx === 0 && dy === 0) return null;
  return wrapAngleDeg(Math.atan2(dy, dx) * RAD_TO_DEG);
}

/** Unsigned angle ABC at joint b, 0..180 (180 = straight limb), in the image plane. */
export function angleAtDeg(a: Maybe<Point2>, b: Maybe<Point2>, c: Maybe<Point2>): number | null {
  if (!ok2(a) || !ok2(b) || !ok2(c)) return null;
  return vectorAngleDeg(a.x - b.x, a.y - b.y, 0, c.x - b.x, c.y - b.y, 0);
}

/** Unsigned angle ABC at joint b, 0..180, in 3D (e.g. BlazePose world landmarks). */
export function angleAtDeg3d(a: Maybe<Point3>, b: Maybe<Point3>, c: Maybe<Point3>): number | null {
  if (!ok3(a) || !ok3(b) || !ok3(c)) return null;
  return vectorAngleDeg(a.x - b.x, a.y - b.y, a.z - b.z, c.x - b.x, c.y - b.y, c.z - b.z);
}

function vectorAngleDeg(ux: number, uy: number, uz: number, vx: number, vy: number, vz: number): number | null {
  const nu = Math.hypot(ux, uy, uz);
  const nv = Math.hypot(vx, vy, vz);
  if (nu === 0 || nv === 0) return null;
  // atan2(|u x v|, u.v) stays accurate near 0 and 180, where acos of a dot product loses digits.
  const cx = uy * vz - uz * vy;
  const cy = uz * vx - ux * vz;
  const cz = ux * vy - uy * vx;
  return Math.atan2(Math.hypot(cx, cy, cz), ux * vx + uy * vy + uz * vz) * RAD_TO_DEG;
}

/**
 * Signed angle of the segment from -> to against the image's UP vertical, in (-180, 180].
 * 0 = `to` straight above `from`; +90 = `to` level with `from` and to its right on screen (+x);
 * -90 = level and to its left; 180 = straight below. Positive = leaning toward +x.
 * Example: hip -> shoulder gives trunk lean from upright, positive when the shoulders are to the
 * right of the hips on screen. Mirror the sign with the person's facing to get forward/back.
 */
export function segmentAngleFromVerticalDeg(from: Maybe<Point2>, to: Maybe<Point2>): number | null {
  if (!ok2(from) || !ok2(to)) return null;
  const dx = to.x - from.x;
  const up = from.y - to.y; // image y points down, so "up" is negative dy
  if (dx === 0 && up === 0) return null;
  return wrapAngleDeg(Math.atan2(dx, up) * RAD_TO_DEG);
}

/**
 * Elevation of the segment from -> to above the horizontal, -90..90, independent of whether it
 * points left or right on screen: positive when `to` is HIGHER in the image (smaller y) than
 * `from`, 0 when level, -90 straight down. Example: hip -> ankle during the bird-dog gives leg
 * height (0 = leg level with the hip).
 */
export function segmentAngleFromHorizontalDeg(from: Maybe<Point2>, to: Maybe<Point2>): number | null {
  if (!ok2(from) || !ok2(to)) return null;
  const run = Math.abs(to.x - from.x);
  const rise = from.y - to.y;
  if (run === 0 && rise === 0) return null;
  return Math.atan2(rise, run) * RAD_TO_DEG;
}

/**
 * Signed rotation from direction u to direction v in the image plane, in (-180, 180]:
 * positive = clockwise on screen (image y down), negative = counter-clockwise.
 */
export function signedAngleBetweenDeg(u: Maybe<Point2>, v: Maybe<Point2>): number | null {
  if (!ok2(u) || !ok2(v)) return null;
  if ((u.x === 0 && u.y === 0) || (v.x === 0 && v.y === 0)) return null;
  const cross = u.x * v.y - u.y * v.x;
  const dot = u.x * v.x + u.y * v.y;
  return wrapAngleDeg(Math.atan2(cross, dot) * RAD_TO_DEG);
}

/**
 * Signed angle in the sagittal plane (a side view) from a reference segment to a moving segment,
 * in (-180, 180], with a sign that means the same thing whichever way the person faces:
 * positive = the moving segment is rotated FORWARD (toward the face) at its far end relative to the
 * reference direction, negative = rotated backward. On screen that is clockwise for a person
 * facing right and counter-clockwise for a person facing left.
 * The unsigned three-point angle cannot tell a forward lean from arching; this can.
 */
export function signedSagittalAngleDeg(
  refFrom: Maybe<Point2>,
  refTo: Maybe<Point2>,
  segFrom: Maybe<Point2>,
  segTo: Maybe<Point2>,
  facing: Facing,
): number | null {
  if (!ok2(refFrom) || !ok2(refTo) || !ok2(segFrom) || !ok2(segTo)) return null;
  const cw = signedAngleBetweenDeg(
    { x: refTo.x - refFrom.x, y: refTo.y - refFrom.y },
    { x: segTo.x - segFrom.x, y: segTo.y - segFrom.y },
  );
  if (cw === null) return null;
  return facing === 'right' ? cw : wrapAngleDeg(-cw);
}

/**
 * Trunk-thigh angle in the sagittal plane: the trunk (hip -> shoulder) against the thigh's line
 * extended up through the hip (knee -> hip). 0 = trunk in line with the thigh; positive = trunk
 * ahead of the thigh line (forward lean, hip flexion); negative = trunk behind it (leaning back /
 * arching, hip extension). Compare with the set-up value: the model's bias is constant per person.
 */
export function trunkThighAngleDeg(
  shoulder: Maybe<Point2>,
  hip: Maybe<Point2>,
  knee: Maybe<Point2>,
  facing: Facing,
): number | null {
  return signedSagittalAngleDeg(knee, hip, hip, shoulder, facing);
}

/**
 * Signed perpendicular distance of p from the infinite line a -> b, in the points' units.
 * Positive = p lies to the RIGHT of the direction a -> b as seen on screen (image y down), i.e.
 * clockwise from it; negative = to the left. Example: a = (0,0), b = (1,0) pointing right, a point
 * below the line (larger y) is positive. Null when a and b coincide.
 */
export function signedDistanceToLine(p: Maybe<Point2>, a: Maybe<Point2>, b: Maybe<Point2>): number | null {
  if (!ok2(p) || !ok2(a) || !ok2(b)) return null;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy);
  if (len === 0) return null;
  return (dx * (p.y - a.y) - dy * (p.x - a.x)) / len;
}

export function midpoint(a: Maybe<Point2>, b: Maybe<Point2>): Point2 | null {
  if (!ok2(a) || !ok2(b)) return null;
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

export function midpoint3d(a: Maybe<Point3>, b: Maybe<Point3>): Point3 | null {
  if (!ok3(a) || !ok3(b)) return null;
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, z: (a.z + b.z) / 2 };
}

export function distance(a: Maybe<Point2>, b: Maybe<Point2>): number | null {
  if (!ok2(a) || !ok2(b)) return null;
  return Math.hypot(b.x - a.x, b.y - a.y);
}

export function distance3d(a: Maybe<Point3>, b: Maybe<Point3>): number | null {
  if (!ok3(a) || !ok3(b)) return null;
  return Math.hypot(b.x - a.x, b.y - a.y, b.z - a.z);
}

/**
 * A normalised landmark in aspect-correct units: both axes in image HEIGHTS
 * (x = xNorm * width / height, y = yNorm), so a 45-degree limb on screen measures 45 degrees on a
 * 640x480 frame too. Null for a missing landmark, a non-finite coordinate or a bad image size.
 */
export function toAspectPoint(lm: Maybe<Landmark>, imageWidthPx: number, imageHeightPx: number): Point2 | null {
  if (lm == null || !(imageWidthPx > 0) || !(imageHeightPx > 0)) return null;
  if (!Number.isFinite(lm.xNorm) || !Number.isFinite(lm.yNorm)) return null;
  return { x: (lm.xNorm * imageWidthPx) / imageHeightPx, y: lm.yNorm };
}

/**
 * World landmark as a 3D point, metres. BlazePose world y points DOWN like the image, so the
 * 2D conventions above carry over when z is dropped.
 */
export function toWorldPoint(w: Maybe<WorldLandmark>): Point3 | null {
  if (w == null) return null;
  const p = { x: w.xM, y: w.yM, z: w.zM };
  return ok3(p) ? p : null;
}
