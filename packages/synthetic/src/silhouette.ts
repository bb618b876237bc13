// Small greyscale pictures of synthetic pose frames, for tests of the picture-change signal
// (camera-motion.ts) without a video: the body drawn as a flat silhouette over a plain background or
// a furnished room, with the imperfections a real recording shows (pixel noise, auto exposure, a
// camera that wobbles). Pure and seeded.

import type { MotionFrames } from '@steadyback/core';
import { landmarkIndex, type LandmarkName } from '@steadyback/core';
import type { FrameResult } from '@steadyback/core';
import { seededGaussian } from './test-frames.ts';

export interface SilhouetteOptions {
  /** Picture size; default 64x48. */
  readonly widthPx?: number;
  readonly heightPx?: number;
  /** Grey level of the background (default 60) and of the body (default 170). */
  readonly background?: number;
  readonly body?: number;
  /** A background that brightens by this many grey levels across the picture (default 0). */
  readonly gradient?: { readonly direction: 'vertical' | 'horizontal'; readonly amount: number };
  /** Diameter of the legs, pixels of the small picture (default 3); arms are drawn thinner and the trunk wider, as on a person. */
  readonly thicknessPx?: number;
  /** Gaussian pixel noise, standard deviation in grey levels (default 0), seeded by `seed` (default 1). */
  readonly noiseSd?: number;
  readonly seed?: number;
  /** Grey levels added to the whole frame (auto exposure), per frame. */
  readonly brightness?: (tMs: number, index: number) => number;
  /** The whole frame's brightness multiplied by this (auto exposure scales light), per frame. */
  readonly gain?: (tMs: number, index: number) => number;
  /** A room behind the person: furniture, a door and pictures as boxes of other greys, with sharp (anti-aliased) edges. */
  readonly room?: boolean;
  /** The camera wobbles: the whole scene moves by this many pixels of the small picture, per frame. */
  readonly shake?: (tMs: number, index: number) => { readonly dxPx: number; readonly dyPx: number };
  /** Something in the room that changes on its own (a television, a window): a box (shares of the picture, x0, y0, x1, y1) drawn in front of the backdrop at this grey level per frame. */
  readonly screen?: {
    readonly box: readonly [number, number, number, number];
    readonly grey: (tMs: number, index: number) => number;
  };
}

/** The room's boxes, in shares of the picture (x0, y0, x1, y1) and their grey level. */
const ROOM_BOXES: ReadonlyArray<readonly [number, number, number, number, number]> = [
  [0.04, 0.1, 0.2, 0.62, 125], // a door
  [0.07, 0.15, 0.17, 0.35, 95], // its panel
  [0.3, 0.12, 0.46, 0.3, 160], // a picture
  [0.33, 0.15, 0.43, 0.27, 35], // inside the picture
  [0.72, 0.28, 0.96, 0.58, 105], // a cupboard
  [0.76, 0.33, 0.92, 0.43, 150],
  [0.0, 0.62, 1.0, 0.64, 30], // the skirting board
];

/** How much of the pixel [x, x+1) x [y, y+1) a box covers (exact area, so sub-pixel moves show as in a camera). */
function boxCover(x: number, y: number, x0: number, y0: number, x1: number, y1: number): number {
  const ox = Math.max(0, Math.min(x + 1, x1) - Math.max(x, x0));
  const oy = Math.max(0, Math.min(y + 1, y1) - Math.max(y, y0));
  return ox * oy;
}

type P = { readonly x: number; readonly y: number };

/** Limb segments, each with its width relative to a leg's. */
const LIMBS: ReadonlyArray<readonly [LandmarkName, LandmarkName, number]> = (['left', 'right'] as const).flatMap(
  (s) =>
    [
      [`${s}_shoulder`, `${s}_elbow`, 0.7],
      [`${s}_elbow`, `${s}_wrist`, 0.6],
      [`${s}_hip`, `${s}_knee`, 1],
      [`${s}_knee`, `${s}_ankle`, 0.8],
      [`${s}_ankle`, `${s}_foot_index`, 0.6],
    ] as const,
);

