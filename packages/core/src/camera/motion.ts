// Where the picture changes, with no pose model: small greyscale copies of the video's frames are
// compared with the person's own rest picture (the per-pixel median over the recording, because a
// resting limb is at rest for most of any session). The pose models follow someone on all fours
// poorly from behind or in front (docs/accuracy.md), but a lifted arm or leg changes the picture in
// every view, so this signal times reps where the landmarks cannot. A camera that moves a little
// (propped or hand-held) is followed first (camera-stabilise.ts), and each frame's brightness is
// matched to the rest picture's by a gain and an offset (auto exposure). Pure: the caller decodes.

import { applyShifts, estimateShifts, STABILISE_MIN_MOVEMENT_PX, type PictureShift } from './stabilise.ts';
import { quantile } from '../signal/stats.ts';
import type { MotionFrames } from './motion-frames.ts';

export type { MotionFrames } from './motion-frames.ts';

/** A box in normalised picture coordinates (0..1). */
export interface MotionBox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface MotionSignals {
  readonly tMs: number[];
  /** Share of the moving region's pixels that differ from the rest picture (0..1). */
  readonly activity: number[];
  /** Horizontal centre of the changed pixels from the body's centre (or the region's), in region widths (about -0.5..0.5); null when nothing changed. */
  readonly lateral: Array<number | null>;
  /**
   * The same, for the bottom rows of the moving region only (`MOTION_LOW_SHARE` of them): where
   * hands, knees and feet rest on the floor, so where a limb left it. Null when nothing changed there.
   */
  readonly lateralLow: Array<number | null>;
  /** Where anything moved repeatedly during the recording (the person's limbs and trunk); null when nothing did. */
  readonly region: MotionBox | null;
  /** The region's width over its height in pixels: on all fours, filmed end-on (from behind or in front) the moving region is narrow. */
  readonly aspect: number | null;
  /** How much the camera itself moved (followed and taken out): 95th percentile of its wander while the person was at rest, as a share of the picture's width. */
  readonly cameraMovement: number;
}

/** A pixel counts as changed when it differs from the rest picture by more than this (grey levels of 255), after the frame's overall brightness gain and offset are taken out. (L: rendered clips.) */
export const MOTION_PIXEL_THRESHOLD = 24;
/** A pixel belongs to the moving region when it changed in at least this share of the frames. */
export const MOTION_REGION_MIN_SHARE = 0.05;
/**
 * `lateralLow` reads this share of the moving region's rows, from the bottom. (L: 44 end-on
 * phone-like runs: with the bottom half, one room filmed in front had the sides the wrong way round;
 * with the bottom quarter, the sides of a rear view were 0.06 apart and the reps of one side up to
 * 0.18; with the bottom 40% the sides were at least 0.10 apart but in two dim or front-lit rooms,
 * and one side's reps at most 0.10. docs/accuracy.md, "Which leg, end-on".)
 */
export const MOTION_LOW_SHARE = 0.4;
/** Fewer frames than this cannot give a rest picture. */
export const MOTION_MIN_FRAMES = 8;

function histogramMedian(hist: Uint32Array, count: number, offset = 0): number {
  const half = Math.floor((count - 1) / 2);
  let seen = 0;
  for (let v = 0; v < hist.length; v++) {
    seen += hist[v]!;
    if (seen > half) return v - offset;
  }
  return hist.length - 1 - offset;
}

/** Each pixel's median over the given frames (all of them by default). */
export function medianPicture(m: MotionFrames, frames?: readonly number[]): Uint8Array {
  const idx = frames ?? m.luma.map((_, i) => i);
  const size = m.widthPx * m.heightPx;
  const out = new Uint8Array(size);
  const hist = new Uint32Array(256);
  for (let p = 0; p < size; p++) {
    hist.fill(0);
    for (const i of idx) hist[m.luma[i]![p]!]!++;
    out[p] = histogramMedian(hist, idx.length);
  }
  return out;
}

/** Two pictures show the same posture when fewer than this share of their pixels differ. */
export const SAME_POSTURE_MAX_SHARE = 0.01;
/** A frame is still when fewer than this share of its pixels differ from the frame before. */
export const STILL_FRAME_MAX_SHARE = 0.004;

