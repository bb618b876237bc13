// Where the person is in the picture, from the pose landmarks: what the picture's change
// (camera-motion.ts) needs to tell the person's movement from the room's, and left from right.
// Pure: frames in, numbers out.

import { median, quantile } from '../signal/stats.ts';
import { frameMidpoint } from '../pose/frame-geometry.ts';
import type { MotionBox } from './motion.ts';
import { hasPerson, type FrameResult, type Landmark } from '../pose/pose-frame.ts';

/**
 * The hips' midpoint across the recording as a share of the picture's width (0..1): where left turns
 * into right for the picture's change. frameMidpoint's x is in picture heights, so it is scaled back.
 */
export function bodyCentre(frames: readonly FrameResult[]): { centreX?: number } {
  const x = median(
    frames.map((f) => {
      const mid = frameMidpoint(f, 'left_hip', 'right_hip');
      return mid && f.imageWidthPx > 0 ? (mid.x * f.imageHeightPx) / f.imageWidthPx : null;
    }),
  );
  return x !== null ? { centreX: x } : {};
}

/** How far beyond the landmarks' extent the person's own movement can change the picture, as a share of that extent on each side. (L: end-on, the models lose the lifted limbs but keep the body's place.) */
export const PERSON_AREA_MARGIN = 0.5;
/** The extent is the landmarks' reach in all but this share of the frames at each end, so one wild frame does not set it. */
export const PERSON_AREA_QUANTILE = 0.02;
/** Fewer frames with a person than this give no area (the whole picture is read). */
export const PERSON_AREA_MIN_FRAMES = 5;

/**
 * Where the person's movement can change the picture (normalised, 0..1): every landmark the model
 * placed, over the recording, widened by `PERSON_AREA_MARGIN`. Landmarks of any confidence count:
 * a wrongly placed point only widens the area, which reads more of the picture, never less. Null
 * when too few frames have a person.
 */
export function personArea(frames: readonly FrameResult[]): MotionBox | null {
  const x0s: number[] = [],
    y0s: number[] = [],
    x1s: number[] = [],
    y1s: number[] = [];
  for (const f of frames) {
    if (!hasPerson(f)) continue;
    const pts = f.landmarks.filter(
      (l): l is Landmark => l !== null && Number.isFinite(l.xNorm) && Number.isFinite(l.yNorm),
    );
    if (pts.length === 0) continue;
    x0s.push(Math.min(...pts.map((l) => l.xNorm)));
    x1s.push(Math.max(...pts.map((l) => l.xNorm)));
    y0s.push(Math.min(...pts.map((l) => l.yNorm)));
    y1s.push(Math.max(...pts.map((l) => l.yNorm)));
  }
  if (x0s.length < PERSON_AREA_MIN_FRAMES) return null;
  const q = PERSON_AREA_QUANTILE;
  const x0 = quantile(x0s, q),
    x1 = quantile(x1s, 1 - q),
    y0 = quantile(y0s, q),
    y1 = quantile(y1s, 1 - q);
  const mx = PERSON_AREA_MARGIN * (x1 - x0),
    my = PERSON_AREA_MARGIN * (y1 - y0);
  const clamp = (v: number) => Math.max(0, Math.min(1, v));
  return { x0: clamp(x0 - mx), y0: clamp(y0 - my), x1: clamp(x1 + mx), y1: clamp(y1 + my) };
}

/** A frame without a person borrows the box of the nearest frame with one, up to this far away: the model loses someone for a moment (getting up close to the phone), they do not vanish. */
export const PERSON_BOX_REACH_MS = 1000;

/**
 * Where the person is at each moment: the box around every landmark the model placed in the frame
 * nearest in time that has a person (normalised, 0..1), or null when nobody was found within
 * `PERSON_BOX_REACH_MS`. For video-cuts.ts, which compares the room around the person.
 */
export function personBoxAt(frames: readonly FrameResult[]): (tMs: number) => MotionBox | null {
  const seen: Array<{ tMs: number; box: MotionBox }> = [];
  for (const f of frames) {
    if (!hasPerson(f)) continue;
    const pts = f.landmarks.filter(
      (l): l is Landmark => l !== null && Number.isFinite(l.xNorm) && Number.isFinite(l.yNorm),
    );
    if (pts.length === 0) continue;
    const xs = pts.map((l) => l.xNorm),
      ys = pts.map((l) => l.yNorm);
    seen.push({
      tMs: f.tMs,
      box: { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) },
    });
  }
  return (tMs) => {
    if (seen.length === 0) return null;
    let lo = 0,
      hi = seen.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seen[mid]!.tMs < tMs) lo = mid + 1;
      else hi = mid;
    }
    const i = lo > 0 && Math.abs(seen[lo - 1]!.tMs - tMs) < Math.abs(seen[lo]!.tMs - tMs) ? lo - 1 : lo;
    return Math.abs(seen[i]!.tMs - tMs) <= PERSON_BOX_REACH_MS ? seen[i]!.box : null;
  };
}
