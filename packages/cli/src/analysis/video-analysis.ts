// The CLI's analysis of a recorded video, from the file to the core result: finding the body (with
// the bird-dog's second-model fallback), the wrong-input checks, the picture's change, and the core
// analysers. `steadyback analyze` and `npm run bench:real` both run it; the reader that turns a
// video into poses and small pictures is passed in, so the benchmark can cache what it read.

import {
  analyzeBirdDog,
  analyzeStretch,
  summarizePoseFrames,
  type BirdDogInput,
  type BirdDogResult,
  type FrameResult,
  type MotionFrames,
  type PelvisInput,
  type StretchResult,
  type WaistbandInput,
} from '@steadyback/core';
import { DEFAULT_POSE_MODEL, type PoseModelName } from '@steadyback/pose';
import { analyzeVideoPoses, readMotionFrames, type VideoInfo, type VideoPoseResult } from '@steadyback/pose/node';
import { CliError } from '../cli-error.ts';
import { createProgress } from '../progress.ts';
import { checkCameraInput } from './camera-input.ts';

/** Turns a video into pose frames (one model) and into the small grey pictures of camera-motion. */
export interface VideoReader {
  poses(video: string, model: PoseModelName, label: string): Promise<VideoPoseResult>;
  motion(info: VideoInfo): Promise<MotionFrames>;
}

/** The reader `steadyback analyze` uses: the real model on every frame, with a progress bar. */
export function fileReader(quiet: boolean): VideoReader {
  return {
    async poses(video, model, label) {
      const progress = quiet ? null : createProgress(label);
      try {
        return await analyzeVideoPoses(video, { model, onProgress: (d, t) => progress?.update(d, t) });
      } finally {
        progress?.stop();
      }
    },
    motion: (info) => readMotionFrames(info),
  };
}

/**
 * The accuracy lab (docs/accuracy.md) decides the default per exercise: MoveNet Thunder reads the
 * half-kneeling knees and trunk-thigh change best from the side (BlazePose full misread a still
 * front knee by up to 69 degrees); BlazePose full times bird-dog reps with no wrong verdict.
 */
export function defaultModel(exercise: 'bird-dog' | 'hip-flexor-stretch'): PoseModelName {
  return exercise === 'hip-flexor-stretch' ? 'movenet-thunder' : DEFAULT_POSE_MODEL;
}

/**
 * When the bird-dog's default model finds the person in fewer than half the frames, the video is
 * analysed again with this one: the accuracy lab found someone on all fours in every still of every
 * view with MoveNet Thunder, where BlazePose full missed them in front (4 of 112 frames) and often
 * from behind.
 */
export const BIRD_DOG_FALLBACK_MODEL: PoseModelName = 'movenet-thunder';
const FALLBACK_BELOW_PERSON_SHARE = 0.5;

export function personShare(frames: readonly FrameResult[]): number {
  const s = summarizePoseFrames(frames);
  return s.frames > 0 ? s.framesWithPerson / s.frames : 0;
}

export interface BirdDogVideoOptions {
  readonly video?: string;
  readonly model: PoseModelName;
  /** Whether the person chose the model (then no second model is tried). */
  readonly modelChosen: boolean;
  readonly pelvis?: PelvisInput;
  readonly pain?: BirdDogInput['pain'];
}

export async function birdDogFromVideo(
  o: BirdDogVideoOptions,
  reader: VideoReader,
): Promise<{ result: BirdDogResult; poses: VideoPoseResult | null }> {
  let poses: VideoPoseResult | null = null;
  let motion: MotionFrames | null = null;
  if (o.video) {
    poses = await reader.poses(o.video, o.model, 'Finding the body');
    if (!o.modelChosen && personShare(poses.frames) < FALLBACK_BELOW_PERSON_SHARE) {
      const second = await reader.poses(o.video, BIRD_DOG_FALLBACK_MODEL, 'Looking again with a second model');
      if (personShare(second.frames) > personShare(poses.frames)) {
        const warnings = [
          {
            code: 'model-fallback' as const,
            message: `${o.model} found you in only ${Math.round(personShare(poses.frames) * 100)}% of the frames, so ${BIRD_DOG_FALLBACK_MODEL} was used (it found you in ${Math.round(personShare(second.frames) * 100)}%).`,
          },
          ...second.warnings,
        ];
        poses = { ...second, warnings };
      }
    }
    checkCameraInput(poses.frames, 'bird-dog');
    // Where the picture changes: times the reps when the camera films end-on (from behind or in front).
    motion = await reader.motion(poses.info);
  }
  const result = analyzeBirdDog({
    ...(poses ? { frames: poses.frames } : {}),
    ...(motion ? { motion } : {}),
    ...(o.pelvis ? { pelvis: o.pelvis } : {}),
    ...(o.pain ? { pain: o.pain } : {}),
  });
  return { result, poses };
}

export interface StretchVideoOptions {
  readonly video: string;
  readonly model: PoseModelName;
  readonly waistband?: WaistbandInput;
  readonly depthCapDeg?: number;
}

export async function stretchFromVideo(
  o: StretchVideoOptions,
  reader: VideoReader,
): Promise<{ result: StretchResult; poses: VideoPoseResult }> {
  const poses = await reader.poses(o.video, o.model, 'Finding the body');
  checkCameraInput(poses.frames, 'hip-flexor-stretch');
  // The small pictures show where the video was edited (each part is read on its own).
  const motion = await reader.motion(poses.info);
  const result = analyzeStretch({
    frames: poses.frames,
    motion,
    ...(o.waistband ? { waistband: o.waistband } : {}),
    ...(o.depthCapDeg !== undefined ? { depthCapDeg: o.depthCapDeg } : {}),
  });
  return { result, poses };
}
