// Bird-dog reps from the picture's change (camera-motion.ts), for end-on views where the pose
// models lose the limbs of someone on all fours. The same phase tracker times them; the side comes
// from where the change is in the bottom rows of the moving region, where hands, knees and feet rest
// on the floor: a lifted leg changes its own side of the picture there from behind (the knee and foot
// leave the floor) and in front (the opposite hand leaves the floor, which is on the same side of
// the picture as the lifted leg). Higher up the limbs in the air can show on either side: in front
// of a distant camera the lifted foot rises above the head on the side opposite the hand. The arm
// cannot be told apart from these views.

import type { MotionSignals } from '../../camera/motion.ts';
import { motionNoise } from '../../camera/motion.ts';
import { movingMedian } from '../../signal/moving-median.ts';
import { mean, median, quantile } from '../../signal/stats.ts';
import { BirdDogPhaseTracker, type TrackedRep } from './phases.ts';
import type { BodySide } from './result.ts';
import { BIRD_DOG_MOTION as M, BIRD_DOG_PHASES } from './thresholds.ts';

/** Where a rep changed the picture, over its hold (region widths from the body's centre; negative = picture left). */
export interface RepChangePlace {
  /** Mean lateral position of all the change. */
  readonly lateral: number;
  /** Mean lateral position of the change in the moving region's bottom rows (camera-motion.ts `lateralLow`; null when there was none). */
  readonly lateralLow: number | null;
}

export interface MotionRep extends TrackedRep, RepChangePlace {
  readonly leg: BodySide;
}

export type MotionRepsResult =
  | { readonly ok: true; readonly reps: MotionRep[]; readonly rise: number[] }
  /** `lifts`: how many lifts the picture timed when only the leg could not be told (0 when none were timed). */
  | { readonly ok: false; readonly reason: string; readonly rise: number[]; readonly lifts: number };

/** Is the moving region narrow, as when someone on all fours is filmed from behind or in front? */
export function isEndOn(s: MotionSignals): boolean {
  return s.aspect !== null && s.aspect < M.END_ON_MAX_ASPECT;
}

/** Two groups of reps, split at the largest gap between scores (negative = left) when it is at least `minSplit`; otherwise null. */
function twoSides(scores: readonly number[], minSplit: number): BodySide[] | null {
  const sorted = [...scores].sort((a, b) => a - b);
  let gap = 0,
    cut = 0;
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]! - sorted[i - 1]! > gap) {
      gap = sorted[i]! - sorted[i - 1]!;
      cut = (sorted[i]! + sorted[i - 1]!) / 2;
    }
  }
  return gap >= minSplit ? scores.map((l) => (l < cut ? 'left' : 'right')) : null;
}

/** One group, on the side its median score is when that is at least `minOffset` from zero; otherwise null. */
function oneSide(scores: readonly number[], minOffset: number): BodySide[] | null {
  const mid = median(scores)!;
  return Math.abs(mid) >= minOffset ? scores.map(() => (mid < 0 ? 'left' : 'right')) : null;
}

/**
 * Which leg each rep lifted, from one score per rep (negative = left): two groups split at the
 * largest gap when it is at least `minSplit`; otherwise one group counts as one side when its
 * median is at least `minOffset` from zero; otherwise null (the reps cannot be told apart).
 */
export function splitSides(scores: readonly number[], minSplit: number, minOffset: number): BodySide[] | null {
  if (scores.length === 0) return [];
  return twoSides(scores, minSplit) ?? oneSide(scores, minOffset);
}

/**
 * Which leg each rep lifted, from where its change was (end-on views); null when they cannot be
 * told apart. Two groups are told apart by the change in the moving region's bottom rows. All the
 * change decides only for reps that are all alike: light from one side puts the shadows of either
 * leg's lift on one side of the bottom rows, and in front of a distant camera all the change can
 * point the wrong way (docs/accuracy.md). Reps that all the change splits in two but the bottom rows
 * do not are not told apart.
 */
export function sidesFromChangePlace(reps: readonly RepChangePlace[]): BodySide[] | null {
  if (reps.length === 0) return [];
  if (reps.some((r) => r.lateralLow === null)) return null;
  const two = twoSides(
    reps.map((r) => r.lateralLow!),
    M.MIN_SIDE_SPLIT,
  );
  if (two) return two;
  const all = reps.map((r) => r.lateral);
  return twoSides(all, M.MIN_SIDE_SPLIT) ? null : oneSide(all, M.MIN_SIDE_OFFSET);
}

export type MotionTimedReps =
  | { readonly ok: true; readonly reps: Array<TrackedRep & RepChangePlace>; readonly rise: number[] }
  | { readonly ok: false; readonly reason: string; readonly rise: number[] };

