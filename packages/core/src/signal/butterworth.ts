// Offline smoothing for recorded video, where looking ahead is allowed: a low-pass Butterworth
// run forward and backward (zero phase, so peaks stay where they happened), Hampel outlier
// rejection, and linear filling of short gaps. Pipeline as in Sports2D/Pose2Sim: low-confidence
// points become gaps, outliers become gaps, short gaps are filled, each unbroken run is filtered.
// Design: bilinear transform with frequency prewarping, as scipy.signal.butter; forward-backward
// filtering with odd reflection at the edges and steady-state initial conditions, as
// scipy.signal.sosfiltfilt.

import { LANDMARK_COUNT } from '../pose/landmarks.ts';
import { hasPerson, type FrameResult, type Landmark } from '../pose/pose-frame.ts';
import { VISIBILITY_FLOOR, isLandmarkVisible } from '../pose/visibility.ts';
import { median } from './stats.ts';

export type ButterworthOrder = 2 | 4;

/** One second-order section in direct form: b = [b0, b1, b2], a = [1, a1, a2]. */
export interface Biquad {
  readonly b: readonly [number, number, number];
  readonly a: readonly [1, number, number];
}

export interface TransferFunction {
  readonly b: readonly number[];
  readonly a: readonly number[];
}

function checkDesign(order: number, cutoffHz: number, sampleRateHz: number): void {
  if (order !== 2 && order !== 4) throw new Error(`Butterworth order must be 2 or 4, got ${order}.`);
  if (!(sampleRateHz > 0) || !Number.isFinite(sampleRateHz)) {
    throw new Error(`Sample rate must be a positive number of Hz, got ${sampleRateHz}.`);
  }
  if (!(cutoffHz > 0) || !(cutoffHz < sampleRateHz / 2)) {
    throw new Error(
      `Butterworth cutoff must lie between 0 and the Nyquist frequency (${sampleRateHz / 2} Hz at ${sampleRateHz} Hz), got ${cutoffHz} Hz: lower the cutoff or use a higher frame rate.`,
    );
  }
}

/**
 * Low-pass Butterworth as a cascade of second-order sections (numerically safer than one
 * high-order polynomial). Section k has the analog pole pair with Q = 1 / (2 sin((2k+1)pi/2N)).
 */
export function butterworthLowPassSections(order: ButterworthOrder, cutoffHz: number, sampleRateHz: number): Biquad[] {
  checkDesign(order, cutoffHz, sampleRateHz);
  // Prewarping: the digital filter's -3 dB point lands exactly at cutoffHz.
  const k = Math.tan((Math.PI * cutoffHz) / sampleRateHz);
  const k2 = k * k;
  const sections: Biquad[] = [];
  for (let s = 0; s < order / 2; s++) {
    const q = 1 / (2 * Math.sin(((2 * s + 1) * Math.PI) / (2 * order)));
    const norm = 1 / (1 + k / q + k2);
    const b0 = k2 * norm;
    sections.push({ b: [b0, 2 * b0, b0], a: [1, 2 * (k2 - 1) * norm, (1 - k / q + k2) * norm] });
  }
  return sections;
}

/** The same design as polynomial coefficients b, a (highest power of z^-1 last), like scipy.signal.butter. */
export function butterworthLowPass(order: ButterworthOrder, cutoffHz: number, sampleRateHz: number): TransferFunction {
  let b: number[] = [1];
  let a: number[] = [1];
  for (const s of butterworthLowPassSections(order, cutoffHz, sampleRateHz)) {
    b = convolve(b, s.b);
    a = convolve(a, s.a);
  }
  return { b, a };
}

function convolve(p: readonly number[], q: readonly number[]): number[] {
  const out = new Array<number>(p.length + q.length - 1).fill(0);
  p.forEach((pi, i) => q.forEach((qj, j) => (out[i + j] = out[i + j]! + pi * qj)));
  return out;
}

