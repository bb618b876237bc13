// Holding the picture still. A phone propped against a shelf, or held by a friend, moves a little
// during a recording; to camera-motion.ts every edge of the room would then look like movement.
// Each small picture is lined up with a reference (the recording's own median picture) by a
// sub-pixel shift and a brightness gain and offset, estimated Lucas-Kanade style on the reference's
// most textured pixels, with big differences (the moving person) given no weight, coarse to fine.
// Pure: pictures in, pictures out.

import type { MotionFrames } from './motion-frames.ts';

/** How far a picture was moved to line up with the reference, in pixels of the small picture. */
export interface PictureShift {
  readonly dxPx: number;
  readonly dyPx: number;
}

/** Largest shift followed, pixels of the small picture (6% of a 64-px width: a hand-held phone's wobble). */
export const STABILISE_MAX_SHIFT_PX = 4;
/** A recording whose pictures wander less than this (95th percentile, pixels of the small picture) is left exactly as it is: such a wobble changes no pixel past camera-motion's threshold. */
export const STABILISE_MIN_MOVEMENT_PX = 0.2;
/** A shift is trusted only when its standard error is below this (pixels): a plain wall, or a smooth gradient that looks the same shifted as brightened, cannot be lined up. */
export const STABILISE_MAX_SE_PX = 0.1;
/** The share of the reference's pixels, with the strongest texture, that the alignment uses. */
export const STABILISE_TEXTURE_SHARE = 0.2;
/** Fewer textured pixels than this (a plain wall) and there is nothing to line up: pictures are left as they are. */
export const STABILISE_MIN_TEXTURE_PX = 24;
/** A fit is trusted only when at least this share of the textured pixels agree with it (weighted): when someone stands up in front of the room, the few pixels left can line up with anything. */
export const STABILISE_MIN_AGREEING_SHARE = 0.4;
/** Differences beyond this (grey levels) get no weight (Tukey's biweight): the person moving, not the camera. */
const TUKEY_GREY = 30;
const MAX_ITERATIONS = 12;
const CONVERGED_PX = 0.01;

interface Picture {
  readonly w: number;
  readonly h: number;
  readonly v: Float32Array | Uint8Array;
}

function toPicture(luma: Uint8Array, w: number, h: number): Picture {
  return { w, h, v: luma };
}

/** Half the size, each pixel the mean of a 2x2 block. */
function halve(p: Picture): Picture {
  const w = Math.floor(p.w / 2),
    h = Math.floor(p.h / 2);
  const v = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const q = 2 * y * p.w + 2 * x;
      v[y * w + x] = (p.v[q]! + p.v[q + 1]! + p.v[q + p.w]! + p.v[q + p.w + 1]!) / 4;
    }
  }
  return { w, h, v };
}

/** Bilinear sample at (x, y) in pixel units, clamped to the picture. */
function sample(p: Picture, x: number, y: number): number {
  const cx = Math.min(p.w - 1.000001, Math.max(0, x)),
    cy = Math.min(p.h - 1.000001, Math.max(0, y));
  const x0 = Math.floor(cx),
    y0 = Math.floor(cy);
  const fx = cx - x0,
    fy = cy - y0;
  const i = y0 * p.w + x0;
  const top = p.v[i]! + (p.v[i + 1]! - p.v[i]!) * fx;
  const bottom = p.v[i + p.w]! + (p.v[i + p.w + 1]! - p.v[i + p.w]!) * fx;
  return top + (bottom - top) * fy;
}

/** The reference's textured pixels at one scale: their positions, values and gradients. */
interface Template {
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly v: Float32Array;
  readonly gx: Float32Array;
  readonly gy: Float32Array;
}

