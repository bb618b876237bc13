// Where the picture changes, with no pose model: small greyscale copies of the video's frames are
// compared with the person's own rest picture (the per-pixel median over the recording, because a
// resting limb is at rest for most of any session). The pose models follow someone on all fours
// poorly from behind or in front (docs/accuracy.md), but a lifted arm or leg changes the picture in
// every view, so this signal times reps where the landmarks cannot. Pure: the caller decodes.

/** Small greyscale pictures of a recording, oldest first (row-major luma, one byte per pixel). */
export interface MotionFrames {
  readonly widthPx: number;
  readonly heightPx: number;
  readonly tMs: readonly number[];
  readonly luma: readonly Uint8Array[];
}

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
  /** Where anything moved repeatedly during the recording (the person's limbs and trunk); null when nothing did. */
  readonly region: MotionBox | null;
  /** The region's width over its height in pixels: on all fours, filmed end-on (from behind or in front) the moving region is narrow. */
  readonly aspect: number | null;
}

/** A pixel counts as changed when it differs from the rest picture by more than this (grey levels of 255), after the frame's overall brightness change is taken out. (L: rendered clips.) */
export const MOTION_PIXEL_THRESHOLD = 24;
/** A pixel belongs to the moving region when it changed in at least this share of the frames. */
export const MOTION_REGION_MIN_SHARE = 0.05;
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

function differingShare(a: Uint8Array, b: Uint8Array): number {
  let n = 0;
  for (let p = 0; p < a.length; p++) if (Math.abs(a[p]! - b[p]!) > MOTION_PIXEL_THRESHOLD) n++;
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

/**
 * The rest picture: the posture the person keeps coming back to. Still moments are grouped by
 * posture; the group seen most often (the earliest on a tie) is the rest, because a session goes
 * rest, rep, rest, rep, ... A per-pixel median over the whole recording would instead pick a hold
 * whenever one side's reps fill more than half of it. Without still moments, it is that median.
 */
export function restPicture(m: MotionFrames): Uint8Array {
  const segments = stillSegments(m);
  if (segments.length === 0) return medianPicture(m);
  const pictures = segments.map((seg) => medianPicture(m, seg));
  const groups: number[][] = [];
  pictures.forEach((pic, k) => {
    const g = groups.find((grp) => differingShare(pictures[grp[0]!]!, pic) < SAME_POSTURE_MAX_SHARE);
    if (g) g.push(k);
    else groups.push([k]);
  });
  const best = groups.reduce((a, b) => (b.length > a.length ? b : a));
  return medianPicture(m, best.flatMap((k) => segments[k]!));
}

export interface MotionSignalOptions {
  /**
   * The body's horizontal centre in the picture (0..1), e.g. the hips' midpoint from the pose, to
   * measure `lateral` from. Without it, the moving region's centre is used, which is the body's
   * centre only when both sides move.
   */
  readonly centreX?: number;
}

export function computeMotionSignals(m: MotionFrames, opts: MotionSignalOptions = {}): MotionSignals {
  const n = m.luma.length;
  const { widthPx: w, heightPx: h } = m;
  const size = w * h;
  if (n !== m.tMs.length) throw new Error('computeMotionSignals: one time per picture is needed.');
  for (const l of m.luma) if (l.length !== size) throw new Error(`computeMotionSignals: every picture must be ${w}x${h}.`);
  const empty: MotionSignals = { tMs: [...m.tMs], activity: m.tMs.map(() => 0), lateral: m.tMs.map(() => null), region: null, aspect: null };
  if (n < MOTION_MIN_FRAMES || size === 0) return empty;

  const rest = restPicture(m);
  // Changed pixels per frame, with the frame's overall brightness shift (auto exposure) removed.
  const changed: Uint8Array[] = [];
  const diffHist = new Uint32Array(511);
  for (const f of m.luma) {
    diffHist.fill(0);
    for (let p = 0; p < size; p++) diffHist[f[p]! - rest[p]! + 255]!++;
    const shift = histogramMedian(diffHist, size, 255);
    const c = new Uint8Array(size);
    for (let p = 0; p < size; p++) c[p] = Math.abs(f[p]! - rest[p]! - shift) > MOTION_PIXEL_THRESHOLD ? 1 : 0;
    changed.push(c);
  }
  const times = new Uint32Array(size);
  for (const c of changed) for (let p = 0; p < size; p++) times[p]! += c[p]!;
  const minTimes = Math.max(2, Math.ceil(MOTION_REGION_MIN_SHARE * n));
  let x0 = w, y0 = h, x1 = -1, y1 = -1;
  for (let p = 0; p < size; p++) {
    if (times[p]! < minTimes) continue;
    const x = p % w, y = (p - x) / w;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  if (x1 < 0) return empty;
  const rw = x1 - x0 + 1, rh = y1 - y0 + 1;
  const cx = opts.centreX !== undefined ? opts.centreX * w - 0.5 : (x0 + x1) / 2;
  const activity: number[] = [];
  const lateral: Array<number | null> = [];
  for (const c of changed) {
    let count = 0, sx = 0;
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        if (c[y * w + x]) { count++; sx += x - cx; }
      }
    }
    activity.push(count / (rw * rh));
    lateral.push(count > 0 ? sx / count / rw : null);
  }
  return {
    tMs: [...m.tMs], activity, lateral,
    region: { x0: x0 / w, y0: y0 / h, x1: (x1 + 1) / w, y1: (y1 + 1) / h },
    aspect: rw / rh,
  };
}

/** Share of the recording taken as still when estimating noise: in a bird-dog session the limbs are out most of the time. */
export const MOTION_STILL_QUANTILE = 0.1;

/** The activity of the stillest frames: what the noise of the recording looks like. */
export function motionNoise(s: MotionSignals): number {
  const v = [...s.activity].sort((a, b) => a - b);
  return v.length ? v[Math.floor(MOTION_STILL_QUANTILE * (v.length - 1))]! : 0;
}
