// The accuracy benchmark's statistics: error summaries of measured-vs-true pairs (mean absolute
// error, bias, slope, R-squared), confusion matrices of verdicts, and keypoint error as a share of
// torso length. Pure functions; every number the tables print comes through here.

import { mean, median as coreMedian, quantileNearestRank } from '@steadyback/core';
import type { FrameTruth, LandmarkName } from '../render/truth.ts';

/** One measurement against its truth; `measured` is null when the method gave no answer. */
export interface Pair {
  readonly truth: number;
  readonly measured: number | null;
}

export interface ErrorSummary {
  /** Pairs offered, and how many had a measurement. */
  readonly n: number;
  readonly measuredN: number;
  /** Share of pairs with a measurement (0..1), null when there were none. */
  readonly coverage: number | null;
  /** Mean |measured - truth| over the measured pairs, degrees (or the pairs' unit). */
  readonly mae: number | null;
  /** Mean (measured - truth): a constant offset. */
  readonly bias: number | null;
  /** Least-squares slope of measured on truth: 1 = follows the truth, 0 = blind to it. Null when the truth does not vary. */
  readonly slope: number | null;
  readonly r2: number | null;
  /** 90th percentile of |error|. */
  readonly p90: number | null;
}

/** Value at quantile q (0..1), nearest rank; null for none. */
export const quantile = quantileNearestRank;

/** Median; null for none. */
export function median(values: readonly number[]): number | null {
  return coreMedian(values);
}

/** Ordinary least squares y = a + b x; null when x does not vary. */
export function linearFit(
  xs: readonly number[],
  ys: readonly number[],
): { intercept: number; slope: number; r2: number | null } | null {
  if (xs.length < 2 || xs.length !== ys.length) return null;
  const mx = mean(xs);
  const my = mean(ys);
  let sxx = 0,
    sxy = 0,
    syy = 0;
  for (let i = 0; i < xs.length; i += 1) {
    sxx += (xs[i]! - mx) ** 2;
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    syy += (ys[i]! - my) ** 2;
  }
  if (sxx < 1e-12) return null;
  const slope = sxy / sxx;
  return { intercept: my - slope * mx, slope, r2: syy < 1e-12 ? null : (sxy * sxy) / (sxx * syy) };
}

export function summarize(pairs: readonly Pair[]): ErrorSummary {
  const ok = pairs.filter(
    (p): p is { truth: number; measured: number } => p.measured !== null && Number.isFinite(p.measured),
  );
  const n = pairs.length;
  if (ok.length === 0)
    return { n, measuredN: 0, coverage: n ? 0 : null, mae: null, bias: null, slope: null, r2: null, p90: null };
  const err = ok.map((p) => p.measured - p.truth);
  const fit = linearFit(
    ok.map((p) => p.truth),
    ok.map((p) => p.measured),
  );
  return {
    n,
    measuredN: ok.length,
    coverage: ok.length / n,
    mae: mean(err.map(Math.abs)),
    bias: mean(err),
    slope: fit?.slope ?? null,
    r2: fit?.r2 ?? null,
    p90: quantile(err.map(Math.abs), 0.9),
  };
}

/** What always answering `constant` would score: the floor a method must beat to be worth anything. */
export function constantPredictorMae(pairs: readonly Pair[], constant = 0): number | null {
  return pairs.length ? mean(pairs.map((p) => Math.abs(p.truth - constant))) : null;
}

// ---- verdicts ----

/** The answer a rule gave: a confident label, or an honest "not measurable". */
export type Verdict<L extends string> = L | 'not-measurable';

export interface Confusion<L extends string> {
  readonly labels: readonly L[];
  /** counts[truth][answer], answer including 'not-measurable'. */
  readonly counts: Record<L, Record<Verdict<L>, number>>;
  readonly total: number;
  readonly correct: number;
  /** A confident answer that differs from the truth: the dangerous kind of error. */
  readonly confidentWrong: number;
  readonly notMeasurable: number;
}

export function confusionMatrix<L extends string>(
  labels: readonly L[],
  items: ReadonlyArray<{ truth: L; answer: Verdict<L> }>,
): Confusion<L> {
  const counts = {} as Record<L, Record<Verdict<L>, number>>;
  for (const t of labels) {
    const row = {} as Record<Verdict<L>, number>;
    for (const a of labels) row[a] = 0;
    row['not-measurable' as Verdict<L>] = 0;
    counts[t] = row;
  }
  let correct = 0,
    confidentWrong = 0,
    notMeasurable = 0;
  for (const { truth, answer } of items) {
    const row = counts[truth];
    if (!row) throw new Error(`confusionMatrix: truth label "${truth}" is not one of ${labels.join(', ')}`);
    if (!(answer in row))
      throw new Error(`confusionMatrix: answer "${answer}" is not one of ${labels.join(', ')} or not-measurable`);
    row[answer] += 1;
    if (answer === 'not-measurable') notMeasurable += 1;
    else if (answer === truth) correct += 1;
    else confidentWrong += 1;
  }
  return { labels, counts, total: items.length, correct, confidentWrong, notMeasurable };
}

// ---- keypoints ----

/** The 12 limb joints every model family gives (MoveNet lacks hands, feet and most of the face). */
export const LIMB_JOINTS: readonly LandmarkName[] = [
  'left_shoulder',
  'right_shoulder',
  'left_elbow',
  'right_elbow',
  'left_wrist',
  'right_wrist',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
];

/**
 * The torso length (hip midpoint to shoulder midpoint, in 3D) as it would appear in pixels if it
 * faced the camera at the hips' distance. Unlike the 2D torso, this does not shrink when the
 * trunk points at the camera (all fours seen from behind), so errors are comparable across views.
 */
export function torsoLengthPx(truth: FrameTruth): number {
  const j = truth.joints3dM;
  const mid = (a: LandmarkName, b: LandmarkName) => ({
    x: (j[a].x + j[b].x) / 2,
    y: (j[a].y + j[b].y) / 2,
    z: (j[a].z + j[b].z) / 2,
  });
  const s = mid('left_shoulder', 'right_shoulder');
  const h = mid('left_hip', 'right_hip');
  const torsoM = Math.hypot(s.x - h.x, s.y - h.y, s.z - h.z);
  const depthM = (truth.depthM.left_hip + truth.depthM.right_hip) / 2;
  const focalPx = truth.camera.heightPx / 2 / Math.tan((truth.camera.fovYDeg * Math.PI) / 360);
  return (torsoM * focalPx) / depthM;
}

/** Per-joint distance from the model's point to the true point, as a share of torso length; null where either is missing. */
export function keypointErrors(
  modelPx: (name: LandmarkName) => { x: number; y: number } | null,
  truth: FrameTruth,
  names: readonly LandmarkName[] = LIMB_JOINTS,
): Array<number | null> {
  const torso = torsoLengthPx(truth);
  return names.map((n) => {
    const t = truth.joints2dPx[n];
    const m = modelPx(n);
    return t && m ? Math.hypot(m.x - t.x, m.y - t.y) / torso : null;
  });
}