function distToSegment(px: number, py: number, a: P, b: P): number {
  const dx = b.x - a.x,
    dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / len2)) : 0;
  return Math.hypot(px - (a.x + t * dx), py - (a.y + t * dy));
}

/** Distance from a point to a polygon's outline, negative inside (even-odd rule). */
function signedDistToPolygon(px: number, py: number, poly: readonly P[]): number {
  let inside = false;
  let d = Infinity;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i]!,
      b = poly[j]!;
    if (a.y > py !== b.y > py && px < ((b.x - a.x) * (py - a.y)) / (b.y - a.y) + a.x) inside = !inside;
    d = Math.min(d, distToSegment(px, py, a, b));
  }
  return inside ? -d : d;
}

/** A shape of the body: the points it spans, how far it reaches beyond them, and its signed distance (negative inside). */
interface Shape {
  readonly pts: readonly P[];
  readonly reach: number;
  readonly sd: (px: number, py: number) => number;
}

/**
 * How much of each pixel of a w x h picture the frame's body covers (0..1), with soft edges as a
 * camera's picture has: a sub-pixel shift of an outline changes its pixels a little, not wholly.
 */
export function silhouetteCoverage(frame: FrameResult, w: number, h: number, thicknessPx = 3): Float32Array {
  const cover = new Float32Array(w * h);
  if (!frame.landmarks) return cover;
  const lms = frame.landmarks;
  const at = (n: LandmarkName): P | null => {
    const lm = lms[landmarkIndex(n)];
    return lm ? { x: lm.xNorm * w, y: lm.yNorm * h } : null;
  };
  const r = thicknessPx / 2;
  const shapes: Shape[] = [];
  const capsule = (a: P, b: P, rr: number) =>
    shapes.push({ pts: [a, b], reach: rr, sd: (x, y) => distToSegment(x, y, a, b) - rr });
  for (const [a, b, k] of LIMBS) {
    const pa = at(a),
      pb = at(b);
    if (pa && pb) capsule(pa, pb, r * k);
  }
  const quad = (['left_shoulder', 'right_shoulder', 'right_hip', 'left_hip'] as const).map(at);
  if (quad.every((q) => q !== null)) {
    const trunk = quad as P[];
    shapes.push({ pts: trunk, reach: 0, sd: (x, y) => signedDistToPolygon(x, y, trunk) });
    // The quad's outline too: the trunk is wider than its joint centres, and keeps a width edge-on.
    trunk.forEach((q, i) => capsule(q, trunk[(i + 1) % 4]!, r * 1.3));
    const headPts = (['nose', 'left_ear', 'right_ear'] as const).map(at).filter((q): q is P => q !== null);
    if (headPts.length) {
      const head = {
        x: headPts.reduce((s, q) => s + q.x, 0) / headPts.length,
        y: headPts.reduce((s, q) => s + q.y, 0) / headPts.length,
      };
      const headR = Math.max(r * 1.5, ...headPts.map((q) => Math.hypot(q.x - head.x, q.y - head.y)));
      shapes.push({ pts: [head], reach: headR, sd: (x, y) => Math.hypot(x - head.x, y - head.y) - headR });
      capsule(head, { x: (trunk[0]!.x + trunk[1]!.x) / 2, y: (trunk[0]!.y + trunk[1]!.y) / 2 }, r);
    }
  }
  // Signed distance to the body: the nearest of its shapes, worked out only near each shape.
  const dist = new Float32Array(w * h).fill(Infinity);
  for (const sh of shapes) {
    const xs = sh.pts.map((q) => q.x),
      ys = sh.pts.map((q) => q.y);
    const x0 = Math.max(0, Math.floor(Math.min(...xs) - sh.reach - 1)),
      x1 = Math.min(w - 1, Math.ceil(Math.max(...xs) + sh.reach + 1));
    const y0 = Math.max(0, Math.floor(Math.min(...ys) - sh.reach - 1)),
      y1 = Math.min(h - 1, Math.ceil(Math.max(...ys) + sh.reach + 1));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) dist[y * w + x] = Math.min(dist[y * w + x]!, sh.sd(x + 0.5, y + 0.5));
    }
  }
  for (let p = 0; p < w * h; p++) cover[p] = Math.max(0, Math.min(1, 0.5 - dist[p]!));
  return cover;
}

