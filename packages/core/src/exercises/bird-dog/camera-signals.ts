// What the camera contributes to the bird-dog: limb rise for rep finding (every view), and from
// the side view the leg-line elevation (R4) and trunk sag (R5). Signals are relative to the
// person's own rest posture, scaled by their thigh length in the image so distance does not matter.

import { median } from '../../filters/moving-median.ts';
import { frameDistance, frameMidpoint } from '../../frame-geometry.ts';
import { distance, segmentAngleFromHorizontalDeg, signedDistanceToLine } from '../../geometry.ts';
import type { LandmarkName } from '../../landmarks.ts';
import type { FrameResult } from '../../pose-frame.ts';
import { visiblePoint } from '../../visibility.ts';
import type { LimbRise } from './phases.ts';

export interface CameraSignals {
  readonly tMs: number[];
  readonly rise: LimbRise[];
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

function quantile(values: ReadonlyArray<number | null>, q: number): number | null {
  const v = values.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (v.length === 0) return null;
  return v[Math.min(v.length - 1, Math.floor(q * (v.length - 1)))]!;
}

export function computeCameraSignals(frames: readonly FrameResult[]): CameraSignals {
  // Rest positions: a resting hand or foot is at its lowest in the picture, and each limb rests for
  // at least a quarter of any session (between reps and while the other side works), so the 75th
  // percentile of its image height is its rest height, robust to noise and to long holds.
  const restY: Record<keyof LimbRise, number | null> = { leftLeg: null, rightLeg: null, leftArm: null, rightArm: null };
  for (const limb of Object.keys(LIMB_POINT) as Array<keyof LimbRise>) {
    restY[limb] = quantile(frames.map((f) => visiblePoint(f, LIMB_POINT[limb])?.y ?? null), REST_QUANTILE);
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
    right: frames.map((f) => segmentAngleFromHorizontalDeg(visiblePoint(f, 'right_hip'), visiblePoint(f, 'right_ankle'))),
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
  return { tMs: frames.map((f) => f.tMs), rise, legElevationDeg, sagRaw, restSagRaw: median(atRest), thighScale };
}

/**
 * The moments every seen hand and foot rests (rise below `quietRise`, at least two limbs seen), in
 * the recording's time: the settled start, the rests between reps, the settled end. The landmarks'
 * stand-in for camera-motion.ts `restMoments` when there are no pictures.
 */
export function quietMoments(cam: CameraSignals, quietRise: number): Array<{ startMs: number; endMs: number }> {
  const out: Array<{ startMs: number; endMs: number }> = [];
  let start: number | null = null, last = 0;
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
