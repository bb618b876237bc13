// The CLI's side of analysing a recorded video: the reader with a progress bar, and what to do
// next when the video shows another exercise. The policy itself (models, fallback, checks) is the
// pose package's recorded analysis; `steadyback analyze` and `npm run bench:real` both run it.

import type { ExerciseName } from '@steadyback/core';
import { PoseError, type PoseModelName } from '@steadyback/pose';
import {
  analyzeVideoPoses,
  birdDogFromVideo as poseBirdDogFromVideo,
  readMotionFrames,
  stretchFromVideo as poseStretchFromVideo,
  type VideoReader,
} from '@steadyback/pose/node';
import { CliError } from '../cli-error.ts';
import { createProgress } from '../progress.ts';

export { defaultModel, type VideoReader } from '@steadyback/pose/node';

/**
 * `--model-fps`: at most N frames a second to the pose model, or "all" for every frame; undefined
 * (not given) keeps each exercise's default (recordedModelFps).
 */
export function parseModelFps(value: string | undefined, flag = '--model-fps'): number | null | undefined {
  if (value === undefined) return undefined;
  if (value === 'all') return null;
  const n = Number(value);
  if (!(Number.isFinite(n) && n >= 1 && n <= 120))
    throw new CliError(`${flag} needs a number of frames a second from 1 to 120, or "all" for every frame.`, 2);
  return n;
}

/** The reader with the pose model's rate set by the person (undefined: the exercise's default). */
export function atModelFps(reader: VideoReader, fps: number | null | undefined): VideoReader {
  if (fps === undefined) return reader;
  return { poses: (video, model, label) => reader.poses(video, model, label, fps), motion: (i) => reader.motion(i) };
}

/** The reader `steadyback analyze` uses: the real model, at the rate it is asked for, with a progress bar. */
export function fileReader(quiet: boolean): VideoReader {
  return {
    async poses(video: string, model: PoseModelName, label: string, maxModelFps: number | null) {
      const progress = quiet ? null : createProgress(label);
      try {
        return await analyzeVideoPoses(video, {
          model,
          onProgress: (d, t) => progress?.update(d, t),
          ...(maxModelFps ? { maxModelFps } : {}),
        });
      } finally {
        progress?.stop();
      }
    },
    motion: (info) => readMotionFrames(info),
  };
}

const INSTEAD: Record<ExerciseName, string> = {
  'bird-dog': 'For the bird-dog, record yourself on hands and knees, or choose --exercise hip-flexor-stretch.',
  'hip-flexor-stretch': 'For the stretch, record yourself half-kneeling from the side, or choose --exercise bird-dog.',
};

async function withAdvice<T>(exercise: ExerciseName, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof PoseError && err.code === 'wrong-exercise') {
      throw new CliError(`${err.message} ${INSTEAD[exercise]}`);
    }
    throw err;
  }
}

export const birdDogFromVideo: typeof poseBirdDogFromVideo = (o, reader) =>
  withAdvice('bird-dog', () => poseBirdDogFromVideo(o, reader));

export const stretchFromVideo: typeof poseStretchFromVideo = (o, reader) =>
  withAdvice('hip-flexor-stretch', () => poseStretchFromVideo(o, reader));