/** Share of pixels that differ between two pictures, after matching their overall brightness (auto exposure scales it). */
function differingShare(a: Uint8Array, b: Uint8Array): number {
  let sa = 0,
    sb = 0;
  for (let p = 0; p < a.length; p++) {
    sa += a[p]!;
    sb += b[p]!;
  }
  const gain = sa > 0 ? sb / sa : 1;
  let n = 0;
  for (let p = 0; p < a.length; p++) if (Math.abs(gain * a[p]! - b[p]!) > MOTION_PIXEL_THRESHOLD) n++;
  return n / a.length;
}

/**
 * Runs of consecutive still frames (at least two frames each), as frame-index lists. A run also
 * ends when the picture has drifted from the run's first frame, so a slow, steady movement is not
 * taken for one long still moment.
 */
export function stillSegments(m: MotionFrames): number[][] {
  const out: number[][] = [];
  let run: number[] = [];
  for (let i = 1; i < m.luma.length; i++) {
    const still = differingShare(m.luma[i]!, m.luma[i - 1]!) < STILL_FRAME_MAX_SHARE;
    const drifted = run.length > 0 && differingShare(m.luma[i]!, m.luma[run[0]!]!) >= SAME_POSTURE_MAX_SHARE;
    if (still && !drifted) {
      if (run.length === 0) run.push(i - 1);
      run.push(i);
    } else {
      if (run.length >= 2) out.push(run);
      run = [];
    }
  }
  if (run.length >= 2) out.push(run);
  return out;
}

/** Reps take seconds: the picture's change is read at no more than this many pictures a second. */
export const MOTION_MAX_FPS = 15;

/** Every k-th picture, the smallest k that brings the recording to `MOTION_MAX_FPS` or below (from its median frame interval). */
export function thinMotionFrames(m: MotionFrames, maxFps = MOTION_MAX_FPS): MotionFrames {
  const steps = m.tMs
    .slice(1)
    .map((t, i) => t - m.tMs[i]!)
    .sort((a, b) => a - b);
  const stepMs = steps.length ? steps[Math.floor(steps.length / 2)]! : 0;
  const k = stepMs > 0 ? Math.ceil(1000 / maxFps / stepMs - 1e-6) : 1;
  return k <= 1 ? m : everyNth(m, k);
}

/** Every k-th picture, from the first. */
function everyNth(m: MotionFrames, k: number): MotionFrames {
  return framesAt(
    m,
    m.tMs.flatMap((_, i) => (i % k === 0 ? [i] : [])),
  );
}

/** The pictures at these indices, in the order given. */
function framesAt(m: MotionFrames, idx: readonly number[]): MotionFrames {
  return { widthPx: m.widthPx, heightPx: m.heightPx, tMs: idx.map((i) => m.tMs[i]!), luma: idx.map((i) => m.luma[i]!) };
}

/** Indices of the pictures from `startMs` to `endMs`, both included. */
function indicesBetween(m: MotionFrames, startMs: number, endMs: number): number[] {
  return m.tMs.flatMap((t, i) => (t >= startMs && t <= endMs ? [i] : []));
}

/** The pictures from `startMs` to `endMs`, both included. */
export function motionFramesBetween(m: MotionFrames, startMs: number, endMs: number): MotionFrames {
  return framesAt(m, indicesBetween(m, startMs, endMs));
}

/** A visit to a posture lasts at least this long: a slow reach passes through postures it does not stop in. (L: rendered rests 0.5-1 s.) */
export const POSTURE_VISIT_MIN_MS = 300;

/**
 * The still moments in the rest posture: the posture the person keeps coming back to. Still
 * moments are grouped by posture; the rest is the group visited most often (the earliest on a
 * tie), because a session goes rest, rep, rest, rep, ... A visit is a run of still moments in a
 * row in the same posture lasting at least `POSTURE_VISIT_MIN_MS`: a long hold breaks into several
 * still moments when the picture is noisy or the person sways (a phone-like recording of a second
 * figure from behind at 45 degrees: its two right-leg holds gave 8 still moments, its five rests 6),
 * and a slow reach passes through postures in short still moments on the way out and back. A still
 * moment joins the posture it differs least from, judged against that posture's latest still
 * moment lasting `POSTURE_VISIT_MIN_MS` (its first while none does): someone who creeps rests a
 * little elsewhere after each rep, and against the first rest only, the later rests became postures
 * of their own (a rendered figure creeping 8 cm forward per rep, filmed from behind: the right-leg
 * hold was taken for the rest). Short still moments do not stand for a posture, or a slow get-down
 * would lead step by step into the rest. Empty when nothing is still.
 */
