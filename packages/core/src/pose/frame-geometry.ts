// Geometry on named landmarks of a frame: the geometry.ts measures, fed with aspect-corrected,
// visibility-gated points, so an angle from a hidden or low-confidence point is null.

import type { LandmarkName } from './landmarks.ts';
import { hasPerson, type FrameResult } from './pose-frame.ts';
import { landmarkIndex } from './landmarks.ts';
import {
  angleAtDeg,
  angleAtDeg3d,
  distance,
  midpoint,
  segmentAngleFromHorizontalDeg,
  segmentAngleFromVerticalDeg,
  signedSagittalAngleDeg,
  toWorldPoint,
  trunkThighAngleDeg,
  type Facing,
  type Point2,
  type Point3,
} from './geometry.ts';
import { VISIBILITY_FLOOR, isLandmarkVisible, visiblePoint } from './visibility.ts';

/** Joint angle a-b-c at b (0..180) from aspect-corrected image points. */
export function frameAngleAtDeg(
  frame: FrameResult,
  a: LandmarkName,
  b: LandmarkName,
  c: LandmarkName,
  floor: number = VISIBILITY_FLOOR,
): number | null {
  return angleAtDeg(visiblePoint(frame, a, floor), visiblePoint(frame, b, floor), visiblePoint(frame, c, floor));
}

/** World landmark (metres) when the model gave one and its image landmark reaches the floor. */
export function visibleWorldPoint(
  frame: FrameResult,
  name: LandmarkName,
  floor: number = VISIBILITY_FLOOR,
): Point3 | null {
  if (!hasPerson(frame)) return null;
  const i = landmarkIndex(name);
  if (!isLandmarkVisible(frame.landmarks[i], floor)) return null;
  return toWorldPoint(frame.world?.[i]);
}

/** Joint angle a-b-c at b (0..180) from 3D world landmarks; null without world landmarks. */
export function frameAngleAtDeg3d(
  frame: FrameResult,
  a: LandmarkName,
  b: LandmarkName,
  c: LandmarkName,
  floor: number = VISIBILITY_FLOOR,
): number | null {
  return angleAtDeg3d(
    visibleWorldPoint(frame, a, floor),
    visibleWorldPoint(frame, b, floor),
    visibleWorldPoint(frame, c, floor),
  );
}

/** See segmentAngleFromVerticalDeg: 0 = `to` straight above `from`, positive toward +x on screen. */
export function frameSegmentAngleFromVerticalDeg(
  frame: FrameResult,
  from: LandmarkName,
  to: LandmarkName,
  floor: number = VISIBILITY_FLOOR,
): number | null {
  return segmentAngleFromVerticalDeg(visiblePoint(frame, from, floor), visiblePoint(frame, to, floor));
}

/** See segmentAngleFromHorizontalDeg: positive when `to` is higher in the image than `from`. */
export function frameSegmentAngleFromHorizontalDeg(
  frame: FrameResult,
  from: LandmarkName,
  to: LandmarkName,
  floor: number = VISIBILITY_FLOOR,
): number | null {
  return segmentAngleFromHorizontalDeg(visiblePoint(frame, from, floor), visiblePoint(frame, to, floor));
}

/** See signedSagittalAngleDeg: positive = segment rotated forward relative to the reference. */
export function frameSignedSagittalAngleDeg(
  frame: FrameResult,
  ref: readonly [LandmarkName, LandmarkName],
  seg: readonly [LandmarkName, LandmarkName],
  facing: Facing,
  floor: number = VISIBILITY_FLOOR,
): number | null {
  const p = (n: LandmarkName): Point2 | null => visiblePoint(frame, n, floor);
  return signedSagittalAngleDeg(p(ref[0]), p(ref[1]), p(seg[0]), p(seg[1]), facing);
}

/** See trunkThighAngleDeg: 0 = in line, positive = forward lean (flexion), negative = arching (extension). */
export function frameTrunkThighAngleDeg(
  frame: FrameResult,
  side: 'left' | 'right',
  facing: Facing,
  floor: number = VISIBILITY_FLOOR,
): number | null {
  const p = (n: LandmarkName): Point2 | null => visiblePoint(frame, n, floor);
  return trunkThighAngleDeg(p(`${side}_shoulder`), p(`${side}_hip`), p(`${side}_knee`), facing);
}

/** Midpoint of two landmarks (e.g. mid-hip), aspect-corrected; null if either is not visible. */
export function frameMidpoint(
  frame: FrameResult,
  a: LandmarkName,
  b: LandmarkName,
  floor: number = VISIBILITY_FLOOR,
): Point2 | null {
  return midpoint(visiblePoint(frame, a, floor), visiblePoint(frame, b, floor));
}

/** Distance between two landmarks in image heights. */
export function frameDistance(
  frame: FrameResult,
  a: LandmarkName,
  b: LandmarkName,
  floor: number = VISIBILITY_FLOOR,
): number | null {
  return distance(visiblePoint(frame, a, floor), visiblePoint(frame, b, floor));
}

/**
 * Which way a person seen from the side faces on screen, from the nose against the ears' midpoint
 * (works standing, kneeling and on all fours), falling back to toes against heels. Null when
 * neither pair is visible or the offset is too small to tell (a front or rear view).
 */
export function inferFacing(frame: FrameResult, floor: number = VISIBILITY_FLOOR): Facing | null {
  const p = (n: LandmarkName): Point2 | null => visiblePoint(frame, n, floor);
  const scale = torsoLength(frame, floor);
  // Below ~5% of the torso length the offset is noise, not a direction.
  const minOffset = scale === null ? 0.01 : 0.05 * scale;
  const nose = p('nose');
  const ears = meanPoint([p('left_ear'), p('right_ear')]);
  if (nose && ears && Math.abs(nose.x - ears.x) >= minOffset) return nose.x > ears.x ? 'right' : 'left';
  const toes = meanPoint([p('left_foot_index'), p('right_foot_index')]);
  const heels = meanPoint([p('left_heel'), p('right_heel')]);
  if (toes && heels && Math.abs(toes.x - heels.x) >= minOffset) return toes.x > heels.x ? 'right' : 'left';
  return null;
}

function torsoLength(frame: FrameResult, floor: number): number | null {
  const sh = meanPoint([visiblePoint(frame, 'left_shoulder', floor), visiblePoint(frame, 'right_shoulder', floor)]);
  const hip = meanPoint([visiblePoint(frame, 'left_hip', floor), visiblePoint(frame, 'right_hip', floor)]);
  const d = distance(sh, hip);
  return d !== null && d > 0 ? d : null;
}

function meanPoint(points: ReadonlyArray<Point2 | null>): Point2 | null {
  const seen = points.filter((q): q is Point2 => q !== null);
  if (seen.length === 0) return null;
  return {
    x: seen.reduce((s, q) => s + q.x, 0) / seen.length,
    y: seen.reduce((s, q) => s + q.y, 0) / seen.length,
  };
}