/** Reps timed from the picture's change alone, each with the lateral position of its change. */
export function motionTimedReps(s: MotionSignals): MotionTimedReps {
  const smooth = movingMedian(s.activity, 3, 'centred').map((v) => v ?? 0);
  const peak = quantile(smooth, M.PEAK_QUANTILE);
  const noise = motionNoise(s);
  if (peak < M.MIN_PEAK_ACTIVITY || peak < M.MIN_PEAK_OVER_NOISE * noise) {
    return {
      ok: false,
      reason: 'the picture hardly changed, so no arm or leg was seen lifting',
      rise: smooth.map(() => 0),
    };
  }
  // Scale so a full reach reads like a limb lifted a thigh length: the tracker's thresholds then apply.
  const rise = smooth.map((v) => v / peak);
  const tracker = new BirdDogPhaseTracker();
  const tracked: TrackedRep[] = [];
  const zero = { rightLeg: 0, leftArm: 0, rightArm: 0 };
  s.tMs.forEach((t, i) => {
    for (const e of tracker.push(t, { leftLeg: rise[i]!, ...zero })) if (e.type === 'rep-end') tracked.push(e.rep);
  });
  // A change still held when the recording ends never came back: getting up (when the last rest was
  // too short to end the reading there), or a rep cut off. Neither is a rep the picture can time.
  for (const e of tracker.finish(s.tMs.at(-1) ?? 0))
    if (e.type === 'rep-end' && e.rep.holdEndMs < e.rep.endMs) tracked.push(e.rep);
  if (tracked.length === 0) return { ok: false, reason: 'no lift and return was seen in the picture', rise };
  const reps = tracked.map((rep) => {
    const r = holdToReturn(rep, s.tMs, rise);
    const lo = r.holdEndMs > r.holdStartMs ? r.holdStartMs : r.startMs;
    const hi = r.holdEndMs > r.holdStartMs ? r.holdEndMs : r.endMs;
    const inHold = (series: ReadonlyArray<number | null>) =>
      series.flatMap((v, i) => (s.tMs[i]! >= lo && s.tMs[i]! <= hi && v !== null ? [v] : []));
    const all = inHold(s.lateral),
      low = inHold(s.lateralLow);
    return { ...r, lateral: all.length ? mean(all) : 0, lateralLow: low.length ? mean(low) : null };
  });
  return { ok: true, reps, rise };
}

/**
 * The picture's change wavers during a hold (on a phone by about a sixth: exposure, noise), and the
 * tracker ends a hold at its first dip below three quarters of its peak: 5 s holds filmed from
 * behind read as 1-2 s. Recorded, the hold runs on to the last moment before the return that the
 * change was still at its typical lifted level (the median of the rep's lifted moments from the
 * hold on). (Measured over 131 reps timed from the picture: the largest errors fell from about 4 s
 * to 1.6 s; docs/accuracy.md.)
 */
function holdToReturn(r: TrackedRep, tMs: readonly number[], rise: readonly number[]): TrackedRep {
  if (!(r.holdEndMs > r.holdStartMs)) return r;
  const inRep = (i: number) => tMs[i]! >= r.holdStartMs && tMs[i]! <= r.endMs;
  const level = median(rise.filter((v, i) => inRep(i) && v >= BIRD_DOG_PHASES.LIMB_LIFTED_RISE)) ?? Infinity;
  let holdEndMs = r.holdEndMs;
  rise.forEach((v, i) => {
    if (inRep(i) && tMs[i]! > holdEndMs && v >= level) holdEndMs = tMs[i]!;
  });
  return { ...r, holdEndMs };
}

/**
 * Joins reps of the same leg that follow each other with less than `JOIN_MAX_GAP_MS` between them:
 * one rep whose hold the picture lost (the change dipped to a pixel or two mid-hold and the tracker
 * saw a return and a new reach). The joined rep runs from the first's start to the second's end,
 * its hold from the first's hold start to the second's hold end.
 */
export function joinSplitReps<T extends TrackedRep>(reps: readonly T[], legOf: (r: T) => BodySide): T[] {
  const out: T[] = [];
  for (const r of reps) {
    const prev = out.at(-1);
    if (prev && legOf(prev) === legOf(r) && r.startMs - prev.endMs < M.JOIN_MAX_GAP_MS) {
      const peakRise = { ...prev.peakRise };
      for (const l of Object.keys(peakRise) as Array<keyof typeof peakRise>)
        peakRise[l] = Math.max(prev.peakRise[l], r.peakRise[l]);
      out[out.length - 1] = { ...prev, holdEndMs: r.holdEndMs, endMs: r.endMs, peakRise };
    } else {
      out.push(r);
    }
  }
  return out;
}

/** End-on views: reps timed from the picture's change, and the leg from the side of the picture that changed. */
export function repsFromMotion(s: MotionSignals): MotionRepsResult {
  const timed = motionTimedReps(s);
  if (!timed.ok) return { ...timed, lifts: 0 };
  const sides = sidesFromChangePlace(timed.reps);
  if (!sides)
    return {
      ok: false,
      reason: 'the changes in the picture did not show which leg was lifted',
      rise: timed.rise,
      lifts: timed.reps.length,
    };
  return {
    ok: true,
    reps: joinSplitReps(
      timed.reps.map((r, i) => ({ ...r, leg: sides[i]! })),
      (r) => r.leg,
    ),
    rise: timed.rise,
  };
}