function restSegments(m: MotionFrames): number[][] {
  const segments = stillSegments(m);
  if (segments.length === 0) return [];
  const pictures = segments.map((seg) => medianPicture(m, seg));
  const groups: number[][] = [];
  const lasts = (k: number) => m.tMs[segments[k]!.at(-1)!]! - m.tMs[segments[k]![0]!]! >= POSTURE_VISIT_MIN_MS;
  const groupOf = pictures.map((pic, k) => {
    let g = -1,
      best = SAME_POSTURE_MAX_SHARE;
    groups.forEach((grp, i) => {
      const anchor = grp.findLast((j) => lasts(j)) ?? grp[0]!;
      const d = differingShare(pictures[anchor]!, pic);
      if (d < best) {
        best = d;
        g = i;
      }
    });
    if (g < 0) g = groups.push([]) - 1;
    groups[g]!.push(k);
    return g;
  });
  const visits = (minMs: number) => {
    const count = groups.map(() => 0);
    for (let k = 0; k < segments.length;) {
      let j = k;
      while (j + 1 < segments.length && groupOf[j + 1] === groupOf[k]) j++;
      if (m.tMs[segments[j]!.at(-1)!]! - m.tMs[segments[k]![0]!]! >= minMs) count[groupOf[k]!]!++;
      k = j + 1;
    }
    return count;
  };
  let count = visits(POSTURE_VISIT_MIN_MS);
  if (count.every((c) => c === 0)) count = visits(0);
  const best = count.reduce((b, c, g) => (c > count[b]! ? g : b), 0);
  return groups[best]!.map((k) => segments[k]!);
}

/**
 * The rest picture: the median over the still moments in the rest posture. A per-pixel median
 * over the whole recording would instead pick a hold whenever one side's reps fill more than half
 * of it; without still moments, it is that median all the same.
 */
export function restPicture(m: MotionFrames): Uint8Array {
  const rest = restSegments(m);
  return rest.length === 0 ? medianPicture(m) : medianPicture(m, rest.flat());
}

/** The still moments in the rest posture, in the recording's time: the settled start, the rests between reps, the settled end. */
export function restMoments(m: MotionFrames): Array<{ startMs: number; endMs: number }> {
  return restSegments(m).map((run) => ({ startMs: m.tMs[run[0]!]!, endMs: m.tMs[run.at(-1)!]! }));
}

export interface StabilisedFrames {
  readonly frames: MotionFrames;
  /** Per frame: where its content sat relative to the reference (content at x in the reference is at x + d in the frame). */
  readonly shifts: readonly PictureShift[];
  /** The camera's wander: the 95th percentile of the shifts' distance from their median, as a share of the picture's width. */
  readonly movementShare: number;
  /**
   * The camera's wander as the "camera moved" advice reads it: the smaller of the wander over every
   * frame and over the moments the person was still at rest. The person's own movement can drag the
   * line-up, during the reps (a limb moving across the room's texture) or at rest when the rests
   * cannot be told from the holds (a dim figure on a plain wall); a camera that moves moves in both.
   * A rendered front view on a tripod: 0.85 px over every frame, 0.13 px at rest; hand-held phone
   * recordings: 0.97 to 1.74 px at rest.
   */
  readonly restMovementShare: number;
}

/**
 * The pictures lined up against camera movement. A quick look first, every fifth picture against
 * the recording's median picture: most cameras stand still, and then the pictures come back
 * untouched. Otherwise every picture is lined up with the median of the quick look's lined-up
 * pictures, which is sharp where the plain median was blurred by the movement.
 */
export function stabilise(m: MotionFrames): StabilisedFrames {
  const every = STABILISE_QUICK_LOOK_EVERY;
  const quick = estimateShifts(m, medianPicture(m), every);
  if (cameraWanderPx(quick) < STABILISE_MIN_MOVEMENT_PX) {
    return { frames: m, shifts: m.luma.map(() => ({ dxPx: 0, dyPx: 0 })), movementShare: 0, restMovementShare: 0 };
  }
  const lined = applyShifts(everyNth(m, every), quick);
  const shifts = estimateShifts(m, medianPicture(lined));
  return stabilisedWith(applyShifts(m, shifts), shifts);
}

