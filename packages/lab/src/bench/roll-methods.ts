// Three ways a camera could try to read pelvic roll, run on the same renders so the benchmark can
// compare them per view: (1) the 2D hip line (spec rule R1's formula), (2) BlazePose's 3D world
// landmarks, (3) the back's top contour in a segmentation mask, on the supporting leg's side (the
// lifted leg hides the other side from behind and from the head end). Every method returns the
// absolute angle; the benchmark subtracts the same method's reading on the settled quadruped,
// as the app would with its baseline. Sign: positive = the person's right hip lower.

import { landmarkIndex, type FrameResult, type LandmarkName } from '@steadyback/core';

const DEG = 180 / Math.PI;
/** Visibility below which a hip does not count (the core's floor). */
const VISIBLE = 0.5;

export type RollMethod = 'hip-line-2d' | 'world-3d' | 'contour-seg' | 'contour-true-mask';
export const ROLL_METHODS: readonly RollMethod[] = ['hip-line-2d', 'world-3d', 'contour-seg', 'contour-true-mask'];

function point(f: FrameResult, name: LandmarkName, minVisibility = VISIBLE): { x: number; y: number } | null {
  const lm = f.landmarks?.[landmarkIndex(name)];
  if (!lm || lm.visibility < minVisibility) return null;
  return { x: lm.xNorm * f.imageWidthPx, y: lm.yNorm * f.imageHeightPx };
}

/** Image angle of the left-hip -> right-hip line; |dx| makes it the same rule seen from behind or in front. */
export function hipLineRoll2d(f: FrameResult): number | null {
  const l = point(f, 'left_hip');
  const r = point(f, 'right_hip');
  if (!l || !r) return null;
  return Math.atan2(r.y - l.y, Math.abs(r.x - l.x)) * DEG;
}

/** The hip line in BlazePose's world landmarks (metres, y down, camera-aligned). */
export function worldRoll3d(f: FrameResult): number | null {
  if (!('world' in f) || !f.world) return null;
  const l = f.world[landmarkIndex('left_hip')];
  const r = f.world[landmarkIndex('right_hip')];
  if (!l || !r) return null;
  return Math.atan2(r.yM - l.yM, Math.hypot(r.xM - l.xM, r.zM - l.zM)) * DEG;
}

/** A probability (or 0/1) mask, row-major, one value per pixel. */
export interface Mask {
  readonly widthPx: number;
  readonly heightPx: number;
  readonly data: Float32Array | Uint8Array;
  /** Values at or above this are the person. */
  readonly threshold: number;
}

export type ContourSide = 'left' | 'right';

/**
 * Which leg bears weight: the one whose ankle is lower in the picture (the lifted foot rises), or
 * failing the ankles (hidden from behind), whose knee is lower (it stays on the floor). Null when unsure.
 */
export function supportingSide(f: FrameResult): ContourSide | null {
  for (const joint of ['ankle', 'knee'] as const) {
    const l = point(f, `left_${joint}`, 0.2);
    const r = point(f, `right_${joint}`, 0.2);
    if (l && r) return l.y > r.y ? 'left' : 'right';
  }
  return null;
}

/** Columns closer than this many pixels cannot carry a slope. */
const MIN_COLUMNS = 5;
/** The band of columns runs from the hip midpoint out to this many half hip widths on one side. */
const BAND_HALF_WIDTHS = 1.6;
/** Rows searched: from the top of the picture down to this many half hip widths below the hips. */
const SEARCH_BELOW_HALF_WIDTHS = 1;

/**
 * Tilt of the silhouette's top edge above the pelvis, on one side of the midline: per column, the
 * highest person pixel (from the head end raised, or from behind at hip height, the pelvis is the
 * part of the body highest in the picture there). Hip positions come from the model and only place
 * the band of columns; the slope comes from the mask.
 */
export function contourRoll(mask: Mask, f: FrameResult, side: ContourSide): number | null {
  const l = point(f, 'left_hip', 0.1);
  const r = point(f, 'right_hip', 0.1);
  if (!l || !r) return null;
  const half = Math.abs(r.x - l.x) / 2;
  if (half < 4) return null; // seen edge-on (a side view): no width to measure across
  const midX = (l.x + r.x) / 2;
  const hipY = (l.y + r.y) / 2;
  const toward = (side === 'right' ? r.x : l.x) >= midX ? 1 : -1;
  const x0 = Math.round(midX);
  const x1 = Math.round(midX + toward * BAND_HALF_WIDTHS * half);
  const yBottom = Math.min(mask.heightPx - 1, Math.round(hipY + SEARCH_BELOW_HALF_WIDTHS * half));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let x = Math.min(x0, x1); x <= Math.max(x0, x1); x += 1) {
    if (x < 0 || x >= mask.widthPx) continue;
    for (let y = 0; y <= yBottom; y += 1) {
      if (mask.data[y * mask.widthPx + x]! >= mask.threshold) {
        xs.push(x);
        ys.push(y);
        break;
      }
    }
  }
  if (xs.length < MIN_COLUMNS) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxx = 0,
    sxy = 0;
  for (let i = 0; i < xs.length; i += 1) {
    sxx += (xs[i]! - mx) ** 2;
    sxy += (xs[i]! - mx) * (ys[i]! - my);
  }
  if (sxx === 0) return null;
  // Image y grows downward: the edge sloping down toward the right hip means the right hip is lower.
  return Math.atan(sxy / sxx) * Math.sign(r.x - l.x || 1) * DEG;
}

/** A mask from an RGBA picture's red channel (the renderer's white-on-black silhouette). */
export function maskFromRgba(img: { widthPx: number; heightPx: number; data: Uint8Array }): Mask {
  const out = new Uint8Array(img.widthPx * img.heightPx);
  for (let i = 0; i < out.length; i += 1) out[i] = img.data[i * 4]!;
  return { widthPx: img.widthPx, heightPx: img.heightPx, data: out, threshold: 128 };
}
