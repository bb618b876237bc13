import { describe, it, expect } from 'vitest';
import { LandmarkOneEuroFilter, OneEuroFilter } from './one-euro.ts';
import { landmarkIndex } from '../pose/landmarks.ts';
import type { FrameResult, PoseFrame } from '../pose/pose-frame.ts';
import { makeFrame, seededGaussian, variance } from '@steadyback/synthetic';

const DT = 1000 / 30;

describe('OneEuroFilter', () => {
  it('keeps a constant signal constant', () => {
    const f = new OneEuroFilter();
    for (let i = 0; i < 100; i++) expect(f.filter(0.42, i * DT)).toBeCloseTo(0.42, 12);
  });
  it('passes the first sample through unchanged', () => {
    expect(new OneEuroFilter().filter(7, 1234)).toBe(7);
  });
  it('lags a step but converges to it', () => {
    const f = new OneEuroFilter({ minCutoff: 1, beta: 0, dCutoff: 1 });
    f.filter(0, 0);
    const first = f.filter(1, DT);
    // One step of a 1 Hz exponential smoother at 30 Hz: alpha = 1 / (1 + 30 / (2 pi)) = 0.1732.
    expect(first).toBeCloseTo(1 / (1 + 30 / (2 * Math.PI)), 10);
    let y = first;
    for (let i = 2; i <= 90; i++) y = f.filter(1, i * DT);
    expect(y).toBeGreaterThan(0.999);
    expect(y).toBeLessThanOrEqual(1);
  });
  it('follows a fast step sooner when beta is higher', () => {
    const run = (beta: number) => {
      const f = new OneEuroFilter({ minCutoff: 1, beta, dCutoff: 1 });
      f.filter(0, 0);
      let y = 0;
      for (let i = 1; i <= 3; i++) y = f.filter(1, i * DT);
      return y;
    };
    expect(run(10)).toBeGreaterThan(run(0) + 0.1);
  });
  it('depends only on past samples', () => {
    const xs = Array.from({ length: 60 }, (_, i) => Math.sin(i / 5) + (i % 3) * 0.1);
    const a = new OneEuroFilter();
    const outA = xs.slice(0, 30).map((x, i) => a.filter(x, i * DT));
    const b = new OneEuroFilter();
    const outB = xs.map((x, i) => b.filter(x, i * DT));
    expect(outB.slice(0, 30)).toEqual(outA);
  });
  it('reduces jitter on a held pose by a large factor', () => {
    const noise = seededGaussian(1);
    const f = new OneEuroFilter();
    const raw: number[] = [];
    const out: number[] = [];
    for (let i = 0; i < 600; i++) {
      const x = 0.5 + 0.005 * noise();
      raw.push(x);
      out.push(f.filter(x, i * DT));
    }
    const ratio = variance(out.slice(60)) / variance(raw.slice(60));
    expect(ratio).toBeLessThan(0.2);
  });
  it('uses the real time step, so a slower frame rate moves further per sample', () => {
    const at = (dtMs: number) => {
      const f = new OneEuroFilter({ minCutoff: 1, beta: 0, dCutoff: 1 });
      f.filter(0, 0);
      return f.filter(1, dtMs);
    };
    expect(at(100)).toBeGreaterThan(at(DT));
    expect(at(100)).toBeCloseTo(1 / (1 + 10 / (2 * Math.PI)), 10);
  });
  it('ignores a repeated timestamp and restarts after reset()', () => {
    const f = new OneEuroFilter({ minCutoff: 1, beta: 0, dCutoff: 1 });
    f.filter(0, 0);
    const y = f.filter(1, DT);
    expect(f.filter(5, DT)).toBe(y);
    f.reset();
    expect(f.filter(3, 2 * DT)).toBe(3);
  });
  it('rejects bad parameters and non-finite samples with a hint', () => {
    expect(() => new OneEuroFilter({ minCutoff: 0 })).toThrow(/DEFAULT_ONE_EURO_PARAMS/);
    expect(() => new OneEuroFilter().filter(Number.NaN, 0)).toThrow(/gaps/);
  });
});

describe('LandmarkOneEuroFilter', () => {
  const knee = landmarkIndex('left_knee');
  const frameAt = (i: number, x: number, v = 0.9): PoseFrame =>
    makeFrame({ left_knee: { x, y: 0.5, v }, nose: { x: 0.5, y: 0.1 } }, { tMs: i * DT });

  it('smooths every visible landmark and leaves missing ones null', () => {
    const lf = new LandmarkOneEuroFilter({ params: { minCutoff: 1, beta: 0 } });
    lf.filter(frameAt(0, 0.4));
    const out = lf.filter(frameAt(1, 0.5));
    const x = out.landmarks[knee]!.xNorm;
    expect(x).toBeGreaterThan(0.4);
    expect(x).toBeLessThan(0.45);
    expect(out.landmarks[landmarkIndex('right_knee')]).toBeNull();
    expect(out.landmarks[0]!.xNorm).toBeCloseTo(0.5, 12);
  });
  it('treats a low-visibility landmark as a gap and restarts its filter after it', () => {
    const lf = new LandmarkOneEuroFilter({ params: { minCutoff: 1, beta: 0 } });
    lf.filter(frameAt(0, 0.2));
    lf.filter(frameAt(1, 0.2));
    const hidden = lf.filter(frameAt(2, 0.9, 0.1));
    expect(hidden.landmarks[knee]).toEqual({ xNorm: 0.9, yNorm: 0.5, visibility: 0.1 });
    // Reappearing far away: no glide in from 0.2.
    expect(lf.filter(frameAt(3, 0.8)).landmarks[knee]!.xNorm).toBe(0.8);
  });
  it('restarts after a frame without a person or a long time gap', () => {
    const lf = new LandmarkOneEuroFilter({ params: { minCutoff: 1, beta: 0 }, maxGapMs: 500 });
    lf.filter(frameAt(0, 0.2));
    const none: FrameResult = { tMs: DT, landmarks: null, imageWidthPx: 480, imageHeightPx: 480, peopleCount: 0 };
    expect(lf.filter(none)).toBe(none);
    expect(lf.filter(frameAt(2, 0.7)).landmarks[knee]!.xNorm).toBe(0.7);
    expect(lf.filter(frameAt(100, 0.1)).landmarks[knee]!.xNorm).toBe(0.1);
  });
});
