import { describe, it, expect } from 'vitest';
import type { FrameResult } from './pose-frame.ts';
import { makeFrame } from '@steadyback/synthetic';
import {
  MIN_VALID_FRAME_SHARE,
  VISIBILITY_FLOOR,
  assessFrameValidity,
  framesValidShare,
  isFrameValid,
  isLandmarkVisible,
  missingLandmarks,
  visiblePoint,
} from './visibility.ts';

const empty: FrameResult = { tMs: 0, landmarks: null, imageWidthPx: 640, imageHeightPx: 480, peopleCount: 0 };

describe('visibility floor', () => {
  it('uses the spec values: 0.5 floor (inclusive) and 80% valid frames', () => {
    expect(VISIBILITY_FLOOR).toBe(0.5);
    expect(MIN_VALID_FRAME_SHARE).toBe(0.8);
    expect(isLandmarkVisible({ xNorm: 0, yNorm: 0, visibility: 0.5 })).toBe(true);
    expect(isLandmarkVisible({ xNorm: 0, yNorm: 0, visibility: 0.49 })).toBe(false);
    expect(isLandmarkVisible({ xNorm: Number.NaN, yNorm: 0, visibility: 1 })).toBe(false);
    expect(isLandmarkVisible(null)).toBe(false);
  });
});

describe('visiblePoint', () => {
  it('returns an aspect-corrected point for a visible landmark', () => {
    const f = makeFrame({ left_knee: { x: 0.75, y: 0.5 } }, { widthPx: 640, heightPx: 480 });
    expect(visiblePoint(f, 'left_knee')).toEqual({ x: 1, y: 0.5 });
  });
  it('returns null below the floor, for a missing landmark and for a frame without a person', () => {
    const f = makeFrame({ left_knee: { x: 0.5, y: 0.5, v: 0.3 } });
    expect(visiblePoint(f, 'left_knee')).toBeNull();
    expect(visiblePoint(f, 'left_knee', 0.2)).not.toBeNull();
    expect(visiblePoint(f, 'right_knee')).toBeNull();
    expect(visiblePoint(empty, 'left_knee')).toBeNull();
  });
});

describe('frame validity', () => {
  const names = ['left_hip', 'left_knee', 'left_ankle'] as const;
  const good = makeFrame({
    left_hip: { x: 0.5, y: 0.5 },
    left_knee: { x: 0.5, y: 0.7 },
    left_ankle: { x: 0.5, y: 0.9 },
  });
  const footOut = makeFrame({
    left_hip: { x: 0.5, y: 0.5 },
    left_knee: { x: 0.5, y: 0.7 },
    left_ankle: { x: 0.5, y: 1.1, v: 0.1 },
  });

  it('names the landmarks that are missing or below the floor', () => {
    expect(missingLandmarks(good, names)).toEqual([]);
    expect(missingLandmarks(footOut, names)).toEqual(['left_ankle']);
    expect(missingLandmarks(empty, names)).toEqual(['left_hip', 'left_knee', 'left_ankle']);
  });
  it('is valid only when every landmark the rule uses is visible', () => {
    expect(isFrameValid(good, names)).toBe(true);
    expect(isFrameValid(footOut, names)).toBe(false);
    expect(isFrameValid(footOut, ['left_hip', 'left_knee'])).toBe(true);
  });
  it('computes the share of valid frames', () => {
    expect(framesValidShare([good, good, good, footOut], names)).toBeCloseTo(0.75, 12);
    expect(framesValidShare([], names)).toBe(0);
  });
  it('calls a rep with 80% valid frames measurable and one with 75% not, naming the culprit', () => {
    const ok = assessFrameValidity([good, good, good, good, footOut], names);
    expect(ok.validShare).toBeCloseTo(0.8, 12);
    expect(ok.measurable).toBe(true);
    const bad = assessFrameValidity([good, good, good, footOut, empty, good, good, good], names);
    expect(bad.validFrames).toBe(6);
    expect(bad.measurable).toBe(false);
    expect(bad.missing[0]).toEqual({ name: 'left_ankle', frames: 2 });
    expect(bad.missing.map((m) => m.name)).toEqual(['left_ankle', 'left_hip', 'left_knee']);
    expect(assessFrameValidity([], names).measurable).toBe(false);
  });
});
