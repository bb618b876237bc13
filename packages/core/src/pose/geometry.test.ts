import { describe, it, expect } from 'vitest';
import {
  angleAtDeg,
  angleAtDeg3d,
  angleDiffDeg,
  distance,
  distance3d,
  lineAngleDeg,
  midpoint,
  segmentAngleFromHorizontalDeg,
  segmentAngleFromVerticalDeg,
  signedAngleBetweenDeg,
  signedDistanceToLine,
  signedSagittalAngleDeg,
  toAspectPoint,
  toWorldPoint,
  trunkThighAngleDeg,
  wrapAngleDeg,
} from './geometry.ts';

const P = (x: number, y: number) => ({ x, y });

describe('angleAtDeg', () => {
  it('measures a right angle as 90', () => {
    expect(angleAtDeg(P(1, 0), P(0, 0), P(0, 1))).toBeCloseTo(90, 10);
  });
  it('measures a straight limb as 180 and a folded one as 0', () => {
    expect(angleAtDeg(P(-1, 0), P(0, 0), P(2, 0))).toBeCloseTo(180, 10);
    expect(angleAtDeg(P(1, 0), P(0, 0), P(3, 0))).toBeCloseTo(0, 10);
  });
  it('measures 45 and 135 degrees and ignores order of the outer points', () => {
    expect(angleAtDeg(P(1, 0), P(0, 0), P(1, 1))).toBeCloseTo(45, 10);
    expect(angleAtDeg(P(1, 1), P(0, 0), P(1, 0))).toBeCloseTo(45, 10);
    expect(angleAtDeg(P(1, 0), P(0, 0), P(-1, -1))).toBeCloseTo(135, 10);
  });
  it('is accurate for nearly straight limbs', () => {
    const rad = (179.9 * Math.PI) / 180;
    expect(angleAtDeg(P(1, 0), P(0, 0), P(Math.cos(rad), Math.sin(rad)))).toBeCloseTo(179.9, 8);
  });
  it('gives null, never NaN, for missing, non-finite or degenerate points', () => {
    expect(angleAtDeg(null, P(0, 0), P(1, 0))).toBeNull();
    expect(angleAtDeg(P(1, 0), undefined, P(1, 0))).toBeNull();
    expect(angleAtDeg(P(1, 0), P(0, 0), P(Number.NaN, 0))).toBeNull();
    expect(angleAtDeg(P(0, 0), P(0, 0), P(1, 0))).toBeNull();
  });
  it('has a 3D variant that sees out-of-plane bends', () => {
    expect(angleAtDeg3d({ x: 1, y: 0, z: 0 }, { x: 0, y: 0, z: 0 }, { x: 0, y: 0, z: 1 })).toBeCloseTo(90, 10);
    expect(angleAtDeg3d({ x: 1, y: 1, z: 0 }, { x: 0, y: 0, z: 0 }, { x: -1, y: -1, z: 0 })).toBeCloseTo(180, 10);
    // Same projection as a straight line in x-y, but bent in z.
    expect(angleAtDeg3d({ x: -1, y: 0, z: 1 }, { x: 0, y: 0, z: 0 }, { x: 1, y: 0, z: 1 })).toBeCloseTo(90, 10);
    expect(angleAtDeg3d(null, { x: 0, y: 0, z: 0 }, { x: 1, y: 0, z: 0 })).toBeNull();
  });
});

