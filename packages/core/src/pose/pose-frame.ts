// The pose-frame type every pose source produces and every analyser consumes.
// x and y are normalised to 0..1 of the upright (rotation-corrected) image; world coordinates,
// when a model gives them, are metres with the origin between the hips.

import {
  BLAZEPOSE_LANDMARKS,
  LANDMARK_COUNT,
  MOVENET_LANDMARKS,
  landmarkIndex,
  type LandmarkName,
} from './landmarks.ts';

export interface Landmark {
  /** Horizontal position, 0 = left edge of the image, 1 = right edge. */
  readonly xNorm: number;
  /** Vertical position, 0 = top edge, 1 = bottom edge. */
  readonly yNorm: number;
  /** Relative depth as the model reports it (same scale as xNorm, smaller = nearer), if any. */
  readonly zNorm?: number;
  /** 0..1 confidence that the point is visible and correctly placed. */
  readonly visibility: number;
}

export interface WorldLandmark {
  readonly xM: number;
  readonly yM: number;
  readonly zM: number;
}

export interface PoseFrame {
  /** Presentation time of the frame, milliseconds from the start of the video or session. */
  readonly tMs: number;
  /** 33 entries in BlazePose order; null where the model has no such point. */
  readonly landmarks: ReadonlyArray<Landmark | null>;
  /** 33 entries in BlazePose order, metres, when the model provides world coordinates. */
  readonly world?: ReadonlyArray<WorldLandmark | null>;
  /** Image size the normalised coordinates refer to (upright), for aspect-correct geometry. */
  readonly imageWidthPx: number;
  readonly imageHeightPx: number;
  /** Overall detection score of the person, 0..1. */
  readonly score?: number;
  /** How many people the model saw; the frame describes the largest one. */
  readonly peopleCount?: number;
}

/** A frame in which no person was found. */
export interface EmptyFrame {
  readonly tMs: number;
  readonly landmarks: null;
  readonly imageWidthPx: number;
  readonly imageHeightPx: number;
  readonly peopleCount: 0;
}

export type FrameResult = PoseFrame | EmptyFrame;

export function hasPerson(frame: FrameResult): frame is PoseFrame {
  return frame.landmarks !== null;
}

/** The landmark by name, or null when the model lacks it. */
export function getLandmark(frame: PoseFrame, name: LandmarkName): Landmark | null {
  return frame.landmarks[landmarkIndex(name)] ?? null;
}

export interface KeypointInput {
  readonly name?: string;
  readonly xPx: number;
  readonly yPx: number;
  readonly z?: number;
  readonly score?: number;
}

/**
 * Builds the 33-entry landmark array from a model's named keypoints (pixel coordinates).
 * Unknown names are ignored; missing ones stay null (MoveNet has 17 of the 33).
 */
export function landmarksFromKeypoints(
  keypoints: readonly KeypointInput[],
  imageWidthPx: number,
  imageHeightPx: number,
): Array<Landmark | null> {
  if (!(imageWidthPx > 0 && imageHeightPx > 0)) {
    throw new Error(`Image size must be positive, got ${imageWidthPx}x${imageHeightPx}.`);
  }
  const out: Array<Landmark | null> = new Array<Landmark | null>(LANDMARK_COUNT).fill(null);
  for (const kp of keypoints) {
    if (!kp.name) continue;
    const i = BLAZEPOSE_LANDMARKS.indexOf(kp.name as LandmarkName);
    if (i < 0) continue;
    const lm: Landmark = {
      xNorm: kp.xPx / imageWidthPx,
      yNorm: kp.yPx / imageHeightPx,
      visibility: kp.score ?? 0,
      ...(kp.z !== undefined ? { zNorm: kp.z / imageWidthPx } : {}),
    };
    out[i] = lm;
  }
  return out;
}

/** Names a source provides, for a summary ("MoveNet gives 17 of 33"). */
export function providedLandmarks(model: 'blazepose' | 'movenet'): readonly LandmarkName[] {
  return model === 'blazepose' ? BLAZEPOSE_LANDMARKS : MOVENET_LANDMARKS;
}
