// The real pose models on real pixels: a rendered human figure (CC0, ../shared/data/figures) whose
// true joint positions are known exactly. No mocks: tfjs wasm, the real model files, ffmpeg.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { landmarkIndex, type FrameResult, type LandmarkName, type PoseFrame } from '@steadyback/core';
import { birdDogSideClip, quadrupedSideImage, standingFrontImage } from '@steadyback/lab/fixtures';
import type { FrameTruth } from '@steadyback/lab';
import { ffmpeg, makeTempDir } from '../test-support/ffmpeg-fixtures.ts';
import { analyzeVideoPoses } from './analyze-video.ts';
import { createNodePoseSource } from './index.ts';
import { probeVideo, readFrames } from './video-source.ts';

const tmp = makeTempDir('steadyback-real-');
afterAll(() => tmp.cleanup());

async function firstFrame(file: string) {
  const info = await probeVideo(file);
  const { frames } = readFrames(info);
  for await (const d of frames) return { info, frame: { ...d.frame, data: Uint8Array.from(d.frame.data) } };
  throw new Error('no frame');
}

/** Median distance between model and true joints, as a share of the true torso length. */
function medianError(pose: PoseFrame, truth: FrameTruth, names: readonly LandmarkName[]): number {
  const t = truth.joints2dPx;
  const torso = Math.hypot(t.left_shoulder!.x - t.left_hip!.x, t.left_shoulder!.y - t.left_hip!.y);
  const errs = names.map((n) => {
    const lm = pose.landmarks[landmarkIndex(n)]!;
    return Math.hypot(lm.xNorm * pose.imageWidthPx - t[n]!.x, lm.yNorm * pose.imageHeightPx - t[n]!.y) / torso;
  });
  errs.sort((a, b) => a - b);
  return errs[Math.floor(errs.length / 2)]!;
}

const NEAR_SIDE: LandmarkName[] = ['left_shoulder', 'left_elbow', 'left_wrist', 'left_hip', 'left_knee', 'left_ankle'];

describe('pose models on a rendered person on all fours (side view)', () => {
  let png = '';
  let truth: FrameTruth;
  beforeAll(async () => {
    const f = await quadrupedSideImage();
    png = f.png;
    truth = JSON.parse(readFileSync(f.truth, 'utf8')) as FrameTruth;
  });

  for (const model of ['blazepose-full', 'movenet-thunder'] as const) {
    it(`${model} finds the person and puts the near-side joints on the true joints`, async () => {
      const { frame } = await firstFrame(png);
      const source = await createNodePoseSource(model);
      try {
        const r = await source.estimate(frame, 0);
        expect(r.landmarks).not.toBeNull();
        const err = medianError(r as PoseFrame, truth, NEAR_SIDE);
        expect(err).toBeLessThan(0.2);
      } finally {
        source.dispose();
      }
    });
  }

  it('gives MoveNet 17 landmarks and leaves the 16 it lacks empty', async () => {
    const { frame } = await firstFrame(png);
    const source = await createNodePoseSource('movenet-lightning');
    const r = (await source.estimate(frame, 0)) as PoseFrame;
    source.dispose();
    expect(r.landmarks.filter((l) => l !== null)).toHaveLength(17);
    expect(r.landmarks[landmarkIndex('left_heel')]).toBeNull();
  });

  it('reports landmarks in the upright frame of a sideways-stored portrait video', async () => {
    // Store the picture rotated a quarter turn, tagged so players turn it back upright.
    const stored = path.join(tmp.dir, 'sideways.mp4');
    const tagged = path.join(tmp.dir, 'portrait.mp4');
    ffmpeg(['-loop', '1', '-i', png, '-t', '0.2', '-r', '10', '-vf', 'transpose=2', '-pix_fmt', 'yuv420p', stored]);
    ffmpeg(['-i', stored, '-c', 'copy', '-metadata:s:v:0', 'rotate=270', tagged]);
    const upright = await analyzeVideoPoses(png, { model: 'blazepose-full', workers: 1 });
    const rotated = await analyzeVideoPoses(tagged, { model: 'blazepose-full', workers: 1 });
    expect(rotated.info.rotationDeg).toBe(90);
    const a = upright.frames[0]!.landmarks!;
    const b = rotated.frames[0]!.landmarks!;
    for (const n of NEAR_SIDE) {
      expect(Math.abs(a[landmarkIndex(n)]!.xNorm - b[landmarkIndex(n)]!.xNorm)).toBeLessThan(0.03);
      expect(Math.abs(a[landmarkIndex(n)]!.yNorm - b[landmarkIndex(n)]!.yNorm)).toBeLessThan(0.03);
    }
  });

  it('counts two people and follows the larger one', async () => {
    const standing = await standingFrontImage();
    const both = path.join(tmp.dir, 'two-people.png');
    // The person on all fours at full size, a smaller standing person pasted into the top-right corner.
    ffmpeg([
      '-i',
      png,
      '-i',
      standing.png,
      '-filter_complex',
      '[1]crop=300:480:170:0,scale=190:-2[s];[0][s]overlay=W-w:0',
      both,
    ]);
    const r = await analyzeVideoPoses(both, { model: 'blazepose-full', workers: 1 });
    expect(r.stats.maxPeople).toBeGreaterThanOrEqual(2);
    expect(r.warnings.map((w) => w.code)).toContain('several-people');
    const pose = r.frames[0] as PoseFrame;
    expect(medianError(pose, truth, NEAR_SIDE)).toBeLessThan(0.25);
  });
});

describe('the recorded-video pipeline on a rendered bird-dog clip', () => {
  it('gives the same frames and timestamps with one worker or two, and finds the person throughout', async () => {
    const clip = await birdDogSideClip();
    const one = await analyzeVideoPoses(clip.mp4, { model: 'movenet-lightning', workers: 1 });
    const two = await analyzeVideoPoses(clip.mp4, { model: 'movenet-lightning', workers: 2 });
    expect(two.stats.workers).toBe(2);
    expect(two.frames.length).toBe(one.frames.length);
    expect(two.frames.map((f) => Math.round(f.tMs))).toEqual(one.frames.map((f) => Math.round(f.tMs)));
    const withPerson = (fs: FrameResult[]) => fs.filter((f) => f.landmarks !== null).length / fs.length;
    expect(withPerson(two.frames)).toBeGreaterThan(0.95);
    const truthFile = JSON.parse(readFileSync(clip.truth, 'utf8')) as { fps: number; frames: unknown[] };
    expect(one.frames.length).toBe(truthFile.frames.length);
  });
});
