import { describe, it, expect } from 'vitest';
import {
  butterworthLowPass,
  butterworthLowPassSections,
  estimateSampleRateHz,
  fillShortGaps,
  filtfilt,
  hampelFilter,
  smoothPoseFrames,
  smoothSeries,
  smoothTimedSeries,
} from './butterworth.ts';
import { landmarkIndex } from '../pose/landmarks.ts';
import type { FrameResult, PoseFrame } from '../pose/pose-frame.ts';
import { makeFrame, seededGaussian, variance } from '@steadyback/synthetic';

function expectAllClose(actual: readonly (number | null)[], expected: readonly number[], digits: number): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, digits));
}

const sine = (n: number, fHz: number, fs: number, amp = 1) =>
  Array.from({ length: n }, (_, i) => amp * Math.sin((2 * Math.PI * fHz * i) / fs));

describe('Butterworth design', () => {
  it('matches scipy.signal.butter(2, 0.2)', () => {
    // Normalised 0.2 of Nyquist = 0.1 of the sample rate.
    const { b, a } = butterworthLowPass(2, 0.1, 1);
    expectAllClose(b, [0.0674552739, 0.1349105478, 0.0674552739], 9);
    expectAllClose(a, [1, -1.1429805025, 0.4128015981], 9);
  });
  it('matches scipy.signal.butter(4, 6, fs=30) as polynomials and as sections', () => {
    const { b, a } = butterworthLowPass(4, 6, 30);
    expectAllClose(b, [0.0465829066, 0.1863316265, 0.2794974398, 0.1863316265, 0.0465829066], 9);
    expectAllClose(a, [1, -0.782095198, 0.6799785269, -0.1826756978, 0.030118875], 9);
    // scipy's sos output puts the whole gain in the first section; compare the poles (a) per section.
    const sos = butterworthLowPassSections(4, 6, 30);
    const poles = sos.map((s) => [s.a[1], s.a[2]]).sort((p, q) => p[1]! - q[1]!);
    expectAllClose(poles[0]!, [-0.3289756774, 0.0645876549], 9);
    expectAllClose(poles[1]!, [-0.4531195207, 0.4663255708], 9);
  });
  it('has unit gain at DC and -3 dB at the cutoff', () => {
    for (const order of [2, 4] as const) {
      const { b, a } = butterworthLowPass(order, 5, 50);
      const gainAt = (fHz: number) => {
        const w = (2 * Math.PI * fHz) / 50;
        const ev = (c: readonly number[]) =>
          c.reduce(([re, im], ck, k) => [re + ck * Math.cos(-w * k), im + ck * Math.sin(-w * k)] as [number, number], [
            0, 0,
          ] as [number, number]);
        const [br, bi] = ev(b);
        const [ar, ai] = ev(a);
        return Math.hypot(br, bi) / Math.hypot(ar, ai);
      };
      expect(gainAt(0)).toBeCloseTo(1, 12);
      expect(gainAt(5)).toBeCloseTo(Math.SQRT1_2, 10);
    }
  });
  it('refuses a cutoff at or above Nyquist with a fix in the message', () => {
    expect(() => butterworthLowPass(2, 15, 30)).toThrow(/lower the cutoff/);
    expect(() => butterworthLowPass(3 as never, 1, 30)).toThrow(/order/);
  });
});

