// The One Euro filter for live landmarks (past samples only), and a per-landmark wrapper for
// PoseFrames. Reference: G. Casiez, N. Roussel, D. Vogel, "1 Euro Filter: A Simple Speed-based
// Low-pass Filter for Noisy Input in Interactive Systems", CHI 2012. It is an exponential
// smoother whose cutoff rises with speed: steady poses are held still, fast moves lag little.

import { LANDMARK_COUNT } from '../pose/landmarks.ts';
import { hasPerson, type FrameResult, type Landmark, type PoseFrame } from '../pose/pose-frame.ts';
import { VISIBILITY_FLOOR, isLandmarkVisible } from '../pose/visibility.ts';

export interface OneEuroParams {
  /** Cutoff (Hz) when the signal is still: lower = less jitter, more lag at low speed. */
  readonly minCutoff: number;
  /** Cutoff increase per unit of speed (per signal unit per second): higher = less lag when moving. */
  readonly beta: number;
  /** Cutoff (Hz) of the low-pass on the speed estimate. The paper recommends 1 Hz. */
  readonly dCutoff: number;
}

/**
 * Defaults for normalised image coordinates (0..1 per second of motion). The paper's tuning
 * procedure: set beta = 0, lower minCutoff until a held pose stops jittering, then raise beta
 * until fast moves stop lagging. These are a starting point, not measured on our fixtures yet.
 */
export const DEFAULT_ONE_EURO_PARAMS: OneEuroParams = { minCutoff: 1.0, beta: 10, dCutoff: 1.0 };

function checkParams(p: OneEuroParams): void {
  if (!(p.minCutoff > 0) || !(p.dCutoff > 0) || !(p.beta >= 0) || !Number.isFinite(p.beta)) {
    throw new Error(
      `One Euro parameters need minCutoff > 0, dCutoff > 0 and beta >= 0 (got ${JSON.stringify(p)}); start from DEFAULT_ONE_EURO_PARAMS.`,
    );
  }
}

/** Smoothing factor of a first-order low-pass with the given cutoff for a step of dtS seconds. */
function alpha(cutoffHz: number, dtS: number): number {
  const tau = 1 / (2 * Math.PI * cutoffHz);
  return 1 / (1 + tau / dtS);
}

/** One scalar signal. Variable time steps come from the tMs of each sample. */
export class OneEuroFilter {
  private readonly params: OneEuroParams;
  private lastTMs: number | null = null;
  private lastRaw = 0;
  private lastOut = 0;
  private lastDx = 0;

  constructor(params: Partial<OneEuroParams> = {}) {
    this.params = { ...DEFAULT_ONE_EURO_PARAMS, ...params };
    checkParams(this.params);
  }

  /**
   * Filters one sample taken at tMs and returns the smoothed value. A sample whose time does not
   * move forward (a repeated frame) does not change the state and returns the last output.
   */
  filter(value: number, tMs: number): number {
    if (!Number.isFinite(value) || !Number.isFinite(tMs)) {
      throw new Error(
        `OneEuroFilter.filter needs finite numbers, got value=${value}, tMs=${tMs}; treat missing samples as gaps and reset().`,
      );
    }
    if (this.lastTMs === null) {
      this.lastTMs = tMs;
      this.lastRaw = value;
      this.lastOut = value;
      this.lastDx = 0;
      return value;
    }
    const dtS = (tMs - this.lastTMs) / 1000;
    if (!(dtS > 0)) return this.lastOut;
    // Speed from the previous raw sample, as MediaPipe's and the authors' reference code do.
    const dx = (value - this.lastRaw) / dtS;
    const edx = this.lastDx + alpha(this.params.dCutoff, dtS) * (dx - this.lastDx);
    const cutoff = this.params.minCutoff + this.params.beta * Math.abs(edx);
    const out = this.lastOut + alpha(cutoff, dtS) * (value - this.lastOut);
    this.lastTMs = tMs;
    this.lastRaw = value;
    this.lastDx = edx;
    this.lastOut = out;
    return out;
  }

  /** Forgets the history; the next sample passes through unchanged. */
  reset(): void {
    this.lastTMs = null;
  }

  get hasState(): boolean {
    return this.lastTMs !== null;
  }
}

export interface LandmarkOneEuroOptions {
  readonly params?: Partial<OneEuroParams>;
  /** Landmarks below this visibility are gaps. */
  readonly floor?: number;
  /** A time step longer than this (ms) restarts every filter, e.g. after the person left the picture. */
  readonly maxGapMs?: number;
}

/** Default gap after which the filters restart instead of gliding across it. */
export const DEFAULT_ONE_EURO_MAX_GAP_MS = 500;

/**
 * One Euro on xNorm and yNorm of all 33 landmarks of successive frames (live use). A null or
 * low-visibility landmark is a gap: it passes through unchanged and that landmark's filter
 * restarts from its next visible sample, so the smoothed point never glides in from where the
 * body part was before it vanished. z, visibility and world landmarks pass through.
 */
export class LandmarkOneEuroFilter {
  private readonly xs: OneEuroFilter[];
  private readonly ys: OneEuroFilter[];
  private readonly floor: number;
  private readonly maxGapMs: number;
  private lastTMs: number | null = null;

  constructor(opts: LandmarkOneEuroOptions = {}) {
    const params = opts.params ?? {};
    this.xs = Array.from({ length: LANDMARK_COUNT }, () => new OneEuroFilter(params));
    this.ys = Array.from({ length: LANDMARK_COUNT }, () => new OneEuroFilter(params));
    this.floor = opts.floor ?? VISIBILITY_FLOOR;
    this.maxGapMs = opts.maxGapMs ?? DEFAULT_ONE_EURO_MAX_GAP_MS;
  }

  filter(frame: PoseFrame): PoseFrame;
  filter(frame: FrameResult): FrameResult;
  filter(frame: FrameResult): FrameResult {
    if (!hasPerson(frame)) {
      this.reset();
      return frame;
    }
    if (this.lastTMs !== null && frame.tMs - this.lastTMs > this.maxGapMs) this.reset();
    this.lastTMs = frame.tMs;
    const landmarks = frame.landmarks.map((lm, i): Landmark | null => {
      const fx = this.xs[i];
      const fy = this.ys[i];
      if (fx === undefined || fy === undefined) return lm;
      if (!isLandmarkVisible(lm, this.floor)) {
        fx.reset();
        fy.reset();
        return lm;
      }
      return { ...lm, xNorm: fx.filter(lm.xNorm, frame.tMs), yNorm: fy.filter(lm.yNorm, frame.tMs) };
    });
    return { ...frame, landmarks };
  }

  reset(): void {
    for (const f of this.xs) f.reset();
    for (const f of this.ys) f.reset();
    this.lastTMs = null;
  }
}