/** The backdrop seen by the pixels when the scene has moved by (dx, dy). */
function backdropAt(opts: SilhouetteOptions, w: number, h: number, bg: number, dx: number, dy: number): Float64Array {
  const grad = opts.gradient;
  const out = new Float64Array(w * h);
  for (let p = 0; p < w * h; p++) {
    const x = p % w,
      y = (p - x) / w;
    const along = !grad
      ? 0
      : grad.direction === 'vertical'
        ? (y - dy) / Math.max(1, h - 1)
        : (x - dx) / Math.max(1, w - 1);
    let v = bg + (grad?.amount ?? 0) * along;
    if (opts.room) {
      for (const [bx0, by0, bx1, by1, grey] of ROOM_BOXES) {
        const c = boxCover(x - dx, y - dy, bx0 * w, by0 * h, bx1 * w, by1 * h);
        if (c > 0) v += (grey - v) * c;
      }
    }
    out[p] = v;
  }
  return out;
}

/** Rasterises each pose frame into a small greyscale picture: a flat body over a plain background. */
export function motionFramesFromPoses(frames: readonly FrameResult[], opts: SilhouetteOptions = {}): MotionFrames {
  const w = opts.widthPx ?? 64,
    h = opts.heightPx ?? 48;
  const bg = opts.background ?? 60,
    fg = opts.body ?? 170;
  const noise = opts.noiseSd ?? 0;
  const g = seededGaussian(opts.seed ?? 1);
  const steadyBackdrop = backdropAt(opts, w, h, bg, 0, 0);
  const luma = frames.map((f, i) => {
    const move = opts.shake?.(f.tMs, i) ?? { dxPx: 0, dyPx: 0 };
    const steady = move.dxPx === 0 && move.dyPx === 0;
    let backdrop = steady ? steadyBackdrop : backdropAt(opts, w, h, bg, move.dxPx, move.dyPx);
    if (opts.screen) {
      const [sx0, sy0, sx1, sy1] = opts.screen.box;
      const grey = opts.screen.grey(f.tMs, i);
      backdrop = backdrop.map((v, p) => {
        const c = boxCover((p % w) - move.dxPx, Math.floor(p / w) - move.dyPx, sx0 * w, sy0 * h, sx1 * w, sy1 * h);
        return v + (grey - v) * c;
      });
    }
    const body =
      steady || !f.landmarks
        ? f
        : {
            ...f,
            landmarks: f.landmarks.map((lm) =>
              lm ? { ...lm, xNorm: lm.xNorm + move.dxPx / w, yNorm: lm.yNorm + move.dyPx / h } : lm,
            ),
          };
    const cover = silhouetteCoverage(body, w, h, opts.thicknessPx);
    const shift = opts.brightness?.(f.tMs, i) ?? 0;
    const gain = opts.gain?.(f.tMs, i) ?? 1;
    const out = new Uint8Array(w * h);
    for (let p = 0; p < w * h; p++) {
      const v = (backdrop[p]! + (fg - backdrop[p]!) * cover[p]!) * gain + shift + (noise > 0 ? noise * g() : 0);
      out[p] = Math.max(0, Math.min(255, Math.round(v)));
    }
    return out;
  });
  return { widthPx: w, heightPx: h, tMs: frames.map((f) => f.tMs), luma };
}
