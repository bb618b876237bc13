// A recorded video to a core result: finding the body (with the bird-dog's second-model fallback),
// the checks that the video can be analysed for the exercise, the picture's change, and the core
// analysers. The reader that turns a video into poses and small pictures is passed in, so a caller
// can show progress or cache what it read.

import {
  analyzeBirdDog,
  analyzeStretch,
  cameraInputProblem,
  summarizePoseFrames,
  type BirdDogInput,
  type BirdDogResult,
  type ExerciseName,
  type FrameResult,
  type MotionFrames,
  type PelvisInput,
  type StretchResult,
  type WaistbandInput,
} from '@steadyback/core';
import { PoseError } from '../errors.ts';
import { DEFAULT_POSE_MODEL, type PoseModelName } from '../models.ts';
import type { VideoPoseResult } from './analyze-video.ts';
import type { VideoInfo } from './video-source.ts';

/** Turns a video into pose frames (one model) and into the small grey pictures of camera/motion. */
export interface VideoReader {
  /** `maxModelFps`: at most this many frames a second to the pose model; null: every frame. */
  poses(video: string, model: PoseModelName, label: string, maxModelFps: number | null): Promise<VideoPoseResult>;
  motion(info: VideoInfo): Promise<MotionFrames>;
}

/**
 * A recorded bird-dog goes to the pose model at most this many frames a second (the frames between
 * are decoded and dropped): its reps are slow, and the analysis reads real timestamps. On the real
 * recordings (`bench:real --compare-model-fps`) the reps, views and verdicts were the same and the
 * angles within 0.4 degrees. The stretch keeps every frame: its set-up angles are read at one moment,
 * and at 15 frames a second one moved 3 degrees on a fast leg swing.
 */
export const RECORDED_MAX_MODEL_FPS = 15;

/** How many frames a second of a recorded video the pose model reads for an exercise (null: all). */
export function recordedModelFps(exercise: ExerciseName): number | null {
  return exercise === 'bird-dog' ? RECORDED_MAX_MODEL_FPS : null;
}

/**
 * The accuracy lab (docs/accuracy.md) decides the default per exercise: MoveNet Thunder reads the
 * half-kneeling knees and trunk-thigh change best from the side; BlazePose full times bird-dog reps
 * with no wrong verdict.
 */
export function defaultModel(exercise: ExerciseName): PoseModelName {
  return exercise === 'hip-flexor-stretch' ? 'movenet-thunder' : DEFAULT_POSE_MODEL;
}

/**
 * When the bird-dog's default model finds the person in fewer than half the frames, the video is
 * read again with this one: in the accuracy lab MoveNet Thunder found someone on all fours in every
 * still of every view, where BlazePose full often missed them in front and from behind.
 */
export const BIRD_DOG_FALLBACK_MODEL: PoseModelName = 'movenet-thunder';
const FALLBACK_BELOW_PERSON_SHARE = 0.5;

const personShare = (frames: readonly FrameResult[]): number => summarizePoseFrames(frames).personShare;

/** Throws a PoseError with one sentence when the frames cannot be analysed for the exercise. */
export function checkCameraInput(frames: readonly FrameResult[], exercise: ExerciseName): void {
  const problem = cameraInputProblem(frames, exercise);
  if (problem) throw new PoseError(problem.code, problem.message);
}

async function birdDogPoses(
  video: string,
  model: PoseModelName,
  modelChosen: boolean,
  reader: VideoReader,
): Promise<VideoPoseResult> {
  const fps = recordedModelFps('bird-dog');
  const first = await reader.poses(video, model, 'Finding the body', fps);
  if (modelChosen || personShare(first.frames) >= FALLBACK_BELOW_PERSON_SHARE) return first;
  const second = await reader.poses(video, BIRD_DOG_FALLBACK_MODEL, 'Looking again with a second model', fps);
  if (personShare(second.frames) <= personShare(first.frames)) return first;
  const firstPct = Math.round(personShare(first.frames) * 100);
  const secondPct = Math.round(personShare(second.frames) * 100);
  const fallback = {
    code: 'model-fallback' as const,
    message: `${model} found you in only ${firstPct}% of the frames, so ${BIRD_DOG_FALLBACK_MODEL} was used (it found you in ${secondPct}%).`,
  };
  return { ...second, warnings: [fallback, ...second.warnings] };
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
    poses = await birdDogPoses(o.video, o.model, o.modelChosen, reader);
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
  const poses = await reader.poses(o.video, o.model, 'Finding the body', recordedModelFps('hip-flexor-stretch'));
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
