import { describe, it, expect } from 'vitest';
import {
  BLAZEPOSE_LANDMARKS,
  LANDMARK_COUNT,
  MOVENET_LANDMARKS,
  SKELETON_EDGES,
  isLandmarkName,
  landmarkIndex,
  mirrorName,
} from './landmarks.ts';
import { getLandmark, hasPerson, landmarksFromKeypoints, providedLandmarks, type PoseFrame } from './pose-frame.ts';

describe('landmark model', () => {
  it("has BlazePose's 33 points in model order", () => {
    expect(LANDMARK_COUNT).toBe(33);
    expect(landmarkIndex('nose')).toBe(0);
    expect(landmarkIndex('left_shoulder')).toBe(11);
    expect(landmarkIndex('right_hip')).toBe(24);
    expect(landmarkIndex('right_foot_index')).toBe(32);
  });
  it('maps every MoveNet keypoint onto a distinct BlazePose index', () => {
    const idx = MOVENET_LANDMARKS.map((n) => landmarkIndex(n));
    expect(idx).toEqual([0, 2, 5, 7, 8, 11, 12, 13, 14, 15, 16, 23, 24, 25, 26, 27, 28]);
    expect(new Set(idx).size).toBe(17);
  });
  it('throws for unknown names with a hint, and recognises valid ones', () => {
    expect(() => landmarkIndex('tail' as never)).toThrow(/BLAZEPOSE_LANDMARKS/);
    expect(isLandmarkName('left_knee')).toBe(true);
    expect(isLandmarkName('left_tail')).toBe(false);
  });
  it('mirrors left and right and keeps midline points', () => {
    expect(mirrorName('left_knee')).toBe('right_knee');
    expect(mirrorName('right_eye_inner')).toBe('left_eye_inner');
    expect(mirrorName('mouth_left')).toBe('mouth_right');
    expect(mirrorName('nose')).toBe('nose');
    for (const n of BLAZEPOSE_LANDMARKS) expect(mirrorName(mirrorName(n))).toBe(n);
  });
  it('draws skeleton edges only between known landmarks', () => {
    for (const [a, b] of SKELETON_EDGES) {
      expect(isLandmarkName(a) && isLandmarkName(b)).toBe(true);
    }
  });
});

describe('landmarksFromKeypoints', () => {
  it('puts MoveNet keypoints at BlazePose indices and leaves the other 16 null', () => {
    const kps = MOVENET_LANDMARKS.map((name, i) => ({ name, xPx: 10 * i, yPx: 5 * i, score: 0.9 }));
    const lms = landmarksFromKeypoints(kps, 640, 480);
    expect(lms).toHaveLength(33);
    expect(lms.filter((l) => l === null)).toHaveLength(16);
    expect(lms[landmarkIndex('left_heel')]).toBeNull();
    expect(lms[landmarkIndex('left_eye_inner')]).toBeNull();
    const hip = lms[landmarkIndex('left_hip')];
    expect(hip).toEqual({ xNorm: 110 / 640, yNorm: 55 / 480, visibility: 0.9 });
  });
  it('normalises z by image width and treats a missing score as invisible', () => {
    const lms = landmarksFromKeypoints([{ name: 'nose', xPx: 320, yPx: 240, z: -64 }], 640, 480);
    expect(lms[0]).toEqual({ xNorm: 0.5, yNorm: 0.5, zNorm: -0.1, visibility: 0 });
  });
  it('ignores unnamed and unknown keypoints', () => {
    const lms = landmarksFromKeypoints(
      [
        { xPx: 1, yPx: 1 },
        { name: 'tail', xPx: 1, yPx: 1 },
      ],
      640,
      480,
    );
    expect(lms.every((l) => l === null)).toBe(true);
  });
  it('throws on a non-positive image size', () => {
    expect(() => landmarksFromKeypoints([], 0, 480)).toThrow(/positive/);
  });
  it('reads landmarks back by name from a frame', () => {
    const frame: PoseFrame = {
      tMs: 0,
      landmarks: landmarksFromKeypoints([{ name: 'right_knee', xPx: 64, yPx: 48, score: 1 }], 640, 480),
      imageWidthPx: 640,
      imageHeightPx: 480,
    };
    expect(hasPerson(frame)).toBe(true);
    expect(getLandmark(frame, 'right_knee')).toEqual({ xNorm: 0.1, yNorm: 0.1, visibility: 1 });
    expect(getLandmark(frame, 'left_knee')).toBeNull();
    expect(providedLandmarks('movenet')).toHaveLength(17);
  });
});
