// The benchmark's statistics on inputs whose answers are known by hand.
import { describe, expect, it } from 'vitest';
import type { FrameTruth, LandmarkName, Point2, Point3 } from '../render/truth.ts';
import { LANDMARK_NAMES } from '../render/truth.ts';
import {
  confusionMatrix,
  constantPredictorMae,
  keypointErrors,
  linearFit,
  median,
  quantile,
  summarize,
  torsoLengthPx,
} from './metrics.ts';

describe('error summaries', () => {
  it('gives MAE, bias and a slope of 1 for a method that is off by a constant', () => {
    const s = summarize([
      { truth: -10, measured: -8 },
      { truth: 0, measured: 2 },
      { truth: 10, measured: 12 },
    ]);
    expect(s.mae).toBeCloseTo(2, 10);
    expect(s.bias).toBeCloseTo(2, 10);
    expect(s.slope).toBeCloseTo(1, 10);
    expect(s.r2).toBeCloseTo(1, 10);
  });

  it('gives a slope of 0.5 for a method that reads half the truth, and its MAE', () => {
    const s = summarize([
      { truth: -10, measured: -5 },
      { truth: 0, measured: 0 },
      { truth: 10, measured: 5 },
      { truth: 20, measured: 10 },
    ]);
    expect(s.slope).toBeCloseTo(0.5, 10);
    expect(s.mae).toBeCloseTo((5 + 0 + 5 + 10) / 4, 10);
    expect(s.bias).toBeCloseTo((5 + 0 - 5 - 10) / 4, 10);
  });

  it('leaves unmeasured pairs out of the errors but counts them in the coverage', () => {
    const s = summarize([
      { truth: 5, measured: 6 },
      { truth: 7, measured: null },
      { truth: 9, measured: 8 },
      { truth: 1, measured: null },
    ]);
    expect(s.n).toBe(4);
    expect(s.measuredN).toBe(2);
    expect(s.coverage).toBe(0.5);
    expect(s.mae).toBeCloseTo(1, 10);
    expect(s.bias).toBeCloseTo(0, 10);
  });

  it('reports no slope when the truth never varies, and nothing at all without measurements', () => {
    expect(
      summarize([
        { truth: 90, measured: 91 },
        { truth: 90, measured: 95 },
      ]).slope,
    ).toBeNull();
    const none = summarize([{ truth: 1, measured: null }]);
    expect(none.mae).toBeNull();
    expect(none.coverage).toBe(0);
  });

  it('scores the always-zero answer by the mean size of the truth', () => {
    expect(
      constantPredictorMae([
        { truth: -15, measured: null },
        { truth: 5, measured: 1 },
      ]),
    ).toBe(10);
  });

  it('fits a line and finds median and quantiles', () => {
    const fit = linearFit([0, 1, 2, 3], [1, 3, 5, 7])!;
    expect(fit.slope).toBeCloseTo(2, 10);
    expect(fit.intercept).toBeCloseTo(1, 10);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
  });
});

describe('confusion matrix', () => {
  it('counts confident wrong answers apart from "not measurable"', () => {
    const c = confusionMatrix(['stable', 'unstable'] as const, [
      { truth: 'stable', answer: 'stable' },
      { truth: 'stable', answer: 'unstable' },
      { truth: 'unstable', answer: 'unstable' },
      { truth: 'unstable', answer: 'not-measurable' },
      { truth: 'unstable', answer: 'stable' },
    ]);
    expect(c.total).toBe(5);
    expect(c.correct).toBe(2);
    expect(c.confidentWrong).toBe(2);
    expect(c.notMeasurable).toBe(1);
    expect(c.counts.unstable).toEqual({ stable: 1, unstable: 1, 'not-measurable': 1 });
  });

  it('refuses a label it was not told about', () => {
    expect(() => confusionMatrix(['a'] as const, [{ truth: 'b' as 'a', answer: 'a' }])).toThrow(/truth label "b"/);
  });
});

describe('keypoint error as a share of torso length', () => {
  /** A camera at the origin looking down -z... expressed only through the truth fields the maths reads. */
  function truthWith(
    shoulderMid: Point3,
    hipMid: Point3,
    hipDepthM: number,
    points: Partial<Record<LandmarkName, Point2>>,
  ): FrameTruth {
    const j3 = {} as Record<LandmarkName, Point3>;
    const j2 = {} as Record<LandmarkName, Point2 | null>;
    const depth = {} as Record<LandmarkName, number>;
    for (const n of LANDMARK_NAMES) {
      j3[n] = { x: 0, y: 0, z: 0 };
      j2[n] = points[n] ?? null;
      depth[n] = hipDepthM;
    }
    j3.left_shoulder = { ...shoulderMid, z: shoulderMid.z - 0.2 };
    j3.right_shoulder = { ...shoulderMid, z: shoulderMid.z + 0.2 };
    j3.left_hip = { ...hipMid, z: hipMid.z - 0.1 };
    j3.right_hip = { ...hipMid, z: hipMid.z + 0.1 };
    return {
      joints2dPx: j2,
      joints3dM: j3,
      depthM: depth,
      angles: {} as FrameTruth['angles'],
      // fovY 90 deg on 480 px: focal length 240 px.
      camera: {
        position: { x: 0, y: 0, z: 0 },
        target: { x: 0, y: 0, z: -1 },
        fovYDeg: 90,
        widthPx: 640,
        heightPx: 480,
      },
    };
  }

  it('scales a 0.5 m torso at 2 m with a 240 px focal length to 60 px', () => {
    const t = truthWith({ x: 0.5, y: 0.6, z: 0 }, { x: 0, y: 0.6, z: 0 }, 2, {});
    expect(torsoLengthPx(t)).toBeCloseTo(60, 6);
  });

  it('does not shrink the torso when it points at the camera (only 3D length and depth count)', () => {
    const across = truthWith({ x: 0.5, y: 0.6, z: 0 }, { x: 0, y: 0.6, z: 0 }, 2, {});
    const along = truthWith({ x: 0, y: 0.6, z: 0.5 }, { x: 0, y: 0.6, z: 0 }, 2, {});
    expect(torsoLengthPx(along)).toBeCloseTo(torsoLengthPx(across), 6);
  });

  it('divides pixel distances by the torso and skips joints a side lacks', () => {
    const t = truthWith({ x: 0.5, y: 0.6, z: 0 }, { x: 0, y: 0.6, z: 0 }, 2, {
      left_knee: { x: 100, y: 100 },
      right_knee: { x: 200, y: 200 },
    });
    const model = (n: LandmarkName) =>
      n === 'left_knee' ? { x: 130, y: 100 } : n === 'right_knee' ? null : { x: 0, y: 0 };
    const e = keypointErrors(model, t, ['left_knee', 'right_knee', 'left_ankle']);
    expect(e[0]).toBeCloseTo(0.5, 6); // 30 px of 60 px
    expect(e[1]).toBeNull(); // the model gave no point
    expect(e[2]).toBeNull(); // the truth is outside the picture
  });
});