/** Runs the cascade once (causal), transposed direct form II, from the given section states. */
function sosFilter(
  sections: readonly Biquad[],
  x: readonly number[],
  zi: ReadonlyArray<readonly [number, number]>,
): number[] {
  const y = x.slice();
  sections.forEach((s, si) => {
    const [b0, b1, b2] = s.b;
    const [, a1, a2] = s.a;
    let z1 = zi[si]?.[0] ?? 0;
    let z2 = zi[si]?.[1] ?? 0;
    for (let n = 0; n < y.length; n++) {
      const xn = y[n]!;
      const yn = b0 * xn + z1;
      z1 = b1 * xn - a1 * yn + z2;
      z2 = b2 * xn - a2 * yn;
      y[n] = yn;
    }
  });
  return y;
}

/** Section states for a unit step that has been applied forever (scipy.signal.sosfilt_zi). */
function sosSteadyState(sections: readonly Biquad[]): Array<[number, number]> {
  let level = 1;
  return sections.map((s) => {
    const gain = (s.b[0] + s.b[1] + s.b[2]) / (1 + s.a[1] + s.a[2]);
    const zi: [number, number] = [level * (gain - s.b[0]), level * (s.b[2] - s.a[2] * gain)];
    level *= gain;
    return zi;
  });
}

/**
 * Zero-phase forward-backward filtering of a gap-free series (scipy.signal.sosfiltfilt with
 * padtype 'odd'): the series is extended at each end by its point reflection about the end sample,
 * which keeps the level and slope there, so the ends neither droop nor ring. The effective order
 * doubles and the -3 dB point of one pass becomes about -6 dB.
 * Series shorter than the default padding use as much padding as they have; length < 2 is returned as is.
 */
export function filtfilt(sections: readonly Biquad[], x: readonly number[]): number[] {
  const n = x.length;
  if (n < 2 || sections.length === 0) return x.slice();
  const padLen = Math.min(3 * (2 * sections.length + 1), n - 1);
  const first = x[0]!;
  const last = x[n - 1]!;
  const ext: number[] = [];
  for (let i = padLen; i >= 1; i--) ext.push(2 * first - x[i]!);
  for (const v of x) ext.push(v);
  for (let i = n - 2; i >= n - 1 - padLen; i--) ext.push(2 * last - x[i]!);
  const zi = sosSteadyState(sections);
  const scaled = (v: number): Array<[number, number]> => zi.map(([p, q]) => [p * v, q * v]);
  const fwd = sosFilter(sections, ext, scaled(ext[0]!));
  fwd.reverse();
  const back = sosFilter(sections, fwd, scaled(fwd[0]!));
  back.reverse();
  return back.slice(padLen, padLen + n);
}

/**
 * Linear interpolation across runs of nulls no longer than maxGapSamples that have a value on
 * both sides. Longer runs, and runs at either end (nothing to interpolate towards), stay null.
 */
export function fillShortGaps(series: ReadonlyArray<number | null>, maxGapSamples: number): Array<number | null> {
  if (!Number.isInteger(maxGapSamples) || maxGapSamples < 0) {
    throw new Error(`maxGapSamples must be a whole number >= 0, got ${maxGapSamples}.`);
  }
  const out = series.map((v) => (v !== null && Number.isFinite(v) ? v : null));
  let i = 0;
  while (i < out.length) {
    if (out[i] !== null) {
      i++;
      continue;
    }
    let j = i;
    while (j < out.length && out[j] === null) j++;
    const before = i > 0 ? out[i - 1] : null;
    const after = j < out.length ? out[j] : null;
    const gap = j - i;
    if (before != null && after != null && gap <= maxGapSamples) {
      for (let m = i; m < j; m++) out[m] = before + ((after - before) * (m - i + 1)) / (gap + 1);
    }
    i = j;
  }
  return out;
}

/** Scale that makes the median absolute deviation estimate the standard deviation of normal data. */
export const MAD_TO_SIGMA = 1.4826;

export interface HampelOptions {
  /** Samples on each side of the centre (window = 2 * halfWindow + 1). */
  readonly halfWindow: number;
  /** Threshold in robust standard deviations; 3 is Hampel's usual choice. */
  readonly k: number;
}

export const DEFAULT_HAMPEL: HampelOptions = { halfWindow: 3, k: 3 };

