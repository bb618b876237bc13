// Builders for synthetic frames used by the core's tests.

import { BLAZEPOSE_LANDMARKS, type LandmarkName } from '@steadyback/core';
import type { Landmark, PoseFrame } from '@steadyback/core';

export type PointSpec = { readonly x: number; readonly y: number; readonly v?: number };

/** A frame whose named landmarks are given in normalised coordinates; all others are null. */
export function makeFrame(
  points: Partial<Record<LandmarkName, PointSpec>>,
  opts: { tMs?: number; widthPx?: number; heightPx?: number } = {},
): PoseFrame {
  const landmarks: Array<Landmark | null> = BLAZEPOSE_LANDMARKS.map((n) => {
    const p = points[n];
    return p ? { xNorm: p.x, yNorm: p.y, visibility: p.v ?? 0.9 } : null;
  });
  return { tMs: opts.tMs ?? 0, landmarks, imageWidthPx: opts.widthPx ?? 480, imageHeightPx: opts.heightPx ?? 480 };
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so noisy tests repeat exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Gaussian noise from a seeded generator (Box-Muller). */
export function seededGaussian(seed: number): () => number {
  const rnd = seededRandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
}

export function variance(xs: readonly number[]): number {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length;
}
