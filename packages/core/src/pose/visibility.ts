// Visibility gating: which landmarks count as seen, which frames are valid for a rule, and when a
// rep has too few valid frames to be judged. Below the floor a point is null, never a guess.

import { landmarkIndex, type LandmarkName } from './landmarks.ts';
import { toAspectPoint, type Point2 } from './geometry.ts';
import type { FrameResult, Landmark } from './pose-frame.ts';

/**
 * Lowest landmark visibility that counts as seen (inclusive: visibility >= floor).
 * Source: spec/clinical-rules.md Part 1 conventions ("a frame is valid only if every landmark the
 * rule uses has visibility >= 0.5"), which is the MediaPipe default. Confidence: a convention
 * borrowed from MediaPipe, not a clinically validated threshold.
 */
export const VISIBILITY_FLOOR = 0.5;

/**
 * Smallest share of valid frames for a rep or hold to be judged at all; below it the rep is
 * "not measurable", never pass or fail.
 * Source: spec/clinical-rules.md Part 1 conventions ("if fewer than 80% of frames in a rep are
 * valid, report the rep as not measurable"). Confidence: a project convention.
 */
export const MIN_VALID_FRAME_SHARE = 0.8;

/** True when the landmark exists, has finite coordinates and reaches the floor. */
export function isLandmarkVisible(lm: Landmark | null | undefined, floor: number = VISIBILITY_FLOOR): lm is Landmark {
  return (
    lm != null &&
    Number.isFinite(lm.xNorm) &&
    Number.isFinite(lm.yNorm) &&
    Number.isFinite(lm.visibility) &&
    lm.visibility >= floor
  );
}

function landmarkOf(frame: FrameResult, name: LandmarkName): Landmark | null {
  if (frame.landmarks === null) return null;
  return frame.landmarks[landmarkIndex(name)] ?? null;
}

/** The landmark as an aspect-correct point (image-height units), or null when missing or below the floor. */
export function visiblePoint(frame: FrameResult, name: LandmarkName, floor: number = VISIBILITY_FLOOR): Point2 | null {
  const lm = landmarkOf(frame, name);
  if (!isLandmarkVisible(lm, floor)) return null;
  return toAspectPoint(lm, frame.imageWidthPx, frame.imageHeightPx);
}

/**
 * Names among `names` that are missing or below the floor in this frame, in the order given,
 * so a UI can say which body part left the picture. A frame without a person misses them all.
 */
export function missingLandmarks(
  frame: FrameResult,
  names: readonly LandmarkName[],
  floor: number = VISIBILITY_FLOOR,
): LandmarkName[] {
  return names.filter((n) => !isLandmarkVisible(landmarkOf(frame, n), floor));
}

/** A frame is valid for a rule only if every landmark the rule uses is visible. */
export function isFrameValid(
  frame: FrameResult,
  names: readonly LandmarkName[],
  floor: number = VISIBILITY_FLOOR,
): boolean {
  return names.every((n) => isLandmarkVisible(landmarkOf(frame, n), floor));
}

/** Share of frames (0..1) that are valid for the given landmarks; 0 for no frames. */
export function framesValidShare(
  frames: readonly FrameResult[],
  names: readonly LandmarkName[],
  floor: number = VISIBILITY_FLOOR,
): number {
  if (frames.length === 0) return 0;
  let valid = 0;
  for (const f of frames) if (isFrameValid(f, names, floor)) valid++;
  return valid / frames.length;
}

export interface FrameValidity {
  readonly totalFrames: number;
  readonly validFrames: number;
  /** validFrames / totalFrames, 0 when there are no frames. */
  readonly validShare: number;
  /** validShare >= MIN_VALID_FRAME_SHARE (and at least one frame). */
  readonly measurable: boolean;
  /** How many frames missed each landmark, most-missed first; only landmarks missed at least once. */
  readonly missing: ReadonlyArray<{ readonly name: LandmarkName; readonly frames: number }>;
}

/**
 * Summarises a rep's frames for one rule: whether it can be judged, and which landmarks were the
 * reason when it cannot (the most-missed one is what the user should be told about).
 */
export function assessFrameValidity(
  frames: readonly FrameResult[],
  names: readonly LandmarkName[],
  opts: { readonly floor?: number; readonly minValidShare?: number } = {},
): FrameValidity {
  const floor = opts.floor ?? VISIBILITY_FLOOR;
  const minShare = opts.minValidShare ?? MIN_VALID_FRAME_SHARE;
  const counts = new Map<LandmarkName, number>();
  let valid = 0;
  for (const f of frames) {
    const miss = missingLandmarks(f, names, floor);
    if (miss.length === 0) valid++;
    for (const n of miss) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  const validShare = frames.length === 0 ? 0 : valid / frames.length;
  const missing = [...counts.entries()]
    .map(([name, n]) => ({ name, frames: n }))
    .sort((a, b) => b.frames - a.frames || names.indexOf(a.name) - names.indexOf(b.name));
  return {
    totalFrames: frames.length,
    validFrames: valid,
    validShare,
    measurable: frames.length > 0 && validShare >= minShare,
    missing,
  };
}
