// Without the CC0 figures the lab falls back to the dev-only mannequin-js figure: forced here by
// the figure option, one pose rendered, and a real pose model must find a person in it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { landmarkIndex } from '@steadyback/core';
import { createNodePoseSource } from '@steadyback/pose/node';
import { FALLBACK_NOTE, figureSource } from '../bench/figure-source.ts';
import { keypointErrors } from '../bench/metrics.ts';
import { createFigureRenderer, type FigureRenderer, type RenderResult } from './figure-renderer.ts';
import { decodePng } from './png.ts';

let renderer: FigureRenderer;
let shot: RenderResult;

beforeAll(async () => {
  renderer = await createFigureRenderer({ figure: 'mannequin' });
  shot = await renderer.render({ kind: 'standing', armAbductionDeg: 20 }, 'front');
});

afterAll(async () => {
  await renderer?.close();
});

describe('the mannequin-js fallback figure', () => {
  it('poses like the CC0 figures: straight knees standing, the truth inside the picture', () => {
    expect(renderer.figure).toBe('mannequin');
    expect(shot.truth.angles.leftKneeDeg).toBeGreaterThan(170);
    expect(shot.truth.angles.rightKneeDeg).toBeGreaterThan(170);
    for (const j of ['nose', 'left_hip', 'right_ankle', 'left_wrist'] as const)
      expect(shot.truth.joints2dPx[j]).not.toBeNull();
    // Facing the camera, the person's left side is on the right of the picture.
    expect(shot.truth.joints2dPx.left_hip!.x).toBeGreaterThan(shot.truth.joints2dPx.right_hip!.x);
  });

  it('is found as a person by BlazePose, with joints near the truth', async () => {
    const img = decodePng(shot.png);
    const source = await createNodePoseSource('blazepose-full', { enableSmoothing: false });
    try {
      const r = await source.estimate({ data: img.data, widthPx: img.widthPx, heightPx: img.heightPx, channels: 4 }, 0);
      expect(r.landmarks).not.toBeNull();
      const errors = keypointErrors((n) => {
        const lm = r.landmarks![landmarkIndex(n)];
        return lm ? { x: lm.xNorm * img.widthPx, y: lm.yNorm * img.heightPx } : null;
      }, shot.truth)
        .filter((e): e is number => e !== null)
        .sort((a, b) => a - b);
      // A loose bound: this is a plumbing check, not an accuracy claim (a torso length is ~0.5 m).
      expect(errors[errors.length >> 1]).toBeLessThan(0.35);
    } finally {
      source.dispose();
    }
  });

  it('makes the benchmark say its numbers are plumbing checks', () => {
    const s = figureSource(true);
    expect(s.fallback).toBe(true);
    expect(s.note).toBe(FALLBACK_NOTE);
    expect(FALLBACK_NOTE).toBe('figures: mannequin-js fallback; numbers are plumbing checks, not claims about people');
  });
});