describe('lineAngleDeg and wrapping', () => {
  it('follows atan2 in image coordinates (y down)', () => {
    expect(lineAngleDeg(P(0, 0), P(1, 0))).toBeCloseTo(0, 10);
    expect(lineAngleDeg(P(0, 0), P(0, 1))).toBeCloseTo(90, 10); // straight down on screen
    expect(lineAngleDeg(P(0, 0), P(0, -1))).toBeCloseTo(-90, 10);
    expect(lineAngleDeg(P(0, 0), P(1, 1))).toBeCloseTo(45, 10);
  });
  it('returns 180, not -180, for a line pointing left', () => {
    expect(lineAngleDeg(P(0, 0), P(-1, 0))).toBe(180);
    expect(lineAngleDeg(P(0, -0), P(-1, -0))).toBe(180);
  });
  it('returns null for coincident or missing points', () => {
    expect(lineAngleDeg(P(1, 1), P(1, 1))).toBeNull();
    expect(lineAngleDeg(null, P(1, 1))).toBeNull();
  });
  it('wraps into (-180, 180]', () => {
    expect(wrapAngleDeg(190)).toBe(-170);
    expect(wrapAngleDeg(-190)).toBe(170);
    expect(wrapAngleDeg(-180)).toBe(180);
    expect(wrapAngleDeg(540)).toBe(180);
    expect(wrapAngleDeg(-360)).toBe(0);
    expect(Object.is(wrapAngleDeg(-360), -0)).toBe(false);
  });
  it('takes differences across the +-180 seam the short way', () => {
    expect(angleDiffDeg(179, -179)).toBeCloseTo(2, 10);
    expect(angleDiffDeg(-179, 179)).toBeCloseTo(-2, 10);
    expect(angleDiffDeg(null, 10)).toBeNull();
  });
});

describe('segmentAngleFromVerticalDeg', () => {
  it('is 0 for a segment pointing straight up on screen and 180 straight down', () => {
    expect(segmentAngleFromVerticalDeg(P(0, 1), P(0, 0))).toBeCloseTo(0, 10);
    expect(segmentAngleFromVerticalDeg(P(0, 0), P(0, 1))).toBeCloseTo(180, 10);
  });
  it('is positive leaning toward +x and negative toward -x', () => {
    expect(segmentAngleFromVerticalDeg(P(0, 1), P(1, 0))).toBeCloseTo(45, 10);
    expect(segmentAngleFromVerticalDeg(P(0, 1), P(-1, 0))).toBeCloseTo(-45, 10);
    expect(segmentAngleFromVerticalDeg(P(0, 0), P(1, 0))).toBeCloseTo(90, 10);
    expect(segmentAngleFromVerticalDeg(P(0, 0), P(-1, 0))).toBeCloseTo(-90, 10);
  });
  it('is null for missing or zero-length segments', () => {
    expect(segmentAngleFromVerticalDeg(P(0, 0), null)).toBeNull();
    expect(segmentAngleFromVerticalDeg(P(2, 2), P(2, 2))).toBeNull();
  });
});

describe('segmentAngleFromHorizontalDeg', () => {
  it('is positive when the end is higher in the image (smaller y), whichever way it points', () => {
    expect(segmentAngleFromHorizontalDeg(P(0, 0), P(1, -1))).toBeCloseTo(45, 10);
    expect(segmentAngleFromHorizontalDeg(P(0, 0), P(-1, -1))).toBeCloseTo(45, 10);
  });
  it('is negative when the end is lower, 0 when level, -90 straight down, 90 straight up', () => {
    expect(segmentAngleFromHorizontalDeg(P(0, 0), P(1, 1))).toBeCloseTo(-45, 10);
    expect(segmentAngleFromHorizontalDeg(P(0, 0), P(-3, 0))).toBeCloseTo(0, 10);
    expect(segmentAngleFromHorizontalDeg(P(0, 0), P(0, 1))).toBeCloseTo(-90, 10);
    expect(segmentAngleFromHorizontalDeg(P(0, 0), P(0, -1))).toBeCloseTo(90, 10);
  });
  it('is null for a missing point', () => {
    expect(segmentAngleFromHorizontalDeg(undefined, P(1, 1))).toBeNull();
  });
});