/** Lined-up pictures with the shifts that lined them up, and how far the camera wandered. */
export function stabilisedWith(frames: MotionFrames, shifts: readonly PictureShift[]): StabilisedFrames {
  if (shifts.every((s) => s.dxPx === 0 && s.dyPx === 0))
    return { frames, shifts, movementShare: 0, restMovementShare: 0 };
  const rest = restSegments(frames).flat();
  const overall = cameraWanderPx(shifts) / frames.widthPx;
  const atRest = rest.length > 0 ? cameraWanderPx(rest.map((i) => shifts[i]!)) / frames.widthPx : overall;
  return { frames, shifts, movementShare: overall, restMovementShare: Math.min(overall, atRest) };
}

/** Lined-up pictures from `startMs` to `endMs`, with their shifts and the camera's wander over that part alone. */
export function stabilisedBetween(s: StabilisedFrames, startMs: number, endMs: number): StabilisedFrames {
  const idx = indicesBetween(s.frames, startMs, endMs);
  return stabilisedWith(
    framesAt(s.frames, idx),
    idx.map((i) => s.shifts[i]!),
  );
}

/** The quick look for a moving camera lines up every this many pictures (a hand's wobble lasts longer than five frames). */
const STABILISE_QUICK_LOOK_EVERY = 5;

/** How far the camera wandered: the 95th percentile of the shifts' distance from their median, pixels. */
export function cameraWanderPx(shifts: readonly PictureShift[]): number {
  const mx = quantile(
      shifts.map((s) => s.dxPx),
      0.5,
    ),
    my = quantile(
      shifts.map((s) => s.dyPx),
      0.5,
    );
  return quantile(
    shifts.map((s) => Math.hypot(s.dxPx - mx, s.dyPx - my)),
    0.95,
  );
}

/**
 * The frame's brightness against the rest picture's, as auto exposure changes it: frame = gain x
 * rest + offset, fitted by iteratively reweighted least squares from the median difference (Huber
 * weights, then Tukey's, which give the moving person no weight at all).
 */
function exposureFit(f: Uint8Array, rest: Uint8Array, diffHist: Uint32Array): { gain: number; offset: number } {
  diffHist.fill(0);
  for (let p = 0; p < f.length; p++) diffHist[f[p]! - rest[p]! + 255]!++;
  let gain = 1,
    offset = histogramMedian(diffHist, f.length, 255);
  for (let it = 0; it < 5; it++) {
    const huber = it < 3;
    let sw = 0,
      sx = 0,
      sy = 0,
      sxx = 0,
      sxy = 0;
    // Every other pixel: two unknowns need no more, and this runs on every frame.
    for (let p = 0; p < f.length; p += 2) {
      const x = rest[p]!,
        y = f[p]!;
      const r = Math.abs(y - gain * x - offset);
      const w = huber
        ? r <= EXPOSURE_HUBER_GREY
          ? 1
          : EXPOSURE_HUBER_GREY / r
        : r < MOTION_PIXEL_THRESHOLD
          ? (1 - (r / MOTION_PIXEL_THRESHOLD) ** 2) ** 2
          : 0;
      sw += w;
      sx += w * x;
      sy += w * y;
      sxx += w * x * x;
      sxy += w * x * y;
    }
    if (sw <= 0) break;
    const det = sw * sxx - sx * sx;
    // A plain picture (every pixel alike) cannot tell a gain from an offset: offset only.
    if (det <= 1e-6 * sw * sw * 255 * 255) {
      gain = 1;
      offset = (sy - sx) / sw;
      continue;
    }
    gain = (sw * sxy - sx * sy) / det;
    offset = (sy - gain * sx) / sw;
  }
  return { gain, offset };
}

/** Exposure fit: differences up to this many grey levels count fully while the gain is first sought. */
const EXPOSURE_HUBER_GREY = 8;

/**
 * Each pixel's min (or max) over itself and the points half a pixel toward each of its 8
 * neighbours: the values the rest picture takes when moved by up to half a pixel.
 */