/**
 * Hampel filter: a sample farther than k * 1.4826 * MAD from the median of its window becomes
 * null, so gap filling treats it like a dropout instead of smearing the spike into its neighbours.
 * Decisions use the original values (one outlier does not hide the next). Windows with fewer than
 * 3 values, or a zero MAD with a value equal to the median, leave the sample alone.
 */
export function hampelFilter(
  values: ReadonlyArray<number | null>,
  opts: Partial<HampelOptions> = {},
): Array<number | null> {
  const { halfWindow, k } = { ...DEFAULT_HAMPEL, ...opts };
  if (!Number.isInteger(halfWindow) || halfWindow < 1 || !(k > 0)) {
    throw new Error(`Hampel filter needs a whole halfWindow >= 1 and k > 0, got halfWindow=${halfWindow}, k=${k}.`);
  }
  return values.map((v, i) => {
    if (v === null || !Number.isFinite(v)) return null;
    const win = values
      .slice(Math.max(0, i - halfWindow), i + halfWindow + 1)
      .filter((w): w is number => w !== null && Number.isFinite(w));
    if (win.length < 3) return v;
    const med = median(win)!;
    const mad = median(win.map((w) => Math.abs(w - med)))!;
    return Math.abs(v - med) > k * MAD_TO_SIGMA * mad ? null : v;
  });
}

export interface SmoothSeriesOptions {
  readonly cutoffHz: number;
  readonly sampleRateHz: number;
  readonly order?: ButterworthOrder;
  /** Longest run of missing samples to bridge by interpolation. */
  readonly maxGapSamples?: number;
  /** Outlier rejection before gap filling; false to skip. */
  readonly hampel?: Partial<HampelOptions> | false;
}

/** Defaults: 4th order as Pose2Sim/Sports2D use; gaps up to 5 samples (~1/6 s at 30 fps) are bridged. */
export const DEFAULT_BUTTERWORTH_ORDER: ButterworthOrder = 4;
export const DEFAULT_MAX_GAP_SAMPLES = 5;

/** Outliers -> null, short gaps filled, then zero-phase low-pass on each unbroken run separately. */
export function smoothSeries(values: ReadonlyArray<number | null>, opts: SmoothSeriesOptions): Array<number | null> {
  const sections = butterworthLowPassSections(
    opts.order ?? DEFAULT_BUTTERWORTH_ORDER,
    opts.cutoffHz,
    opts.sampleRateHz,
  );
  const cleaned =
    opts.hampel === false
      ? values.map((v) => (v !== null && Number.isFinite(v) ? v : null))
      : hampelFilter(values, opts.hampel ?? {});
  const filled = fillShortGaps(cleaned, opts.maxGapSamples ?? DEFAULT_MAX_GAP_SAMPLES);
  const out: Array<number | null> = filled.slice();
  let i = 0;
  while (i < filled.length) {
    if (filled[i] === null) {
      i++;
      continue;
    }
    let j = i;
    while (j < filled.length && filled[j] !== null) j++;
    const seg = filtfilt(sections, filled.slice(i, j) as number[]);
    for (let m = i; m < j; m++) out[m] = seg[m - i]!;
    i = j;
  }
  return out;
}

/** Sample rate (Hz) from the median time step of strictly increasing timestamps (ms). */
export function estimateSampleRateHz(tMs: readonly number[]): number {
  checkTimestamps(tMs);
  if (tMs.length < 2) throw new Error('Need at least 2 timestamps to estimate a sample rate.');
  const steps: number[] = [];
  for (let i = 1; i < tMs.length; i++) steps.push(tMs[i]! - tMs[i - 1]!);
  return 1000 / median(steps)!;
}

function checkTimestamps(tMs: readonly number[]): void {
  for (let i = 0; i < tMs.length; i++) {
    const t = tMs[i]!;
    if (!Number.isFinite(t) || (i > 0 && !(t > tMs[i - 1]!))) {
      throw new Error(
        `Timestamps must be finite and strictly increasing; sample ${i} has tMs=${t}. Drop repeated frames first.`,
      );
    }
  }
}