function template(ref: Picture, borderPx: number): Template | null {
  const cand: Array<{ p: number; g: number; gx: number; gy: number }> = [];
  for (let y = Math.max(1, borderPx); y < ref.h - Math.max(1, borderPx); y++) {
    for (let x = Math.max(1, borderPx); x < ref.w - Math.max(1, borderPx); x++) {
      const p = y * ref.w + x;
      const gx = (ref.v[p + 1]! - ref.v[p - 1]!) / 2,
        gy = (ref.v[p + ref.w]! - ref.v[p - ref.w]!) / 2;
      cand.push({ p, g: gx * gx + gy * gy, gx, gy });
    }
  }
  cand.sort((a, b) => b.g - a.g);
  const keep = cand.slice(0, Math.round(STABILISE_TEXTURE_SHARE * cand.length)).filter((c) => c.g >= 1);
  if (keep.length < STABILISE_MIN_TEXTURE_PX / 2) return null;
  return {
    x: Float32Array.from(keep, (c) => c.p % ref.w),
    y: Float32Array.from(keep, (c) => Math.floor(c.p / ref.w)),
    v: Float32Array.from(keep, (c) => ref.v[c.p]!),
    gx: Float32Array.from(keep, (c) => c.gx),
    gy: Float32Array.from(keep, (c) => c.gy),
  };
}

/** Solves the 4x4 system a x = b (Gaussian elimination with pivoting); null when singular. */
function solve4(a: number[][], b: number[]): number[] | null {
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < 4; c++) {
    let piv = c;
    for (let r = c + 1; r < 4; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[piv]![c]!)) piv = r;
    if (Math.abs(m[piv]![c]!) < 1e-9) return null;
    [m[c], m[piv]] = [m[piv]!, m[c]!];
    for (let r = c + 1; r < 4; r++) {
      const k = m[r]![c]! / m[c]![c]!;
      for (let j = c; j < 5; j++) m[r]![j]! -= k * m[c]![j]!;
    }
  }
  const x = [0, 0, 0, 0];
  for (let r = 3; r >= 0; r--) {
    let s = m[r]![4]!;
    for (let j = r + 1; j < 4; j++) s -= m[r]![j]! * x[j]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}

interface Fit {
  dx: number;
  dy: number;
  gain: number;
  offset: number;
}
interface Refined {
  readonly fit: Fit;
  /** Standard error of the shift (pixels), from the residuals and the system's conditioning. */ readonly sePx: number;
}

/** The largest standard error of dx and dy: the residual variance times the inverse system's diagonal. */
function shiftStandardError(h: number[][], sumW: number, sumWr2: number, n: number): number {
  if (n <= 4 || sumW <= 0) return Infinity;
  const sigma2 = sumWr2 / sumW;
  let worst = 0;
  for (const axis of [0, 1]) {
    const e = [0, 0, 0, 0];
    e[axis] = 1;
    const col = solve4(h, e);
    if (!col || !(col[axis]! > 0)) return Infinity;
    worst = Math.max(worst, Math.sqrt(sigma2 * col[axis]!));
  }
  return worst;
}

/** Gauss-Newton on frame(x + d) = gain * ref(x) + offset, robustly weighted, from `start`. */
function refine(t: Template, frame: Picture, start: Fit): Refined {
  const f = { ...start };
  const h = [
    [0, 0, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 0],
  ];
  const g = [0, 0, 0, 0];
  const j = [0, 0, 0, 0];
  let sumW = 0,
    sumWr2 = 0;
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    for (const row of h) row.fill(0);
    g.fill(0);
    sumW = 0;
    sumWr2 = 0;
    for (let k = 0; k < t.v.length; k++) {
      const r = sample(frame, t.x[k]! + f.dx, t.y[k]! + f.dy) - f.gain * t.v[k]! - f.offset;
      const w = Math.abs(r) < TUKEY_GREY ? (1 - (r / TUKEY_GREY) ** 2) ** 2 : 0;
      if (w === 0) continue;
      sumW += w;
      sumWr2 += w * r * r;
      // The frame's gradient at the shifted point is the reference's, times the gain.
      j[0] = f.gain * t.gx[k]!;
      j[1] = f.gain * t.gy[k]!;
      j[2] = -t.v[k]!;
      j[3] = -1;
      for (let a = 0; a < 4; a++) {
        g[a]! -= w * j[a]! * r;
        for (let b = a; b < 4; b++) h[a]![b]! += w * j[a]! * j[b]!;
      }
    }
    for (let a = 0; a < 4; a++) for (let b = 0; b < a; b++) h[a]![b] = h[b]![a]!;
    const d = solve4(h, g);
    if (!d) return { fit: { ...start }, sePx: Infinity };
    f.dx += d[0]!;
    f.dy += d[1]!;
    f.gain += d[2]!;
    f.offset += d[3]!;
    if (
      Math.abs(f.dx) > 2 * STABILISE_MAX_SHIFT_PX ||
      Math.abs(f.dy) > 2 * STABILISE_MAX_SHIFT_PX ||
      !(f.gain > 0.2 && f.gain < 5)
    )
      return { fit: { ...start }, sePx: Infinity };
    if (Math.hypot(d[0]!, d[1]!) < CONVERGED_PX) break;
  }
  // Judged on the last step's system: too few textured pixels agreeing, or a shift the texture cannot pin down.
  const sePx =
    sumW >= STABILISE_MIN_AGREEING_SHARE * t.v.length ? shiftStandardError(h, sumW, sumWr2, t.v.length) : Infinity;
  return { fit: f, sePx };
}