describe('signed angles between segments', () => {
  it('counts clockwise on screen as positive', () => {
    // Right (+x) to down (+y) is clockwise on a screen whose y points down.
    expect(signedAngleBetweenDeg(P(1, 0), P(0, 1))).toBeCloseTo(90, 10);
    expect(signedAngleBetweenDeg(P(0, 1), P(1, 0))).toBeCloseTo(-90, 10);
    expect(signedAngleBetweenDeg(P(1, 0), P(-1, 0))).toBeCloseTo(180, 10);
    expect(signedAngleBetweenDeg(P(0, 0), P(1, 0))).toBeNull();
  });

  // A person seen from the side, hip at the origin, knee straight below it.
  const hip = P(0, 0);
  const knee = P(0, 1);
  const lean = (deg: number, facing: 'left' | 'right') => {
    const r = (deg * Math.PI) / 180;
    const dir = facing === 'right' ? 1 : -1;
    return P(dir * Math.sin(r), -Math.cos(r)); // shoulder, `deg` toward the face
  };

  it('reads an upright trunk over the thigh as 0', () => {
    expect(trunkThighAngleDeg(P(0, -1), hip, knee, 'right')).toBeCloseTo(0, 10);
    expect(trunkThighAngleDeg(P(0, -1), hip, knee, 'left')).toBeCloseTo(0, 10);
  });
  it('tells a forward lean (positive) from arching back (negative), facing right', () => {
    expect(trunkThighAngleDeg(lean(20, 'right'), hip, knee, 'right')).toBeCloseTo(20, 10);
    expect(trunkThighAngleDeg(lean(-15, 'right'), hip, knee, 'right')).toBeCloseTo(-15, 10);
  });
  it('keeps the same anatomical sign for a person facing left', () => {
    expect(trunkThighAngleDeg(lean(20, 'left'), hip, knee, 'left')).toBeCloseTo(20, 10);
    expect(trunkThighAngleDeg(lean(-15, 'left'), hip, knee, 'left')).toBeCloseTo(-15, 10);
  });
  it('distinguishes cases that the unsigned three-point angle confuses', () => {
    const fwd = lean(20, 'right');
    const back = lean(-20, 'right');
    expect(angleAtDeg(fwd, hip, knee)).toBeCloseTo(angleAtDeg(back, hip, knee)!, 10);
    expect(trunkThighAngleDeg(fwd, hip, knee, 'right')).toBeCloseTo(20, 10);
    expect(trunkThighAngleDeg(back, hip, knee, 'right')).toBeCloseTo(-20, 10);
  });
  it('measures a trailing thigh (half-kneeling back leg) against an upright trunk as extension', () => {
    // Facing right, the back knee is behind (-x) and below the hip, 30 degrees from vertical.
    const backKnee = P(-Math.sin(Math.PI / 6), Math.cos(Math.PI / 6));
    expect(trunkThighAngleDeg(P(0, -1), hip, backKnee, 'right')).toBeCloseTo(-30, 10);
  });
  it('generalises to any two segments and returns null when one is missing', () => {
    expect(signedSagittalAngleDeg(P(0, 0), P(0, -1), P(5, 5), P(6, 4), 'right')).toBeCloseTo(45, 10);
    expect(signedSagittalAngleDeg(P(0, 0), P(0, -1), P(5, 5), P(6, 4), 'left')).toBeCloseTo(-45, 10);
    expect(signedSagittalAngleDeg(P(0, 0), null, P(5, 5), P(6, 4), 'right')).toBeNull();
  });
});

