import { describe, it, expect } from 'vitest';
import {
  frameAngleAtDeg,
  frameAngleAtDeg3d,
  frameDistance,
  frameMidpoint,
  frameSegmentAngleFromHorizontalDeg,
  frameSegmentAngleFromVerticalDeg,
  frameSignedSagittalAngleDeg,
  frameTrunkThighAngleDeg,
  inferFacing,
} from './frame-geometry.ts';
import { BLAZEPOSE_LANDMARKS } from './landmarks.ts';
import type { PoseFrame, WorldLandmark } from './pose-frame.ts';
import { makeFrame } from '@steadyback/synthetic';

describe('frame-level geometry', () => {
  it('measures a knee angle with aspect correction on a 640x480 frame', () => {
    // Pixels: hip (320,120), knee (320,240), ankle (440,360).
    const f = makeFrame(
      {
        left_hip: { x: 320 / 640, y: 120 / 480 },
        left_knee: { x: 320 / 640, y: 240 / 480 },
        left_ankle: { x: 440 / 640, y: 360 / 480 },
      },
      { widthPx: 640, heightPx: 480 },
    );
    // hip->knee straight down, knee->ankle 45 degrees in pixels: knee angle 135.
    expect(frameAngleAtDeg(f, 'left_hip', 'left_knee', 'left_ankle')).toBeCloseTo(135, 10);
  });
  it('returns null when a landmark is below the floor', () => {
    const f = makeFrame({
      left_hip: { x: 0.5, y: 0.2 },
      left_knee: { x: 0.5, y: 0.5, v: 0.2 },
      left_ankle: { x: 0.6, y: 0.8 },
    });
    expect(frameAngleAtDeg(f, 'left_hip', 'left_knee', 'left_ankle')).toBeNull();
    expect(frameSegmentAngleFromVerticalDeg(f, 'left_hip', 'left_knee')).toBeNull();
  });
  it('gives leg height above horizontal from pixels, not from skewed normalised units', () => {
    // Hip (100,300) to ankle (260,180) in a 640x480 image: 120 px up over 160 px: 36.87 degrees.
    const f = makeFrame(
      { right_hip: { x: 100 / 640, y: 300 / 480 }, right_ankle: { x: 260 / 640, y: 180 / 480 } },
      { widthPx: 640, heightPx: 480 },
    );
    expect(frameSegmentAngleFromHorizontalDeg(f, 'right_hip', 'right_ankle')).toBeCloseTo(36.8699, 3);
    expect(frameDistance(f, 'right_hip', 'right_ankle')).toBeCloseTo(200 / 480, 12);
    expect(frameMidpoint(f, 'right_hip', 'right_ankle')).toEqual({ x: 180 / 480, y: 240 / 480 });
  });
  it('measures trunk lean from vertical and the signed trunk-thigh angle for both facings', () => {
    const s = Math.sin(Math.PI / 9); // 20 degrees
    const c = Math.cos(Math.PI / 9);
    const right = makeFrame({
      left_shoulder: { x: 0.5 + 0.3 * s, y: 0.5 - 0.3 * c },
      left_hip: { x: 0.5, y: 0.5 },
      left_knee: { x: 0.5, y: 0.8 },
    });
    expect(frameSegmentAngleFromVerticalDeg(right, 'left_hip', 'left_shoulder')).toBeCloseTo(20, 10);
    expect(frameTrunkThighAngleDeg(right, 'left', 'right')).toBeCloseTo(20, 10);
    expect(
      frameSignedSagittalAngleDeg(right, ['left_knee', 'left_hip'], ['left_hip', 'left_shoulder'], 'right'),
    ).toBeCloseTo(20, 10);
    const left = makeFrame({
      left_shoulder: { x: 0.5 - 0.3 * s, y: 0.5 - 0.3 * c },
      left_hip: { x: 0.5, y: 0.5 },
      left_knee: { x: 0.5, y: 0.8 },
    });
    expect(frameTrunkThighAngleDeg(left, 'left', 'left')).toBeCloseTo(20, 10);
    expect(frameTrunkThighAngleDeg(left, 'right', 'left')).toBeNull();
  });
  it('uses world landmarks for 3D angles and gates them on image visibility', () => {
    const f = makeFrame({
      left_hip: { x: 0.5, y: 0.5 },
      left_knee: { x: 0.5, y: 0.6 },
      left_ankle: { x: 0.5, y: 0.7 },
    });
    const world: Array<WorldLandmark | null> = BLAZEPOSE_LANDMARKS.map(() => null);
    world[23] = { xM: 0, yM: 0, zM: 0 };
    world[25] = { xM: 0, yM: 0.4, zM: 0 };
    world[27] = { xM: 0, yM: 0.4, zM: -0.4 };
    const withWorld: PoseFrame = { ...f, world };
    expect(frameAngleAtDeg3d(withWorld, 'left_hip', 'left_knee', 'left_ankle')).toBeCloseTo(90, 10);
    expect(frameAngleAtDeg3d(f, 'left_hip', 'left_knee', 'left_ankle')).toBeNull();
  });
  it('infers which way a side-view person faces from nose and ears, else toes and heels', () => {
    expect(
      inferFacing(
        makeFrame({ nose: { x: 0.6, y: 0.3 }, left_ear: { x: 0.55, y: 0.3 }, right_ear: { x: 0.55, y: 0.3 } }),
      ),
    ).toBe('right');
    expect(inferFacing(makeFrame({ nose: { x: 0.4, y: 0.3 }, left_ear: { x: 0.45, y: 0.3 } }))).toBe('left');
    expect(inferFacing(makeFrame({ left_foot_index: { x: 0.3, y: 0.9 }, left_heel: { x: 0.36, y: 0.9 } }))).toBe(
      'left',
    );
    expect(inferFacing(makeFrame({ nose: { x: 0.5, y: 0.3 }, left_ear: { x: 0.5, y: 0.3 } }))).toBeNull();
  });
});
