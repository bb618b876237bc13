// The three camera roll readings on hand-made inputs whose tilt is known.
import { describe, expect, it } from 'vitest';
import {
  BLAZEPOSE_LANDMARKS,
  type FrameResult,
  type Landmark,
  type LandmarkName,
  type WorldLandmark,
} from '@steadyback/core';
import { contourRoll, hipLineRoll2d, supportingSide, worldRoll3d, type Mask } from './roll-methods.ts';

const W = 200;
const H = 200;

function frame(
  points: Partial<Record<LandmarkName, [number, number]>>,
  world?: Partial<Record<LandmarkName, [number, number, number]>>,
): FrameResult {
  const landmarks = BLAZEPOSE_LANDMARKS.map((n): Landmark | null => {
    const p = points[n];
    return p ? { xNorm: p[0] / W, yNorm: p[1] / H, visibility: 0.9 } : null;
  });
  const w = world
    ? BLAZEPOSE_LANDMARKS.map((n): WorldLandmark | null => {
        const p = world[n];
        return p ? { xM: p[0], yM: p[1], zM: p[2] } : null;
      })
    : undefined;
  return { tMs: 0, landmarks, imageWidthPx: W, imageHeightPx: H, ...(w ? { world: w } : {}) };
}

/** A body seen from behind whose top edge tilts by `deg` (positive = down toward image right). */
function tiltedBlock(deg: number): Mask {
  const data = new Uint8Array(W * H);
  const slope = Math.tan((deg * Math.PI) / 180);
  for (let x = 40; x < 160; x += 1) {
    const top = Math.round(90 + slope * (x - 100));
    for (let y = top; y < 190; y += 1) data[y * W + x] = 1;
  }
  return { widthPx: W, heightPx: H, data, threshold: 0.5 };
}

describe('hip line in the picture', () => {
  it('reads a right hip 10 degrees lower as +10, seen from behind or in front', () => {
    const dy = 60 * Math.tan((10 * Math.PI) / 180);
    expect(hipLineRoll2d(frame({ left_hip: [70, 100], right_hip: [130, 100 + dy] }))).toBeCloseTo(10, 6);
    // In front, the person's right hip is on the left of the picture.
    expect(hipLineRoll2d(frame({ left_hip: [130, 100], right_hip: [70, 100 + dy] }))).toBeCloseTo(10, 6);
  });

  it('gives nothing when a hip is missing', () => {
    expect(hipLineRoll2d(frame({ left_hip: [70, 100] }))).toBeNull();
  });
});

describe('hip line in the world landmarks', () => {
  it('uses the full 3D hip line (y down), so depth does not hide a drop', () => {
    // The hip line runs 0.18 m across and 0.10 m in depth; the right hip is lower by 10 degrees of it.
    const drop = Math.hypot(0.18, 0.1) * Math.tan((10 * Math.PI) / 180);
    const r = worldRoll3d(
      frame(
        { left_hip: [70, 100], right_hip: [130, 100] },
        { left_hip: [-0.09, 0, 0.05], right_hip: [0.09, drop, -0.05] },
      ),
    );
    expect(r).toBeCloseTo(10, 6);
  });
});

describe('back contour in a mask', () => {
  const hips = frame({ left_hip: [80, 110], right_hip: [120, 110], left_ankle: [80, 180], right_ankle: [120, 120] });

  it('finds the supporting leg from the lower ankle', () => {
    expect(supportingSide(hips)).toBe('left');
  });

  it('follows the top edge on either side of the midline', () => {
    for (const deg of [-12, 0, 8]) {
      expect(contourRoll(tiltedBlock(deg), hips, 'left')).toBeCloseTo(deg, 0);
      expect(contourRoll(tiltedBlock(deg), hips, 'right')).toBeCloseTo(deg, 0);
    }
  });

  it('refuses a side view, where the hips overlap', () => {
    expect(contourRoll(tiltedBlock(5), frame({ left_hip: [100, 110], right_hip: [102, 110] }), 'left')).toBeNull();
  });
});