/**
 * Where each frame's content sits relative to `reference` (every `every`-th frame only, for a quick
 * look): coarse (half size) to fine, each frame starting from the one before, since a camera moves
 * smoothly. All zero when the reference has too little texture to line anything up.
 */
export function estimateShifts(m: MotionFrames, reference: Uint8Array, every = 1): PictureShift[] {
  const fine = toPicture(reference, m.widthPx, m.heightPx);
  const coarse = halve(fine);
  const border = Math.ceil(STABILISE_MAX_SHIFT_PX) + 1;
  const tFine = template(fine, border);
  const tCoarse = template(coarse, Math.ceil(border / 2));
  if (!tFine || !tCoarse || tFine.v.length < STABILISE_MIN_TEXTURE_PX) return m.luma.map(() => ({ dxPx: 0, dyPx: 0 }));
  const none: Fit = { dx: 0, dy: 0, gain: 1, offset: 0 };
  const within = (r: Refined) =>
    Math.abs(r.fit.dx) <= STABILISE_MAX_SHIFT_PX &&
    Math.abs(r.fit.dy) <= STABILISE_MAX_SHIFT_PX &&
    r.sePx <= STABILISE_MAX_SE_PX;
  let prev: Fit = none;
  return m.luma.flatMap((luma, i) => {
    if (i % every !== 0) return [];
    const frame = toPicture(luma, m.widthPx, m.heightPx);
    // From the frame before; when that does not hold, coarse to fine, then from no shift at all.
    let f = refine(tFine, frame, prev);
    if (!within(f)) {
      const c = refine(tCoarse, halve(frame), { ...prev, dx: prev.dx / 2, dy: prev.dy / 2 }).fit;
      f = refine(tFine, frame, { ...c, dx: c.dx * 2, dy: c.dy * 2 });
    }
    if (!within(f)) f = refine(tFine, frame, none);
    prev = within(f) ? f.fit : none;
    return [{ dxPx: prev.dx, dyPx: prev.dy }];
  });
}

/** Moves each picture back by its shift (bilinear); what comes from outside the picture is the nearest edge pixel. */
export function applyShifts(m: MotionFrames, shifts: readonly PictureShift[]): MotionFrames {
  const { widthPx: w, heightPx: h } = m;
  const luma = m.luma.map((l, i) => {
    const s = shifts[i]!;
    if (s.dxPx === 0 && s.dyPx === 0) return l;
    // One shift for the whole picture: the same four weights everywhere, only the edges clamp.
    const ix = Math.floor(s.dxPx),
      iy = Math.floor(s.dyPx);
    const fx = s.dxPx - ix,
      fy = s.dyPx - iy;
    const w00 = (1 - fx) * (1 - fy),
      w10 = fx * (1 - fy),
      w01 = (1 - fx) * fy,
      w11 = fx * fy;
    const xs0 = new Int32Array(w),
      xs1 = new Int32Array(w);
    for (let x = 0; x < w; x++) {
      xs0[x] = Math.min(w - 1, Math.max(0, x + ix));
      xs1[x] = Math.min(w - 1, Math.max(0, x + ix + 1));
    }
    const out = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) {
      const r0 = Math.min(h - 1, Math.max(0, y + iy)) * w,
        r1 = Math.min(h - 1, Math.max(0, y + iy + 1)) * w;
      for (let x = 0; x < w; x++) {
        out[y * w + x] = Math.round(
          w00 * l[r0 + xs0[x]!]! + w10 * l[r0 + xs1[x]!]! + w01 * l[r1 + xs0[x]!]! + w11 * l[r1 + xs1[x]!]!,
        );
      }
    }
    return out;
  });
  return { ...m, luma };
}