function neighbourhood(pic: Uint8Array, w: number, h: number, pick: (a: number, b: number) => number): Float32Array {
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const c = pic[y * w + x]!;
      let v = c;
      for (let yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
        for (let xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) v = pick(v, (c + pic[yy * w + xx]!) / 2);
      }
      out[y * w + x] = v;
    }
  }
  return out;
}

export interface MotionSignalOptions {
  /** The pictures were already lined up by `stabilise`, with this camera movement: they are used as they are. */
  readonly stabilised?: Pick<StabilisedFrames, 'movementShare' | 'restMovementShare'>;
  /**
   * The body's horizontal centre in the picture (0..1), e.g. the hips' midpoint from the pose, to
   * measure `lateral` from. Without it, the moving region's centre is used, which is the body's
   * centre only when both sides move.
   */
  readonly centreX?: number;
  /**
   * Where the person can be (normalised, e.g. body-place.ts `personArea`): change outside it is the
   * room's (an edge flickering as a hand-held camera moves, a screen, a pet) and is not read.
   * Without it, the whole picture is read.
   */
  readonly personBox?: MotionBox | null;
}

/** The pictures cut to a box (normalised; whole pixels, at least one), with where the cut starts in pixels. */
export function cropMotionFrames(m: MotionFrames, box: MotionBox): { frames: MotionFrames; xPx: number; yPx: number } {
  const { widthPx: w, heightPx: h } = m;
  const x0 = Math.max(0, Math.min(w - 1, Math.floor(box.x0 * w))),
    x1 = Math.max(x0 + 1, Math.min(w, Math.ceil(box.x1 * w)));
  const y0 = Math.max(0, Math.min(h - 1, Math.floor(box.y0 * h))),
    y1 = Math.max(y0 + 1, Math.min(h, Math.ceil(box.y1 * h)));
  if (x0 === 0 && y0 === 0 && x1 === w && y1 === h) return { frames: m, xPx: 0, yPx: 0 };
  const cw = x1 - x0,
    ch = y1 - y0;
  const luma = m.luma.map((l) => {
    const out = new Uint8Array(cw * ch);
    for (let y = 0; y < ch; y++) out.set(l.subarray((y0 + y) * w + x0, (y0 + y) * w + x1), y * cw);
    return out;
  });
  return { frames: { widthPx: cw, heightPx: ch, tMs: m.tMs, luma }, xPx: x0, yPx: y0 };
}

function changedPixels(
  luma: readonly Uint8Array[],
  rest: Uint8Array,
  restLo: ArrayLike<number>,
  restHi: ArrayLike<number>,
  size: number,
): Uint8Array[] {
  const changed: Uint8Array[] = [];
  const diffHist = new Uint32Array(511);
  for (const f of luma) {
    const { gain, offset } = exposureFit(f, rest, diffHist);
    const c = new Uint8Array(size);
    for (let p = 0; p < size; p++) {
      const v = f[p]! - offset;
      c[p] = v < gain * restLo[p]! - MOTION_PIXEL_THRESHOLD || v > gain * restHi[p]! + MOTION_PIXEL_THRESHOLD ? 1 : 0;
    }
    changed.push(c);
  }
  return changed;
}

interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function changeRegion(changed: readonly Uint8Array[], w: number, h: number, size: number, n: number): PixelBox {
  const times = new Uint32Array(size);
  for (const c of changed) for (let p = 0; p < size; p++) times[p]! += c[p]!;
  const minTimes = Math.max(2, Math.ceil(MOTION_REGION_MIN_SHARE * n));
  let x0 = w,
    y0 = h,
    x1 = -1,
    y1 = -1;
  for (let p = 0; p < size; p++) {
    if (times[p]! < minTimes) continue;
    const x = p % w,
      y = (p - x) / w;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return { x0, y0, x1, y1 };
}

function regionShares(
  changed: readonly Uint8Array[],
  w: number,
  box: PixelBox,
  cx: number,
  lowFrom: number,
): Pick<MotionSignals, 'activity' | 'lateral' | 'lateralLow'> {
  const { x0, y0, x1, y1 } = box;
  const rw = x1 - x0 + 1,
    rh = y1 - y0 + 1;
  const activity: number[] = [];
  const lateral: Array<number | null> = [];
  const lateralLow: Array<number | null> = [];
  for (const c of changed) {
    let count = 0,
      sx = 0,
      lowCount = 0,
      lowSx = 0;
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        if (c[y * w + x]) {
          count++;
          sx += x - cx;
          if (y >= lowFrom) {
            lowCount++;
            lowSx += x - cx;
          }
        }
      }
    }
    activity.push(count / (rw * rh));
    lateral.push(count > 0 ? sx / count / rw : null);
    lateralLow.push(lowCount > 0 ? lowSx / lowCount / rw : null);
  }
  return { activity, lateral, lateralLow };
}