describe('filtfilt', () => {
  const ref = Array.from({ length: 40 }, (_, i) => Math.sin(0.3 * i) + (0.5 * (((i * 7) % 5) - 2)) / 2 + 0.02 * i);

  it('matches scipy.signal.sosfiltfilt (4th order, odd padding) sample for sample', () => {
    const y = filtfilt(butterworthLowPassSections(4, 6, 30), ref);
    const at = [0, 1, 5, 20, 38, 39].map((i) => y[i]!);
    expectAllClose(at, [-0.4995709741, 0.3484065479, 0.9414504384, -0.0046210825, 0.0489431996, 0.2684531298], 9);
  });
  it('matches scipy.signal.filtfilt(*butter(2, 0.2))', () => {
    const y = filtfilt(butterworthLowPassSections(2, 0.1, 1), ref);
    const at = [0, 1, 5, 20, 38, 39].map((i) => y[i]!);
    expectAllClose(at, [-0.4992176225, 0.0355430493, 1.085147341, 0.1234754688, 0.0678683089, 0.2629102879], 9);
  });
  it('shortens the padding for short series like scipy with padlen = n - 1', () => {
    const y = filtfilt(butterworthLowPassSections(4, 6, 30), ref.slice(0, 8));
    expectAllClose(
      y,
      [-0.5068673233, 0.34510685, 0.8735119091, 0.9839691092, 0.8681480867, 0.8351443923, 1.0719174002, 1.5105097594],
      9,
    );
    expect(filtfilt(butterworthLowPassSections(2, 6, 30), [3])).toEqual([3]);
  });
  it('passes a sine well below the cutoff with no lag and amplitude ~1', () => {
    const fs = 30;
    const x = sine(300, 1, fs).map((_, i) => Math.cos((2 * Math.PI * i) / fs)); // peaks fall on samples
    const y = filtfilt(butterworthLowPassSections(4, 6, fs), x);
    // Interior samples: equal to the input within 0.5%, so no phase shift and unit gain.
    for (let i = 30; i < 270; i++) expect(Math.abs(y[i]! - x[i]!)).toBeLessThan(0.005);
    // The peak stays on the same sample (zero phase).
    const peak = (s: readonly number[]) => s.slice(30, 60).reduce((bi, v, i, arr) => (v > arr[bi]! ? i : bi), 0);
    expect(peak(y)).toBe(peak(x));
  });
  it('attenuates a sine well above the cutoff strongly', () => {
    const fs = 30;
    const y = filtfilt(butterworthLowPassSections(4, 3, fs), sine(300, 12, fs));
    const amp = Math.max(...y.slice(30, 270).map(Math.abs));
    expect(amp).toBeLessThan(0.001);
  });
  it('keeps a constant exactly and a straight line to within 1% of one step, ends included', () => {
    const sos = butterworthLowPassSections(4, 6, 30);
    filtfilt(sos, Array(50).fill(2.5)).forEach((v) => expect(v).toBeCloseTo(2.5, 10));
    // Odd padding continues the slope past the ends; scipy's own residual here is 1.5e-4.
    const ramp = Array.from({ length: 50 }, (_, i) => 0.1 * i);
    filtfilt(sos, ramp).forEach((v, i) => expect(Math.abs(v - 0.1 * i)).toBeLessThan(1e-3));
  });
});

describe('gap filling and outliers', () => {
  it('fills short interior gaps linearly', () => {
    expect(fillShortGaps([0, null, null, 3, 4], 2)).toEqual([0, 1, 2, 3, 4]);
  });
  it('leaves long gaps and gaps at the ends null', () => {
    expect(fillShortGaps([0, null, null, null, 4], 2)).toEqual([0, null, null, null, 4]);
    expect(fillShortGaps([null, 1, 2, null], 5)).toEqual([null, 1, 2, null]);
    expect(() => fillShortGaps([1], -1)).toThrow(/maxGapSamples/);
  });
  it('Hampel removes a spike and keeps ordinary variation', () => {
    const xs = [1, 1.1, 0.9, 1, 1.05, 9, 0.95, 1, 1.1, 0.9];
    const out = hampelFilter(xs, { halfWindow: 3, k: 3 });
    expect(out[5]).toBeNull();
    expect(out.filter((v) => v === null)).toHaveLength(1);
    expect(out[4]).toBe(1.05);
  });
  it('Hampel leaves a real step in place', () => {
    const xs = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1];
    expect(hampelFilter(xs, { halfWindow: 2, k: 3 })).toEqual(xs);
  });
});

describe('smoothSeries', () => {
  it('drops a spike, bridges a short dropout and keeps a long gap as a gap', () => {
    const fs = 30;
    const x: Array<number | null> = sine(120, 0.5, fs);
    x[20] = 50; // tracking glitch
    x[40] = null;
    x[41] = null; // short dropout
    for (let i = 70; i < 90; i++) x[i] = null; // foot out of picture
    const y = smoothSeries(x, { cutoffHz: 4, sampleRateHz: fs, maxGapSamples: 5 });
    const truth = sine(120, 0.5, fs);
    expect(Math.abs(y[20]! - truth[20]!)).toBeLessThan(0.02);
    expect(Math.abs(y[40]! - truth[40]!)).toBeLessThan(0.02);
    expect(y.slice(70, 90).every((v) => v === null)).toBe(true);
    expect(y[69]).not.toBeNull();
    expect(y[90]).not.toBeNull();
  });
  it('returns all nulls for an all-null series', () => {
    expect(smoothSeries([null, null, null], { cutoffHz: 4, sampleRateHz: 30 })).toEqual([null, null, null]);
  });
  it('reduces noise on a slow movement', () => {
    const fs = 30;
    const noise = seededGaussian(7);
    const truth = sine(300, 0.5, fs, 0.2);
    const x = truth.map((v) => v + 0.01 * noise());
    const y = smoothSeries(x, { cutoffHz: 3, sampleRateHz: fs, hampel: false });
    const errIn = variance(x.map((v, i) => v - truth[i]!));
    const errOut = variance(y.map((v, i) => v! - truth[i]!));
    expect(errOut / errIn).toBeLessThan(0.3);
  });
});