describe('signedDistanceToLine, midpoint, distance', () => {
  it('is positive for a point to the right of the direction a -> b on screen', () => {
    // Line pointing right; "right of it" on a y-down screen is below (larger y).
    expect(signedDistanceToLine(P(3, 2), P(0, 0), P(1, 0))).toBeCloseTo(2, 10);
    expect(signedDistanceToLine(P(3, -2), P(0, 0), P(1, 0))).toBeCloseTo(-2, 10);
    // Line pointing down the screen; its right side is -x.
    expect(signedDistanceToLine(P(-1, 5), P(0, 0), P(0, 1))).toBeCloseTo(1, 10);
  });
  it('flips sign when the line direction is reversed, and measures perpendicular distance', () => {
    expect(signedDistanceToLine(P(0, 1), P(0, 0), P(1, 1))).toBeCloseTo(Math.SQRT1_2, 10);
    expect(signedDistanceToLine(P(0, 1), P(1, 1), P(0, 0))).toBeCloseTo(-Math.SQRT1_2, 10);
  });
  it('is null for a degenerate line or missing point', () => {
    expect(signedDistanceToLine(P(0, 1), P(1, 1), P(1, 1))).toBeNull();
    expect(signedDistanceToLine(null, P(0, 0), P(1, 1))).toBeNull();
  });
  it('computes midpoints and distances, null-safe', () => {
    expect(midpoint(P(0, 0), P(2, 4))).toEqual({ x: 1, y: 2 });
    expect(distance(P(0, 0), P(3, 4))).toBe(5);
    expect(distance3d({ x: 0, y: 0, z: 0 }, { x: 1, y: 2, z: 2 })).toBe(3);
    expect(midpoint(P(0, 0), null)).toBeNull();
    expect(distance(undefined, P(0, 0))).toBeNull();
  });
});

describe('aspect correction', () => {
  it('scales x to image-height units', () => {
    expect(toAspectPoint({ xNorm: 0.75, yNorm: 0.5, visibility: 1 }, 640, 480)).toEqual({ x: 1, y: 0.5 });
    expect(toAspectPoint(null, 640, 480)).toBeNull();
    expect(toAspectPoint({ xNorm: 0.5, yNorm: 0.5, visibility: 1 }, 0, 480)).toBeNull();
  });
  it('turns a "45-degree" segment in normalised 640x480 units into its true 36.87 degrees', () => {
    const from = { xNorm: 0.25, yNorm: 0.75, visibility: 1 };
    const to = { xNorm: 0.5, yNorm: 0.5, visibility: 1 };
    const naive = segmentAngleFromHorizontalDeg(P(from.xNorm, from.yNorm), P(to.xNorm, to.yNorm));
    expect(naive).toBeCloseTo(45, 10);
    // 0.25 of 640 px = 160 px across, 0.25 of 480 px = 120 px up: atan(120/160).
    const trueDeg = segmentAngleFromHorizontalDeg(toAspectPoint(from, 640, 480), toAspectPoint(to, 640, 480));
    expect(trueDeg).toBeCloseTo((Math.atan2(120, 160) * 180) / Math.PI, 10);
    expect(trueDeg).toBeCloseTo(36.87, 2);
  });
  it('restores a right angle that normalised coordinates distort', () => {
    // Pixel points (320,240), (320+96,240+128), (320-128,240+96) form a right angle at the first.
    const px = (x: number, y: number) => ({ xNorm: x / 640, yNorm: y / 480, visibility: 1 });
    const a = px(320 + 96, 240 + 128);
    const b = px(320, 240);
    const c = px(320 - 128, 240 + 96);
    const asp = (l: { xNorm: number; yNorm: number; visibility: number }) => toAspectPoint(l, 640, 480);
    expect(angleAtDeg(asp(a), asp(b), asp(c))).toBeCloseTo(90, 10);
    expect(Math.abs(angleAtDeg(P(a.xNorm, a.yNorm), P(b.xNorm, b.yNorm), P(c.xNorm, c.yNorm))! - 90)).toBeGreaterThan(
      5,
    );
  });
  it('converts world landmarks and rejects non-finite ones', () => {
    expect(toWorldPoint({ xM: 1, yM: 2, zM: 3 })).toEqual({ x: 1, y: 2, z: 3 });
    expect(toWorldPoint({ xM: 1, yM: Number.NaN, zM: 3 })).toBeNull();
    expect(toWorldPoint(null)).toBeNull();
  });
});