export function computeMotionSignals(m: MotionFrames, opts: MotionSignalOptions = {}): MotionSignals {
  const n = m.luma.length;
  const { widthPx: fullW, heightPx: fullH } = m;
  if (n !== m.tMs.length) throw new Error('computeMotionSignals: one time per picture is needed.');
  for (const l of m.luma)
    if (l.length !== fullW * fullH) throw new Error(`computeMotionSignals: every picture must be ${fullW}x${fullH}.`);
  const empty: MotionSignals = {
    tMs: [...m.tMs],
    activity: m.tMs.map(() => 0),
    lateral: m.tMs.map(() => null),
    lateralLow: m.tMs.map(() => null),
    region: null,
    aspect: null,
    cameraMovement: 0,
  };
  if (n < MOTION_MIN_FRAMES || fullW * fullH === 0) return empty;

  const steady = opts.stabilised ? { frames: m, ...opts.stabilised } : stabilise(m);
  // The camera is followed over the whole picture (the room holds still); the person is read only
  // where they can be, so a screen or a window elsewhere neither makes a rest look busy nor moves
  // the region.
  const cut = opts.personBox
    ? cropMotionFrames(steady.frames, opts.personBox)
    : { frames: steady.frames, xPx: 0, yPx: 0 };
  const pictures = cut.frames;
  const { widthPx: w, heightPx: h } = pictures;
  const size = w * h;
  const rest = restPicture(pictures);
  // Changed pixels per frame, with the frame's overall brightness change (auto exposure) removed.
  // A camera that moved is lined up to a fraction of a pixel, not exactly: then a pixel changed only
  // when it is outside the range the rest picture takes within half a pixel of it, so the room's
  // edges do not flicker as change while a lifted limb still does.
  const moved = steady.movementShare > 0;
  const restLo: ArrayLike<number> = moved ? neighbourhood(rest, w, h, Math.min) : rest;
  const restHi: ArrayLike<number> = moved ? neighbourhood(rest, w, h, Math.max) : rest;
  const changed = changedPixels(pictures.luma, rest, restLo, restHi, size);
  const { x0, y0, x1, y1 } = changeRegion(changed, w, h, size, n);
  if (x1 < 0) return { ...empty, cameraMovement: steady.restMovementShare };
  const rw = x1 - x0 + 1,
    rh = y1 - y0 + 1;
  const cx = opts.centreX !== undefined ? opts.centreX * fullW - 0.5 - cut.xPx : (x0 + x1) / 2;
  const lowFrom = y1 + 1 - Math.max(1, Math.round(MOTION_LOW_SHARE * rh));
  const { activity, lateral, lateralLow } = regionShares(changed, w, { x0, y0, x1, y1 }, cx, lowFrom);
  return {
    tMs: [...m.tMs],
    activity,
    lateral,
    lateralLow,
    region: {
      x0: (cut.xPx + x0) / fullW,
      y0: (cut.yPx + y0) / fullH,
      x1: (cut.xPx + x1 + 1) / fullW,
      y1: (cut.yPx + y1 + 1) / fullH,
    },
    aspect: rw / rh,
    cameraMovement: steady.restMovementShare,
  };
}

/** Share of the recording taken as still when estimating noise: in a bird-dog session the limbs are out most of the time. */
export const MOTION_STILL_QUANTILE = 0.1;

/** The activity of the stillest frames: what the noise of the recording looks like. */
export function motionNoise(s: MotionSignals): number {
  const v = [...s.activity].sort((a, b) => a - b);
  return v.length ? v[Math.floor(MOTION_STILL_QUANTILE * (v.length - 1))]! : 0;
}