export interface SmoothTimedOptions {
  readonly cutoffHz: number;
  readonly order?: ButterworthOrder;
  /** Longest stretch of missing data (ms) to bridge; default DEFAULT_MAX_GAP_SAMPLES steps. */
  readonly maxGapMs?: number;
  readonly hampel?: Partial<HampelOptions> | false;
  /** Override the rate estimated from the median time step. */
  readonly sampleRateHz?: number;
}

/**
 * smoothSeries for samples with timestamps, robust to variable frame rate and dropped frames:
 * the sample rate is estimated from the median time step, the samples are put on a uniform grid
 * at that rate (linear interpolation only between neighbours closer than maxGapMs; a longer time
 * gap is a gap), smoothed there, and read back at the original timestamps.
 */
export function smoothTimedSeries(
  tMs: readonly number[],
  values: ReadonlyArray<number | null>,
  opts: SmoothTimedOptions,
): Array<number | null> {
  if (tMs.length !== values.length) {
    throw new Error(`Timestamps and values must have the same length (${tMs.length} vs ${values.length}).`);
  }
  checkTimestamps(tMs);
  const n = tMs.length;
  if (n < 2) return values.map((v) => (v !== null && Number.isFinite(v) ? v : null));
  const t0 = tMs[0]!;
  const spanMs = tMs[n - 1]! - t0;
  // The grid step is nudged so the grid ends exactly on the last sample: both ends then read back
  // without extrapolation. The nudge is below one step over the whole recording.
  const steps = Math.max(1, Math.round((spanMs * (opts.sampleRateHz ?? estimateSampleRateHz(tMs))) / 1000));
  const stepMs = spanMs / steps;
  const fs = 1000 / stepMs;
  const maxGapMs = opts.maxGapMs ?? DEFAULT_MAX_GAP_SAMPLES * stepMs;
  const grid = Array.from({ length: steps + 1 }, (_, g) => (g === steps ? tMs[n - 1]! : t0 + g * stepMs));
  // Grid values come only from valid samples; gaps in the sampling wider than one step are
  // expressed as nulls so the gap rule (maxGapMs) applies to both dropouts and missing frames.
  const valid = values
    .map((v, i) => ({ t: tMs[i]!, v }))
    .filter((s): s is TimedValue => s.v !== null && Number.isFinite(s.v));
  const onGrid = resample(valid, grid, 1.5 * stepMs);
  const smoothed = smoothSeries(onGrid, {
    cutoffHz: opts.cutoffHz,
    sampleRateHz: fs,
    maxGapSamples: Math.max(0, Math.round(maxGapMs / stepMs)),
    ...(opts.order !== undefined ? { order: opts.order } : {}),
    ...(opts.hampel !== undefined ? { hampel: opts.hampel } : {}),
  });
  // Reading back, only samples that had a value may be extended past a segment's last grid
  // point; a missing sample gets a value only where the grid bridged its gap.
  return resample(
    grid.map((t, g) => ({ t, v: smoothed[g] ?? null })).filter((s): s is TimedValue => s.v !== null),
    tMs,
    1.5 * stepMs,
    (i) => (values[i] != null && Number.isFinite(values[i]) ? stepMs : 0),
  );
}

type TimedValue = { readonly t: number; readonly v: number };

/**
 * Linear interpolation of time-ordered (t, v) samples at the query times; null where the
 * bracketing samples are farther apart than maxSpanMs. Where a query lies just beyond the edge of
 * a run of samples (within extrapolateMs[i]), it is extended linearly from the run's last two
 * samples: after a long gap the grid rarely lands exactly on a segment's first frame.
 */
