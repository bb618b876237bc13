// What the camera check tells the person about framing, from one pose frame: nobody found, the
// whole body in view, or which body parts are out of the picture. Pure: no DOM, no clock, so the
// same words come out for the same landmarks (and it is unit-tested without a browser).

import {
  hasPerson,
  missingLandmarks,
  SKELETON_EDGES,
  isLandmarkVisible,
  landmarkIndex,
  type FrameResult,
  type LandmarkName,
} from '@steadyback/core';

/** Body parts the exercises need to see, top to bottom. */
export const BODY_PARTS = ['shoulders', 'hips', 'knees', 'feet'] as const;
export type BodyPart = (typeof BODY_PARTS)[number];

/**
 * A part counts as in view when at least one side is visible: from the side (how both exercises
 * are filmed) the far arm or leg is often hidden behind the near one, which is not a framing fault.
 */
const PART_LANDMARKS: Readonly<Record<BodyPart, readonly [LandmarkName, LandmarkName]>> = {
  shoulders: ['left_shoulder', 'right_shoulder'],
  hips: ['left_hip', 'right_hip'],
  knees: ['left_knee', 'right_knee'],
  feet: ['left_ankle', 'right_ankle'],
};

export type BodyStatus =
  | { readonly kind: 'no-person' }
  | { readonly kind: 'whole-body' }
  | { readonly kind: 'part-missing'; readonly missing: readonly BodyPart[] };

/**
 * How far inside the image edge (in image widths/heights) a landmark must sit to count as in the
 * picture. The model extrapolates limbs past the edge with high confidence, and a joint right at
 * the edge means the hand or foot beyond it is cut off, so both count as out of the picture.
 * Source: our fake-camera runs (a clip shifted so the feet leave the frame put the ankle at 1.5%).
 */
export const EDGE_MARGIN = 0.02;

function inPicture(frame: FrameResult, name: LandmarkName): boolean {
  if (!hasPerson(frame) || missingLandmarks(frame, [name]).length > 0) return false;
  const lm = frame.landmarks[landmarkIndex(name)]!;
  const lo = EDGE_MARGIN;
  const hi = 1 - EDGE_MARGIN;
  return lm.xNorm >= lo && lm.xNorm <= hi && lm.yNorm >= lo && lm.yNorm <= hi;
}

export function bodyStatus(frame: FrameResult): BodyStatus {
  if (!hasPerson(frame)) return { kind: 'no-person' };
  const missing = BODY_PARTS.filter((part) => !PART_LANDMARKS[part].some((n) => inPicture(frame, n)));
  if (missing.length === BODY_PARTS.length) return { kind: 'no-person' };
  return missing.length === 0 ? { kind: 'whole-body' } : { kind: 'part-missing', missing };
}

/** One stable key per distinct message, so the UI can hold a message steady between frames. */
export function bodyStatusKey(status: BodyStatus): string {
  return status.kind === 'part-missing' ? `missing:${status.missing.join(',')}` : status.kind;
}

export const MESSAGES = {
  noPerson: 'Looking for you…',
  wholeBody: 'Found you: whole body in view',
  feet: 'Your feet are out of the picture: move the camera back.',
  legs: 'Your legs are out of the picture: move the camera back, or point it a little lower.',
  shoulders: 'Your shoulders are out of the picture: move the camera back, or point it a little higher.',
  hips: 'Your hips are hidden: turn side-on to the camera so it can see your hips.',
  partly: 'Only part of you is in the picture: move the camera back until it sees you from shoulders to feet.',
} as const;

/** The sentence a person reads (and a screen reader says) for a status. */
export function bodyStatusMessage(status: BodyStatus): string {
  switch (status.kind) {
    case 'no-person':
      return MESSAGES.noPerson;
    case 'whole-body':
      return MESSAGES.wholeBody;
    case 'part-missing': {
      const m = new Set(status.missing);
      const only = (...parts: BodyPart[]) => m.size === parts.length && parts.every((p) => m.has(p));
      if (only('feet')) return MESSAGES.feet;
      if (only('knees', 'feet') || only('knees')) return MESSAGES.legs;
      if (only('shoulders')) return MESSAGES.shoulders;
      if (only('hips')) return MESSAGES.hips;
      return MESSAGES.partly;
    }
  }
}

/**
 * Holds the shown status until a new one has been seen on `framesToSwitch` frames in a row, so
 * the line does not flicker when a landmark hovers at the visibility floor. Past frames only.
 */
export class StatusSteadier {
  private shown: BodyStatus | null = null;
  private candidateKey: string | null = null;
  private candidateCount = 0;

  constructor(private readonly framesToSwitch = 3) {
    if (!(Number.isInteger(framesToSwitch) && framesToSwitch >= 1)) {
      throw new Error(`framesToSwitch must be a whole number of at least 1, got ${framesToSwitch}.`);
    }
  }

  push(status: BodyStatus): BodyStatus {
    if (this.shown === null) {
      this.shown = status;
      return status;
    }
    const key = bodyStatusKey(status);
    if (key === bodyStatusKey(this.shown)) {
      this.shown = status;
      this.candidateKey = null;
      this.candidateCount = 0;
      return this.shown;
    }
    this.candidateCount = key === this.candidateKey ? this.candidateCount + 1 : 1;
    this.candidateKey = key;
    if (this.candidateCount >= this.framesToSwitch) {
      this.shown = status;
      this.candidateKey = null;
      this.candidateCount = 0;
    }
    return this.shown;
  }

  reset(): void {
    this.shown = null;
    this.candidateKey = null;
    this.candidateCount = 0;
  }
}

export interface SkeletonSegment {
  /** Normalised image coordinates (0..1) of the two ends, in the camera's own (unmirrored) frame. */
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** The person's own side, for colouring; 'centre' for edges that cross the body. */
  readonly side: 'left' | 'right' | 'centre';
}

export interface SkeletonPoint {
  readonly x: number;
  readonly y: number;
  readonly side: 'left' | 'right' | 'centre';
}

function sideOf(a: LandmarkName, b: LandmarkName): SkeletonSegment['side'] {
  const s = (n: LandmarkName) => (n.startsWith('left_') ? 'left' : n.startsWith('right_') ? 'right' : 'centre');
  return s(a) === s(b) ? s(a) : 'centre';
}

/** The skeleton to draw: only edges and joints whose landmarks are visible (nothing is guessed). */
export function skeletonGeometry(frame: FrameResult): { segments: SkeletonSegment[]; points: SkeletonPoint[] } {
  if (!hasPerson(frame)) return { segments: [], points: [] };
  const at = (n: LandmarkName) => {
    const lm = frame.landmarks[landmarkIndex(n)];
    return isLandmarkVisible(lm) ? lm : null;
  };
  const segments: SkeletonSegment[] = [];
  const used = new Set<LandmarkName>();
  for (const [a, b] of SKELETON_EDGES) {
    const pa = at(a);
    const pb = at(b);
    if (!pa || !pb) continue;
    segments.push({ x1: pa.xNorm, y1: pa.yNorm, x2: pb.xNorm, y2: pb.yNorm, side: sideOf(a, b) });
    used.add(a);
    used.add(b);
  }
  const points = [...used].map((n) => {
    const p = at(n)!;
    return { x: p.xNorm, y: p.yNorm, side: sideOf(n, n) };
  });
  return { segments, points };
}