describe('timestamped smoothing', () => {
  it('estimates the rate from the median step, ignoring a dropped frame', () => {
    expect(estimateSampleRateHz([0, 33, 67, 100, 167, 200, 233])).toBeCloseTo(1000 / 33, 6);
    expect(() => estimateSampleRateHz([0, 10, 10])).toThrow(/increasing/);
  });
  it('gives the same result as smoothSeries on uniform timestamps', () => {
    const fs = 25;
    const x = sine(100, 1, fs).map((v, i) => v + (i % 2 ? 0.05 : -0.05));
    const t = x.map((_, i) => (i * 1000) / fs);
    const a = smoothTimedSeries(t, x, { cutoffHz: 5, hampel: false });
    const b = smoothSeries(x, { cutoffHz: 5, sampleRateHz: fs, hampel: false });
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 9));
  });
  it('handles variable frame timing: a slow sine through jittered, rounded timestamps stays unlagged', () => {
    const fHz = 0.5;
    const t: number[] = [];
    for (let i = 0, tm = 0; i < 200; i++) {
      t.push(Math.round(tm));
      tm += i % 7 === 3 ? 66.7 : 33.3; // an occasional dropped frame
    }
    const x = t.map((tm) => Math.sin(2 * Math.PI * fHz * (tm / 1000)));
    const y = smoothTimedSeries(t, x, { cutoffHz: 4, hampel: false });
    for (let i = 10; i < 190; i++) expect(Math.abs(y[i]! - x[i]!)).toBeLessThan(0.01);
    expect(y[0]).not.toBeNull();
    expect(y[199]).not.toBeNull();
  });
  it('does not smooth across a long time gap but bridges a single missing frame', () => {
    // 1 s of data at level 0, 2 s with no frames, 1 s at level 1.
    const t = [
      ...Array.from({ length: 30 }, (_, i) => i * 33.3),
      ...Array.from({ length: 30 }, (_, i) => 3000 + i * 33.3),
    ];
    const x: Array<number | null> = t.map((tm) => (tm < 2000 ? 0 : 1));
    x[40] = null;
    x[29] = null; // missing right before the long gap: nothing to bridge it to
    const y = smoothTimedSeries(t, x, { cutoffHz: 4, maxGapMs: 200 });
    expect(y[29]).toBeNull();
    // Had the gap been bridged, the step would be smeared into both sides.
    expect(y[28]).toBeCloseTo(0, 8);
    expect(y[30]).toBeCloseTo(1, 8);
    expect(y[40]).toBeCloseTo(1, 8);
    const bridged = smoothTimedSeries(t, x, { cutoffHz: 4, maxGapMs: 5000 });
    expect(bridged[28]!).toBeGreaterThan(0.01);
    expect(() => smoothTimedSeries([0, 1], [1], { cutoffHz: 1 })).toThrow(/same length/);
  });
});

describe('smoothPoseFrames', () => {
  const knee = landmarkIndex('left_knee');
  const fs = 30;
  const frames = (): FrameResult[] =>
    Array.from({ length: 90 }, (_, i): FrameResult => {
      const tMs = (i * 1000) / fs;
      if (i === 60) return { tMs, landmarks: null, imageWidthPx: 480, imageHeightPx: 480, peopleCount: 0 };
      const x = 0.5 + 0.1 * Math.sin((2 * Math.PI * 0.5 * i) / fs) + (i % 2 ? 0.01 : -0.01);
      const v = i === 30 ? 0.1 : 0.9;
      return makeFrame({ left_knee: { x, y: 0.5, v } }, { tMs });
    });

  it('smooths each landmark coordinate and leaves absent landmarks null', () => {
    const out = smoothPoseFrames(frames(), { cutoffHz: 3 });
    const raw = frames();
    const p = out[45] as PoseFrame;
    const truth = 0.5 + 0.1 * Math.sin((2 * Math.PI * 0.5 * 45) / fs);
    expect(Math.abs(p.landmarks[knee]!.xNorm - truth)).toBeLessThan(0.002);
    expect(Math.abs((raw[45] as PoseFrame).landmarks[knee]!.xNorm - truth)).toBeGreaterThan(0.009);
    expect(p.landmarks[landmarkIndex('right_knee')]).toBeNull();
  });
  it('fills a short low-visibility dropout at the floor visibility and passes empty frames through', () => {
    const out = smoothPoseFrames(frames(), { cutoffHz: 3 });
    const filled = (out[30] as PoseFrame).landmarks[knee]!;
    expect(filled.visibility).toBe(0.5);
    const truth = 0.5 + 0.1 * Math.sin((2 * Math.PI * 0.5 * 30) / fs);
    // Both neighbours carry +0.01 jitter, so the bridge sits up to 0.01 off before filtering.
    expect(Math.abs(filled.xNorm - truth)).toBeLessThan(0.006);
    expect(out[60]!.landmarks).toBeNull();
    expect((out[59] as PoseFrame).landmarks[knee]!.visibility).toBe(0.9);
  });
});