function resample(
  samples: readonly TimedValue[],
  at: readonly number[],
  maxSpanMs: number,
  extrapolateMs: (queryIndex: number) => number = () => 0,
): Array<number | null> {
  const eps = 1e-6;
  const near = (p: TimedValue | undefined, q: TimedValue | undefined): [TimedValue, TimedValue] | null =>
    p !== undefined && q !== undefined && Math.abs(q.t - p.t) <= maxSpanMs && q.t !== p.t ? [p, q] : null;
  const line = ([p, q]: [TimedValue, TimedValue], t: number): number => p.v + ((q.v - p.v) * (t - p.t)) / (q.t - p.t);
  const out: Array<number | null> = [];
  let j = 0;
  at.forEach((t, qi) => {
    while (j + 1 < samples.length && samples[j + 1]!.t <= t + eps) j++;
    const lo = samples[j];
    if (lo !== undefined && Math.abs(lo.t - t) <= eps) {
      out.push(lo.v);
      return;
    }
    if (lo !== undefined && lo.t < t) {
      const inside = near(lo, samples[j + 1]);
      if (inside) {
        out.push(line(inside, t));
        return;
      }
    }
    const ext = extrapolateMs(qi);
    if (ext > 0 && lo !== undefined) {
      // Query after a run's end (lo is its last sample) or before the very first sample.
      const before = lo.t < t ? near(samples[j - 1], lo) : null;
      const afterStart = lo.t < t ? samples[j + 1] : lo;
      const afterIdx = lo.t < t ? j + 1 : j;
      const after = near(afterStart, samples[afterIdx + 1]);
      const dBefore = before ? t - before[1].t : Infinity;
      const dAfter = after ? after[0].t - t : Infinity;
      if (before && dBefore <= ext && dBefore <= dAfter) {
        out.push(line(before, t));
        return;
      }
      if (after && dAfter <= ext) {
        out.push(line(after, t));
        return;
      }
    }
    out.push(null);
  });
  return out;
}

export interface SmoothPoseFramesOptions extends Omit<SmoothTimedOptions, 'sampleRateHz'> {
  /** Landmarks below this visibility are gaps before smoothing. */
  readonly floor?: number;
}

/** Zero-phase cutoff used for human movement in Pose2Sim/Sports2D (Hz). */
export const DEFAULT_POSE_CUTOFF_HZ = 6;

/**
 * smoothTimedSeries on xNorm and yNorm of every landmark of a recorded sequence. Low-visibility
 * points are gaps; a gap that was bridged gets a landmark with visibility exactly at the floor (so
 * gating keeps it, and a score equal to the floor marks it as filled). Points in long gaps are
 * returned unchanged, so gating still drops them. Frames without a person pass through and
 * count as gaps. z, world landmarks and everything else pass through.
 */
export function smoothPoseFrames<F extends FrameResult>(
  frames: readonly F[],
  opts: Partial<SmoothPoseFramesOptions> = {},
): F[] {
  if (frames.length < 2) return frames.slice();
  const floor = opts.floor ?? VISIBILITY_FLOOR;
  const tMs = frames.map((f) => f.tMs);
  const timed: SmoothTimedOptions = {
    cutoffHz: opts.cutoffHz ?? DEFAULT_POSE_CUTOFF_HZ,
    ...(opts.order !== undefined ? { order: opts.order } : {}),
    ...(opts.maxGapMs !== undefined ? { maxGapMs: opts.maxGapMs } : {}),
    ...(opts.hampel !== undefined ? { hampel: opts.hampel } : {}),
  };
  const outLandmarks: Array<Array<Landmark | null>> = frames.map((f) => (hasPerson(f) ? f.landmarks.slice() : []));
  for (let li = 0; li < LANDMARK_COUNT; li++) {
    const raw = frames.map((f) => (hasPerson(f) ? (f.landmarks[li] ?? null) : null));
    if (raw.every((lm) => lm === null)) continue;
    const seen = raw.map((lm) => (isLandmarkVisible(lm, floor) ? lm : null));
    const xs = smoothTimedSeries(
      tMs,
      seen.map((lm) => lm?.xNorm ?? null),
      timed,
    );
    const ys = smoothTimedSeries(
      tMs,
      seen.map((lm) => lm?.yNorm ?? null),
      timed,
    );
    frames.forEach((f, fi) => {
      if (!hasPerson(f)) return;
      const x = xs[fi];
      const y = ys[fi];
      if (x == null || y == null) return;
      const orig = raw[fi];
      const visibility = seen[fi] ? seen[fi].visibility : floor;
      outLandmarks[fi]![li] = { ...(orig ?? {}), xNorm: x, yNorm: y, visibility };
    });
  }
  return frames.map((f, fi) => (hasPerson(f) ? ({ ...f, landmarks: outLandmarks[fi]! } as F) : f));
}
